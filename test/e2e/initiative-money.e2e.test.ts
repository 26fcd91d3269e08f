import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * Projects with their money (issue #15, item 2), through the gateway: an
 * initiative whose agreement two partners confirm and a third declines,
 * funding shares that must add up (an inconsistent set refused), signing,
 * spending against the budget (concurrent spending never past it), a partner
 * withdrawing and an annex covering the gap, closing; what may change when;
 * each step in the audit trail. Then raising funds: a call for funding, the
 * leads' applications, grants never past what the call has.
 */
let hub: TestHub;
const partner = (key: string) => DEMO_PARTNERS.find((p) => p.key === key)!;
const lead = partner("pup-bedzin");
const first = partner("ngo-fundacja-mlodzi-w-pracy");
const second = partner("pup-dabrowa");
const third = DEMO_PARTNERS.find((p) => p.withdrewOn === null && ![lead, first, second].includes(p))!;
let tokens: Record<"lead" | "first" | "second" | "third", string>;
type Body = { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
const code = (body: Body) => body.errors?.[0]?.extensions?.code ?? "OK";
const reason = (body: Body) => body.errors?.[0]?.extensions?.reason;

const INITIATIVE = `id version status agreementNumber agreementSignedOn totalBudget endsOn
  agreement { id version status partner { id } }
  fundingShares { source programme amount }
  budget { totalBudget fundingShares cashContributions inKindContributions covered gap spent left }
  annexes { number newEndsOn newTotalBudget summary }`;
let initiative: { id: string; version: number };
const parts: Record<string, { id: string; version: number }> = {};

async function read(): Promise<any> {
  const { body } = await hub.query(`query($id: ID!) { initiative(id: $id) { ${INITIATIVE} } }`, { id: initiative.id });
  initiative = body.data.initiative;
  return body.data.initiative;
}
const as = (who: keyof typeof tokens) => ({ token: tokens[who] });

const STATISTICS = `query($code: String!) { territorialUnit(code: $code) {
  agreedFunding(fromYear: 2025, toYear: 2025) { measure series { key sum { value } } total { sum { value } } }
  initiativeSpending(fromYear: 2026, toYear: 2026) { total { sum { value } } }
  partnerContributions(fromYear: 2025, toYear: 2025) { series { key sum { value } } total { sum { value } } } } }`;
type Figures = { units: Record<string, { byFund: Record<string, number>; total: number; spent: number; bySector: Record<string, number>; contributed: number }>; partners: Record<string, Record<string, string>> };
let before: Figures;

/** The units' money statistics and the partners' contributions, as the gateway answers them. */
async function moneyFigures(): Promise<Figures> {
  const units: Figures["units"] = {};
  for (const code of ["2401011", "2401", "2465", "2401062"]) {
    const { body } = await hub.query(STATISTICS, { code });
    expect(body.errors).toBeUndefined();
    const u = body.data.territorialUnit;
    expect(u.agreedFunding.measure).toBe("PLN");
    const byKey = (series: { key: string; sum: { value: number } }[]) => Object.fromEntries(series.map((s) => [s.key, s.sum.value]));
    units[code] = {
      byFund: byKey(u.agreedFunding.series), total: u.agreedFunding.total.sum.value, spent: u.initiativeSpending.total.sum.value,
      bySector: byKey(u.partnerContributions.series), contributed: u.partnerContributions.total.sum.value,
    };
  }
  const partners: Figures["partners"] = {};
  for (const [who, p] of [["lead", lead], ["first", first], ["second", second]] as const) {
    partners[who] = (await hub.query(`query($id: ID!) { partner(id: $id) { contributions { initiatives cash inKind spent } } }`, { id: p.id })).body.data.partner.contributions;
  }
  return { units, partners };
}

beforeAll(async () => {
  hub = await startTestHub("e2e_initiative_money");
  tokens = {
    lead: hub.token({ sub: "anna", role: "partner", partnerId: lead.id }),
    first: hub.token({ sub: "marta", role: "partner", partnerId: first.id }),
    second: hub.token({ sub: "piotr", role: "partner", partnerId: second.id }),
    third: hub.token({ sub: "ola", role: "partner", partnerId: third.id }),
  };
  const { body } = await hub.query(
    `mutation($input: InitiativeInput!) { createInitiative(input: $input) { id version } }`,
    { input: { title: "Spawacz 2027 – szkolenia i staże", missionAreas: ["PROFESSIONAL_DEVELOPMENT"], municipalityCodes: ["2401011", "2465011"], startsOn: "2026-01-01", endsOn: "2027-06-30", fundingSource: "ESF_PLUS", totalBudget: "100000.00" } },
    as("lead"),
  );
  initiative = body.data.createInitiative;
});

beforeAll(async () => {
  before = await moneyFigures();
});
afterAll(async () => {
  await hub?.close();
});

describe("an initiative's agreement and money", () => {
  it("the lead proposes three parts; two partners confirm, the third declines; only each partner answers for its own part", async () => {
    // a part goes to a partner of the register, whose sector it keeps
    const unknown = await hub.query(`mutation($i: ID!, $input: AgreementPartInput!) { proposeAgreementPart(initiativeId: $i, input: $input) { id } }`,
      { i: initiative.id, input: { partnerId: "00000000-0000-4000-8000-0000000000bb", role: "PARTNER", tasks: ["rekrutacja uczestników"], responsibilities: "Rekrutacja i staże." } }, as("lead"));
    expect(unknown.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "partnerId" });
    for (const [who, p] of [["first", first], ["second", second], ["third", third]] as const) {
      const { body } = await hub.query(`mutation($i: ID!, $input: AgreementPartInput!) { proposeAgreementPart(initiativeId: $i, input: $input) { id version status } }`,
        { i: initiative.id, input: { partnerId: p.id, role: "PARTNER", tasks: ["rekrutacja uczestników"], responsibilities: "Rekrutacja i staże." } }, as("lead"));
      expect(body.data.proposeAgreementPart.status).toBe("PROPOSED");
      parts[who] = body.data.proposeAgreementPart;
    }
    parts.lead = (await read()).agreement.find((a: any) => a.partner.id === lead.id);

    // signing with parts unanswered is refused
    const early = await hub.query(`mutation($i: ID!, $v: Int!) { signAgreement(initiativeId: $i, version: $v, number: "PW/9/2026", signedOn: "2025-12-10") { status } }`, { i: initiative.id, v: initiative.version }, as("lead"));
    expect([code(early.body), reason(early.body)]).toEqual(["CONFLICT", "PARTS_UNANSWERED"]);

    const confirm = `mutation($id: ID!, $v: Int!, $cash: Money!, $kind: Money!) { confirmAgreementPart(id: $id, version: $v, input: { cashContribution: $cash, inKindContribution: $kind }) { version status } }`;
    const decline = `mutation($id: ID!, $v: Int!) { declineAgreementPart(id: $id, version: $v, reason: "Brak kadry w tym okresie.") { version status leftOn leftReason } }`;
    // a partner cannot decline another's part
    expect(code((await hub.query(decline, { id: parts.third!.id, v: 1 }, as("first"))).body)).toBe("FORBIDDEN");
    for (const [who, cash, kind] of [["lead", "20000.00", "0.00"], ["first", "10000.00", "5000.00"], ["second", "0.00", "5000.00"]] as const) {
      const { body } = await hub.query(confirm, { id: parts[who]!.id, v: parts[who]!.version, cash, kind }, as(who));
      expect(body.data.confirmAgreementPart.status, who).toBe("CONFIRMED");
    }
    const declined = await hub.query(decline, { id: parts.third!.id, v: 1 }, as("third"));
    expect(declined.body.data.declineAgreementPart).toMatchObject({ status: "DECLINED", leftReason: "Brak kadry w tym okresie." });
    // declined is an answer: it cannot be confirmed afterwards, nor declined again
    expect(reason((await hub.query(confirm, { id: parts.third!.id, v: 2, cash: "1.00", kind: "0.00" }, as("third"))).body)).toBe("PART_STATUS");
    expect(reason((await hub.query(decline, { id: parts.third!.id, v: 2 }, as("third"))).body)).toBe("PART_STATUS");

    const now = await read();
    expect(now.budget).toMatchObject({ cashContributions: "30000.00", inKindContributions: "10000.00", covered: "40000.00", gap: "60000.00" });
  });

  it("funding shares must add up: more than the budget, or the same fund twice, is refused; short by a grosz, signing is refused with the figures; nothing is written", async () => {
    const set = `mutation($i: ID!, $v: Int!, $s: [FundingShareInput!]!) { setFundingShares(initiativeId: $i, version: $v, shares: $s) { version fundingShares { amount } } }`;
    const esf = (amount: string) => ({ source: "ESF_PLUS", programme: "FE SL 2021–2027, działanie 7.3", callReference: "FESL.07.03-IP.02-001/25", amount });
    const county = (amount: string) => ({ source: "LOCAL_GOVERNMENT_BUDGET", programme: "Budżet Powiatu Będzińskiego", amount });
    const over = await hub.query(set, { i: initiative.id, v: initiative.version, s: [esf("90000.00"), county("10000.01")] }, as("lead"));
    expect([code(over.body), over.body.errors?.[0]?.message]).toEqual(["BAD_USER_INPUT", "shares: the funding shares add up to 100000.01 PLN, more than the budget of 100000.00 PLN"]);
    expect(code((await hub.query(set, { i: initiative.id, v: initiative.version, s: [esf("1.00"), esf("2.00")] }, as("lead"))).body)).toBe("BAD_USER_INPUT");
    expect(code((await hub.query(set, { i: initiative.id, v: initiative.version, s: [esf("0.00")] }, as("lead"))).body)).toBe("BAD_USER_INPUT");
    // only the lead sets them
    expect(code((await hub.query(set, { i: initiative.id, v: initiative.version, s: [esf("50000.00")] }, as("first"))).body)).toBe("FORBIDDEN");

    const short = await hub.query(set, { i: initiative.id, v: initiative.version, s: [esf("50000.00"), county("9999.99")] }, as("lead"));
    expect(short.body.data.setFundingShares.version).toBe(initiative.version + 1);
    await read();
    const sign = `mutation($i: ID!, $v: Int!) { signAgreement(initiativeId: $i, version: $v, number: "PW/9/2026", signedOn: "2025-12-10") { status version agreementNumber } }`;
    const refused = await hub.query(sign, { i: initiative.id, v: initiative.version }, as("lead"));
    expect(code(refused.body)).toBe("BAD_USER_INPUT");
    expect(refused.body.errors![0]!.message).toContain("funding shares 59999.99 + cash 30000.00 + in kind 10000.00 = 99999.99 PLN, the budget is 100000.00 PLN (uncovered by 0.01)");
    expect(await read()).toMatchObject({ status: "PLANNED", agreementNumber: null, budget: { gap: "0.01" } });

    // a stale version is a CONFLICT, never an overwrite
    expect(code((await hub.query(set, { i: initiative.id, v: initiative.version - 1, s: [esf("50000.00"), county("10000.00")] }, as("lead"))).body)).toBe("CONFLICT");
    await hub.query(set, { i: initiative.id, v: initiative.version, s: [esf("50000.00"), county("10000.00")] }, as("lead"));
    await read();
    const signed = await hub.query(sign, { i: initiative.id, v: initiative.version }, as("lead"));
    expect(signed.body.data.signAgreement).toMatchObject({ status: "AGREED", agreementNumber: "PW/9/2026" });
    expect((await read()).budget).toMatchObject({ fundingShares: "60000.00", covered: "100000.00", gap: "0.00" });
  });

  it("once signed, the dates, budget and shares change only by an annex; parts are no longer proposed or confirmed", async () => {
    const update = `mutation($id: ID!, $v: Int!, $c: InitiativeChanges!) { updateInitiative(id: $id, version: $v, changes: $c) { version title totalBudget } }`;
    const budget = await hub.query(update, { id: initiative.id, v: initiative.version, c: { totalBudget: "120000.00" } }, as("lead"));
    expect([code(budget.body), reason(budget.body)]).toEqual(["CONFLICT", "INITIATIVE_STATUS"]);
    expect(budget.body.errors![0]!.message).toContain("amendAgreement");
    const title = await hub.query(update, { id: initiative.id, v: initiative.version, c: { title: "Spawacz 2027 – szkolenia, staże i zatrudnienie" } }, as("lead"));
    expect(title.body.data.updateInitiative.totalBudget).toBe("100000.00");
    expect(code((await hub.query(update, { id: initiative.id, v: initiative.version, c: { title: "Inny tytuł inicjatywy" } }, as("first"))).body)).toBe("FORBIDDEN");
    await read();
    const set = await hub.query(`mutation($i: ID!, $v: Int!) { setFundingShares(initiativeId: $i, version: $v, shares: []) { version } }`, { i: initiative.id, v: initiative.version }, as("lead"));
    expect(reason(set.body)).toBe("INITIATIVE_STATUS");
    const propose = await hub.query(`mutation($i: ID!, $input: AgreementPartInput!) { proposeAgreementPart(initiativeId: $i, input: $input) { id } }`,
      { i: initiative.id, input: { partnerId: third.id, role: "SUPPORTING", tasks: ["promocja"], responsibilities: "Promocja." } }, as("lead"));
    expect(reason(propose.body)).toBe("INITIATIVE_STATUS");
  });

  it("spending is recorded while RUNNING, by confirmed parts only, and never past the budget, even by partners spending at once", async () => {
    const spend = (who: keyof typeof tokens, amount: string, spentOn = "2026-03-15") =>
      hub.query(`mutation($i: ID!, $input: ExpenditureInput!) { recordSpending(initiativeId: $i, input: $input) { id amount partner { id } } }`, { i: initiative.id, input: { spentOn, amount, category: "szkolenia i kursy" } }, as(who));
    expect(reason((await spend("lead", "100.00")).body)).toBe("INITIATIVE_STATUS");
    const run = await hub.query(`mutation($id: ID!, $v: Int!) { changeInitiativeStatus(id: $id, version: $v, status: RUNNING, reason: "Rozpoczęcie rekrutacji uczestników.") { status } }`, { id: initiative.id, v: initiative.version }, as("lead"));
    expect(run.body.data.changeInitiativeStatus.status).toBe("RUNNING");

    expect((await spend("first", "30000.00")).body.data.recordSpending).toMatchObject({ amount: "30000.00", partner: { id: first.id } });
    expect(code((await spend("third", "10.00")).body)).toBe("FORBIDDEN"); // declined its part
    expect(code((await spend("lead", "10.00", "2025-12-31")).body)).toBe("BAD_USER_INPUT"); // before the start
    expect(code((await spend("lead", "10.00", "2099-01-01")).body)).toBe("BAD_USER_INPUT"); // in the future
    const over = await spend("lead", "70000.01");
    expect([code(over.body), reason(over.body), over.body.errors?.[0]?.extensions?.left]).toEqual(["CONFLICT", "BUDGET_EXCEEDED", "70000.00"]);

    // five spends of 20,000 at once with 70,000 left: three pass, two are refused, the budget is never exceeded
    const racing = await Promise.all(Array.from({ length: 5 }, (_, i) => spend(i % 2 ? "second" : "lead", "20000.00")));
    const outcomes = racing.map((r) => reason(r.body) ?? code(r.body)).sort();
    console.log("five concurrent spends of 20,000 with 70,000 left:", outcomes);
    expect(outcomes).toEqual(["BUDGET_EXCEEDED", "BUDGET_EXCEEDED", "OK", "OK", "OK"]);
    expect((await read()).budget).toMatchObject({ spent: "90000.00", left: "10000.00" });
  });

  it("a partner withdraws; an annex must cover the gap again (and cannot cut the budget below what was spent); the annex keeps the old and new values", async () => {
    const withdraw = await hub.query(`mutation($id: ID!, $v: Int!) { withdrawAgreementPart(id: $id, version: $v, reason: "Zmiana profilu działalności fundacji.") { status } }`, { id: parts.first!.id, v: (await read()).agreement.find((a: any) => a.id === parts.first!.id).version }, as("first"));
    expect(withdraw.body.data.withdrawAgreementPart.status).toBe("WITHDRAWN");
    expect((await read()).budget).toMatchObject({ covered: "85000.00", gap: "15000.00" });
    // the lead's own part cannot be withdrawn: it cancels the initiative instead
    const leadPart = (await read()).agreement.find((a: any) => a.id === parts.lead!.id);
    const leaving = await hub.query(`mutation($id: ID!, $v: Int!) { withdrawAgreementPart(id: $id, version: $v, reason: "Nie.") { status } }`, { id: leadPart.id, v: leadPart.version }, as("lead"));
    expect([code(leaving.body), leaving.body.errors?.[0]?.message]).toEqual(["CONFLICT", "The lead cannot leave its own initiative: it cancels it instead"]);

    const amend = (input: Record<string, unknown>) =>
      hub.query(`mutation($i: ID!, $v: Int!, $input: AgreementAnnexInput!) { amendAgreement(initiativeId: $i, version: $v, input: $input) { number previousEndsOn newEndsOn previousTotalBudget newTotalBudget } }`, { i: initiative.id, v: initiative.version, input }, as("lead"));
    const base = { signedOn: "2026-06-01", summary: "Przejęcie zadań fundacji przez lidera i zwiększenie dofinansowania." };
    const uncovered = await amend({ ...base, endsOn: "2027-09-30" });
    expect(code(uncovered.body)).toBe("BAD_USER_INPUT");
    expect(uncovered.body.errors![0]!.message).toContain("uncovered by 15000.00");
    const belowSpent = await amend({ ...base, totalBudget: "85000.00" });
    expect(belowSpent.body.errors![0]!.message).toContain("90000.00 PLN is already spent");
    const annex = await amend({
      ...base, endsOn: "2027-09-30",
      fundingShares: [
        { source: "ESF_PLUS", programme: "FE SL 2021–2027, działanie 7.3", callReference: "FESL.07.03-IP.02-001/25", amount: "65000.00" },
        { source: "LOCAL_GOVERNMENT_BUDGET", programme: "Budżet Powiatu Będzińskiego", amount: "10000.00" },
      ],
    });
    expect(annex.body.data.amendAgreement).toEqual({ number: 1, previousEndsOn: "2027-06-30", newEndsOn: "2027-09-30", previousTotalBudget: null, newTotalBudget: null });
    expect(await read()).toMatchObject({ endsOn: "2027-09-30", budget: { fundingShares: "75000.00", covered: "100000.00", gap: "0.00" }, annexes: [{ number: 1 }] });
  });

  it("closed, it changes no more; every step is in the lead's and the partners' audit trails, decisions with their reasons", async () => {
    const close = await hub.query(`mutation($id: ID!, $v: Int!) { changeInitiativeStatus(id: $id, version: $v, status: COMPLETED, reason: "Rozliczenie końcowe przyjęte.") { status } }`, { id: initiative.id, v: initiative.version }, as("lead"));
    expect(close.body.data.changeInitiativeStatus.status).toBe("COMPLETED");
    await read();
    const again = await hub.query(`mutation($id: ID!, $v: Int!) { changeInitiativeStatus(id: $id, version: $v, status: CANCELLED, reason: "Próba.") { status } }`, { id: initiative.id, v: initiative.version }, as("lead"));
    expect(reason(again.body)).toBe("INITIATIVE_STATUS");
    const update = await hub.query(`mutation($id: ID!, $v: Int!) { updateInitiative(id: $id, version: $v, changes: { title: "Po zamknięciu" }) { title } }`, { id: initiative.id, v: initiative.version }, as("lead"));
    expect(reason(update.body)).toBe("INITIATIVE_STATUS");
    const spend = await hub.query(`mutation($i: ID!) { recordSpending(initiativeId: $i, input: { spentOn: "2026-07-01", amount: "1.00", category: "promocja" }) { id } }`, { i: initiative.id }, as("lead"));
    expect(reason(spend.body)).toBe("INITIATIVE_STATUS");

    const trail = async (who: keyof typeof tokens) =>
      (await hub.query(`{ labourMarketAuditTrail(first: 100) { nodes { entityType entityId action reason } } }`, {}, as(who))).body.data.labourMarketAuditTrail.nodes as { entityType: string; entityId: string; action: string; reason: string | null }[];
    const leads = (await trail("lead")).filter((n) => n.entityId === initiative.id || n.entityType !== "Initiative");
    const decisions = leads.filter((n) => n.entityType === "Initiative" && n.entityId === initiative.id && n.action === "DECIDE").map((n) => n.reason);
    expect(decisions).toEqual(expect.arrayContaining(["Porozumienie wykonawcze nr PW/9/2026 z dnia 2025-12-10", "Rozpoczęcie rekrutacji uczestników.", "Rozliczenie końcowe przyjęte.", `Aneks nr 1: Przejęcie zadań fundacji przez lidera i zwiększenie dofinansowania.`]));
    for (const type of ["FundingShare", "AgreementAnnex", "Expenditure"]) expect(leads.some((n) => n.entityType === type && n.action === "CREATE"), type).toBe(true);
    const thirds = await trail("third");
    expect(thirds.some((n) => n.entityId === parts.third!.id && n.action === "DECIDE" && n.reason === "Brak kadry w tym okresie.")).toBe(true);
    const firsts = await trail("first");
    expect(firsts.some((n) => n.entityId === parts.first!.id && n.action === "DECIDE" && n.reason === "Zmiana profilu działalności fundacji.")).toBe(true);
    expect(firsts.some((n) => n.entityType === "Expenditure" && n.action === "CREATE")).toBe(true);
  });
});

describe("the money as statistics (issue #15, item 6)", () => {
  it("count the signed initiative's money once in each unit where it acts, by fund; its spending by year; each partner's contributions", async () => {
    const after = await moneyFigures();
    const delta = (code: string) => ({
      byFund: Object.fromEntries(Object.entries(after.units[code]!.byFund).map(([fund, v]) => [fund, v - (before.units[code]!.byFund[fund] ?? 0)]).filter(([, v]) => v !== 0)),
      spent: after.units[code]!.spent - before.units[code]!.spent,
    });
    // signed 2025-12-10 acting in Będzin and the city: ESF+ 65,000 and the county's 10,000 after the annex, the lead's cash 20,000 (the
    // withdrawn partner's 10,000 no longer counts; in kind is not money agreed); 90,000 spent in 2026
    const expected = { byFund: { ESF_PLUS: 65_000, LOCAL_GOVERNMENT_BUDGET: 10_000, PARTNER_OWN_FUNDS: 20_000 }, spent: 90_000 };
    // once in the county though it acts in one gmina of it, once in the city
    for (const code of ["2401011", "2401", "2465"]) expect(delta(code), code).toEqual(expected);
    expect(delta("2401062"), "Psary, where it does not act").toEqual({ byFund: {}, spent: 0 });
    for (const code of Object.keys(after.units)) expect(after.units[code]!.total).toBe(Object.values(after.units[code]!.byFund).reduce((a, b) => a + b, 0));
    // the partners' own contributions, cash and in kind, by the sector each had in the register: the lead's 20,000 and the second's 5,000
    const bySector: Record<string, number> = {};
    for (const [p, amount] of [[lead, 20_000], [second, 5_000]] as const) bySector[p.sector] = (bySector[p.sector] ?? 0) + amount;
    for (const code of ["2401011", "2401", "2465"]) {
      const { bySector: now, contributed } = after.units[code]!;
      const was = before.units[code]!;
      expect(Object.fromEntries(Object.entries(now).map(([sector, v]) => [sector, v - (was.bySector[sector] ?? 0)]).filter(([, v]) => v !== 0)), code).toEqual(bySector);
      expect(contributed - was.contributed, code).toBe(25_000);
      // every seeded and written part knows its sector: the sectors add up to the total
      expect(Object.values(now).reduce((a, b) => a + b, 0), code).toBe(contributed);
    }

    const change = (who: "lead" | "first" | "second", field: "initiatives" | "cash" | "inKind" | "spent") => Number(after.partners[who]![field]) - Number(before.partners[who]![field]);
    expect([change("lead", "initiatives"), change("lead", "cash"), change("second", "initiatives"), change("second", "inKind")]).toEqual([1, 20_000, 1, 5_000]);
    // the withdrawn partner's part no longer counts; what it spent does
    expect([change("first", "initiatives"), change("first", "cash"), change("first", "spent")]).toEqual([0, 0, 30_000]);
    expect(change("lead", "spent") + change("second", "spent")).toBe(60_000);
  });
});

describe("calls for funding and the partnership's applications", () => {
  let callId: string;
  let projects: string[];
  const today = () => new Date().toISOString().slice(0, 10);
  const shift = (days: number) => new Date(Date.now() + days * 864e5).toISOString().slice(0, 10);
  const apply = (call: string, initiativeId: string, requested: string, who: keyof typeof tokens = "lead") =>
    hub.query(`mutation($c: ID!, $i: ID!, $r: Money!) { applyForFunding(callId: $c, initiativeId: $i, requested: $r) { id version status } }`, { c: call, i: initiativeId, r: requested }, as(who));
  const decide = (id: string, version: number, granted: string | null, who: keyof typeof tokens = "second") =>
    hub.query(`mutation($id: ID!, $v: Int!, $g: Money) { decideFundingApplication(id: $id, version: $v, granted: $g, reason: "Ocena merytoryczna komisji.") { status granted decidedOn } }`, { id, v: version, g: granted }, as(who));

  beforeAll(async () => {
    projects = [];
    for (const [who, title] of [["lead", "Kursy KFS dla mikrofirm z Czeladzi"], ["first", "Kursy KFS dla opiekunów"]] as const) {
      const { body } = await hub.query(`mutation($input: InitiativeInput!) { createInitiative(input: $input) { id } }`,
        { input: { title, missionAreas: ["FUNDING_AND_TRAINING"], municipalityCodes: ["2401011"], startsOn: shift(30), endsOn: shift(300), fundingSource: "KFS", totalBudget: "80000.00" } }, as(who));
      projects.push(body.data.createInitiative.id);
    }
  });

  it("a labour office announces its call; open calls are listed for anyone", async () => {
    const announce = (input: Record<string, unknown>) => hub.query(`mutation($input: FundingCallInput!) { announceFundingCall(input: $input) { id reference recordedBy { id } } }`, { input }, as("second"));
    const input = { reference: `KFS/1/${today().slice(0, 4)}`, title: "Nabór wniosków o środki KFS na kształcenie ustawiczne", source: "KFS", programme: "Krajowy Fundusz Szkoleniowy – priorytety ministra", opensOn: shift(-5), closesOn: shift(20), available: "100000.00" };
    expect(code((await announce({ ...input, closesOn: shift(-10) })).body)).toBe("BAD_USER_INPUT");
    const { body } = await announce(input);
    expect(body.data.announceFundingCall.recordedBy.id).toBe(second.id);
    callId = body.data.announceFundingCall.id;
    expect(code((await announce(input)).body)).toBe("CONFLICT"); // the same reference twice
    const listed = await hub.query(`{ fundingCalls(filter: { open: true, sources: [KFS] }) { nodes { id } } }`);
    expect(listed.body.data.fundingCalls.nodes.map((n: { id: string }) => n.id)).toContain(callId);
  });

  it("leads apply for their own initiatives, once per call, within the budget and what the call has", async () => {
    expect(code((await apply(callId, projects[0]!, "50000.00", "first")).body)).toBe("FORBIDDEN"); // not its initiative
    expect(code((await apply(callId, projects[0]!, "90000.00")).body)).toBe("BAD_USER_INPUT"); // over the budget
    expect((await apply(callId, projects[0]!, "60000.00")).body.data.applyForFunding.status).toBe("SUBMITTED");
    expect(code((await apply(callId, projects[0]!, "10000.00")).body)).toBe("CONFLICT"); // once per call
    expect((await apply(callId, projects[1]!, "50000.00", "first")).body.data.applyForFunding.status).toBe("SUBMITTED");
  });

  it("only the call's recorder decides; grants never add up past what the call has; a decided application is not decided again", async () => {
    const { body } = await hub.query(`query($id: ID!) { initiative(id: $id) { fundingApplications { id version requested call { reference } } } }`, { id: projects[0] });
    const [mine] = body.data.initiative.fundingApplications;
    const theirs = (await hub.query(`query($id: ID!) { initiative(id: $id) { fundingApplications { id version } } }`, { id: projects[1] })).body.data.initiative.fundingApplications[0];
    expect(code((await decide(mine.id, mine.version, "60000.00", "lead")).body)).toBe("FORBIDDEN"); // the applicant cannot grant itself
    expect(code((await decide(mine.id, mine.version, "60000.01")).body)).toBe("BAD_USER_INPUT"); // more than asked
    expect((await decide(mine.id, mine.version, "60000.00")).body.data.decideFundingApplication).toMatchObject({ status: "GRANTED", granted: "60000.00" });
    const exhausted = await decide(theirs.id, theirs.version, "50000.00");
    expect([code(exhausted.body), reason(exhausted.body), exhausted.body.errors?.[0]?.extensions?.left]).toEqual(["CONFLICT", "CALL_EXHAUSTED", "40000.00"]);
    expect((await decide(theirs.id, theirs.version, "40000.00")).body.data.decideFundingApplication.status).toBe("GRANTED");
    expect(reason((await decide(mine.id, mine.version + 1, null)).body)).toBe("APPLICATION_STATUS");
    const call = await hub.query(`query { fundingCalls(filter: { sources: [KFS] }) { nodes { reference applications { status granted initiative { title } } } } }`);
    const ours = call.body.data.fundingCalls.nodes.find((n: { reference: string }) => n.reference === mine.call.reference);
    expect(ours.applications.map((a: any) => a.granted).sort()).toEqual(["40000.00", "60000.00"]);
  });
});
