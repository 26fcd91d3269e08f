import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger, imageKey, migrate, openOrm, restoreImage, runSeedOnce, type DatabaseTarget, type ImageRecipe } from "@bdp/kit/server";
import { definition as training } from "@bdp/training";
import { freshTarget } from "./databases.js";
import { tableContents } from "./tables.js";

/**
 * Prepared database images (issue #14, item 5): a new database is a copy of
 * the image its subgraph's migrations and seed made once, and it holds
 * exactly what migrating and seeding it would have.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const scratch = mkdtempSync(join(tmpdir(), "bdp-images-"));
// a private image folder: this file builds its PGlite image itself
process.env.IMAGE_DIR = join(scratch, "images");
const recipe: ImageRecipe = { subgraph: training.name, entities: training.entities, migrations: training.migrations, seed: training.seed! };
const log = createLogger("images-test");
const drops: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const drop of drops) await drop();
  rmSync(scratch, { recursive: true, force: true });
});

function target(label: string): DatabaseTarget {
  const fresh = freshTarget(label);
  drops.push(() => fresh.drop([training.name]));
  return fresh.target;
}

describe("prepared database images", () => {
  it("a database made from the image holds exactly what migrating and seeding a new one does", async () => {
    const seeded = await openOrm({ ...recipe, target: target("img_seeded") });
    let expected: Record<string, string>;
    try {
      await migrate(seeded.orm);
      await runSeedOnce(seeded.orm.em.fork(), recipe.subgraph, recipe.seed);
      expected = await tableContents(seeded.orm);
    } finally {
      await seeded.orm.close(true);
    }
    expect(Number(expected.enrolment!.split(":")[0])).toBeGreaterThan(1000);

    const copies: string[] = [];
    for (const label of ["img_first", "img_second"]) {
      const t = target(label);
      const used = await restoreImage(recipe, t, log);
      expect(used, "a new database is made from the image").toBeDefined();
      copies.push(used!.image);
      const copy = await openOrm({ ...recipe, target: t, loadDataDir: used!.loadDataDir });
      try {
        expect(await migrate(copy.orm), "the image has every migration").toEqual([]);
        expect((await runSeedOnce(copy.orm.em.fork(), recipe.subgraph, recipe.seed)).skipped, "and the seed").toBe(true);
        expect(await tableContents(copy.orm)).toEqual(expected);
      } finally {
        await copy.orm.close(true);
      }
    }
    // on PostgreSQL the template is the server's: another test file may have built it first
    expect(copies[0]).toBe(onPostgres ? copies[0] : "built");
    expect(copies[1]).toBe("copied");
  });

  it("leaves a database that exists alone", async () => {
    const t: DatabaseTarget = onPostgres ? target("img_exists") : { kind: "pglite", dataDir: join(scratch, "exists") };
    const db = await openOrm({ ...recipe, target: t });
    await db.orm.em.getConnection().execute("create table mine (v int)");
    await db.orm.close(true);
    expect(await restoreImage(recipe, t, log)).toBeUndefined();
    const again = await openOrm({ ...recipe, target: t });
    try {
      const tables = await again.orm.em.getConnection().execute<{ t: string }[]>("select table_name as t from information_schema.tables where table_schema = 'public'");
      expect(tables.map((r) => r.t)).toEqual(["mine"]);
    } finally {
      await again.orm.close(true);
    }
  });

  it.skipIf(onPostgres)("puts a data directory in place whole: a copy cut off half-way is never taken for a database, and is cleared", async () => {
    const dataDir = join(scratch, "training", ".data");
    // what a copy killed half-way leaves: a partial folder beside the place (of a process that is gone: above pid_max)
    mkdirSync(`${dataDir}.partial-4194305/base`, { recursive: true });
    const used = await restoreImage(recipe, { kind: "pglite", dataDir }, log);
    expect(used?.image).toBe("copied");
    expect(used?.loadDataDir, "a data directory is copied, not unpacked").toBeUndefined();
    expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);
    expect(readdirSync(join(scratch, "training")).sort()).toEqual([".data"]);
    const db = await openOrm({ ...recipe, target: { kind: "pglite", dataDir } });
    try {
      expect(await migrate(db.orm)).toEqual([]);
      const [row] = await db.orm.em.getConnection().execute<{ n: number }[]>("select count(*)::int as n from enrolment");
      expect(row!.n).toBeGreaterThan(1000);
    } finally {
      await db.orm.close(true);
    }
    expect(await restoreImage(recipe, { kind: "pglite", dataDir }, log), "once in place, it is the database").toBeUndefined();
  });

  it.skipIf(onPostgres)("names a data directory that cannot be opened, and what to run", async () => {
    const dataDir = join(scratch, "damaged");
    const db = await openOrm({ ...recipe, target: { kind: "pglite", dataDir } });
    await db.orm.close(true);
    // what a disk or a hand can do to it: the control file gone
    writeFileSync(join(dataDir, "global", "pg_control"), "");
    const opened = openOrm({ ...recipe, target: { kind: "pglite", dataDir } });
    await expect(opened).rejects.toThrow(/cannot be opened/);
    await expect(opened).rejects.toThrow(dataDir);
    await expect(opened).rejects.toThrow(/pnpm reset/);
  });

  it("the image's key changes with the migrations", () => {
    expect(imageKey({ ...recipe, migrations: recipe.migrations.slice(0, -1) })).not.toBe(imageKey(recipe));
    expect(imageKey({ ...recipe, subgraph: "other" })).not.toBe(imageKey(recipe));
    expect(imageKey(recipe)).toBe(imageKey({ ...recipe }));
  });
});
