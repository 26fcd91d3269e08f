import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { startTestHub, type TestHub } from "../src/hub.js";

/** Issues, votes, consultations and initiatives with executive agreements (issue #3). */
let hub: TestHub;
const lead = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;
const member = DEMO_PARTNERS.find((p) => p.key === "ngo-fundacja-mlodzi-w-pracy")!;
let tokens: Record<"lead" | "member" | "analyst" | "coordinator", string>;
const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => body.errors?.map((e) => e.extensions?.code);
const outcome = (r: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => (r.body.errors ? String(r.body.errors[0]!.extensions!.code) : "OK");

beforeAll(async () => {
  hub = await startTestHub("e2e_labour");
  tokens = {
    lead: hub.token({ sub: "anna", role: "partner", partnerId: lead.id }),
    member: hub.token({ sub: "marta", role: "partner", partnerId: member.id }),
    analyst: hub.token({ sub: "ewa", role: "analyst" }),
    coordinator: hub.token({ sub: "koordynator", role: "coordinator" }),
  };
});
afterAll(async () => {
  await hub?.close();
});

describe("issues and votes", () => {
  let issueId: string;

  it("a partner proposes an issue; anonymous gets UNAUTHENTICATED; bad TERYT is refused", async () => {
    const propose = `mutation($input: IssueProposalInput!) { proposeIssue(input: $input) { id status raisedBy { id } } }`;
    const input = { title: "Brak miejsc stażowych w gminach wiejskich", area: "YOUTH_LABOUR_MARKET_ENTRY", affectedGroups: ["UNDER_30"], municipalityCodes: ["2401042", "2401052"] };
    expect(codes((await hub.query(propose, { input })).body)).toEqual(["UNAUTHENTICATED"]);
    expect((await hub.query(propose, { input: { ...input, municipalityCodes: ["2401"] } }, { token: tokens.lead })).body.errors![0]!.extensions!.code).toBe("BAD_USER_INPUT");
    const { body } = await hub.query(propose, { input }, { token: tokens.lead });
    expect(body.data.proposeIssue).toMatchObject({ status: "PROPOSED", raisedBy: { id: lead.id } });
    issueId = body.data.proposeIssue.id;
  });

  it("only the coordinator moves it on the agenda", async () => {
    const set = `mutation($id: ID!) { setIssueStatus(id: $id, version: 1, status: ACCEPTED, reason: "Przyjęte na posiedzeniu partnerstwa.") { status version } }`;
    expect(codes((await hub.query(set, { id: issueId }, { token: tokens.lead })).body)).toEqual(["FORBIDDEN"]);
    expect((await hub.query(set, { id: issueId }, { token: tokens.coordinator })).body.data.setIssueStatus).toEqual({ status: "ACCEPTED", version: 2 });
  });

  it("each partner has one vote per issue, which it may change; priority is 1 to 5", async () => {
    const vote = `mutation($id: ID!, $p: Int!) { castPriorityVote(issueId: $id, priority: $p) { priority } }`;
    expect(codes((await hub.query(vote, { id: issueId, p: 6 }, { token: tokens.lead })).body)).toEqual(["BAD_USER_INPUT"]);
    await hub.query(vote, { id: issueId, p: 5 }, { token: tokens.lead });
    await hub.query(vote, { id: issueId, p: 3 }, { token: tokens.lead });
    await hub.query(vote, { id: issueId, p: 4 }, { token: tokens.member });
    const { body } = await hub.query(`query($id: ID!) { labourMarketIssue(id: $id) { priority { votes average } } }`, { id: issueId });
    expect(body.data.labourMarketIssue.priority).toEqual({ votes: 2, average: 3.5 });
  });
});

let strategyId: string;
describe("strategies", () => {
  it("the coordinator records a strategy with goals linked to issues; invalid goals write nothing", async () => {
    const record = `mutation($input: StrategyInput!) { recordStrategy(input: $input) { id title goals { ordinal title issue { id } } } }`;
    const issues = (await hub.query(`{ labourMarketIssues(first: 1) { nodes { id } } }`)).body.data.labourMarketIssues.nodes;
    const input = { title: "Strategia rozwoju Gminy Psary 2026–2035", level: "MUNICIPAL", territoryCode: "2401062", adoptedById: lead.id, periodStart: 2026, periodEnd: 2035, adoptedOn: "2025-12-18", goals: [{ title: "Aktywizacja młodzieży", issueId: issues[0].id }, { title: "Nowe tereny inwestycyjne" }] };
    const count = async () => (await hub.query(`{ strategies { totalCount } }`)).body.data.strategies.totalCount;
    const before = await count();
    expect(codes((await hub.query(record, { input }, { token: tokens.lead })).body)).toEqual(["FORBIDDEN"]);
    const bad = await hub.query(record, { input: { ...input, goals: [{ title: "Cel", issueId: "00000000-0000-4000-8000-000000000000" }] } }, { token: tokens.coordinator });
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "goals[0].issueId" });
    expect(await count()).toBe(before);
    const { body } = await hub.query(record, { input }, { token: tokens.coordinator });
    expect(body.data.recordStrategy.goals).toEqual([{ ordinal: 1, title: "Aktywizacja młodzieży", issue: { id: issues[0].id } }, { ordinal: 2, title: "Nowe tereny inwestycyjne", issue: null }]);
    expect(await count()).toBe(before + 1);
    strategyId = body.data.recordStrategy.id;
  });

  it("the coordinator sets the partnership's indicators on a strategy goal or an issue, with a target date, and measures them by sex (issue #15)", async () => {
    const goalId = (await hub.query(`query($id: ID!) { strategy(id: $id) { goals { id } } }`, { id: strategyId })).body.data.strategy.goals[0].id;
    const issueId = (await hub.query(`{ labourMarketIssues(first: 1) { nodes { id } } }`)).body.data.labourMarketIssues.nodes[0].id;
    const add = (vars: Record<string, unknown>, token = tokens.coordinator) =>
      hub.query(`mutation($goal: ID, $issue: ID, $input: IndicatorInput!) { addPartnershipIndicator(strategyGoalId: $goal, issueId: $issue, input: $input) { id targetOn bySex strategyGoal { id } issue { id } } }`, vars, { token });
    const input = { name: "Młodzi NEET objęci wsparciem", kind: "OUTPUT", unit: "osoby", baseline: "0", target: "120", targetOn: "2030-12-31", code: "EECO06", bySex: true };
    expect(codes((await add({ goal: goalId, input }, tokens.lead)).body)).toEqual(["FORBIDDEN"]);
    expect((await add({ goal: goalId, issue: issueId, input })).body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
    const made = (await add({ goal: goalId, input })).body.data.addPartnershipIndicator;
    expect(made).toMatchObject({ targetOn: "2030-12-31", bySex: true, strategyGoal: { id: goalId }, issue: null });
    expect((await add({ issue: issueId, input: { ...input, bySex: false, code: null } })).body.data.addPartnershipIndicator.issue).toEqual({ id: issueId });

    const measure = (vars: Record<string, unknown>) =>
      hub.query(`mutation($id: ID!, $women: String, $men: String) { recordPartnershipMeasurement(indicatorId: $id, measuredOn: "2026-12-31", value: "30", women: $women, men: $men) { value women men } }`, vars, { token: tokens.coordinator });
    expect((await measure({ id: made.id, women: "16", men: "15" })).body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "men" });
    expect((await measure({ id: made.id, women: "16", men: "14" })).body.data.recordPartnershipMeasurement).toEqual({ value: "30.00", women: "16.00", men: "14.00" });
    const goal = await hub.query(`query($id: ID!) { strategy(id: $id) { goals { indicators { name progress { latestValue shareOfTarget } } } } }`, { id: strategyId });
    expect(goal.body.data.strategy.goals[0].indicators).toEqual([{ name: "Młodzi NEET objęci wsparciem", progress: { latestValue: "30.00", shareOfTarget: 0.25 } }]);
    // an initiative's indicator is its lead's to measure
    const initiativeIndicator = (await hub.query(`{ initiatives(first: 1, filter: { statuses: [RUNNING] }) { nodes { indicators { id } } } }`)).body.data.initiatives.nodes[0].indicators[0].id;
    expect(codes((await measure({ id: initiativeIndicator })).body)).toEqual(["FORBIDDEN"]);
  });
});

