import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../src/hub.js";

/** Named exports for analysts (issue #5): aggregates as CSV and JSON, under the same rules as any query. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub("e2e_exports");
});
afterAll(async () => {
  await hub?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${hub.gateway.url}${path}`, { headers });

describe("exports", () => {
  it("lists the named exports with their parameters", async () => {
    const { exports } = (await (await get("/export")).json()) as { exports: { name: string; formats: string[] }[] };
    expect(exports.map((e) => e.name)).toEqual(["unemployment", "activation-participants", "training-outcomes", "offers"]);
  });

  it("gives the unemployment series of the county and its gminas as CSV, the same figures as the graph", async () => {
    const response = await get("/export/unemployment.csv?unit=2401&from=2025&to=2025");
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    const [header, ...lines] = (await response.text()).trimEnd().split("\r\n");
    expect(header).toBe("teryt,unit,period,registeredUnemployed,women,longTermUnemployed,under30,over50,withDisabilities,rate,source");
    const { body } = await hub.query(`{ territorialUnit(code: "2401011") { unemployment(fromYear: 2025, toYear: 2025) { period registeredUnemployed } } }`);
    const bedzin = body.data.territorialUnit.unemployment;
    expect(bedzin.length).toBeGreaterThan(0);
    for (const point of bedzin) expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^2401011,Będzin,${point.period},${point.registeredUnemployed},`)));
  });

  it("exports activation participants by degree and outcome with suppressed cells marked, never a small count", async () => {
    const { rows } = (await (await get("/export/activation-participants.json")).json()) as { rows: { participants: number | null; participants_suppressed: boolean; breakdown: string }[] };
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.participants_suppressed && r.participants === null)).toBe(true);
    expect(rows.filter((r) => r.participants !== null && r.participants > 0 && r.participants < 5)).toEqual([]);
    const csv = await (await get("/export/activation-participants.csv")).text();
    expect(csv.split("\r\n")[0]).toContain("participants,participants_suppressed");
  });

  it("follows the pages of a list to the end", async () => {
    const { rows } = (await (await get("/export/training-outcomes.json?unit=24")).json()) as { rows: { edition_id: string }[] };
    const { body } = await hub.query(`{ trainingEditions(filter: { municipalityCode: "24" }) { totalCount } }`);
    expect(rows.length).toBe(body.data.trainingEditions.totalCount);
    expect(rows.length).toBeGreaterThan(100);
    expect(new Set(rows.map((r) => r.edition_id)).size).toBe(rows.length);
  });

  it("refuses a bad parameter with a code, and an unknown export with 404", async () => {
    const bad = await get("/export/unemployment.csv?from=last");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "from" });
    const outside = await get("/export/unemployment.json?unit=9999");
    expect(((await outside.json()) as any).errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect((await get("/export/everything.csv")).status).toBe(404);
  });
});
