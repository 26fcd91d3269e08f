import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stableId, verifyWebhook } from "@bdp/kit/server";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * The partnership's whole cycle in one walk through the gateway (issue #15,
 * "Done means"): an entity outside the territory applies → the council meets
 * with it and an issue on the agenda, votes with a quorum and admits it (the
 * resolution public with its votes) → a consultation with positions → an
 * initiative whose agreement two partners confirm and the new partner
 * declines → funding shares that must add up (an inconsistent set refused) →
 * signed → spending recorded → an indicator measured by sex → closed. After
 * each step its audit entry, and each event it tells delivered to the
 * partners' webhooks that chose it, signed with their own secrets.
 */
let hub: TestHub;
let server: Server;
const got: { headers: IncomingHttpHeaders; body: string; to: string }[] = [];
const partner = (key: string) => DEMO_PARTNERS.find((p) => p.key === key)!;
const lead = partner("pup-bedzin");
const [second, third] = [partner("ngo-fundacja-mlodzi-w-pracy"), partner("pup-dabrowa")];
const members = [lead, second, third, partner("starostwo-bedzin"), partner("um-czeladz")];
const secrets: Record<string, string> = {};
let coordinator: string;
const token = (partnerId: string) => hub.token({ sub: `u-${partnerId.slice(0, 8)}`, role: "partner", partnerId });
type Body = { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
const ok = (body: Body) => {
  expect(body.errors).toBeUndefined();
  return body.data;
};
const today = () => new Date().toISOString().slice(0, 10);

/** The events of `type` about `subjectId` delivered to `to`'s webhook, each checked against that partner's secret. */
async function delivered(to: string, type: string, subjectId: string, count = 1): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const mine = got.filter((g) => g.to === to).filter((g) => {
      const event = JSON.parse(g.body) as { type: string; subject: { id: string } };
      return event.type === type && event.subject.id === subjectId;
    });
    if (mine.length >= count) {
      for (const g of mine) expect(verifyWebhook(secrets[to]!, g.headers, g.body).ok, `${type} to ${to} signed with its secret`).toBe(true);
      return;
    }
    if (Date.now() > deadline) throw new Error(`${type} about ${subjectId} was not delivered to ${to}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The audit trail's entries of one record, as the caller may read them. */
async function audited(trail: "registerAuditTrail" | "labourMarketAuditTrail", entityId: string, as: string): Promise<{ action: string; reason: string | null }[]> {
  return ok((await hub.query(`query($id: ID) { ${trail}(first: 50, entityId: $id) { nodes { action reason } } }`, { id: entityId }, { token: as })).body)[trail].nodes;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      got.push({ headers: req.headers, body, to: new URL(req.url!, "http://x").searchParams.get("to")! });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  hub = await startTestHub("e2e_cycle", {}, { webhookAllow: [`127.0.0.1:${port}`], env: { WEBHOOK_POLL_MS: "100", RELAY_POLL_MS: "100", EFFECTS_POLL_MS: "200", OFFERS_REFRESH_MS: "300", DEADLINE_REMINDERS: "off" } });
  coordinator = hub.token({ sub: "sekretariat", role: "coordinator" });
  const types = ((await hub.query(`{ __type(name: "WebhookEventType") { enumValues { name } } }`)).body.data.__type.enumValues as { name: string }[]).map((v) => v.name);
  for (const p of [lead, second!, third!]) {
    const made = ok((await hub.query(`mutation($input: WebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret } }`, { input: { url: `http://127.0.0.1:${port}/hooks?to=${p.id}`, events: types } }, { token: token(p.id) })).body);
    secrets[p.id] = made.createWebhookSubscription.secret;
  }
});
afterAll(async () => {
  await hub?.close();
  server?.close();
});

