import { afterAll, describe, expect, it } from "vitest";
import { AuditEntry, openOrm, type DatabaseTarget } from "@bdp/kit/server";
import { freshTarget } from "./databases.js";

/**
 * The same code runs on PostgreSQL and on embedded PGlite, so a column must
 * come back as the same JavaScript value from both: a `date` as the text
 * YYYY-MM-DD (PGlite's own parser made a Date, and a rule comparing a loaded
 * date with an argument fired on one engine and not on the other); and an
 * update whose text holds a ";" reports its affected rows on both (the PGlite
 * driver took it for a script, and the ORM for a lost optimistic lock).
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

  it("a statement whose text holds a \";\" is one statement: its rows and affected rows come back", async () => {
    const db = await openOrm({ subgraph: "engine-types", entities: [AuditEntry], migrations: [], target });
    try {
      const connection = db.orm.em.getConnection();
      await connection.execute("create temporary table minutes (id int primary key, text text)");
      await connection.execute("insert into minutes values (1, 'quorum'), (2, 'none')");
      // an ORM update with its values written into the SQL, as the ORM sends it
      const updated = await connection.execute<{ affectedRows: number }>("update minutes set text = 'Obecnych 4 z 5; kworum stwierdzono.' where id = 1", [], "run");
      expect(updated.affectedRows).toBe(1);
      expect(await connection.execute("select text from minutes where text like '%;%'")).toEqual([{ text: "Obecnych 4 z 5; kworum stwierdzono." }]);
      // a script of several statements still runs as one
      await connection.execute("update minutes set text = 'a' where id = 1; update minutes set text = 'b' where id = 2;");
      expect(await connection.execute("select text from minutes order by id")).toEqual([{ text: "a" }, { text: "b" }]);
    } finally {
      await db.orm.close(true);
    }
  });
});
