import "reflect-metadata";
import { ArgsType, Directive, Field, Int, ObjectType, registerEnumType, type ClassType } from "type-graphql";
import DataLoader from "dataloader";
import { Cursor } from "@mikro-orm/core";
import type { EntityManager, FilterQuery, QueryOrderMap } from "@mikro-orm/postgresql";
import { HubError } from "./errors.js";
import { sqlRows } from "./db/raw.js";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export enum SortDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortDirection, {
  name: "SortDirection",
  description: "Order of a sorted list.",
  valuesConfig: { ASC: { description: "Smallest or earliest first." }, DESC: { description: "Largest or latest first." } },
});

@Directive("@shareable")
@ObjectType({ description: "Where a page sits in its list (Relay cursor connections)." })
export class PageInfo {
  @Field({ description: "True when a page follows this one." })
  hasNextPage!: boolean;

  @Field({ description: "True when a page precedes this one." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the first record on this page." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last record on this page; pass it as `after` for the next page." })
  endCursor!: string | null;
}

export interface Connection<T> {
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /**
   * Counted only when a client asks for it (a getter the field's resolver
   * reads): counting is the one part of a page whose cost grows with the
   * table (issue #6), so a page alone stays flat.
   */
  readonly totalCount: number | Promise<number>;
}

/**
 * A `<Name>Connection` and `<Name>Edge` type for a node type: `nodes` for
 * simple clients, `edges` with cursors for Relay, `pageInfo`, `totalCount`.
 */
