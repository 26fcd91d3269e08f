import { afterAll, describe, expect, it } from "vitest";
import { migrate, openOrm, runSeedOnce, type OrmHandle } from "@bdp/kit/server";
import { CORE } from "./hub.js";
import { freshTarget } from "./databases.js";

/**
 * Each core subgraph on a fresh database: the committed migrations build
 * exactly the schema the entities describe, and the seed runs once.
 */
describe.each(CORE.map((d) => [d.name, d] as const))("%s database", (name, definition) => {
  const { target, drop } = freshTarget(`db_${name}`);
  let db: OrmHandle;

  afterAll(async () => {
    await db?.orm.close(true);
    await drop([name]);
  });

  it("applies the committed migrations, and they match the entities", async () => {
    db = await openOrm({ subgraph: name, entities: definition.entities, migrations: definition.migrations, target });
    expect(await migrate(db.orm)).toEqual(definition.migrations.map((m) => m.name));
    expect(await migrate(db.orm)).toEqual([]);
    const diff = await db.orm.schema.getUpdateSchemaSQL({ wrap: false, safe: true });
    expect(diff.trim(), "entities changed without a migration: run `pnpm --filter @bdp/<subgraph> migration:create`").toBe("");
  });

  // the offers catalogue has no seed of its own: its offers come from the plugins
  it.skipIf(!definition.seed)("seeds once: a second run changes nothing", async () => {
    const first = await runSeedOnce(db.orm.em.fork(), name, definition.seed!);
    expect(first.skipped).toBe(false);
    const tables = Object.keys(first.counts);
    const countRows = async () =>
      Object.fromEntries(
        await Promise.all(tables.map(async (t) => [t, Number((await db.orm.em.getConnection().execute(`select count(*)::int as n from "${t}"`))[0].n)] as const)),
      );
    const before = await countRows();
    expect(before).toEqual(first.counts);
    const second = await runSeedOnce(db.orm.em.fork(), name, definition.seed!);
    expect(second.skipped).toBe(true);
    expect(await countRows()).toEqual(before);
  });

  // Every sector, target group, instrument and status appears in the demo data.
  const MUST_COVER = /^(partner\.(sector|mission_areas)|.*\.(status|target_groups|affected_groups|instrument|degree|outcome|stance|role|level|kind))$/;

  it.skipIf(!definition.seed)("the seed represents every sector, target group, instrument and status", async () => {
    const missing: string[] = [];
    for (const meta of Object.values(db.orm.getMetadata().getAll())) {
      if (meta.abstract || !meta.tableName) continue;
      for (const prop of meta.props) {
        if (!prop.enum || !prop.items?.length || !prop.fieldNames?.[0]) continue;
        const column = prop.fieldNames[0];
        if (!MUST_COVER.test(`${meta.tableName}.${column}`)) continue;
        const expr = prop.array ? `unnest("${column}")` : `"${column}"`;
        const rows = await db.orm.em.getConnection().execute<{ v: string }[]>(`select distinct ${expr} as v from "${meta.tableName}"`);
        const present = new Set(rows.map((r) => r.v));
        for (const item of prop.items) if (!present.has(String(item))) missing.push(`${meta.tableName}.${column}=${item}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
