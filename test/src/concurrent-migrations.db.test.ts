import { afterAll, describe, expect, it } from "vitest";
import { migrate, openOrm, type OrmHandle } from "@bdp/kit/server";
import { definition as training } from "@bdp/training";
import { freshTarget } from "./databases.js";

/**
 * Replicas of a subgraph starting at once on a new database (issue #13: a
 * Deployment of two): their migrations take turns, so each is applied once
 * and both replicas start. PostgreSQL only: on PGlite a database has one process.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const { target, drop } = freshTarget("db_migration_race");
const opened: OrmHandle[] = [];
afterAll(async () => {
  for (const db of opened) await db.orm.close(true);
  if (onPostgres) await drop([training.name]);
});

describe.skipIf(!onPostgres)("two replicas migrating one new database at once", () => {
  it("apply each migration once between them, and both come up", async () => {
    for (let i = 0; i < 2; i++) opened.push(await openOrm({ subgraph: training.name, entities: training.entities, migrations: training.migrations, target }));
    const applied = await Promise.all(opened.map((db) => migrate(db.orm)));
    expect(applied.flat().sort()).toEqual(training.migrations.map((m) => m.name).sort());
    const [row] = await opened[0]!.orm.em.getConnection().execute<{ n: number }[]>("select count(*)::int as n from mikro_orm_migrations");
    expect(row!.n).toBe(training.migrations.length);
  });
});
