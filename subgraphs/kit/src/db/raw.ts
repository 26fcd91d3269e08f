import type { EntityManager } from "@mikro-orm/postgresql";

/**
 * A hand-written SQL statement (an aggregate the query builder cannot say)
 * on the request's EntityManager: in its transaction, and logged and
 * counted under its request id like every ORM statement.
 */
export function sqlRows<T extends object[] = Record<string, unknown>[]>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<T> {
  return em.getConnection().execute<T>(sql, [...params], "all", em.getTransactionContext(), em.getLoggerContext());
}
