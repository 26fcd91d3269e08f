import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, openOrm, runSeedOnce } from "@bdp/kit/server";
import { definition } from "@bdp/partners";

/** `pnpm start` on PGlite: a restart finds the data where it left it and does not seed again. */
describe("PGlite data directory", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "bdp-pglite-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const open = () => openOrm({ subgraph: definition.name, entities: definition.entities, migrations: definition.migrations, target: { kind: "pglite", dataDir } });
  const partners = async (db: Awaited<ReturnType<typeof open>>) => Number((await db.orm.em.getConnection().execute("select count(*)::int as n from partner"))[0].n);

  it("keeps migrations and seed across a restart", async () => {
    const first = await open();
    expect((await migrate(first.orm)).length).toBe(definition.migrations.length);
    expect((await runSeedOnce(first.orm.em.fork(), definition.name, definition.seed!)).skipped).toBe(false);
    const count = await partners(first);
    expect(count).toBeGreaterThan(50);
    await first.orm.close(true);

    const second = await open();
    expect(await migrate(second.orm)).toEqual([]);
    expect((await runSeedOnce(second.orm.em.fork(), definition.name, definition.seed!)).skipped).toBe(true);
    expect(await partners(second)).toBe(count);
    await second.orm.close(true);
  });
});
