import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stableId } from "@bdp/kit/server";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * Every statistic of issue #5 against values worked out by hand from a small
 * fixture, written straight into each subgraph's database (no demo seed), read
 * through the gateway in one query. Threshold 5 (the default).
 *
 * Territory: 2401 is the county (Będzin 2401011, Czeladź 2401021, Siewierz
 * 2401073 with its town part 2401074, …); 2465 the city, whose only gmina
 * is 2465011.
 */
let hub: TestHub;
const id = (name: string) => stableId(`analytics-fixture:${name}`);
const A = id("partner A"), B = id("partner B"), C = id("partner C"), D = id("partner D"), E = id("partner E");

async function insert(subgraph: string, rows: [entity: string, data: Record<string, unknown>][]) {
  const em = hub.subgraphs[subgraph]!.db.orm.em.fork();
  for (const [entity, data] of rows) em.create(entity, data);
  await em.flush();
}

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

beforeAll(async () => {
  hub = await startTestHub("e2e_analytics", {}, { seed: false });
  const partner = (pid: string, name: string, sector: string, municipalityCode: string, accededOn: string, withdrewOn: string | null = null) =>
    ["Partner", { id: pid, name, sector, municipalityCode, accededOn, withdrewOn, status: withdrewOn ? "WITHDRAWN" : "ACTIVE" }] as [string, Record<string, unknown>];
  await insert("partners", [
    partner(A, "A Sp. z o.o.", "BUSINESS", "2401011", "2023-03-10"),
    partner(B, "Fundacja B", "NGO", "2401011", "2024-06-01", "2025-02-01"),
    partner(C, "C S.A.", "BUSINESS", "2401021", "2022-01-01"),
    partner(D, "Gmina D", "LOCAL_GOVERNMENT", "2465011", "2024-12-31"),
    partner(E, "Stowarzyszenie E", "NGO", "2401074", "2024-01-15"),
  ]);

  const programme = (pid: string, targetGroups: string[]) =>
    ["TrainingProgramme", { id: pid, providerId: A, title: pid, targetGroups, form: "TRAINING", fundingSource: "LABOUR_FUND", hours: 80, costPerParticipant: "1000.00" }] as [string, Record<string, unknown>];
  const edition = (eid: string, programmeId: string, municipalityCode: string, startsOn: string, capacity: number, status: string) =>
    ["TrainingEdition", { id: eid, programme: programmeId, municipalityCode, startsOn, endsOn: `${startsOn.slice(0, 4)}-12-31`, capacity, status }] as [string, Record<string, unknown>];
  let n = 0;
  const enrolments = (editionId: string, count: number, status: string, employed: boolean | null = null) =>
    times(count, () => ["Enrolment", {
      edition: editionId, participantRef: `F/${++n}`, sex: "FEMALE", ageBand: "AGE_25_29", targetGroups: [], enrolledOn: "2024-12-01",
      status, completedOn: status === "COMPLETED" ? "2025-12-01" : null, employedWithin3Months: employed,
    }] as [string, Record<string, unknown>]);
  const [P1, P2, E1, E2, E3, E4, E5] = ["P1", "P2", "E1", "E2", "E3", "E4", "E5"].map(id);
  await insert("training", [
    programme(P1!, ["UNDER_30", "LONG_TERM_UNEMPLOYED"]),
    programme(P2!, ["OVER_50"]),
    edition(E1!, P1!, "2401011", "2025-02-10", 12, "COMPLETED"),
    edition(E2!, P2!, "2401011", "2025-05-05", 10, "COMPLETED"),
    edition(E3!, P1!, "2401021", "2025-09-01", 8, "IN_PROGRESS"),
    edition(E4!, P2!, "2401021", "2024-11-01", 6, "CANCELLED"),
    edition(E5!, P2!, "2465011", "2025-04-01", 20, "COMPLETED"),
    ...enrolments(E1!, 6, "COMPLETED", true), ...enrolments(E1!, 2, "COMPLETED", false), ...enrolments(E1!, 1, "DROPPED_OUT"), ...enrolments(E1!, 1, "CANCELLED"),
    ...enrolments(E2!, 3, "COMPLETED", true), ...enrolments(E2!, 4, "COMPLETED", null),
    ...enrolments(E3!, 6, "ENROLLED"),
    ...enrolments(E5!, 10, "COMPLETED", true), ...enrolments(E5!, 5, "COMPLETED", false), ...enrolments(E5!, 5, "DROPPED_OUT"),
  ]);

  const [AP1, AP2] = ["AP1", "AP2"].map(id);
  let p = 0;
  const participants = (programmeId: string, count: number, municipalityCode: string, joinedOn: string, degree: string, outcome: string) =>
    times(count, () => ["ActivationParticipant", { programme: programmeId, pseudonym: `F/${++p}`, degree, causeCodes: ["05-R"], ageBand: "AGE_25_29", sex: "MALE", municipalityCode, joinedOn, outcome }] as [string, Record<string, unknown>]);
  const jobPlace = (employerId: string, employerSector: string | null, municipalityCode: string, createdOn: string) =>
    ["DisabilityJobPlace", { employerId, employerSector, municipalityCode, createdOn, fullTimeEquivalent: "1.00", subsidised: true, adaptedWorkstation: false, filled: true }] as [string, Record<string, unknown>];
  await insert("disability", [
    ["ActivationProgramme", { id: AP1, operatorId: D, name: "AP1", instrument: "SUPPORTED_EMPLOYMENT", municipalityCodes: ["2465011"], fundingSource: "PFRON", startsOn: "2024-01-01", capacity: 30 }],
    ["ActivationProgramme", { id: AP2, operatorId: E, name: "AP2", instrument: "OCCUPATIONAL_THERAPY_WORKSHOP", municipalityCodes: ["2401011", "2401021"], fundingSource: "PFRON", startsOn: "2024-01-01", capacity: 30 }],
    // 2025, Dąbrowa Górnicza: 12 people, no small cell
    ...participants(AP1!, 5, "2465011", "2025-03-01", "SEVERE", "IN_PROGRESS"),
    ...participants(AP1!, 1, "2465011", "2025-03-01", "MODERATE", "IN_PROGRESS"),
    ...participants(AP1!, 6, "2465011", "2025-04-01", "MODERATE", "EMPLOYED_OPEN_MARKET"),
    // 2024, the county: 3 in Będzin, 8 in Czeladź
    ...participants(AP2!, 3, "2401011", "2024-05-01", "MILD", "IN_PROGRESS"),
    ...participants(AP2!, 4, "2401021", "2024-05-01", "MODERATE", "IN_PROGRESS"),
    ...participants(AP2!, 4, "2401021", "2024-06-01", "MODERATE", "DROPPED_OUT"),
    jobPlace(A, "BUSINESS", "2401011", "2024-03-01"),
    jobPlace(C, "BUSINESS", "2401021", "2024-07-15"),
    jobPlace(D, "LOCAL_GOVERNMENT", "2465011", "2025-01-10"),
    jobPlace(E, "NGO", "2401074", "2025-05-20"),
    jobPlace(A, null, "2401011", "2025-06-01"),
  ]);

  const offer = (key: string, kind: string, municipalityCode: string, validFrom: string, validThrough: string | null) =>
    ["CatalogueOffer", { id: id(key), pluginSlug: "fixture", partnerId: A, kind, title: key, municipalityCode, targetGroups: [], validFrom, validThrough, howToApply: "call", refreshedAt: new Date() }] as [string, Record<string, unknown>];
  await insert("offers", [
    offer("O1", "JOB", "2401011", "2025-01-10", "2025-02-28"),
    offer("O2", "TRAINING_PLACE", "2401021", "2025-03-01", null),
    offer("O3", "EVENT", "2465011", "2025-05-05", "2025-05-05"),
  ]);

  const month = (year: number, m: number, registeredUnemployed: number, women: number | null) =>
    ["UnemploymentStatistic", { territoryCode: "2401", year, month: m, registeredUnemployed, women, source: "PUP_REPORT" }] as [string, Record<string, unknown>];
  const [I1, N1, X1, X2, X3] = ["I1", "N1", "X1", "X2", "X3"].map(id);
  const indicator = (xid: string, owner: Record<string, string>, name: string, baseline: string, target: string) =>
    ["Indicator", { id: xid, ...owner, name, kind: "RESULT", unit: "persons", baseline, target, bySex: false }] as [string, Record<string, unknown>];
  await insert("labour-market", [
    ...times(12, (i) => month(2024, i + 1, 2000 + i + 1, 1000 + i + 1)),
    ...times(6, (i) => month(2025, i + 1, 2100 + i + 1, i === 5 ? null : 1100 + i + 1)),
    ["LabourMarketIssue", { id: I1, title: "Issue in Będzin", area: "NEW_EMPLOYMENT_FORMS", affectedGroups: [], municipalityCodes: ["2401011"], raisedById: A, raisedOn: "2025-01-01" }],
    ["Initiative", { id: N1, title: "Initiative in Dąbrowa", missionAreas: ["NEW_EMPLOYMENT_FORMS"], municipalityCodes: ["2465011"], startsOn: "2025-01-01", endsOn: "2026-12-31", fundingSource: "LABOUR_FUND", totalBudget: "1000.00", leadPartnerId: D }],
    indicator(X1!, { issue: I1! }, "X1 placements", "10.00", "30.00"),
    indicator(X2!, { initiative: N1! }, "X2 flat", "0.00", "0.00"),
    indicator(X3!, { initiative: N1! }, "X3 fewer long-term unemployed", "100.00", "50.00"),
    ["IndicatorMeasurement", { indicator: X1, measuredOn: "2025-03-31", value: "15.00" }],
    ["IndicatorMeasurement", { indicator: X1, measuredOn: "2025-06-30", value: "20.00" }],
    ["IndicatorMeasurement", { indicator: X2, measuredOn: "2025-06-30", value: "5.00" }],
    ["IndicatorMeasurement", { indicator: X3, measuredOn: "2025-06-30", value: "80.00" }],
  ]);
}, 120_000);

