import type { Orm } from "@bdp/kit/server";

/**
 * Every table of a database as `<rows>:<md5 of its rows>`, leaving out the
 * columns that say when a row was written: two databases with equal contents
 * hold the same rows, whenever they were made.
 */
export async function tableContents(orm: Orm): Promise<Record<string, string>> {
  const conn = orm.em.getConnection();
  const tables = await conn.execute<{ t: string }[]>("select table_name as t from information_schema.tables where table_schema = 'public' order by 1");
  const out: Record<string, string> = {};
  for (const { t } of tables) {
    const [row] = await conn.execute<{ n: number; h: string }[]>(
      `select count(*)::int as n, md5(coalesce(string_agg(j, '|' order by j), '')) as h
         from (select (to_jsonb(x) - 'created_at' - 'updated_at' - 'seeded_at' - 'executed_at')::text as j from "${t}" x) s`,
    );
    out[t] = `${row!.n}:${row!.h}`;
  }
  return out;
}
