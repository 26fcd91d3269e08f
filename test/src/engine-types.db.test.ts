import { afterAll, describe, expect, it } from "vitest";
import { AuditEntry, openOrm, type DatabaseTarget } from "@bdp/kit/server";
import { freshTarget } from "./databases.js";

/**
 * The same code runs on PostgreSQL and on embedded PGlite, so a column must
 * come back as the same JavaScript value from both: a `date` as the text
 * YYYY-MM-DD (PGlite's own parser made a Date, and a rule comparing a loaded
 * date with an argument fired on one engine and not on the other).
 */
const fresh = freshTarget("engine_types");
afterAll(() => fresh.drop(["engine-types"]));

const engines: [string, DatabaseTarget][] = [["PGlite", { kind: "pglite-memory" }], ...(process.env.DATABASE_URL ? [["PostgreSQL", fresh.target] as [string, DatabaseTarget]] : [])];

describe.each(engines)("on %s", (_, target) => {
  it("a date is the text YYYY-MM-DD, a numeric the exact text", async () => {
    const db = await openOrm({ subgraph: "engine-types", entities: [AuditEntry], migrations: [], target });
    try {
      const [row] = await db.orm.em.getConnection().execute<{ d: unknown; n: unknown }[]>("select '2026-01-02'::date as d, 12345678901.05::numeric(14,2) as n");
      expect(row).toEqual({ d: "2026-01-02", n: "12345678901.05" });
    } finally {
      await db.orm.close(true);
    }
  });
});
