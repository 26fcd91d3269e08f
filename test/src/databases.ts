import { randomBytes } from "node:crypto";
import pg from "pg";
import { maintenanceUrl, subgraphDatabaseUrl, type DatabaseTarget } from "@bdp/kit/server";

/**
 * A fresh database target for one test file: on PostgreSQL (DATABASE_URL set)
 * a new base name, so each subgraph gets `<base>_<subgraph>` of its own;
 * otherwise PGlite in memory. `drop` removes what the file created.
 */
export function freshTarget(label: string): { target: DatabaseTarget; drop: (subgraphs: string[]) => Promise<void> } {
  const url = process.env.DATABASE_URL;
  if (!url) return { target: { kind: "pglite-memory" }, drop: async () => {} };
  const base = new URL(url);
  base.pathname = `/t_${label.replace(/\W/g, "_").slice(0, 20)}_${randomBytes(4).toString("hex")}`;
  const target: DatabaseTarget = { kind: "postgres", url: base.toString() };
  return {
    target,
    drop: async (subgraphs) => {
      const admin = new pg.Client({ connectionString: maintenanceUrl(url) });
      await admin.connect();
      try {
        for (const name of subgraphs) await admin.query(`drop database if exists "${subgraphDatabaseUrl(base.toString(), name).dbName}" with (force)`);
      } finally {
        await admin.end();
      }
    },
  };
}
