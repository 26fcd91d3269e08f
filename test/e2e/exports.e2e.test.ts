import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
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
    expect(exports.map((e) => e.name)).toEqual([
      "active-partners", "training-places", "training-outcomes", "activation-participants", "job-places", "open-offers", "registered-unemployment", "indicator-progress",
      "unemployment", "training-editions", "offers",
    ]);
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

  it("exports every statistic as rows of unit, period and category: the same values as the graph, withheld cells empty and marked", async () => {
    type StatRow = { teryt: string; period: string; category: string; value: number | null; value_suppressed: boolean; reason: string | null };
    const { rows } = (await (await get("/export/activation-participants.json?by=DEGREE&from=2019&to=2026")).json()) as { rows: StatRow[] };
    // 11 units (9 gminas, the county, the city) × 8 years × (3 degrees + TOTAL)
    expect(rows).toHaveLength(11 * 8 * 4);
    expect(rows.some((r) => r.value_suppressed && r.value === null && r.reason === "DISCLOSURE_CONTROL")).toBe(true);
    const { body } = await hub.query(`{ territorialUnit(code: "2401") { activationParticipants(fromYear: 2019, toYear: 2026, by: DEGREE) { periods { key } series { key values { value suppressed } } total { key values { value suppressed } } } } }`);
    const s = body.data.territorialUnit.activationParticipants;
    const fromGraph = [...s.series, s.total].flatMap((l: any) => s.periods.map((p: any, i: number) => [p.key, l.key, l.values[i].value, l.values[i].suppressed]));
    expect(rows.filter((r) => r.teryt === "2401").map((r) => [r.period, r.category, r.value, r.value_suppressed])).toEqual(fromGraph);

    const csv = await (await get("/export/training-places.csv?unit=2465&from=2025&to=2025&grain=QUARTER&measure=TAKEN")).text();
    const [header, ...lines] = csv.trimEnd().split("\r\n");
    expect(header).toBe("teryt,unit,statistic,measure,period,period_start,period_end,dimension,category,value,value_suppressed,reason");
    expect(lines.filter((l) => l.includes(",TOTAL,"))).toHaveLength(4);
    expect(lines.every((l) => l.startsWith("2465,Dąbrowa Górnicza,trainingPlacesTaken,places,2025-Q"))).toBe(true);

    const indicators = (await (await get("/export/indicator-progress.json?unit=2401")).json()) as { rows: { indicator: string; share_of_target: number | null }[] };
    expect(indicators.rows.length).toBeGreaterThan(0);
    // counts of people have no grain parameter (the export is by year): an unknown parameter is refused, not ignored
    const people = await get("/export/training-outcomes.csv?grain=MONTH");
    expect(people.status).toBe(400);
    expect(((await people.json()) as any).errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "grain" });
  });

  it("follows the pages of a list to the end", async () => {
    const { rows } = (await (await get("/export/training-editions.json?unit=24")).json()) as { rows: { edition_id: string }[] };
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

  it("neutralises a partner's text that a spreadsheet would run as a formula (CSV injection, issue #11)", async () => {
    const provider = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;
    const token = hub.token({ sub: "mallory", role: "partner", partnerId: provider.id });
    const title = '=HYPERLINK("http://evil.example","x")';
    const created = await hub.query(
      `mutation($in: TrainingProgrammeInput!) { createTrainingProgramme(input: $in) { id } }`,
      { in: { title, targetGroups: ["UNDER_30"], form: "TRAINING", fundingSource: "LABOUR_FUND", hours: 10, costPerParticipant: "100.00", status: "PUBLISHED" } },
      { token },
    );
    expect(created.body.errors).toBeUndefined();
    const edition = await hub.query(
      `mutation($p: ID!) { createTrainingEdition(programmeId: $p, input: { startsOn: "2027-03-01", endsOn: "2027-03-20", municipalityCode: "2401031", capacity: 12, status: RECRUITING }) { id } }`,
      { p: created.body.data.createTrainingProgramme.id },
      { token },
    );
    expect(edition.body.errors).toBeUndefined();
    const csv = await (await get("/export/training-editions.csv?unit=2401031")).text();
    const line = csv.split("\r\n").find((l) => l.includes("HYPERLINK"))!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csv.split("\r\n").some((l) => /(^|,)"?[=+@-]/.test(l))).toBe(false);
  });
});
