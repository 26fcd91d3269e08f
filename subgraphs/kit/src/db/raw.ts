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

/**
 * A hand-written SQL statement of the subgraph's own background work (webhook
 * deliveries, the outbox relay, deadline reminders) on the primary, counted
 * apart from what requests cost (`bdp_subgraph_background_sql_statements_total`).
 */
export function backgroundSql<T extends object[] = Record<string, unknown>[]>(em: Pick<EntityManager, "getConnection">, sql: string, params: readonly unknown[] = []): Promise<T> {
  return em.getConnection("write").execute<T>(sql, [...params], "all", undefined, { background: true } as never);
}
