import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stableId } from "@bdp/kit/server";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * The ESF+ common indicators computed from enrolment records (issue #16),
 * against values worked out by hand from a fixture written straight into
 * the training subgraph's database (no demo seed), read through the gateway.
 *
 * Fixture: one provider, two editions in 2025 (Będzin 2401011, Czeladź
 * 2401021), participants enrolled on 2025-02-15:
 *   g1  8 in Będzin's edition, living in Będzin: long-term unemployed, ISCED 0–2,
 *        25–29, completed, in employment on leaving and six months later;
 *   g2  6 in Będzin's edition, living in Czeladź: unemployed, ISCED 3–4, 55–59,
 *        completed, job searching on leaving, not employed six months later;
 *   g3  7 in Czeladź's edition, residence not recorded (so Czeladź): inactive,
 *        ISCED 5–8, 30–44 (a legacy band: 30–54), dropped out, nothing recorded on leaving;
 *   g4  5 in Będzin's edition, living in Będzin: employed, education not recorded,
 *        18–24, still enrolled;
 *   g5  1 cancelled enrolment, living in Będzin: no participant.
 *
 * By hand, 2025: Będzin 13 (g1 + g4), Czeladź 13 (g2 + g3), the county 26.
 *
 * And in the disability subgraph, one operator's programme, participants who
 * joined on 2025-02-15 (their gmina is where they live):
 *   a1  6 living in Będzin: long-term unemployed, ISCED 0–2, 25–29, employed on the
 *        open market (left 2025-06-30), in employment on leaving and six months later;
 *   a2  5 living in Będzin: inactive, ISCED 3–4, 55–59, still taking part;
 *   a3  7 living in Czeladź: unemployed, education not recorded, 30–49, completed
 *        without a job (left 2025-05-31), job searching, not employed six months later.
 *
 * By hand, 2025: Będzin 11 (a1 + a2), Czeladź 7, the county 18.
 */
let hub: TestHub;
const id = (name: string) => stableId(`esf-fixture:${name}`);
const PROVIDER = id("provider");
const [P, E1, E2] = ["P", "E1", "E2"].map(id) as [string, string, string];
const OPERATOR = id("operator");
const G = id("G");

beforeAll(async () => {
  hub = await startTestHub("e2e_esf", {}, { seed: false });
  const em = hub.subgraphs.training!.db.orm.em.fork();
  em.create("TrainingProgramme", { id: P, providerId: PROVIDER, title: "Kurs EFS+", targetGroups: ["LONG_TERM_UNEMPLOYED"], form: "TRAINING", fundingSource: "ESF_PLUS", hours: 80, costPerParticipant: "1000.00" });
  em.create("TrainingEdition", { id: E1, programme: P, municipalityCode: "2401011", startsOn: "2025-03-01", endsOn: "2025-04-30", capacity: 40, status: "COMPLETED" });
  em.create("TrainingEdition", { id: E2, programme: P, municipalityCode: "2401021", startsOn: "2025-03-01", endsOn: "2025-04-30", capacity: 40, status: "COMPLETED" });
  let n = 0;
  const group = (count: number, edition: string, fields: Record<string, unknown>) => {
    for (let i = 0; i < count; i++) {
      em.create("Enrolment", { edition, participantRef: `ESF/${++n}`, sex: "FEMALE", targetGroups: [], enrolledOn: "2025-02-15", ...fields });
    }
  };
  const left = { completedOn: "2025-04-30" };
  group(8, E1, { residenceCode: "2401011", statusOnEntry: "LONG_TERM_UNEMPLOYED", educationLevel: "ISCED_0_2", ageBand: "AGE_25_29", status: "COMPLETED", ...left, situationOnLeaving: "IN_EMPLOYMENT", employedAfter6Months: true });
  group(6, E1, { residenceCode: "2401021", statusOnEntry: "UNEMPLOYED", educationLevel: "ISCED_3_4", ageBand: "AGE_55_59", status: "COMPLETED", ...left, situationOnLeaving: "JOB_SEARCHING", employedAfter6Months: false });
  group(7, E2, { residenceCode: null, statusOnEntry: "INACTIVE", educationLevel: "ISCED_5_8", ageBand: "AGE_30_44", status: "DROPPED_OUT" });
  group(5, E1, { residenceCode: "2401011", statusOnEntry: "EMPLOYED", educationLevel: null, ageBand: "AGE_18_24", status: "ENROLLED" });
  group(1, E1, { residenceCode: "2401011", statusOnEntry: "UNEMPLOYED", ageBand: "AGE_25_29", status: "CANCELLED" });
  await em.flush();

  const dis = hub.subgraphs.disability!.db.orm.em.fork();
  dis.create("ActivationProgramme", { id: G, operatorId: OPERATOR, name: "Aktywizacja EFS+", instrument: "SUPPORTED_EMPLOYMENT", municipalityCodes: ["2401011", "2401021"], fundingSource: "ESF_PLUS", startsOn: "2025-01-01", capacity: 100, status: "ACTIVE" });
  let m = 0;
  const participants = (count: number, fields: Record<string, unknown>) => {
    for (let i = 0; i < count; i++) dis.create("ActivationParticipant", { programme: G, pseudonym: `ESF-A/${++m}`, degree: "MODERATE", causeCodes: ["05-R"], sex: "MALE", joinedOn: "2025-02-15", ...fields });
  };
  participants(6, { municipalityCode: "2401011", statusOnEntry: "LONG_TERM_UNEMPLOYED", educationLevel: "ISCED_0_2", ageBand: "AGE_25_29", outcome: "EMPLOYED_OPEN_MARKET", leftOn: "2025-06-30", situationOnLeaving: "IN_EMPLOYMENT", employedAfter6Months: true });
  participants(5, { municipalityCode: "2401011", statusOnEntry: "INACTIVE", educationLevel: "ISCED_3_4", ageBand: "AGE_55_59", outcome: "IN_PROGRESS" });
  participants(7, { municipalityCode: "2401021", statusOnEntry: "UNEMPLOYED", educationLevel: null, ageBand: "AGE_30_49", outcome: "COMPLETED_NO_EMPLOYMENT", leftOn: "2025-05-31", situationOnLeaving: "JOB_SEARCHING", employedAfter6Months: false });
  await dis.flush();
}, 120_000);
afterAll(async () => {
  await hub?.close();
});

/** A unit's 2025 ESF+ breakdown: category → value (null when withheld), with the total under TOTAL; zero lines left out. */
async function breakdown(code: string, by: string, statistic: "esfParticipants" | "activationEsfParticipants" = "esfParticipants"): Promise<Record<string, number | null>> {
  const { body } = await hub.query(`query($code: String!, $by: EsfBreakdown!) { territorialUnit(code: $code) { ${statistic}(fromYear: 2025, toYear: 2025, by: $by) {
    dimension series { key values { value suppressed } } total { values { value suppressed } } } } }`, { code, by });
  expect(body.errors).toBeUndefined();
  const s = body.data.territorialUnit[statistic];
  const out: Record<string, number | null> = {};
  for (const line of [...s.series, { key: "TOTAL", ...s.total }]) {
    const v = line.values[0];
    if (v.suppressed || v.value !== 0) out[line.key] = v.suppressed ? null : v.value;
  }
  return out;
}

describe("ESF+ common indicators from the records", () => {
  it("break the participants (EECO01) of each unit down by status on entry, age, education and results, as counted by hand", async () => {
    expect(await breakdown("2401011", "STATUS_ON_ENTRY")).toEqual({ LONG_TERM_UNEMPLOYED: 8, EMPLOYED: 5, TOTAL: 13 });
    expect(await breakdown("2401011", "AGE")).toEqual({ AGE_18_29: 13, TOTAL: 13 });
    expect(await breakdown("2401011", "EDUCATION")).toEqual({ ISCED_0_2: 8, NOT_RECORDED: 5, TOTAL: 13 });
    expect(await breakdown("2401011", "ON_LEAVING")).toEqual({ IN_EMPLOYMENT: 8, NOT_LEFT: 5, TOTAL: 13 });
    expect(await breakdown("2401011", "AFTER_6_MONTHS")).toEqual({ IN_EMPLOYMENT: 8, NOT_KNOWN: 5, TOTAL: 13 });

    // Czeladź: g2 lives there though its course ran in Będzin; g3's residence is not recorded, so its edition's gmina
    expect(await breakdown("2401021", "STATUS_ON_ENTRY")).toEqual({ UNEMPLOYED: 6, INACTIVE: 7, TOTAL: 13 });
    expect(await breakdown("2401021", "AGE")).toEqual({ AGE_55_PLUS: 6, AGE_30_54: 7, TOTAL: 13 });
    expect(await breakdown("2401021", "EDUCATION")).toEqual({ ISCED_3_4: 6, ISCED_5_8: 7, TOTAL: 13 });
    expect(await breakdown("2401021", "ON_LEAVING")).toEqual({ JOB_SEARCHING: 6, NOT_RECORDED: 7, TOTAL: 13 });
    expect(await breakdown("2401021", "AFTER_6_MONTHS")).toEqual({ NOT_IN_EMPLOYMENT: 6, NOT_KNOWN: 7, TOTAL: 13 });

    // the county adds its gminas: EECO02 (unemployed, including long-term) is 6 + 8
    expect(await breakdown("2401", "STATUS_ON_ENTRY")).toEqual({ LONG_TERM_UNEMPLOYED: 8, EMPLOYED: 5, UNEMPLOYED: 6, INACTIVE: 7, TOTAL: 26 });
    // nobody in the city: every line zero (and zero is published)
    expect(await breakdown("2465", "STATUS_ON_ENTRY")).toEqual({});
  });

  it("as the vocabulary computes them: every category it names is a line of its breakdown, and EECO02 adds two", async () => {
    const { body } = await hub.query(`{ vocabulary { esfIndicators { code kind computedAs { breakdown categories } } } }`);
    expect(body.errors).toBeUndefined();
    const indicators = body.data.vocabulary.esfIndicators.filter((i: any) => i.computedAs);
    expect(indicators.length).toBe(15);
    const value = async (code: string, unit: string) => {
      const { breakdown: by, categories } = indicators.find((i: any) => i.code === code).computedAs;
      const { body: b } = await hub.query(`query($by: EsfBreakdown!) { territorialUnit(code: "${unit}") { esfParticipants(fromYear: 2025, toYear: 2025, by: $by) { series { key values { value } } total { values { value } } } } }`, { by });
      const s = b.data.territorialUnit.esfParticipants;
      const lines = [...s.series, { key: "TOTAL", ...s.total }];
      for (const c of categories) expect(lines.map((l: any) => l.key), `${code}: ${c}`).toContain(c);
      return categories.reduce((n: number, c: string) => n + lines.find((l: any) => l.key === c).values[0].value, 0);
    };
    expect(await value("EECO01", "2401")).toBe(26);
    expect(await value("EECO02", "2401")).toBe(14);
    expect(await value("EECR04", "2401")).toBe(8);
    expect(await value("EECO08", "2401021")).toBe(6);
    for (const i of indicators) await value(i.code, "2401");
  });

  it("are counts of people: yearly only", async () => {
    const { body } = await hub.query(`{ territorialUnit(code: "2401011") { esfParticipants(fromYear: 2025, toYear: 2025, grain: MONTH, by: AGE) { total { values { value } } } } }`);
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "grain" });
  });
});

