import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * Labour-market instruments as their own model (issue #16, item 2), through
 * the gateway: a labour office announces a call with its budget, cap and the
 * duties the law attaches; signs agreements with a person and an employer;
 * the call's budget is never exceeded; a person's case reference is the
 * office's alone; duties run, are found kept or broken, once.
 */
let hub: TestHub;
const office = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;
const other = DEMO_PARTNERS.find((p) => p.key === "pup-dabrowa")!;
let tokens: Record<"office" | "other" | "analyst", string>;
type Body = { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
const ext = (body: Body) => body.errors?.[0]?.extensions ?? { code: "OK" };
const ok = (body: Body) => {
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
};

const ANNOUNCE = `mutation($input: InstrumentCallInput!) { announceInstrumentCall(input: $input) { id instrument budget capPerAgreement dutyTerms { kind months } open } }`;
const SIGN = `mutation($c: ID!, $input: InstrumentAgreementInput!) { signInstrumentAgreement(callId: $c, input: $input) { id number amount employerNip caseReference duties { id version kind months dueOn status overdue } } }`;
const SETTLE = `mutation($id: ID!, $v: Int!, $s: DutyStatus!, $on: Date!, $refund: Money, $note: String) { settleInstrumentDuty(id: $id, version: $v, status: $s, on: $on, refund: $refund, note: $note) { status settledOn refund version } }`;
const grants = { reference: "PUP-BDZ/DJ/1/2026", title: "Dotacje na rozpoczęcie działalności gospodarczej 2026", instrument: "START_UP_GRANT", fundingSource: "LABOUR_FUND", budget: "100000.00", capPerAgreement: "40000.00", opensOn: "2026-01-01", closesOn: "2099-12-31", targetGroups: ["UNDER_30", "LONG_TERM_UNEMPLOYED"], municipalityCodes: ["2401011", "2401021"] };
let grantCall: string;

beforeAll(async () => {
  hub = await startTestHub("e2e_instruments", {}, { catalogueReadsCalls: true, env: { OFFERS_REFRESH_MS: "300" } });
  tokens = {
    office: hub.token({ sub: "anna", role: "partner", partnerId: office.id }),
    other: hub.token({ sub: "piotr", role: "partner", partnerId: other.id }),
    analyst: hub.token({ sub: "ewa", role: "analyst" }),
  };
});
afterAll(async () => {
  await hub?.close();
});

describe("a call for an instrument", () => {
  it("is announced with the duties the law attaches; a course, a cap over the budget or a shortened duty are refused", async () => {
    const announce = (input: Record<string, unknown>) => hub.query(ANNOUNCE, { input }, { token: tokens.office });
    expect(ext((await announce({ ...grants, instrument: "TRAINING" })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.instrument" });
    expect(ext((await announce({ ...grants, capPerAgreement: "100000.01" })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.capPerAgreement" });
    expect(ext((await announce({ ...grants, duties: [{ kind: "RUN_BUSINESS", months: 6 }] })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.duties" });
    expect(ext((await hub.query(ANNOUNCE, { input: grants })).body).code).toBe("UNAUTHENTICATED");
    const call = ok((await announce(grants)).body).announceInstrumentCall;
    expect(call).toMatchObject({ instrument: "START_UP_GRANT", budget: "100000.00", dutyTerms: [{ kind: "RUN_BUSINESS", months: 12 }], open: true });
    grantCall = call.id;
    expect(ext((await announce(grants)).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.reference" });
    // public: anyone finds it among the open calls of its gmina
    const open = ok((await hub.query(`{ instrumentCalls(first: 20, filter: { open: true, municipalityCode: "2401" }) { nodes { id provider { name } municipalities { code } } } }`)).body).instrumentCalls.nodes;
    expect(open).toContainEqual({ id: grantCall, provider: { name: office.name }, municipalities: [{ code: "2401011" }, { code: "2401021" }] });
  });

  it("takes agreements up to its cap and its budget; only its provider records them", async () => {
    const person = (number: string, amount: string) => ({ number, beneficiaryKind: "PERSON", caseReference: `CAS/${number}`, municipalityCode: "2401011", amount, signedOn: "2026-02-10", dutiesFrom: "2026-03-01" });
    expect(ext((await hub.query(SIGN, { c: grantCall, input: person("1/2026", "30000.00") }, { token: tokens.other })).body).code).toBe("FORBIDDEN");
    expect(ext((await hub.query(SIGN, { c: grantCall, input: person("1/2026", "40000.01") }, { token: tokens.office })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amount" });
    expect(ext((await hub.query(SIGN, { c: grantCall, input: { ...person("1/2026", "30000.00"), municipalityCode: "2465011" } }, { token: tokens.office })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.municipalityCode" });
    expect(ext((await hub.query(SIGN, { c: grantCall, input: { ...person("1/2026", "30000.00"), employerNip: "9920000078" } }, { token: tokens.office })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.employerNip" });
    const first = ok((await hub.query(SIGN, { c: grantCall, input: person("1/2026", "40000.00") }, { token: tokens.office })).body).signInstrumentAgreement;
    expect(first.duties).toEqual([expect.objectContaining({ kind: "RUN_BUSINESS", months: 12, dueOn: "2027-02-28", status: "RUNNING", overdue: false })]);
    ok((await hub.query(SIGN, { c: grantCall, input: person("2/2026", "38000.00") }, { token: tokens.office })).body);
    const over = await hub.query(SIGN, { c: grantCall, input: person("3/2026", "30000.00") }, { token: tokens.office });
    expect(ext(over.body)).toMatchObject({ code: "CONFLICT", reason: "CALL_EXHAUSTED", left: "22000.00" });
    const use = ok((await hub.query(`query($id: ID!) { instrumentCall(id: $id) { use { agreements committed left } } }`, { id: grantCall })).body).instrumentCall.use;
    expect(use).toEqual({ agreements: 2, committed: "78000.00", left: "22000.00" });
  });

  it("a person's case reference is the office's alone: another partner, an analyst and anyone else read null", async () => {
    const READ = `query($id: ID!) { instrumentCall(id: $id) { agreements { id number caseReference amount } } }`;
    // both signed the same day: in no set order
    const seen = async (token?: string) => ok((await hub.query(READ, { id: grantCall }, token ? { token } : {})).body).instrumentCall.agreements.map((a: { caseReference: string | null }) => a.caseReference);
    expect((await seen(tokens.office)).sort()).toEqual(["CAS/1/2026", "CAS/2/2026"]);
    for (const token of [tokens.other, tokens.analyst, undefined]) expect(await seen(token)).toEqual([null, null]);
    // its audit entry is personal: the office reads it, another partner and the coordinator do not
    const [agreement] = ok((await hub.query(READ, { id: grantCall }, { token: tokens.office })).body).instrumentCall.agreements;
    const trail = async (token: string) => ok((await hub.query(`query($id: ID) { trainingAuditTrail(first: 50, entityId: $id) { nodes { action } } }`, { id: agreement.id }, { token })).body).trainingAuditTrail.nodes;
    expect(await trail(tokens.office)).toEqual([{ action: "CREATE" }]);
    expect(await trail(tokens.other)).toEqual([]);
    expect(await trail(hub.token({ sub: "sekretariat", role: "coordinator" }))).toEqual([]);
  });
});

describe("an employer's agreement and its duty", () => {
  let duty: { id: string; version: number; dueOn: string };

  it("names the employer by a valid NIP, is public, and carries the post for 24 months", async () => {
    const call = ok((await hub.query(ANNOUNCE, { input: { ...grants, reference: "PUP-BDZ/RW/1/2026", title: "Refundacja kosztów wyposażenia stanowiska pracy 2026", instrument: "WORKSTATION_EQUIPMENT_REFUND", budget: "300000.00", capPerAgreement: "45000.00" } }, { token: tokens.office })).body).announceInstrumentCall;
    expect(call.dutyTerms).toEqual([{ kind: "KEEP_POST", months: 24 }]);
    const employer = { number: "RW/1/2026", beneficiaryKind: "EMPLOYER", employerNip: "992-000-00-78", municipalityCode: "2401021", amount: "45000.00", signedOn: "2026-01-20", postsCreated: 1 };
    expect(ext((await hub.query(SIGN, { c: call.id, input: { ...employer, employerNip: "9920000077" } }, { token: tokens.office })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.employerNip" });
    expect(ext((await hub.query(SIGN, { c: call.id, input: { ...employer, caseReference: "X/1" } }, { token: tokens.office })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "input.caseReference" });
    const signed = ok((await hub.query(SIGN, { c: call.id, input: employer }, { token: tokens.office })).body).signInstrumentAgreement;
    expect(signed).toMatchObject({ employerNip: "9920000078", caseReference: null });
    expect(signed.duties).toEqual([expect.objectContaining({ kind: "KEEP_POST", months: 24, dueOn: "2028-01-19", status: "RUNNING" })]);
    duty = signed.duties[0];
    const seen = ok((await hub.query(`query($id: ID!) { instrumentCall(id: $id) { agreements { employerNip amount postsCreated } } }`, { id: call.id }, { token: tokens.other })).body).instrumentCall.agreements;
    expect(seen).toEqual([{ employerNip: "9920000078", amount: "45000.00", postsCreated: 1 }]);
  });

  it("is kept only once its period is over; broken, with the sum to return, it is settled once, by the office only", async () => {
    const settle = (vars: Record<string, unknown>, token = tokens.office) => hub.query(SETTLE, { id: duty.id, v: duty.version, ...vars }, { token });
    expect(ext((await settle({ s: "FULFILLED", on: "2026-06-30" })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "on" });
    expect(ext((await settle({ s: "BROKEN", on: "2026-06-30" })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "refund" });
    expect(ext((await settle({ s: "BROKEN", on: "2026-06-30", refund: "45000.01" })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "refund" });
    expect(ext((await settle({ s: "BROKEN", on: "2026-06-30", refund: "15000.00" }, tokens.other)).body).code).toBe("FORBIDDEN");
    const broken = ok((await settle({ s: "BROKEN", on: "2026-06-30", refund: "15000.00", note: "Stanowisko zlikwidowane po 5 miesiącach." })).body).settleInstrumentDuty;
    expect(broken).toMatchObject({ status: "BROKEN", settledOn: "2026-06-30", refund: "15000.00" });
    expect(ext((await hub.query(SETTLE, { id: duty.id, v: broken.version, s: "FULFILLED", on: "2026-07-01" }, { token: tokens.office })).body)).toMatchObject({ code: "CONFLICT", reason: "DUTY_SETTLED" });
  });

  it("a duty whose period is over and nothing recorded is overdue; found kept, it is FULFILLED", async () => {
    const call = ok((await hub.query(ANNOUNCE, { input: { ...grants, reference: "PUP-BDZ/DJ/1/2023", title: "Dotacje na rozpoczęcie działalności 2023", opensOn: "2023-01-02", closesOn: "2023-12-29", targetGroups: ["UNDER_30"] } }, { token: tokens.office })).body).announceInstrumentCall;
    expect(call.open).toBe(false);
    const signed = ok((await hub.query(SIGN, { c: call.id, input: { number: "7/2023", beneficiaryKind: "PERSON", caseReference: "CAS/7/2023", municipalityCode: "2401011", amount: "35000.00", signedOn: "2023-03-01" } }, { token: tokens.office })).body).signInstrumentAgreement;
    const [old] = signed.duties;
    expect(old).toMatchObject({ dueOn: "2024-02-29", status: "RUNNING", overdue: true });
    const kept = ok((await hub.query(SETTLE, { id: old.id, v: old.version, s: "FULFILLED", on: "2024-03-11", note: "Wpis w CEIDG aktywny przez 12 miesięcy." }, { token: tokens.office })).body).settleInstrumentDuty;
    expect(kept).toMatchObject({ status: "FULFILLED", refund: null });
    const closed = ok((await hub.query(`query($p: [ID!]) { instrumentCalls(first: 50, filter: { open: false, providerIds: $p, instruments: [START_UP_GRANT] }) { nodes { id } } }`, { p: [office.id] })).body).instrumentCalls.nodes.map((n: { id: string }) => n.id);
    expect(closed).toContain(call.id);
    expect(closed).not.toContain(grantCall);
  });
});

describe("calls published as offers", () => {
  it("an open call is in the offers catalogue as a FUNDING_CALL of its office, for its groups, until it closes; a closed one is not", async () => {
    const deadline = Date.now() + 15_000;
    let offers: { title: string; kind: string; partner: { id: string }; validThrough: string | null; targetGroups: string[] }[] = [];
    do {
      await new Promise((r) => setTimeout(r, 200));
      offers = ok((await hub.query(`{ offers(first: 100, filter: { kinds: [FUNDING_CALL] }) { nodes { title kind partner { id } validThrough targetGroups } } }`)).body).offers.nodes;
    } while (!offers.some((o) => o.title === grants.title) && Date.now() < deadline);
    expect(offers).toContainEqual({ title: grants.title, kind: "FUNDING_CALL", partner: { id: office.id }, validThrough: "2099-12-31", targetGroups: grants.targetGroups });
    expect(offers.map((o) => o.title)).not.toContain("Dotacje na rozpoczęcie działalności 2023");
  });
});

describe("instruments as statistics", () => {
  it("count the people with a grant or loan in the county by year, instrument and duty, and employers' posts by instrument, as the records say", async () => {
    const em = hub.subgraphs.training!.db.orm.em.fork();
    const [people] = await em.getConnection().execute<{ n: number; grants: number; broken: number }[]>(
      `select count(*)::int as n, count(*) filter (where c.instrument = 'START_UP_GRANT')::int as grants,
              count(*) filter (where exists (select 1 from instrument_duty d where d.agreement_id = a.id and d.status = 'BROKEN'))::int as broken
       from instrument_agreement a join instrument_call c on c.id = a.call_id
       where a.beneficiary_kind = 'PERSON' and extract(year from a.signed_on) = 2024 and a.municipality_code like '2401%'`);
    const [posts] = await em.getConnection().execute<{ n: number }[]>(
      `select coalesce(sum(coalesce(a.posts_created, 1)), 0)::int as n from instrument_agreement a
       where a.beneficiary_kind = 'EMPLOYER' and extract(year from a.signed_on) = 2024 and a.municipality_code like '2401%'`);
    const series = async (field: string) => ok((await hub.query(`{ territorialUnit(code: "2401") { ${field} } }`)).body).territorialUnit;
    const byInstrument = (await series(`instrumentBeneficiaries(fromYear: 2024, toYear: 2024, by: INSTRUMENT) { series { key values { value suppressed } } total { values { value } } }`)).instrumentBeneficiaries;
    expect(byInstrument.total.values[0].value).toBe(people!.n);
    expect(byInstrument.series.find((l: { key: string }) => l.key === "START_UP_GRANT").values[0]).toEqual({ value: people!.grants, suppressed: false });
    const byDuty = (await series(`instrumentBeneficiaries(fromYear: 2024, toYear: 2024, by: DUTY) { series { key values { value suppressed } } }`)).instrumentBeneficiaries;
    const broken = byDuty.series.find((l: { key: string }) => l.key === "BROKEN").values[0];
    expect(broken.suppressed ? null : broken.value).toBe(people!.broken >= 5 ? people!.broken : null);
    const made = (await series(`instrumentPosts(fromYear: 2024, toYear: 2024) { measure total { values { value } } }`)).instrumentPosts;
    expect(made.measure).toBe("posts");
    expect(made.total.values[0].value).toBe(posts!.n);
    expect(posts!.n).toBeGreaterThan(0);
    // counts of people are yearly only
    const monthly = await hub.query(`{ territorialUnit(code: "2401") { instrumentBeneficiaries(fromYear: 2024, toYear: 2024, grain: MONTH) { total { values { value } } } } }`);
    expect(monthly.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "grain" });
  });
});