describe("consultations", () => {
  it("the coordinator opens one, partners take positions once, the coordinator closes it with the outcome", async () => {
    const open = `mutation($input: ConsultationInput!) { openConsultation(input: $input) { id status version } }`;
    const input = { subject: "Podział zadań w programie staży 2027", organiserId: lead.id, opensOn: "2020-01-01", closesOn: "2099-01-01" };
    expect(codes((await hub.query(open, { input }, { token: tokens.lead })).body)).toEqual(["FORBIDDEN"]);
    const { body } = await hub.query(open, { input }, { token: tokens.coordinator });
    const id = body.data.openConsultation.id;
    const position = `mutation($id: ID!) { submitConsultationPosition(consultationId: $id, stance: SUPPORT_WITH_AMENDMENTS, statement: "Popieramy, z udziałem gmin wiejskich.") { stance partner { id } } }`;
    expect((await hub.query(position, { id }, { token: tokens.member })).body.data.submitConsultationPosition).toEqual({ stance: "SUPPORT_WITH_AMENDMENTS", partner: { id: member.id } });
    expect(codes((await hub.query(position, { id }, { token: tokens.member })).body)).toEqual(["CONFLICT"]);
    const close = `mutation($id: ID!) { closeConsultation(id: $id, version: 1, outcome: "Przyjęto z poprawką dotyczącą gmin wiejskich.") { status outcome } }`;
    expect((await hub.query(close, { id }, { token: tokens.coordinator })).body.data.closeConsultation.status).toBe("CLOSED");
    expect(codes((await hub.query(position, { id }, { token: tokens.lead })).body)).toEqual(["CONFLICT"]);
  });

  it("a consultation may be about a strategy (issue #15)", async () => {
    const open = `mutation($input: ConsultationInput!) { openConsultation(input: $input) { id strategy { id title } } }`;
    const input = { subject: "Projekt aktualizacji strategii gminy", organiserId: lead.id, opensOn: "2026-01-10", closesOn: "2026-02-10" };
    expect((await hub.query(open, { input: { ...input, strategyId: "00000000-0000-4000-8000-000000000000" } }, { token: tokens.coordinator })).body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "strategyId" });
    const { body } = await hub.query(open, { input: { ...input, strategyId } }, { token: tokens.coordinator });
    expect(body.data.openConsultation.strategy).toEqual({ id: strategyId, title: "Strategia rozwoju Gminy Psary 2026–2035" });
  });
});

