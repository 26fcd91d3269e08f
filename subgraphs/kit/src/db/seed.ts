import type { EntityManager } from "@mikro-orm/postgresql";

export interface SeedResult {
  /** Rows written per table. */
  counts: Record<string, number>;
}

const MARKER_TABLE = "hub_seed";

/**
 * Seeds once: a marker row records that the demo data is in, so restarting
 * never duplicates it. The seed and its marker commit together or not at all.
 */
export async function runSeedOnce(
  em: EntityManager,
  subgraph: string,
  seed: (em: EntityManager) => Promise<SeedResult>,
): Promise<SeedResult & { skipped: boolean }> {
  const conn = em.getConnection();
  await conn.execute(`create table if not exists ${MARKER_TABLE} (subgraph text primary key, seeded_at timestamptz not null default now())`);
  const done = await conn.execute<{ subgraph: string }[]>(`select subgraph from ${MARKER_TABLE} where subgraph = ?`, [subgraph]);
  if (done.length) return { counts: {}, skipped: true };
  const result = await em.transactional(async (tx) => {
    const r = await seed(tx);
    await tx.flush();
    await tx.getConnection().execute(`insert into ${MARKER_TABLE} (subgraph) values (?)`, [subgraph], "run", tx.getTransactionContext());
    return r;
  });
  return { ...result, skipped: false };
}
