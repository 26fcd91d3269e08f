import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntityManager } from "@mikro-orm/postgresql";
import { migrate, openOrm, type OrmHandle } from "@bdp/kit/server";
import { definition, importBdl, parseBdl } from "@bdp/labour-market";
import { freshTarget } from "./databases.js";

/**
 * The BDL statistics import (issue #5), on the sample files that ship with
 * the repository: idempotent, withheld values never guessed, units outside
 * the territory refused.
 */
const sample = (name: string) => readFileSync(new URL(`../../subgraphs/labour-market/data/${name}`, import.meta.url), "utf8");
const { target, drop } = freshTarget("db_bdl_import");
let db: OrmHandle;
beforeAll(async () => {
  db = await openOrm({ subgraph: "labour-market", entities: definition.entities, migrations: definition.migrations, target });
  await migrate(db.orm);
});
afterAll(async () => {
  await db?.orm.close(true);
  await drop(["labour-market"]);
});

const rows = async () =>
  db.orm.em.getConnection().execute<{ territory_code: string; year: number; month: number; registered_unemployed: number; rate: string | null; source: string }[]>(
    `select territory_code, year, month, registered_unemployed, rate, source from unemployment_statistic order by territory_code, year, month`,
  );

describe("importing BDL statistics", () => {
  it("reads the JSON sample: counts and rates merged per unit and year, withheld values left out, other units refused", async () => {
    const report = await importBdl(db.orm.em.fork() as EntityManager, parseBdl(sample("bdl-unemployment-sample.json")));
    expect(report).toMatchObject({ read: 19, written: 11, unchanged: 0, withheld: 1 });
    expect(report.skipped).toEqual([{ reason: "unit 051212469000 (Powiat m. Katowice) is not in the territory", count: 1 }]);
    const stored = await rows();
    expect(stored).toHaveLength(11);
    expect(stored.find((r) => r.territory_code === "2401" && r.year === 2017)).toMatchObject({ month: 12, registered_unemployed: 4210, rate: "8.9", source: "GUS_BDL" });
    expect(stored.find((r) => r.territory_code === "2465" && r.year === 2017)?.rate).toBe("6.0");
    // Sławków 2019 is withheld by BDL: no row, rather than a guess
    expect(stored.filter((r) => r.territory_code === "2401081").map((r) => r.year)).toEqual([2017, 2018]);
  });

  it("loads the same file twice and the data is the same as after once", async () => {
    const before = await rows();
    const report = await importBdl(db.orm.em.fork() as EntityManager, parseBdl(sample("bdl-unemployment-sample.json")));
    expect(report).toMatchObject({ written: 0, unchanged: 11 });
    expect(await rows()).toEqual(before);
  });

  it("reads the CSV sample too (`;`, decimal commas, the variable per row)", async () => {
    const values = parseBdl(sample("bdl-unemployment-sample.csv"));
    expect(values).toHaveLength(4);
    const report = await importBdl(db.orm.em.fork() as EntityManager, values);
    expect(report).toMatchObject({ read: 4, written: 2, withheld: 1 });
    const stored = await rows();
    expect(stored.find((r) => r.territory_code === "2401" && r.year === 2020)).toMatchObject({ registered_unemployed: 3105, rate: "6.8" });
    expect(stored.find((r) => r.territory_code === "2401062" && r.year === 2020)).toMatchObject({ registered_unemployed: 208, rate: null });
  });

  it("refuses a file that is not a BDL export, saying why", () => {
    expect(() => parseBdl("kod,wartosc\n2401,5")).toThrow(/expected the columns id, name, year, val, attrId/);
    expect(() => parseBdl(`{"results": []}`)).toThrow(/variableId/);
  });
});