describe("the partnership's cycle, step by step", () => {
  let applicantId: string;
  let newPartner: string;
  let issueId: string;
  let meetingId: string;
  let initiative: { id: string; version: number };

  it("1. an entity seated outside the territory applies", async () => {
    const applied = ok((await hub.query(`mutation($input: AccessionApplicationInput!) { applyToJoin(input: $input) { id } }`, {
      input: { organisationName: "Śląski Ośrodek Wsparcia Ekonomii Społecznej (test)", sector: "NGO", nip: "9920000078", municipalityCode: "2469011", activityArea: ["2401"], contactEmail: "biuro@owes.example.pl", missionAreas: ["COOPERATION"], statement: "Wspieramy spółdzielnie socjalne w powiecie będzińskim." },
    })).body);
    applicantId = applied.applyToJoin.id;
    expect((await audited("registerAuditTrail", applicantId, coordinator)).map((e) => e.action)).toEqual(["CREATE"]);
  });

  it("2. the council meets with the application and an issue on the agenda, votes with a quorum and admits it; the resolution is public with its votes", async () => {
    const council = ok((await hub.query(`mutation($input: BodyInput!) { createBody(input: $input) { id } }`, { input: { name: "Rada cyklu", kind: "COUNCIL", quorum: "HALF", majority: "SIMPLE", powers: ["ADMIT_APPLICANT", "PUT_ISSUE_ON_AGENDA"], establishedOn: "2026-01-05" } }, { token: coordinator })).body).createBody.id;
    for (const m of members) ok((await hub.query(`mutation($b: ID!, $input: BodyMemberInput!) { addBodyMember(bodyId: $b, input: $input) { id } }`, { b: council, input: { partnerId: m.id, role: "MEMBER", termFrom: "2026-01-05" } }, { token: coordinator })).body);
    issueId = ok((await hub.query(`mutation($input: IssueProposalInput!) { proposeIssue(input: $input) { id } }`,
      { input: { title: "Spółdzielnie socjalne nie znajdują członków", area: "NEW_EMPLOYMENT_FORMS", affectedGroups: ["LONG_TERM_UNEMPLOYED"], municipalityCodes: ["2401011"] } }, { token: token(second!.id) })).body).proposeIssue.id;
    const meeting = ok((await hub.query(`mutation($b: ID!, $input: MeetingInput!) { callMeeting(bodyId: $b, input: $input) { id version } }`,
      { b: council, input: { heldOn: today(), place: "Starostwo Powiatowe w Będzinie", agenda: [{ title: "Wniosek o przystąpienie", subjectType: "APPLICATION", subjectId: applicantId }, { title: "Problem na agendę partnerstwa", subjectType: "ISSUE", subjectId: issueId }] } }, { token: coordinator })).body).callMeeting;
    meetingId = meeting.id;
    await delivered(lead.id, "MEETING_CALLED", meeting.id);
    const present = members.slice(0, 4);
    ok((await hub.query(`mutation($m: ID!, $v: Int!, $p: [ID!]!) { recordAttendance(meetingId: $m, version: $v, presentPartnerIds: $p) { id } }`, { m: meeting.id, v: meeting.version, p: present.map((p) => p.id) }, { token: coordinator })).body);
    const votes = present.map((p, i) => ({ partnerId: p.id, choice: i < 3 ? "FOR" : "AGAINST" }));
    const resolution = ok((await hub.query(`mutation($m: ID!, $input: ResolutionInput!) { recordResolution(meetingId: $m, input: $input) { id adopted votesFor votesAgainst } }`,
      { m: meeting.id, input: { agendaOrdinal: 1, title: "W sprawie przyjęcia do partnerstwa", reasons: "Wnioskodawca wspiera ekonomię społeczną w powiecie.", effect: "ADMIT_APPLICANT", subjectId: applicantId, votes } }, { token: coordinator })).body).recordResolution;
    expect(resolution).toMatchObject({ adopted: true, votesFor: 3, votesAgainst: 1 });
    const application = ok((await hub.query(`query($id: ID!) { accessionApplication(id: $id) { status partnerId } }`, { id: applicantId }, { token: coordinator })).body).accessionApplication;
    expect(application.status).toBe("APPROVED");
    newPartner = application.partnerId;
    // public: anyone reads the resolution and every vote
    const published = ok((await hub.query(`query($b: ID) { resolutions(filter: { bodyId: $b }) { nodes { adopted votes { choice partner { id } } } } }`, { b: council })).body).resolutions.nodes[0];
    expect(published.votes).toHaveLength(4);
    expect((await audited("registerAuditTrail", applicantId, coordinator)).map((e) => e.action)).toContain("DECIDE");
    await delivered(lead.id, "RESOLUTION_ADOPTED", resolution.id);
    await delivered(lead.id, "APPLICATION_DECIDED", applicantId);
    await delivered(lead.id, "PARTNER_JOINED", newPartner);
  });

  it("2a. the council puts the issue on the partnership's agenda; the labour market takes the resolution's effect", async () => {
    const present = members.slice(0, 4);
    const resolution = ok((await hub.query(`mutation($m: ID!, $input: ResolutionInput!) { recordResolution(meetingId: $m, input: $input) { id number adopted } }`,
      { m: meetingId, input: { agendaOrdinal: 2, title: "W sprawie wprowadzenia problemu na agendę", reasons: "Problem potwierdzony danymi urzędów pracy.", effect: "PUT_ISSUE_ON_AGENDA", subjectId: issueId, votes: present.map((p) => ({ partnerId: p.id, choice: "FOR" })) } }, { token: coordinator })).body).recordResolution;
    expect(resolution.adopted).toBe(true);
    const deadline = Date.now() + 15_000;
    let issue: { status: string; acceptedBy: string | null };
    do {
      await new Promise((r) => setTimeout(r, 100));
      issue = ok((await hub.query(`query($id: ID!) { labourMarketIssue(id: $id) { status acceptedBy } }`, { id: issueId })).body).labourMarketIssue;
    } while (issue.status !== "ACCEPTED" && Date.now() < deadline);
    expect(issue).toEqual({ status: "ACCEPTED", acceptedBy: `Uchwała nr ${resolution.number} (Rada cyklu)` });
    expect((await audited("labourMarketAuditTrail", issueId, coordinator)).map((e) => e.action)).toEqual(["DECIDE", "CREATE"]);
  });

  it("3. a consultation on the issue, with positions", async () => {
    const consultation = ok((await hub.query(`mutation($input: ConsultationInput!) { openConsultation(input: $input) { id } }`, { input: { subject: "Plan działań w sprawie problemu z agendy", issueId, organiserId: lead.id, opensOn: "2026-01-10", closesOn: "2099-01-10" } }, { token: coordinator })).body).openConsultation;
    await delivered(second!.id, "CONSULTATION_OPENED", consultation.id);
    ok((await hub.query(`mutation($id: ID!) { submitConsultationPosition(consultationId: $id, stance: SUPPORT, statement: "Popieramy i deklarujemy udział.") { stance } }`, { id: consultation.id }, { token: token(second!.id) })).body);
    expect((await audited("labourMarketAuditTrail", consultation.id, coordinator)).map((e) => e.action)).toEqual(["CREATE"]);
  });

  it("4. an initiative whose agreement two partners confirm and the new partner declines; each proposal reaches only its partner", async () => {
    initiative = ok((await hub.query(`mutation($input: InitiativeInput!) { createInitiative(input: $input) { id version } }`,
      { input: { title: "Spółdzielnie socjalne w powiecie", issueId, missionAreas: ["COOPERATION"], municipalityCodes: ["2401011"], startsOn: "2026-01-01", endsOn: "2027-12-31", fundingSource: "ESF_PLUS", totalBudget: "100000.00" } }, { token: token(lead.id) })).body).createInitiative;
    const parts: Record<string, { id: string; version: number }> = {};
    for (const p of [second!.id, third!.id, newPartner]) {
      parts[p] = ok((await hub.query(`mutation($i: ID!, $input: AgreementPartInput!) { proposeAgreementPart(initiativeId: $i, input: $input) { id version } }`,
        { i: initiative.id, input: { partnerId: p, role: "PARTNER", tasks: ["rekrutacja uczestników"], responsibilities: "Rekrutacja." } }, { token: token(lead.id) })).body).proposeAgreementPart;
    }
    await delivered(second!.id, "AGREEMENT_PART_PROPOSED", parts[second!.id]!.id);
    await delivered(third!.id, "AGREEMENT_PART_PROPOSED", parts[third!.id]!.id);
    const leadPart = ok((await hub.query(`query($id: ID!) { initiative(id: $id) { agreement { id version partner { id } } } }`, { id: initiative.id })).body).initiative.agreement.find((a: any) => a.partner.id === lead.id);
    const confirm = `mutation($id: ID!, $v: Int!, $cash: Money!) { confirmAgreementPart(id: $id, version: $v, input: { cashContribution: $cash, inKindContribution: "5000.00" }) { status } }`;
    for (const [partId, who, cash] of [[leadPart.id, lead.id, "10000.00"], [parts[second!.id]!.id, second!.id, "5000.00"], [parts[third!.id]!.id, third!.id, "5000.00"]] as const) {
      const version = partId === leadPart.id ? leadPart.version : parts[who]!.version;
      expect(ok((await hub.query(confirm, { id: partId, v: version, cash }, { token: token(who) })).body).confirmAgreementPart.status).toBe("CONFIRMED");
    }
    ok((await hub.query(`mutation($id: ID!, $v: Int!) { declineAgreementPart(id: $id, version: $v, reason: "Nie mamy jeszcze zespołu w powiecie.") { status } }`, { id: parts[newPartner]!.id, v: parts[newPartner]!.version }, { token: token(newPartner) })).body);
    // nobody else got the proposals
    expect(got.some((g) => g.to === lead.id && JSON.parse(g.body).type === "AGREEMENT_PART_PROPOSED")).toBe(false);
    expect((await audited("labourMarketAuditTrail", parts[newPartner]!.id, token(newPartner))).map((e) => [e.action, e.reason])).toContainEqual(["DECIDE", "Nie mamy jeszcze zespołu w powiecie."]);
  });

  it("5. funding shares must add up: an inconsistent set is refused; consistent, the agreement is signed", async () => {
    const version = async () => ok((await hub.query(`query($id: ID!) { initiative(id: $id) { version } }`, { id: initiative.id })).body).initiative.version as number;
    const set = async (amount: string) => hub.query(`mutation($i: ID!, $v: Int!, $s: [FundingShareInput!]!) { setFundingShares(initiativeId: $i, version: $v, shares: $s) { version } }`, { i: initiative.id, v: await version(), s: [{ source: "ESF_PLUS", programme: "FE SL 2021–2027, działanie 7.3", amount }] }, { token: token(lead.id) });
    expect((await set("100000.01")).body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    ok((await set("65000.00")).body); // 65,000 + cash 20,000 + in kind 15,000 = 100,000
    const signed = ok((await hub.query(`mutation($i: ID!, $v: Int!) { signAgreement(initiativeId: $i, version: $v, number: "PW/1/2026", signedOn: "2025-12-20") { status } }`, { i: initiative.id, v: await version() }, { token: token(lead.id) })).body);
    expect(signed.signAgreement.status).toBe("AGREED");
    await delivered(second!.id, "AGREEMENT_SIGNED", initiative.id);
  });

  it("6. it runs: spending recorded, an indicator measured by sex; then it is closed", async () => {
    const version = async () => ok((await hub.query(`query($id: ID!) { initiative(id: $id) { version } }`, { id: initiative.id })).body).initiative.version as number;
    const move = async (status: string, reason: string) => ok((await hub.query(`mutation($id: ID!, $v: Int!, $s: InitiativeStatus!, $r: String!) { changeInitiativeStatus(id: $id, version: $v, status: $s, reason: $r) { status } }`, { id: initiative.id, v: await version(), s: status, r: reason }, { token: token(lead.id) })).body);
    await move("RUNNING", "Start rekrutacji.");
    const spent = ok((await hub.query(`mutation($i: ID!) { recordSpending(initiativeId: $i, input: { spentOn: "2026-02-10", amount: "12000.00", category: "szkolenia i kursy" }) { id } }`, { i: initiative.id }, { token: token(second!.id) })).body).recordSpending;
    expect((await audited("labourMarketAuditTrail", spent.id, token(second!.id))).map((e) => e.action)).toEqual(["CREATE"]);
    const indicator = ok((await hub.query(`mutation($i: ID!) { addIndicator(initiativeId: $i, name: "Uczestnicy objęci wsparciem", kind: OUTPUT, unit: "osoby", baseline: "0", target: "40", code: "EECO01", bySex: true) { id } }`, { i: initiative.id }, { token: token(lead.id) })).body).addIndicator;
    const measured = ok((await hub.query(`mutation($id: ID!) { recordMeasurement(indicatorId: $id, measuredOn: "2026-06-30", value: "18", women: "11", men: "7") { id women men } }`, { id: indicator.id }, { token: token(lead.id) })).body).recordMeasurement;
    expect(measured).toMatchObject({ women: "11.00", men: "7.00" });
    expect((await audited("labourMarketAuditTrail", measured.id, token(lead.id))).map((e) => e.action)).toEqual(["CREATE"]);
    await move("COMPLETED", "Rozliczenie końcowe przyjęte.");
    await delivered(third!.id, "INITIATIVE_STATUS_CHANGED", initiative.id, 2);
    const decisions = (await audited("labourMarketAuditTrail", initiative.id, token(lead.id))).filter((e) => e.action === "DECIDE").map((e) => e.reason);
    expect(decisions).toEqual(expect.arrayContaining(["Porozumienie wykonawcze nr PW/1/2026 z dnia 2025-12-20", "Start rekrutacji.", "Rozliczenie końcowe przyjęte."]));
  });
});

describe("news beyond the cycle", () => {
  it("an offer new in a listed plugin's feed is told once, to every subscriber; the offers it was admitted with are not", async () => {
    const offer = (n: number) => ({
      id: stableId(`cycle-offer:${n}`), kind: "JOB", title: `Spawacz MAG ${n}`, description: null, partnerId: lead.id, municipalityCode: "2401011",
      targetGroups: ["UNDER_30"], validFrom: "2027-01-01", validThrough: null, places: 1, howToApply: "mailowo", occupationCode: null, url: null,
    });
    const feed = [offer(1)];
    const sdl = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])\ntype Query { cycleNewsHello: String }';
    const plugin = createServer((req, res) => {
      const send = (body: unknown) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
      if (req.url === "/hub/manifest") return send({ slug: "cycle-news", name: "Oferty PUP Będzin", ownerPartnerId: lead.id, url: "http://x/graphql", contact: "oferty@example.pl", version: "1.0.0" });
      if (req.url === "/hub/offers") return send({ offers: feed });
      req.resume();
      req.on("end", () => send({ data: { _service: { sdl } } }));
    });
    await new Promise<void>((r) => plugin.listen(0, "127.0.0.1", r));
    try {
      const admitted = await hub.admin("POST", "", { url: `http://127.0.0.1:${(plugin.address() as AddressInfo).port}/graphql`, ownerPartnerId: lead.id });
      expect(admitted.status, JSON.stringify(admitted.body)).toBe(201);
      feed.push(offer(2));
      await delivered(lead.id, "OFFER_PUBLISHED", offer(2).id);
      await delivered(second!.id, "OFFER_PUBLISHED", offer(2).id);
      // later reads of the same feed tell nothing more, and the offer it was admitted with was never told
      await new Promise((r) => setTimeout(r, 1_000));
      const told = got.map((g) => JSON.parse(g.body) as { type: string; subject: { id: string }; data: { title: string } }).filter((e) => e.type === "OFFER_PUBLISHED");
      expect(told.filter((e) => e.subject.id === offer(1).id)).toEqual([]);
      expect(told.filter((e) => e.subject.id === offer(2).id)).toHaveLength(3);
      expect(told.find((e) => e.subject.id === offer(2).id)!.data.title).toBe("Spawacz MAG 2");
      const news = ok((await hub.query(`{ partnershipNews(first: 20) { nodes { type title } } }`)).body).partnershipNews.nodes as { type: string; title: string }[];
      expect(news).toContainEqual({ type: "OFFER_PUBLISHED", title: "Spawacz MAG 2 (JOB)" });
    } finally {
      plugin.close();
    }
  });
});