describe("ESF+ common indicators of activation participants, from their records", () => {
  it("break the participants of each unit down as the enrolments are, as counted by hand", async () => {
    const of = (code: string, by: string) => breakdown(code, by, "activationEsfParticipants");
    expect(await of("2401011", "STATUS_ON_ENTRY")).toEqual({ LONG_TERM_UNEMPLOYED: 6, INACTIVE: 5, TOTAL: 11 });
    expect(await of("2401011", "AGE")).toEqual({ AGE_18_29: 6, AGE_55_PLUS: 5, TOTAL: 11 });
    expect(await of("2401011", "EDUCATION")).toEqual({ ISCED_0_2: 6, ISCED_3_4: 5, TOTAL: 11 });
    expect(await of("2401011", "ON_LEAVING")).toEqual({ IN_EMPLOYMENT: 6, NOT_LEFT: 5, TOTAL: 11 });
    expect(await of("2401011", "AFTER_6_MONTHS")).toEqual({ IN_EMPLOYMENT: 6, NOT_KNOWN: 5, TOTAL: 11 });
    expect(await of("2401021", "STATUS_ON_ENTRY")).toEqual({ UNEMPLOYED: 7, TOTAL: 7 });
    expect(await of("2401021", "AGE")).toEqual({ AGE_30_54: 7, TOTAL: 7 });
    expect(await of("2401021", "EDUCATION")).toEqual({ NOT_RECORDED: 7, TOTAL: 7 });
    expect(await of("2401021", "ON_LEAVING")).toEqual({ JOB_SEARCHING: 7, TOTAL: 7 });
    expect(await of("2401021", "AFTER_6_MONTHS")).toEqual({ NOT_IN_EMPLOYMENT: 7, TOTAL: 7 });
    // the county adds its gminas: EECO02 (unemployed, including long-term) is 7 + 6
    expect(await of("2401", "STATUS_ON_ENTRY")).toEqual({ LONG_TERM_UNEMPLOYED: 6, INACTIVE: 5, UNEMPLOYED: 7, TOTAL: 18 });
    expect(await of("2465", "STATUS_ON_ENTRY")).toEqual({});
  });

  it("a participant records status and education on entry; results only once it has left", async () => {
    const token = hub.token({ sub: "ola", role: "partner", partnerId: OPERATOR });
    const { body } = await hub.query(`mutation($g: ID!, $in: ActivationParticipantInput!) { addActivationParticipant(programmeId: $g, input: $in) { id version statusOnEntry educationLevel } }`,
      { g: G, in: { pseudonym: "ESF-A/API", degree: "MILD", causeCodes: ["05-R"], ageBand: "AGE_30_49", sex: "FEMALE", municipalityCode: "2401011", joinedOn: "2026-03-01", statusOnEntry: "LONG_TERM_UNEMPLOYED", educationLevel: "ISCED_3_4" } }, { token });
    expect(body.errors).toBeUndefined();
    const participant = body.data.addActivationParticipant;
    expect(participant).toMatchObject({ statusOnEntry: "LONG_TERM_UNEMPLOYED", educationLevel: "ISCED_3_4" });
    const UPDATE = `mutation($id: ID!, $v: Int!, $c: ActivationParticipantChanges!) { updateActivationParticipant(id: $id, version: $v, changes: $c) { outcome situationOnLeaving employedAfter6Months } }`;
    const early = await hub.query(UPDATE, { id: participant.id, v: participant.version, c: { employedAfter6Months: true } }, { token });
    expect(early.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "employedAfter6Months" });
    const done = await hub.query(UPDATE, { id: participant.id, v: participant.version, c: { outcome: "EMPLOYED_OPEN_MARKET", leftOn: "2026-06-30", situationOnLeaving: "IN_EMPLOYMENT" } }, { token });
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data.updateActivationParticipant).toEqual({ outcome: "EMPLOYED_OPEN_MARKET", situationOnLeaving: "IN_EMPLOYMENT", employedAfter6Months: null });
  });
});