afterAll(async () => {
  await hub?.close();
});

const VALUE = `{ value suppressed reason lowerBound }`;
const SERIES = `{ statistic measure unitCode grain dimension disclosureControlled periods { key start end } series { key values ${VALUE} sum ${VALUE} } total { key values ${VALUE} sum ${VALUE} } }`;

/** One line as numbers, `x` for a withheld value, `-` for no figure. */
type Line = (number | "x" | "-")[];
const line = (l: { values: { value: number | null; suppressed: boolean }[] }): Line => l.values.map((v) => (v.suppressed ? "x" : v.value ?? "-"));
const lines = (s: any): Record<string, Line> => Object.fromEntries([...s.series, s.total].map((l: any) => [l.key, line(l)]));

async function ask(query: string, variables: Record<string, unknown> = {}) {
  const { body } = await hub.query(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe("analytics by territory and period, against hand-computed fixture values", () => {
  it("combines every subgraph's statistics for one unit in one query", async () => {
    const { territorialUnit: u } = await ask(`{ territorialUnit(code: "2401") {
      name
      activePartners(fromYear: 2023, toYear: 2025) ${SERIES}
      trainingPlaces(fromYear: 2025, toYear: 2025, grain: QUARTER) ${SERIES}
      trainingOutcomes(fromYear: 2025, toYear: 2025) ${SERIES}
      activationParticipants(fromYear: 2024, toYear: 2025) ${SERIES}
      disabilityJobPlacesCreated(fromYear: 2024, toYear: 2025) ${SERIES}
      openOffers(fromYear: 2025, toYear: 2025, grain: QUARTER) ${SERIES}
      registeredUnemployment(fromYear: 2025, toYear: 2025, grain: QUARTER) ${SERIES}
      indicatorProgress { indicator { name } }
    } }`);
    expect(u.name).toBe("powiat będziński");
    for (const key of ["activePartners", "trainingPlaces", "trainingOutcomes", "activationParticipants", "disabilityJobPlacesCreated", "openOffers", "registeredUnemployment"]) {
      expect(u[key].unitCode).toBe("2401");
    }
    expect(u.trainingPlaces.periods.map((p: any) => [p.key, p.start, p.end])).toEqual([
      ["2025-Q1", "2025-01-01", "2025-03-31"], ["2025-Q2", "2025-04-01", "2025-06-30"], ["2025-Q3", "2025-07-01", "2025-09-30"], ["2025-Q4", "2025-10-01", "2025-12-31"],
    ]);
    expect(u.indicatorProgress.map((s: any) => s.indicator.name)).toEqual(["X1 placements"]);
  });

  it("active partners by sector: members at the end of each period, a town part counted in its gmina", async () => {
    const d = await ask(`{
      county: territorialUnit(code: "2401") { activePartners(fromYear: 2023, toYear: 2025) ${SERIES} quarters: activePartners(fromYear: 2024, toYear: 2024, grain: QUARTER) ${SERIES} }
      bedzin: territorialUnit(code: "2401011") { activePartners(fromYear: 2023, toYear: 2025) ${SERIES} }
      siewierz: territorialUnit(code: "2401073") { activePartners(fromYear: 2023, toYear: 2025) ${SERIES} }
      city: territorialUnit(code: "2465") { activePartners(fromYear: 2023, toYear: 2025) ${SERIES} }
      part: territorialUnit(code: "2401074") { activePartners(fromYear: 2023, toYear: 2025) ${SERIES} }
      voivodeship: territorialUnit(code: "24") { activePartners(fromYear: 2023, toYear: 2025) ${SERIES} }
    }`);
    // end of 2023: A, C; 2024: A, B, C, E; 2025: B withdrew on 1 February
    expect(lines(d.county.activePartners)).toMatchObject({ TOTAL: [2, 4, 3], BUSINESS: [2, 2, 2], NGO: [0, 2, 1], LOCAL_GOVERNMENT: [0, 0, 0] });
    expect(d.county.activePartners.total.sum).toBeNull(); // a stock has no sum over periods
    expect(d.county.activePartners.disclosureControlled).toBe(false);
    // 2024 quarters: B accedes on 1 June
    expect(lines(d.county.quarters).TOTAL).toEqual([3, 4, 4, 4]);
    expect(lines(d.bedzin.activePartners).TOTAL).toEqual([1, 2, 1]);
    expect(lines(d.siewierz.activePartners)).toMatchObject({ TOTAL: [0, 1, 1], NGO: [0, 1, 1] });
    // D accedes on 31 December 2024: a member at the end of that year
    expect(lines(d.city.activePartners)).toMatchObject({ TOTAL: [0, 1, 1], LOCAL_GOVERNMENT: [0, 1, 1] });
    expect(d.part.activePartners).toBeNull();
    expect(d.voivodeship.activePartners).toBeNull();
  });

  it("training places offered and taken by target group; cancelled editions and enrolments left out", async () => {
    const d = await ask(`{
      county: territorialUnit(code: "2401") {
        offered: trainingPlaces(fromYear: 2025, toYear: 2025, grain: QUARTER) ${SERIES}
        taken: trainingPlaces(fromYear: 2025, toYear: 2025, grain: QUARTER, measure: TAKEN) ${SERIES}
        years: trainingPlaces(fromYear: 2024, toYear: 2025) ${SERIES}
      }
      city: territorialUnit(code: "2465") { taken: trainingPlaces(fromYear: 2025, toYear: 2025, grain: QUARTER, measure: TAKEN) ${SERIES} }
    }`);
    // E1 (P1: under 30, long-term unemployed) 12 seats in Q1, E2 (P2: over 50) 10 in Q2, E3 (P1) 8 in Q3
    expect(lines(d.county.offered)).toMatchObject({ TOTAL: [12, 10, 8, 0], UNDER_30: [12, 0, 8, 0], LONG_TERM_UNEMPLOYED: [12, 0, 8, 0], OVER_50: [0, 10, 0, 0], SINGLE_PARENTS: [0, 0, 0, 0] });
    expect(d.county.offered.total.sum.value).toBe(30);
    // seats taken = enrolled or completed: E1 8 (not the drop-out, not the cancelled), E2 7, E3 6
    expect(lines(d.county.taken)).toMatchObject({ TOTAL: [8, 7, 6, 0], OVER_50: [0, 7, 0, 0], UNDER_30: [8, 0, 6, 0] });
    expect(d.county.taken.total.sum.value).toBe(21);
    // the cancelled 2024 edition E4 offers nothing
    expect(lines(d.county.years).TOTAL).toEqual([0, 30]);
    expect(lines(d.city.taken).TOTAL).toEqual([0, 15, 0, 0]);
  });

  it("training outcomes: exact where no cell is small, small cells withheld, and what is published is the true value", async () => {
    const d = await ask(`{
      city: territorialUnit(code: "2465") { trainingOutcomes(fromYear: 2025, toYear: 2025) ${SERIES} }
      dg: territorialUnit(code: "2465011") { trainingOutcomes(fromYear: 2025, toYear: 2025) ${SERIES} }
      county: territorialUnit(code: "2401") { trainingOutcomes(fromYear: 2025, toYear: 2025) ${SERIES} }
      bedzin: territorialUnit(code: "2401011") { trainingOutcomes(fromYear: 2025, toYear: 2025) ${SERIES} }
      czeladz: territorialUnit(code: "2401021") { trainingOutcomes(fromYear: 2025, toYear: 2025) ${SERIES} }
    }`);
    // E5 in Dąbrowa Górnicza: 10 employed, 5 not, 5 dropped out
    const city = { TOTAL: [20], IN_PROGRESS: [0], DROPPED_OUT: [5], COMPLETED_EMPLOYED: [10], COMPLETED_NOT_EMPLOYED: [5], COMPLETED_EMPLOYMENT_UNKNOWN: [0] };
    expect(lines(d.city.trainingOutcomes)).toEqual(city);
    expect(lines(d.dg.trainingOutcomes)).toEqual(city);
    expect(d.city.trainingOutcomes.disclosureControlled).toBe(true);
    // the county: Będzin (E1, E2) 1 dropped out, 9 employed, 2 not, 4 unknown; Czeladź (E3) 6 in progress
    const truth: Record<string, Record<string, number>> = {
      county: { TOTAL: 22, IN_PROGRESS: 6, DROPPED_OUT: 1, COMPLETED_EMPLOYED: 9, COMPLETED_NOT_EMPLOYED: 2, COMPLETED_EMPLOYMENT_UNKNOWN: 4 },
      bedzin: { TOTAL: 16, IN_PROGRESS: 0, DROPPED_OUT: 1, COMPLETED_EMPLOYED: 9, COMPLETED_NOT_EMPLOYED: 2, COMPLETED_EMPLOYMENT_UNKNOWN: 4 },
      czeladz: { TOTAL: 6, IN_PROGRESS: 6, DROPPED_OUT: 0, COMPLETED_EMPLOYED: 0, COMPLETED_NOT_EMPLOYED: 0, COMPLETED_EMPLOYMENT_UNKNOWN: 0 },
    };
    for (const [unit, cells] of Object.entries(truth)) {
      const published = lines(d[unit].trainingOutcomes);
      for (const [key, value] of Object.entries(cells)) {
        if (value > 0 && value < 5) expect(published[key], `${unit} ${key}`).toEqual(["x"]);
        else expect([["x"], [value]], `${unit} ${key}`).toContainEqual(published[key]);
      }
    }
    // Seats taken are public (21 in the county, 15 in Będzin): a visible total would give the drop-outs away
    expect(lines(d.county.trainingOutcomes).TOTAL).toEqual(["x"]);
    expect(lines(d.bedzin.trainingOutcomes).TOTAL).toEqual(["x"]);
  });

  it("activation participants by degree, instrument and outcome, with multi-year sums", async () => {
    const q = (code: string) => `territorialUnit(code: "${code}") {
      degree: activationParticipants(fromYear: 2024, toYear: 2025, by: DEGREE) ${SERIES}
      instrument: activationParticipants(fromYear: 2024, toYear: 2025, by: INSTRUMENT) ${SERIES}
      outcome: activationParticipants(fromYear: 2024, toYear: 2025, by: OUTCOME) ${SERIES}
    }`;
    const d = await ask(`{ city: ${q("2465")} county: ${q("2401")} bedzin: ${q("2401011")} czeladz: ${q("2401021")} }`);
    expect(lines(d.city.degree)).toEqual({ TOTAL: [0, 12], SEVERE: [0, 5], MODERATE: [0, 7], MILD: [0, 0] });
    expect(lines(d.city.instrument)).toMatchObject({ TOTAL: [0, 12], SUPPORTED_EMPLOYMENT: [0, 12], OCCUPATIONAL_THERAPY_WORKSHOP: [0, 0] });
    expect(lines(d.city.outcome)).toMatchObject({ TOTAL: [0, 12], IN_PROGRESS: [0, 6], EMPLOYED_OPEN_MARKET: [0, 6], DROPPED_OUT: [0, 0] });
    expect(d.city.degree.total.sum).toEqual({ value: 12, suppressed: false, reason: null, lowerBound: null });
    expect(d.city.degree.dimension).toBe("DisabilityDegree");
    // 2024: Będzin 3 (mild, in progress) is below the threshold
    expect(lines(d.bedzin.degree)).toMatchObject({ TOTAL: ["x", 0], MILD: ["x", 0] });
    // Czeladź 8 (moderate; 4 in progress, 4 dropped out): the 4s are withheld
    expect(lines(d.czeladz.outcome)).toMatchObject({ IN_PROGRESS: ["x", 0], DROPPED_OUT: ["x", 0] });
    // and the county (11) minus Czeladź (8) would give Będzin's 3: one of them is withheld too
    const county = lines(d.county.degree).TOTAL[0], czeladz = lines(d.czeladz.degree).TOTAL[0];
    expect([county, czeladz]).toContain("x");
    for (const v of [county, czeladz]) expect(["x", v === county ? 11 : 8]).toContain(v);
    // a sum over years that includes a withheld year is withheld, with what is known as a lower bound
    expect(d.bedzin.degree.total.sum).toEqual({ value: null, suppressed: true, reason: "INCLUDES_WITHHELD", lowerBound: 0 });
  });

  it("job places by employer sector, including one recorded through the gateway (the register gives the sector)", async () => {
    const query = `{ county: territorialUnit(code: "2401") { disabilityJobPlacesCreated(fromYear: 2024, toYear: 2025) ${SERIES} }
                     city: territorialUnit(code: "2465") { disabilityJobPlacesCreated(fromYear: 2024, toYear: 2025) ${SERIES} } }`;
    let d = await ask(query);
    // 2024: A and C (business); 2025: E (NGO, Siewierz town part) and a place recorded without a sector (total only)
    expect(lines(d.county.disabilityJobPlacesCreated)).toMatchObject({ TOTAL: [2, 2], BUSINESS: [2, 0], NGO: [0, 1], LOCAL_GOVERNMENT: [0, 0] });
    expect(lines(d.city.disabilityJobPlacesCreated)).toMatchObject({ TOTAL: [0, 1], LOCAL_GOVERNMENT: [0, 1] });
    const token = hub.token({ sub: "a-user", role: "partner", partnerId: A });
    const { body } = await hub.query(
      `mutation($input: DisabilityJobPlaceInput!) { createDisabilityJobPlace(input: $input) { id } }`,
      { input: { municipalityCode: "2401011", createdOn: "2025-09-09", fullTimeEquivalent: "1.00", subsidised: true, adaptedWorkstation: true, filled: true } },
      { token },
    );
    expect(body.errors).toBeUndefined();
    d = await ask(query);
    expect(lines(d.county.disabilityJobPlacesCreated)).toMatchObject({ TOTAL: [2, 3], BUSINESS: [2, 1] });
    expect(d.county.disabilityJobPlacesCreated.total.sum.value).toBe(5);
  });

  it("open offers by kind: open at some time in the period", async () => {
    const d = await ask(`{
      county: territorialUnit(code: "2401") { quarters: openOffers(fromYear: 2025, toYear: 2025, grain: QUARTER) ${SERIES} months: openOffers(fromYear: 2025, toYear: 2025, grain: MONTH) ${SERIES} }
      city: territorialUnit(code: "2465") { openOffers(fromYear: 2025, toYear: 2025, grain: QUARTER) ${SERIES} }
    }`);
    // O1 job 10 Jan – 28 Feb; O2 training place from 1 March, open-ended
    expect(lines(d.county.quarters)).toMatchObject({ TOTAL: [2, 1, 1, 1], JOB: [1, 0, 0, 0], TRAINING_PLACE: [1, 1, 1, 1] });
    expect(lines(d.county.months).TOTAL).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(lines(d.county.months).JOB).toEqual([1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(lines(d.city.openOffers)).toMatchObject({ TOTAL: [0, 1, 0, 0], EVENT: [0, 1, 0, 0] });
  });

  it("registered unemployment at the end of each period; no figure is null, not zero", async () => {
    const d = await ask(`{
      county: territorialUnit(code: "2401") {
        quarters: registeredUnemployment(fromYear: 2025, toYear: 2025, grain: QUARTER) ${SERIES}
        years: registeredUnemployment(fromYear: 2024, toYear: 2025) ${SERIES}
      }
      bedzin: territorialUnit(code: "2401011") { registeredUnemployment(fromYear: 2025, toYear: 2025) ${SERIES} }
    }`);
    // 2025 has January–June: Q1 ends with March (2103), Q2 with June (2106), Q3 and Q4 have none
    expect(lines(d.county.quarters)).toMatchObject({ TOTAL: [2103, 2106, "-", "-"], WOMEN: [1103, "-", "-", "-"] });
    expect(lines(d.county.years)).toMatchObject({ TOTAL: [2012, 2106], WOMEN: [1012, "-"] });
    // official figures are imported per unit: the county's own, not a sum of gminas
    expect(lines(d.bedzin.registeredUnemployment).TOTAL).toEqual(["-"]);
  });

  it("indicator progress per issue and initiative, as it stood on a day", async () => {
    const d = await ask(`{
      county: territorialUnit(code: "2401") { now: indicatorProgress { indicator { name issue { title } } baseline target latestValue latestMeasuredOn shareOfTarget }
                                              april: indicatorProgress(asOf: "2025-04-30") { latestValue shareOfTarget } }
      city: territorialUnit(code: "2465") { indicatorProgress { indicator { name initiative { title } } latestValue shareOfTarget } }
      czeladz: territorialUnit(code: "2401021") { indicatorProgress { latestValue } }
    }`);
    // X1: baseline 10, target 30, latest 20 → (20 − 10) / (30 − 10) = 0.5; on 30 April the latest was 15 → 0.25
    expect(d.county.now).toEqual([{ indicator: { name: "X1 placements", issue: { title: "Issue in Będzin" } }, baseline: "10.00", target: "30.00", latestValue: "20.00", latestMeasuredOn: "2025-06-30", shareOfTarget: 0.5 }]);
    expect(d.county.april).toEqual([{ latestValue: "15.00", shareOfTarget: 0.25 }]);
    // X2 has target = baseline: no share; X3 falls from 100 towards 50 and is at 80 → 0.4
    expect(d.city.indicatorProgress).toEqual([
      { indicator: { name: "X2 flat", initiative: { title: "Initiative in Dąbrowa" } }, latestValue: "5.00", shareOfTarget: null },
      { indicator: { name: "X3 fewer long-term unemployed", initiative: { title: "Initiative in Dąbrowa" } }, latestValue: "80.00", shareOfTarget: 0.4 },
    ]);
    expect(d.czeladz.indicatorProgress).toEqual([]);
  });

  it("refuses bad periods with the field named, and people counts finer than a year", async () => {
    const cases: [string, string][] = [
      [`activePartners(fromYear: 2025, toYear: 2024)`, "toYear"],
      [`activePartners(fromYear: 2010, toYear: 2025)`, "toYear"],
      [`activePartners(fromYear: 1990, toYear: 1991)`, "fromYear"],
      [`activationParticipants(fromYear: 2025, toYear: 2025, grain: MONTH)`, "grain"],
      [`trainingOutcomes(fromYear: 2025, toYear: 2025, grain: QUARTER)`, "grain"],
    ];
    for (const [field, name] of cases) {
      const { body } = await hub.query(`{ territorialUnit(code: "2401") { ${field} { statistic } } }`);
      expect(body.errors?.[0]?.extensions, field).toMatchObject({ code: "BAD_USER_INPUT", field: name });
    }
  });

  it("one SQL statement per statistic however many units are asked for, none when asked again before a write", async () => {
    const query = `{ territorialUnits { code activationParticipants(fromYear: 2020, toYear: 2025) { total { values { value } } } disabilityJobPlacesCreated(fromYear: 2020, toYear: 2025) { total { values { value } } } } }`;
    const statements = async () => {
      const before = hub.subgraphs.disability!.db.sql.total;
      const data = await ask(query);
      return { sql: hub.subgraphs.disability!.db.sql.total - before, data };
    };
    const write = (createdOn: string) =>
      insert("disability", [["DisabilityJobPlace", { employerId: A, employerSector: "BUSINESS", municipalityCode: "2401011", createdOn, fullTimeEquivalent: "0.50", subsidised: false, adaptedWorkstation: false, filled: false }]]);
    await write("2021-01-01"); // whatever earlier tests had computed is stale now
    const first = await statements();
    expect(first.sql).toBe(2);
    const again = await statements();
    expect(again.sql).toBe(0);
    expect(again.data).toEqual(first.data);
    // a write moves the subgraph's write generation: the statistics are computed afresh
    await write("2021-02-01");
    const after = await statements();
    expect(after.sql).toBe(2);
    const county = (d: any) => d.territorialUnits.find((u: any) => u.code === "2401").disabilityJobPlacesCreated.total.values[1].value;
    expect(county(after.data)).toBe(county(first.data) + 1);
  });
});
