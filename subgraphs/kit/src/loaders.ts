import DataLoader from "dataloader";
import type { EntityManager, FilterQuery, QueryOrderMap } from "@mikro-orm/postgresql";
import type { ClassType } from "type-graphql";

/**
 * One query for every id asked for in a tick: `where id in (...)`. Results
 * come back in key order, null where the record does not exist.
 */
export function byIdLoader<E extends { id: string }>(em: EntityManager, entity: ClassType<E>): DataLoader<string, E | null> {
  return new DataLoader(async (ids) => {
    const rows = await em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<E>);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  }, { maxBatchSize: 1000 });
}

/**
 * One query for the children of every parent asked for in a tick:
 * `where <key> in (...)`, grouped by the key.
 */
export function groupLoader<E extends object>(
  em: EntityManager,
  entity: ClassType<E>,
  key: keyof E & string,
  orderBy: QueryOrderMap<E>,
  extraWhere: FilterQuery<E> = {} as FilterQuery<E>,
): DataLoader<string, E[]> {
  return new DataLoader(async (keys) => {
    const rows = await em.find(entity, { ...(extraWhere as object), [key]: { $in: [...keys] } } as FilterQuery<E>, { orderBy });
    const groups = new Map<string, E[]>(keys.map((k) => [k, []]));
    for (const row of rows) {
      const value = row[key] as unknown;
      const k = typeof value === "object" && value !== null && "id" in value ? String((value as { id: string }).id) : String(value);
      groups.get(k)?.push(row);
    }
    return keys.map((k) => groups.get(k) ?? []);
  }, { maxBatchSize: 1000 });
}

/**
 * For an array column: every row whose `<key>` array overlaps the keys asked
 * for (`&&`), grouped by each key it contains.
 */
export function arrayGroupLoader<E extends object>(
  em: EntityManager,
  entity: ClassType<E>,
  key: keyof E & string,
  orderBy: QueryOrderMap<E>,
): DataLoader<string, E[]> {
  return new DataLoader(async (keys) => {
    const rows = await em.find(entity, { [key]: { $overlap: [...keys] } } as FilterQuery<E>, { orderBy });
    const groups = new Map<string, E[]>(keys.map((k) => [k, []]));
    for (const row of rows) for (const k of row[key] as unknown as string[]) groups.get(k)?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  }, { maxBatchSize: 1000 });
}

/**
 * A DataLoader over one aggregate SQL query for all keys asked for in a
 * tick: `query(keys)` returns rows carrying `key`; keys without a row get
 * `empty`. Aggregates are computed in SQL, never by loading rows.
 */
export function aggregateLoader<R extends { key: string }>(query: (keys: string[]) => Promise<R[]>, empty: (key: string) => R): DataLoader<string, R> {
  return new DataLoader(async (keys) => {
    const rows = await query([...keys]);
    const byKey = new Map(rows.map((r) => [String(r.key), r]));
    return keys.map((k) => byKey.get(k) ?? empty(k));
  }, { maxBatchSize: 1000 });
}

/** `?, ?, ?` for a list of bindings. */
export const placeholders = (values: readonly unknown[]): string => values.map(() => "?").join(", ");