export function ConnectionType<T extends object>(
  nodeType: ClassType<T>,
  name: string,
  plural: string,
  /** For a type several subgraphs define alike (the audit trail): mark it @shareable. */
  options: { shareable?: boolean } = {},
): ClassType<Connection<T>> {
  const shareable = options.shareable ? Directive("@shareable") : () => {};

  @shareable
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field({ description: "Opaque cursor of this record; pass it as `after` to continue after it." })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @shareable
  @ObjectType(`${name}Connection`, { description: `A page of ${plural}, in the order asked for.` })
  class ConnectionClass {
    @Field(() => [nodeType], { description: `The ${plural} on this page.` })
    nodes!: T[];

    @Field(() => [Edge], { description: `The ${plural} on this page, each with its cursor.` })
    edges!: Edge[];

    @Field(() => PageInfo, { description: "Cursors and whether more pages exist." })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${plural} match the filter, over all pages.` })
    totalCount!: number;
  }
  return ConnectionClass as ClassType<Connection<T>>;
}

/** Validated page arguments. */
export function checkPage(first: number | undefined | null, after: string | undefined | null): { first: number; after?: string } {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw HubError.badInput("first", `page size must be between 1 and ${MAX_PAGE_SIZE}, got ${size}`, { min: 1, max: MAX_PAGE_SIZE });
  }
  if (after != null && (after.length > 512 || !/^[A-Za-z0-9_-]+$/.test(after))) {
    throw HubError.badInput("after", "not a cursor returned by this list");
  }
  return { first: size, after: after ?? undefined };
}

/** A cursor is base64url JSON of the sort key values: anything else is refused before SQL. */
function checkCursor(after: string, keys: number): void {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(after, "base64url").toString("utf8"));
  } catch {
    values = undefined;
  }
  if (!Array.isArray(values) || values.length !== keys || values.some((v) => v !== null && typeof v === "object")) {
    throw HubError.badInput("after", "not a cursor returned by this list with this sort order");
  }
}

/**
 * Keyset pagination (MikroORM `findByCursor`): the cost of a page does not
 * grow with its offset. `orderBy` must end with a unique key, which this
 * helper appends (`id`) so the order is total.
 */
export async function paginate<E extends object>(
  em: EntityManager,
  entity: ClassType<E>,
  where: FilterQuery<E>,
  orderBy: QueryOrderMap<E>,
  page: { first?: number | null; after?: string | null },
): Promise<Connection<E>> {
  const { first, after } = checkPage(page.first, page.after);
  const order = { ...orderBy, id: (orderBy as Record<string, string>).id ?? "asc" } as QueryOrderMap<E>;
  if (after !== undefined) checkCursor(after, Object.keys(order).length);
  const cursor = await em.findByCursor(entity, where, { first, after, orderBy: order, includeCount: false });
  const nodes = cursor.items;
  const edges = nodes.map((node) => ({ cursor: cursor.from(node), node }));
  let count: Promise<number> | undefined;
  return {
    nodes,
    edges,
    get totalCount() {
      return (count ??= em.count(entity, where));
    },
    pageInfo: {
      hasNextPage: cursor.hasNextPage ?? false,
      hasPreviousPage: cursor.hasPrevPage ?? false,
      startCursor: cursor.startCursor,
      endCursor: cursor.endCursor,
    },
  };
}

/** `first`/`after` arguments of every paginated list. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `Page size, 1 to ${MAX_PAGE_SIZE}.` })
  first?: number;

  @Field(() => String, { nullable: true, description: "Return records after this cursor (`pageInfo.endCursor` of the previous page)." })
  after?: string;
}

/**
 * Pages of children for many parents at once (a partner's offers on a page
 * of partners): the first page of every parent asked for in a tick comes
 * from one statement (`row_number() over (partition by <key> …)`, at most
 * `first + 1` rows each), with the same cursors `paginate` gives, so a
 * client goes on with `after` for one parent (then a statement of its own).
 * `totalCount`, when asked for, is one grouped count for every parent.
 * A list that a parent may hold thousands of is never sent whole (issue #11).
 */
export function pagedGroupLoader<E extends object>(
  em: EntityManager,
  entity: ClassType<E>,
  key: keyof E & string,
  orderBy: Record<string, "asc" | "desc">,
): (parent: string, page: { first?: number | null; after?: string | null }) => Promise<Connection<E>> {
  const meta = em.getMetadata().get(entity.name);
  const column = (property: string) => `"${(meta.properties as Record<string, { fieldNames: string[] }>)[property]!.fieldNames[0]}"`;
  const order = { ...orderBy, id: orderBy.id ?? "asc" };
  const orderSql = Object.entries(order).map(([p, d]) => `${column(p)} ${d}`).join(", ");
  const firstPages = new Map<number, DataLoader<string, E[]>>();
  const pagesOf = (first: number) => {
    let loader = firstPages.get(first);
    if (!loader) {
      loader = new DataLoader<string, E[]>(async (parents) => {
        const rows = await sqlRows(
          em,
          `select * from (select t.*, row_number() over (partition by ${column(key)} order by ${orderSql}) as "rn__" from "${meta.tableName}" t where ${column(key)} in (${parents.map(() => "?").join(", ")})) x where "rn__" <= ?`,
          [...parents, first + 1],
        );
        const groups = new Map<string, E[]>(parents.map((p) => [p, []]));
        for (const { rn__: _rank, ...row } of rows) {
          const child = em.map(entity, row as never);
          groups.get(String(child[key]))?.push(child);
        }
        return parents.map((p) => groups.get(p) ?? []);
      }, { maxBatchSize: 1000 });
      firstPages.set(first, loader);
    }
    return loader;
  };
  const counts = new DataLoader<string, number>(async (parents) => {
    const rows = await sqlRows<{ k: string; n: string }[]>(em, `select ${column(key)}::text as k, count(*) as n from "${meta.tableName}" where ${column(key)} in (${parents.map(() => "?").join(", ")}) group by 1`, [...parents]);
    const byParent = new Map(rows.map((r) => [r.k, Number(r.n)]));
    return parents.map((p) => byParent.get(p) ?? 0);
  }, { maxBatchSize: 1000 });

  return async (parent, page) => {
    const { first, after } = checkPage(page.first, page.after);
    if (after !== undefined) {
      const connection = await paginate(em, entity, { [key]: parent } as FilterQuery<E>, order as QueryOrderMap<E>, { first, after });
      return connection;
    }
    const rows = await pagesOf(first).load(parent);
    const nodes = rows.slice(0, first);
    const cursorOf = (node: E) => Cursor.for(meta, node, order as QueryOrderMap<E>);
    const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
    return {
      nodes,
      edges,
      get totalCount() {
        return counts.load(parent);
      },
      pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    };
  };
}