describe("initiatives and executive agreements", () => {
  let initiativeId: string;
  let partId: string;

  it("a partner starts an initiative as its lead; invalid money is refused and nothing is written", async () => {
    const create = `mutation($input: InitiativeInput!) { createInitiative(input: $input) { id leadPartner { id } agreement { role partner { id } } } }`;
    const input = { title: "Staże w gminach wiejskich 2027", missionAreas: ["YOUTH_LABOUR_MARKET_ENTRY"], municipalityCodes: ["2401042"], startsOn: "2027-01-01", endsOn: "2027-12-31", fundingSource: "LABOUR_FUND", totalBudget: "250000.00" };
    const count = async () => (await hub.query(`query($p: [ID!]) { initiatives(filter: { partnerIds: $p }) { totalCount } }`, { p: [lead.id] })).body.data.initiatives.totalCount;
    const before = await count();
    expect(codes((await hub.query(create, { input: { ...input, totalBudget: "-5.00" } }, { token: tokens.lead })).body)).toEqual(["BAD_USER_INPUT"]);
    expect(await count()).toBe(before);
    const { body } = await hub.query(create, { input }, { token: tokens.lead });
    expect(body.data.createInitiative.agreement).toEqual([{ role: "LEAD", partner: { id: lead.id } }]);
    initiativeId = body.data.createInitiative.id;
    expect(await count()).toBe(before + 1);
  });

  it("the lead proposes a partner's part; only that partner confirms it, with its own contribution", async () => {
    const propose = `mutation($i: ID!, $input: AgreementPartInput!) { proposeAgreementPart(initiativeId: $i, input: $input) { id version confirmedOn } }`;
    const input = { partnerId: member.id, role: "PARTNER", tasks: ["rekrutacja uczestników", "mentoring"], responsibilities: "Rekrutacja i wsparcie stażystów." };
    expect(codes((await hub.query(propose, { i: initiativeId, input }, { token: tokens.member })).body)).toEqual(["FORBIDDEN"]);
    const { body } = await hub.query(propose, { i: initiativeId, input }, { token: tokens.lead });
    expect(body.data.proposeAgreementPart).toMatchObject({ version: 1, confirmedOn: null });
    partId = body.data.proposeAgreementPart.id;
    const confirm = `mutation($id: ID!, $v: Int!, $c: Money!) { confirmAgreementPart(id: $id, version: $v, input: { cashContribution: $c, inKindContribution: "12000.00", inKindDescription: "sala i mentorzy" }) { version cashContribution confirmedOn } }`;
    expect(codes((await hub.query(confirm, { id: partId, v: 1, c: "5000.00" }, { token: tokens.lead })).body)).toEqual(["FORBIDDEN"]);
    expect(codes((await hub.query(confirm, { id: partId, v: 1, c: "5000.123" }, { token: tokens.member })).body)).toEqual(["BAD_USER_INPUT"]);
    const results = await Promise.all(["5000.00", "7000.00"].map((c) => hub.query(confirm, { id: partId, v: 1, c }, { token: tokens.member })));
    expect(results.map(outcome).sort()).toEqual(["CONFLICT", "OK"]);
    const read = await hub.query(`query($id: ID!) { initiative(id: $id) { cashContributionTotal inKindContributionTotal } }`, { id: initiativeId });
    expect(read.body.data.initiative.inKindContributionTotal).toBe("12000.00");
    expect(["5000.00", "7000.00"]).toContain(read.body.data.initiative.cashContributionTotal);
  });

  it("the lead measures its indicators; progress follows", async () => {
    const add = `mutation($i: ID!) { addIndicator(initiativeId: $i, name: "Liczba stażystów", kind: OUTPUT, unit: "osoby", baseline: "0", target: "40", code: "EECO01") { id } }`;
    expect(codes((await hub.query(add, { i: initiativeId }, { token: tokens.member })).body)).toEqual(["FORBIDDEN"]);
    const id = (await hub.query(add, { i: initiativeId }, { token: tokens.lead })).body.data.addIndicator.id;
    await hub.query(`mutation($id: ID!) { recordMeasurement(indicatorId: $id, measuredOn: "2027-03-31", value: "10") { value } }`, { id }, { token: tokens.lead });
    const dup = await hub.query(`mutation($id: ID!) { recordMeasurement(indicatorId: $id, measuredOn: "2027-03-31", value: "12") { value } }`, { id }, { token: tokens.lead });
    expect(codes(dup.body)).toEqual(["CONFLICT"]);
    const { body } = await hub.query(`query($id: ID!) { initiative(id: $id) { indicators { progress { latestValue shareOfTarget } } } }`, { id: initiativeId });
    expect(body.data.initiative.indicators[0].progress).toEqual({ latestValue: "10.00", shareOfTarget: 0.25 });
  });

  it("indicators about people are measured by sex, the two adding up; ESF+ codes come from the list (issue #15)", async () => {
    const add = (code: string, bySex: boolean) =>
      hub.query(`mutation($i: ID!, $code: String, $bySex: Boolean) { addIndicator(initiativeId: $i, name: "Uczestnicy bezrobotni", kind: OUTPUT, unit: "osoby", baseline: "0", target: "60", code: $code, bySex: $bySex) { id code bySex } }`, { i: initiativeId, code, bySex }, { token: tokens.lead });
    const field = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => body.errors?.[0]?.extensions;
    expect(field((await add("EECO99", true)).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "code" });
    const made = (await add("eeco02", true)).body.data.addIndicator;
    expect(made).toMatchObject({ code: "EECO02", bySex: true });
    const measure = (vars: Record<string, unknown>) =>
      hub.query(`mutation($id: ID!, $on: Date!, $value: String!, $women: String, $men: String) { recordMeasurement(indicatorId: $id, measuredOn: $on, value: $value, women: $women, men: $men) { value women men } }`, { id: made.id, on: "2027-06-30", ...vars }, { token: tokens.lead });
    expect(field((await measure({ value: "25" })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "women" });
    expect(field((await measure({ value: "25", women: "14" })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "men" });
    expect(field((await measure({ value: "25", women: "14", men: "12" })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "men" });
    const ok = await measure({ value: "25", women: "14", men: "11" });
    expect(ok.body.data.recordMeasurement).toEqual({ value: "25.00", women: "14.00", men: "11.00" });
    // an indicator not given by sex takes the value alone
    const plain = (await add("", false)).body.data.addIndicator;
    const split = await hub.query(`mutation($id: ID!) { recordMeasurement(indicatorId: $id, measuredOn: "2027-06-30", value: "3", women: "1", men: "2") { value } }`, { id: plain.id }, { token: tokens.lead });
    expect(field(split.body)).toMatchObject({ code: "BAD_USER_INPUT", field: "women" });
  });

  it("the audit trail of the lead and the member show their own writes", async () => {
    const trail = `{ labourMarketAuditTrail(first: 100) { nodes { entityType action ownerPartnerId } } }`;
    const member_ = (await hub.query(trail, {}, { token: tokens.member })).body.data.labourMarketAuditTrail.nodes;
    expect(member_.every((n: { ownerPartnerId: string }) => n.ownerPartnerId === member.id)).toBe(true);
    expect(member_.some((n: { entityType: string; action: string }) => n.entityType === "AgreementParticipant" && n.action === "UPDATE")).toBe(true);
  });
});
