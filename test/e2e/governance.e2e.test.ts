import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { EFFECTS_PATH, signRequest } from "@bdp/kit/server";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * Bodies and decisions (issue #15, item 1), through the gateway: an entity
 * seated outside the territory applies; the council meets with the
 * application and an issue on its agenda; without a quorum it cannot decide;
 * with one, it votes and admits the applicant, and the resolution is public
 * with every vote; a vote that falls short changes nothing; a working group
 * has no power to admit; the coordinator only records. Each step audited and
 * told as news.
 */
let hub: TestHub;
const active = DEMO_PARTNERS.filter((p) => p.withdrewOn === null);
const [a, b, c, d, e] = active;
let coordinator: string;
type Body = { data?: any; errors?: { message: string; extensions?: Record<string, any> }[] };
const code = (body: Body) => body.errors?.[0]?.extensions?.code ?? "OK";
const reason = (body: Body) => body.errors?.[0]?.extensions?.reason;
const today = () => new Date().toISOString().slice(0, 10);

let councilId: string;
let groupId: string;
let meeting: { id: string; version: number };
let applicationId: string;

const RESOLVE = `mutation($m: ID!, $input: ResolutionInput!) { recordResolution(meetingId: $m, input: $input) {
  id number adopted effect membersTotal membersPresent votesFor votesAgainst abstentions } }`;
const vote = (partners: { id: string }[], choice: string) => partners.map((p) => ({ partnerId: p.id, choice }));

beforeAll(async () => {
  hub = await startTestHub("e2e_governance", {}, { env: { EFFECTS_POLL_MS: "200" } });
  coordinator = hub.token({ sub: "sekretariat", role: "coordinator" });
  const body = (input: Record<string, unknown>) => hub.query(`mutation($input: BodyInput!) { createBody(input: $input) { id } }`, { input: { quorum: "HALF", majority: "SIMPLE", establishedOn: "2026-01-05", ...input } }, { token: coordinator });
  councilId = (await body({ name: "Rada testowa partnerstwa", kind: "COUNCIL", powers: ["ADMIT_APPLICANT", "REJECT_APPLICANT", "SUSPEND_PARTNER", "REINSTATE_PARTNER", "PUT_ISSUE_ON_AGENDA", "ADOPT_STRATEGY"] })).body.data.createBody.id;
  groupId = (await body({ name: "Zespół testowy ds. staży", kind: "WORKING_GROUP", powers: [] })).body.data.createBody.id;
  for (const [i, p] of [a, b, c, d, e].entries()) {
    const seat = await hub.query(`mutation($b: ID!, $input: BodyMemberInput!) { addBodyMember(bodyId: $b, input: $input) { id } }`, { b: councilId, input: { partnerId: p!.id, role: i === 0 ? "CHAIR" : "MEMBER", termFrom: "2026-01-05" } }, { token: coordinator });
    expect(seat.body.errors).toBeUndefined();
  }
  await hub.query(`mutation($b: ID!, $input: BodyMemberInput!) { addBodyMember(bodyId: $b, input: $input) { id } }`, { b: groupId, input: { partnerId: a!.id, role: "CHAIR", termFrom: "2026-01-05" } }, { token: coordinator });
});
afterAll(async () => {
  await hub?.close();
});

describe("the council decides an application", () => {
  it("an entity seated outside the territory applies, naming where it acts", async () => {
    const { body } = await hub.query(`mutation($input: AccessionApplicationInput!) { applyToJoin(input: $input) { id status } }`, {
      input: {
        organisationName: "Regionalny Ośrodek Ekonomii Społecznej (test)", sector: "NGO", nip: "9920000078", municipalityCode: "2469011", activityArea: ["2401", "2465"],
        contactEmail: "biuro@oes.example.pl", missionAreas: ["COOPERATION"], statement: "Chcemy wspierać spółdzielnie socjalne w powiecie i mieście.",
      },
    });
    expect(body.data.applyToJoin.status).toBe("SUBMITTED");
    applicationId = body.data.applyToJoin.id;
  });

  it("the coordinator calls the council with the application and an issue on the agenda; a partner may not, and an unknown application is refused", async () => {
    const issueId = (await hub.query(`{ labourMarketIssues(first: 1) { nodes { id } } }`)).body.data.labourMarketIssues.nodes[0].id;
    const call = (agenda: unknown[], token = coordinator) =>
      hub.query(`mutation($b: ID!, $input: MeetingInput!) { callMeeting(bodyId: $b, input: $input) { id version number status agenda { ordinal subjectType subjectId } } }`, { b: councilId, input: { heldOn: today(), place: "Starostwo Powiatowe w Będzinie", agenda } }, { token });
    const agenda = [
      { title: "Wniosek o przystąpienie", subjectType: "APPLICATION", subjectId: applicationId },
      { title: "Problem do agendy partnerstwa", subjectType: "ISSUE", subjectId: issueId },
      { title: "Wniosek o zawieszenie partnera", subjectType: "PARTNER", subjectId: e!.id },
    ];
    expect(code((await call(agenda, hub.token({ sub: "anna", role: "partner", partnerId: a!.id }))).body)).toBe("FORBIDDEN");
    expect(code((await call([{ title: "Wniosek", subjectType: "APPLICATION", subjectId: "00000000-0000-4000-8000-000000000000" }])).body)).toBe("BAD_USER_INPUT");
    const { body } = await call(agenda);
    expect(body.data.callMeeting).toMatchObject({ number: 1, status: "CALLED", agenda: [{ ordinal: 1, subjectType: "APPLICATION", subjectId: applicationId }, { ordinal: 2, subjectType: "ISSUE", subjectId: issueId }, { ordinal: 3, subjectType: "PARTNER" }] });
    meeting = body.data.callMeeting;
  });

  it("only members are recorded present; without a quorum nothing is decided and nothing written", async () => {
    const attend = (ids: string[]) => hub.query(`mutation($m: ID!, $v: Int!, $p: [ID!]!) { recordAttendance(meetingId: $m, version: $v, presentPartnerIds: $p) { version present { id } } }`, { m: meeting.id, v: meeting.version, p: ids }, { token: coordinator });
    const stranger = active.find((p) => ![a, b, c, d, e].includes(p))!;
    expect(code((await attend([a!.id, stranger.id])).body)).toBe("BAD_USER_INPUT");
    const two = await attend([a!.id, b!.id]);
    meeting.version = two.body.data.recordAttendance.version;
    const refused = await hub.query(RESOLVE, { m: meeting.id, input: { agendaOrdinal: 1, title: "W sprawie przyjęcia do partnerstwa", reasons: "Wnioskodawca działa na rzecz ekonomii społecznej w powiecie.", effect: "ADMIT_APPLICANT", subjectId: applicationId, votes: vote([a!, b!], "FOR") } }, { token: coordinator });
    expect([code(refused.body), reason(refused.body), refused.body.errors?.[0]?.message]).toEqual(["CONFLICT", "NO_QUORUM", "No quorum: 2 of 5 members present, Rada testowa partnerstwa needs 3 (HALF)"]);
    const application = await hub.query(`query($id: ID!) { accessionApplication(id: $id) { status } }`, { id: applicationId }, { token: coordinator });
    expect(application.body.data.accessionApplication.status).toBe("SUBMITTED");
    const four = await attend([a!.id, b!.id, c!.id, d!.id]);
    meeting.version = four.body.data.recordAttendance.version;
    expect(four.body.data.recordAttendance.present).toHaveLength(4);
  });

  it("with a quorum the council votes and admits the applicant in the same transaction; only members present vote", async () => {
    const input = { agendaOrdinal: 1, title: "W sprawie przyjęcia do partnerstwa", reasons: "Wnioskodawca działa na rzecz ekonomii społecznej w powiecie.", effect: "ADMIT_APPLICANT", subjectId: applicationId };
    const absentVotes = await hub.query(RESOLVE, { m: meeting.id, input: { ...input, votes: vote([a!, e!], "FOR") } }, { token: coordinator });
    expect(code(absentVotes.body)).toBe("BAD_USER_INPUT");
    const { body } = await hub.query(RESOLVE, { m: meeting.id, input: { ...input, votes: [...vote([a!, b!, c!], "FOR"), ...vote([d!], "AGAINST")] } }, { token: coordinator });
    expect(body.data.recordResolution).toMatchObject({ number: `1/${today().slice(0, 4)}`, adopted: true, effect: "ADMIT_APPLICANT", membersTotal: 5, membersPresent: 4, votesFor: 3, votesAgainst: 1, abstentions: 0 });
    const application = (await hub.query(`query($id: ID!) { accessionApplication(id: $id) { status decisionReason partnerId } }`, { id: applicationId }, { token: coordinator })).body.data.accessionApplication;
    expect(application.status).toBe("APPROVED");
    const joined = (await hub.query(`query($id: ID!) { partner(id: $id) { name seatOutsideTerritory status } }`, { id: application.partnerId })).body.data.partner;
    expect(joined).toEqual({ name: "Regionalny Ośrodek Ekonomii Społecznej (test)", seatOutsideTerritory: true, status: "ACTIVE" });
    expect(application.decisionReason).toMatch(/^Uchwała nr 1\/\d{4} \(Rada testowa partnerstwa\): Wnioskodawca działa/);
    // a decided application is not decided again
    const again = await hub.query(RESOLVE, { m: meeting.id, input: { ...input, votes: vote([a!, b!, c!], "FOR") } }, { token: coordinator });
    expect(code(again.body)).toBe("CONFLICT");
  });

  it("the resolution is public with its reasons and every vote, for anyone", async () => {
    const { body } = await hub.query(`query($b: ID) { resolutions(first: 5, filter: { bodyId: $b, adopted: true }) { totalCount nodes { number title reasons adopted meeting { number present { id } } agendaItem { ordinal } votes { choice partner { id name } } } } }`, { b: councilId });
    expect(body.data.resolutions.totalCount).toBe(1);
    const [resolution] = body.data.resolutions.nodes;
    expect(resolution).toMatchObject({ adopted: true, meeting: { number: 1 }, agendaItem: { ordinal: 1 } });
    expect(resolution.votes.map((v: any) => [v.partner.id, v.choice]).sort()).toEqual([[a!.id, "FOR"], [b!.id, "FOR"], [c!.id, "FOR"], [d!.id, "AGAINST"]].sort());
  });

  it("a vote that falls short changes nothing; a subject not on the agenda is not decided; a working group may not admit or suspend", async () => {
    const offAgenda = await hub.query(RESOLVE, { m: meeting.id, input: { title: "W sprawie zawieszenia partnera", reasons: "Sprawa wniesiona bez zapowiedzi w porządku obrad.", effect: "SUSPEND_PARTNER", subjectId: d!.id, votes: vote([a!, b!, c!], "FOR") } }, { token: coordinator });
    expect(offAgenda.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.subjectId" });
    const { body } = await hub.query(RESOLVE, { m: meeting.id, input: { agendaOrdinal: 3, title: "W sprawie zawieszenia partnera", reasons: "Wniosek członka o zawieszenie z powodu braku aktywności.", effect: "SUSPEND_PARTNER", subjectId: e!.id, votes: [...vote([a!, b!], "FOR"), ...vote([c!, d!], "AGAINST")] } }, { token: coordinator });
    expect(body.data.recordResolution).toMatchObject({ adopted: false, votesFor: 2, votesAgainst: 2 });
    const partner = await hub.query(`query($id: ID!) { partner(id: $id) { status } }`, { id: e!.id });
    expect(partner.body.data.partner.status).toBe("ACTIVE");

    const wg = await hub.query(`mutation($b: ID!, $input: MeetingInput!) { callMeeting(bodyId: $b, input: $input) { id version } }`, { b: groupId, input: { heldOn: today(), place: "PUP w Będzinie", agenda: [{ title: "Zawieszenie partnera", subjectType: "PARTNER", subjectId: e!.id }] } }, { token: coordinator });
    expect(wg.body.errors).toBeUndefined();
    const wgMeeting = wg.body.data.callMeeting;
    await hub.query(`mutation($m: ID!, $v: Int!, $p: [ID!]!) { recordAttendance(meetingId: $m, version: $v, presentPartnerIds: $p) { version } }`, { m: wgMeeting.id, v: wgMeeting.version, p: [a!.id] }, { token: coordinator });
    const power = await hub.query(RESOLVE, { m: wgMeeting.id, input: { title: "W sprawie zawieszenia partnera", reasons: "Rekomendacja zespołu roboczego.", effect: "SUSPEND_PARTNER", subjectId: e!.id, votes: vote([a!], "FOR") } }, { token: coordinator });
    expect([code(power.body), reason(power.body)]).toEqual(["FORBIDDEN", "NOT_THE_BODYS_POWER"]);
  });

  it("closed with its minutes, the meeting takes no more votes; every step is news and in the audit trail", async () => {
    const current = (await hub.query(`query($id: ID!) { meeting(id: $id) { version } }`, { id: meeting.id })).body.data.meeting;
    const closed = await hub.query(`mutation($m: ID!, $v: Int!) { closeMeeting(meetingId: $m, version: $v, minutes: "Obecnych 4 z 5 członków; kworum stwierdzono. Podjęto uchwałę nr 1.") { status minutes } }`, { m: meeting.id, v: current.version }, { token: coordinator });
    expect(closed.body.errors).toBeUndefined();
    expect(closed.body.data.closeMeeting.status).toBe("HELD");
    const late = await hub.query(RESOLVE, { m: meeting.id, input: { title: "Spóźniona uchwała", reasons: "Po zamknięciu posiedzenia.", effect: "NONE", votes: [] } }, { token: coordinator });
    expect(reason(late.body)).toBe("MEETING_STATUS");
    // the year in figures: one meeting held, two resolutions voted, one adopted, 4 of 5 members present
    const yearly = (await hub.query(`query($id: ID!) { body(id: $id) { yearly { year meetingsHeld meetingsCancelled resolutions adopted attendance } } }`, { id: councilId })).body.data.body.yearly;
    expect(yearly).toEqual([{ year: Number(today().slice(0, 4)), meetingsHeld: 1, meetingsCancelled: 0, resolutions: 2, adopted: 1, attendance: 0.8 }]);

    const news = (await hub.query(`{ partnershipNews(first: 20) { nodes { type title } } }`)).body.data.partnershipNews.nodes as { type: string; title: string }[];
    const types = news.map((n) => n.type);
    for (const type of ["MEETING_CALLED", "RESOLUTION_ADOPTED", "APPLICATION_DECIDED", "PARTNER_JOINED"]) expect(types, type).toContain(type);
    expect(news.find((n) => n.type === "RESOLUTION_ADOPTED" && n.title.includes("not adopted"))).toBeDefined();

    const trail = (await hub.query(`query($id: ID) { registerAuditTrail(first: 50, entityId: $id) { nodes { action reason userId } } }`, { id: applicationId }, { token: coordinator })).body.data.registerAuditTrail.nodes;
    expect(trail).toContainEqual(expect.objectContaining({ action: "DECIDE", userId: "sekretariat" }));
    expect(trail.find((n: any) => n.action === "DECIDE").reason).toMatch(/^Uchwała nr 1\//);
  });
});

describe("the council's decisions on the labour market's issues and strategies, taken by the labour market", () => {
  let issueId: string;
  let strategyId: string;
  let meetingId: string;
  const unknownIssue = "00000000-0000-4000-8000-0000000000aa";
  const STATE = `query($b: ID) { resolutions(filter: { bodyId: $b }, first: 50) { nodes { id effectState effectNote effectSettledAt } } }`;
  /** The resolution's effect once the labour market has answered for it. */
  async function settled(id: string): Promise<{ effectState: string; effectNote: string | null; effectSettledAt: string | null }> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const found = (await hub.query(STATE, { b: councilId })).body.data.resolutions.nodes.find((r: { id: string }) => r.id === id);
      if (found.effectState !== "PENDING") return found;
      if (Date.now() > deadline) throw new Error(`the effect of ${id} is still pending`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const resolve = async (ordinal: number, effect: string, subjectId: string) => {
    const { body } = await hub.query(`mutation($m: ID!, $input: ResolutionInput!) { recordResolution(meetingId: $m, input: $input) { id number adopted effectState } }`,
      { m: meetingId, input: { agendaOrdinal: ordinal, title: `Uchwała w sprawie ${effect}`, reasons: "Zgodnie z rekomendacją zespołu roboczego.", effect, subjectId, votes: vote([a!, b!, c!], "FOR") } }, { token: coordinator });
    return body as Body;
  };

  beforeAll(async () => {
    const partnerToken = hub.token({ sub: "anna", role: "partner", partnerId: a!.id });
    issueId = (await hub.query(`mutation($input: IssueProposalInput!) { proposeIssue(input: $input) { id status } }`,
      { input: { title: "Brak opieki nad dziećmi utrudnia powrót rodziców do pracy", area: "NEW_EMPLOYMENT_FORMS", affectedGroups: ["SINGLE_PARENTS"], municipalityCodes: ["2401011"] } }, { token: partnerToken })).body.data.proposeIssue.id;
    strategyId = (await hub.query(`mutation($input: StrategyInput!) { recordStrategy(input: $input) { id } }`,
      { input: { title: "Wspólna strategia partnerstwa 2027–2030", level: "PARTNERSHIP", territoryCode: "2401", adoptedById: a!.id, periodStart: 2027, periodEnd: 2030, adoptedOn: "2026-11-30", goals: [{ title: "Powrót rodziców na rynek pracy", issueId }] } }, { token: coordinator })).body.data.recordStrategy.id;
    const called = (await hub.query(`mutation($b: ID!, $input: MeetingInput!) { callMeeting(bodyId: $b, input: $input) { id version } }`, { b: councilId, input: { heldOn: today(), place: "Urząd Miejski w Będzinie", agenda: [
      { title: "Problem na agendę partnerstwa", subjectType: "ISSUE", subjectId: issueId },
      { title: "Przyjęcie strategii partnerstwa", subjectType: "STRATEGY", subjectId: strategyId },
      { title: "Problem zgłoszony ustnie", subjectType: "ISSUE", subjectId: unknownIssue },
    ] } }, { token: coordinator })).body.data.callMeeting;
    meetingId = called.id;
    await hub.query(`mutation($m: ID!, $v: Int!, $p: [ID!]!) { recordAttendance(meetingId: $m, version: $v, presentPartnerIds: $p) { version } }`, { m: meetingId, v: called.version, p: [a!.id, b!.id, c!.id, d!.id] }, { token: coordinator });
  });

  it("an issue put on the agenda: pending until the labour market takes it, then ACCEPTED with the resolution, audited as a decision", async () => {
    const { data } = await resolve(1, "PUT_ISSUE_ON_AGENDA", issueId);
    expect(data.recordResolution.adopted).toBe(true);
    expect(["PENDING", "APPLIED"]).toContain(data.recordResolution.effectState);
    const effect = await settled(data.recordResolution.id);
    expect(effect).toMatchObject({ effectState: "APPLIED" });
    expect(effect.effectSettledAt).toBeTruthy();
    const issue = (await hub.query(`query($id: ID!) { labourMarketIssue(id: $id) { status acceptedBy } }`, { id: issueId })).body.data.labourMarketIssue;
    expect(issue).toEqual({ status: "ACCEPTED", acceptedBy: `Uchwała nr ${data.recordResolution.number} (Rada testowa partnerstwa)` });
    const trail = (await hub.query(`query($id: ID) { labourMarketAuditTrail(first: 10, entityId: $id) { nodes { action reason } } }`, { id: issueId }, { token: coordinator })).body.data.labourMarketAuditTrail.nodes;
    expect(trail).toContainEqual({ action: "DECIDE", reason: `Uchwała nr ${data.recordResolution.number} (Rada testowa partnerstwa): Zgodnie z rekomendacją zespołu roboczego.` });
  });

  it("a strategy adopted by the partnership; an effect whose subject is on the agenda as something else is refused before the vote", async () => {
    const mismatch = await resolve(2, "PUT_ISSUE_ON_AGENDA", strategyId);
    expect(mismatch.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.subjectId" });
    const { data } = await resolve(2, "ADOPT_STRATEGY", strategyId);
    expect((await settled(data.recordResolution.id)).effectState).toBe("APPLIED");
    const strategy = (await hub.query(`query($id: ID!) { strategy(id: $id) { partnershipAdoption partnershipAdoptedOn adoptedOn } }`, { id: strategyId })).body.data.strategy;
    expect(strategy).toEqual({ partnershipAdoption: `Uchwała nr ${data.recordResolution.number} (Rada testowa partnerstwa)`, partnershipAdoptedOn: today(), adoptedOn: "2026-11-30" });
  });

  it("an effect the labour market cannot take is REFUSED with its reason, and changes nothing: an unknown issue, an issue already on the agenda, a strategy adopted twice", async () => {
    const unknown = (await resolve(3, "PUT_ISSUE_ON_AGENDA", unknownIssue)).data.recordResolution;
    const again = (await resolve(1, "PUT_ISSUE_ON_AGENDA", issueId)).data.recordResolution;
    const twice = (await resolve(2, "ADOPT_STRATEGY", strategyId)).data.recordResolution;
    expect(await settled(unknown.id)).toMatchObject({ effectState: "REFUSED", effectNote: expect.stringContaining("does not exist") });
    expect(await settled(again.id)).toMatchObject({ effectState: "REFUSED", effectNote: expect.stringContaining("the issue is ACCEPTED") });
    expect(await settled(twice.id)).toMatchObject({ effectState: "REFUSED", effectNote: expect.stringContaining("adopted it already") });
    const trail = (await hub.query(`query($id: ID) { labourMarketAuditTrail(first: 10, entityId: $id) { nodes { action } } }`, { id: issueId }, { token: coordinator })).body.data.labourMarketAuditTrail.nodes;
    expect(trail.filter((n: { action: string }) => n.action === "DECIDE")).toHaveLength(1);
  });

  it("only the hub's subgraphs take effects from the register: unsigned, or signed for another audience, the route refuses", async () => {
    const url = new URL(EFFECTS_PATH, hub.subgraphs.partners!.url);
    const body = JSON.stringify({ outcomes: [] });
    const post = (headers: Record<string, string>) => fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    expect((await post({})).status).toBe(401);
    expect((await post(signRequest(hub.signingKey, { kind: "anonymous" }, { method: "POST", path: url.pathname, audience: "labour-market", body }))).status).toBe(401);
    const signed = await post(signRequest(hub.signingKey, { kind: "anonymous" }, { method: "POST", path: url.pathname, audience: "partners", body }));
    expect(signed.status).toBe(200);
    expect(((await signed.json()) as { pending: unknown[] }).pending).toEqual([]);
  });
});

describe("a suspended or withdrawn partner writes nothing, in any subgraph", () => {
  const f = active.find((p) => ![a, b, c, d, e].includes(p) && p.sector !== "INDIVIDUAL")!;
  const propose = (token: string) =>
    hub.query(`mutation($input: IssueProposalInput!) { proposeIssue(input: $input) { id } }`, { input: { title: "Brak opieki nad dziećmi w czasie szkoleń", area: "NEW_EMPLOYMENT_FORMS", affectedGroups: ["UNDER_30"], municipalityCodes: ["2401011"] } }, { token });
  const train = (token: string) =>
    hub.query(`mutation($input: TrainingProgrammeInput!) { createTrainingProgramme(input: $input) { id } }`, { input: { title: "Kurs w czasie zawieszenia", targetGroups: ["UNDER_30"], form: "TRAINING", fundingSource: "LABOUR_FUND", hours: 20, costPerParticipant: "100.00" } }, { token });
  const versionOf = async (id: string) => (await hub.query(`query($id: ID!) { partner(id: $id) { version } }`, { id })).body.data.partner.version as number;

  it("suspended: its writes to the register, the labour market and training are refused; reads go on; reinstated, it writes again", async () => {
    const token = hub.token({ sub: "ela", role: "partner", partnerId: e!.id });
    expect(code((await propose(token)).body)).toBe("OK");
    const suspended = await hub.query(`mutation($id: ID!, $v: Int!) { suspendPartner(id: $id, version: $v, reason: "Zaległości w sprawozdaniach za dwa kwartały.", decisionReference: "Uchwała 2/2026") { status } }`, { id: e!.id, v: await versionOf(e!.id) }, { token: coordinator });
    expect(suspended.body.data.suspendPartner.status).toBe("SUSPENDED");
    for (const attempt of [propose(token), train(token), hub.query(`mutation($id: ID!, $v: Int!) { updatePartnerProfile(id: $id, version: $v, changes: { shortName: "Zawieszony" }) { id } }`, { id: e!.id, v: await versionOf(e!.id) }, { token })]) {
      const { body } = await attempt;
      expect([code(body), reason(body)]).toEqual(["FORBIDDEN", "PARTNER_SUSPENDED"]);
    }
    // nothing reached the subgraphs: its issues are as they were
    const read = await hub.query(`{ labourMarketIssues(first: 1) { totalCount } }`, {}, { token });
    expect(read.body.errors).toBeUndefined();
    const reinstated = await hub.query(`mutation($id: ID!, $v: Int!) { reinstatePartner(id: $id, version: $v, reason: "Sprawozdania uzupełnione.", decisionReference: "Uchwała 3/2026") { status } }`, { id: e!.id, v: await versionOf(e!.id) }, { token: coordinator });
    expect(reinstated.body.data.reinstatePartner.status).toBe("ACTIVE");
    expect(code((await train(token)).body)).toBe("OK");
  });

  it("withdrawn: it writes nothing more; a suspended partner may still withdraw", async () => {
    const token = hub.token({ sub: "jan", role: "partner", partnerId: f.id });
    await hub.query(`mutation($id: ID!, $v: Int!) { suspendPartner(id: $id, version: $v, reason: "Brak udziału w pracach przez rok.", decisionReference: "Uchwała 4/2026") { status } }`, { id: f.id, v: await versionOf(f.id) }, { token: coordinator });
    const left = await hub.query(`mutation($id: ID!, $v: Int!) { withdrawFromPartnership(id: $id, version: $v, reason: "Kończymy udział w partnerstwie.") { status } }`, { id: f.id, v: await versionOf(f.id) }, { token });
    expect(left.body.data.withdrawFromPartnership.status).toBe("WITHDRAWN");
    const { body } = await propose(token);
    expect([code(body), reason(body)]).toEqual(["FORBIDDEN", "PARTNER_WITHDRAWN"]);
  });
});