describe("ESF+ fields through the API", () => {
  it("an enrolment records residence, status and education on entry; results only once the participant has left", async () => {
    const token = hub.token({ sub: "anna", role: "partner", partnerId: PROVIDER });
    const edition = (await hub.query(`mutation($p: ID!) { createTrainingEdition(programmeId: $p, input: { startsOn: "2027-03-01", endsOn: "2027-03-31", municipalityCode: "2401011", capacity: 5, status: RECRUITING }) { id } }`, { p: P }, { token })).body.data.createTrainingEdition.id;
    const enrol = (input: Record<string, unknown>) => hub.query(`mutation($e: ID!, $in: EnrolmentInput!) { enrolParticipant(editionId: $e, input: $in) { id version residenceCode statusOnEntry educationLevel } }`,
      { e: edition, in: { participantRef: "ESF/API/1", sex: "MALE", ageBand: "AGE_30_49", targetGroups: ["LONG_TERM_UNEMPLOYED"], enrolledOn: "2027-02-01", ...input } }, { token });
    const bad = await enrol({ residenceCode: "2401" });
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "residenceCode" });
    const { body } = await enrol({ residenceCode: "2401074", statusOnEntry: "LONG_TERM_UNEMPLOYED", educationLevel: "ISCED_3_4" });
    expect(body.errors).toBeUndefined();
    const enrolment = body.data.enrolParticipant;
    expect(enrolment).toMatchObject({ residenceCode: "2401074", statusOnEntry: "LONG_TERM_UNEMPLOYED", educationLevel: "ISCED_3_4" });

    const UPDATE = `mutation($id: ID!, $v: Int!, $c: EnrolmentChanges!) { updateEnrolment(id: $id, version: $v, changes: $c) { version status situationOnLeaving employedAfter6Months } }`;
    const early = await hub.query(UPDATE, { id: enrolment.id, v: enrolment.version, c: { situationOnLeaving: "IN_EMPLOYMENT" } }, { token });
    expect(early.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "situationOnLeaving" });
    const done = await hub.query(UPDATE, { id: enrolment.id, v: enrolment.version, c: { status: "COMPLETED", completedOn: "2027-03-31", situationOnLeaving: "IN_EMPLOYMENT", employedAfter6Months: true } }, { token });
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data.updateEnrolment).toMatchObject({ status: "COMPLETED", situationOnLeaving: "IN_EMPLOYMENT", employedAfter6Months: true });
  });
});
