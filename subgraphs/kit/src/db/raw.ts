import type { EntityManager } from "@mikro-orm/postgresql";

/**
 * A hand-written SQL statement (an aggregate the query builder cannot say)
 * on the request's EntityManager: in its transaction, and logged and
 * counted under its request id like every ORM statement. Outside a
 * transaction it is a read, which a read replica may answer (replicas.ts
 * decides when).
 */
export function sqlRows<T extends object[] = Record<string, unknown>[]>(em: EntityManager, sql: string, params: readonly unknown[] = []): Promise<T> {
  const tx = em.getTransactionContext();
  return em.getConnection(tx ? "write" : "read").execute<T>(sql, [...params], "all", tx, em.getLoggerContext());
}
