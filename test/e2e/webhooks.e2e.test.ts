import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRequest, startSubgraph, verifyWebhook } from "@bdp/kit/server";
import { PluginAddressPolicy } from "@bdp/kit/plugin";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { definition as partners } from "@bdp/partners";
import { startService, subgraphDir } from "@bdp/gateway";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * Partners' webhooks and the membership lifecycle (issue #15, items 4 and 5),
 * through the gateway, with real receivers on loopback: events written with
 * their change, delivered signed, retried while a receiver is down, never
 * sent where the operator did not allow, seen only by their subscriber, and
 * still delivered when the register restarts in the middle.
 */
interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  answered: number;
}

/** A receiver that records what it gets and answers with `status` (503 while "down"), after `delayMs`. */
async function receiver(): Promise<{ server: Server; url: string; port: number; got: Received[]; arrived: string[]; status: number; delayMs: number }> {
  // `arrived`: bodies as they come in; `got`: once answered
  const state = { got: [] as Received[], arrived: [] as string[], status: 200, delayMs: 0 };
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      state.arrived.push(body);
      const answered = state.status;
      setTimeout(() => {
        state.got.push({ headers: req.headers, body, answered });
        res.writeHead(answered).end();
      }, state.delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(state, { server, port, url: `http://127.0.0.1:${port}/hooks` });
}

const owner = DEMO_PARTNERS.find((p) => p.key === "ngo-fundacja-mlodzi-w-pracy")!;
const other = DEMO_PARTNERS.find((p) => p.key === "pup-dabrowa")!;
const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => body.errors?.map((e) => e.extensions?.code);
const ALL_EVENTS = ["APPLICATION_DECIDED", "PARTNER_JOINED", "PARTNER_WITHDREW", "PARTNER_SUSPENDED", "PARTNER_REINSTATED"];
/** Short pauses, so retries happen within a test. */
const SETTINGS = { REMINDER_EVERY_MS: "200", WEBHOOK_POLL_MS: "100", WEBHOOK_RETRY_BASE_MS: "200", WEBHOOK_RETRY_MAX_MS: "800", WEBHOOK_MAX_ATTEMPTS: "30", WEBHOOK_TIMEOUT_MS: "2000", WEBHOOK_LEASE_MS: "2500" };

let hub: TestHub;
let hooks: Awaited<ReturnType<typeof receiver>>;
let trap: Awaited<ReturnType<typeof receiver>>;
let tokens: Record<"owner" | "other" | "analyst" | "coordinator", string>;
let subscription: { id: string; version: number };
let secret: string;

const CREATE = `mutation($input: WebhookSubscriptionInput!) { createWebhookSubscription(input: $input) { secret subscription { id version url events active partnerId } } }`;
const DELIVERIES = `{ webhookSubscriptions { id deliveries(first: 100) { totalCount nodes { eventId eventType status attempts lastResponseStatus lastError } } } }`;

async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}


async function apply(name: string, nip: string): Promise<string> {
  const { body } = await hub.query(`mutation($input: AccessionApplicationInput!) { applyToJoin(input: $input) { id } }`, {
    input: {
      organisationName: name,
      sector: "NGO",
      nip,
      municipalityCode: "2401062",
      contactEmail: "biuro@example.pl",
      missionAreas: ["NEW_EMPLOYMENT_FORMS"],
      statement: "Chcemy współpracować przy aktywizacji osób długotrwale bezrobotnych.",
    },
  });
  expect(body.errors).toBeUndefined();
  return body.data.applyToJoin.id;
}

async function decide(applicationId: string, approve: boolean): Promise<{ partnerId: string | null }> {
  const { body } = await hub.query(
    `mutation($id: ID!, $approve: Boolean!) { decideApplication(id: $id, version: 1, approve: $approve, reason: "Decyzja rady partnerstwa.") { partnerId } }`,
    { id: applicationId, approve },
    { token: tokens.coordinator },
  );
  expect(body.errors).toBeUndefined();
  return body.data.decideApplication;
}

/** NIPs with a valid checksum, one per application of this file. */
const NIPS = ["9910000071", "9910000148", "9910000214", "9910000289", "9910000355", "9910000421", "9910000496", "9910000562", "9910000639", "9910000705", "9910000846", "9910000912"];

beforeAll(async () => {
  hooks = await receiver();
  trap = await receiver();
  // the operator allows the receiver's port only: the trap on another loopback port stands for the hub's own services
  hub = await startTestHub("e2e_webhooks", {}, { webhookAllow: [`127.0.0.1:${hooks.port}`], env: SETTINGS });
  tokens = {
    owner: hub.token({ sub: "marta", role: "partner", partnerId: owner.id }),
    other: hub.token({ sub: "piotr", role: "partner", partnerId: other.id }),
    analyst: hub.token({ sub: "ewa", role: "analyst" }),
    coordinator: hub.token({ sub: "koordynator", role: "coordinator" }),
  };
});
afterAll(async () => {
  await hub?.close();
  hooks?.server.close();
  trap?.server.close();
});

describe("webhook subscriptions", () => {
  it("a partner subscribes; the secret is shown once and never read back", async () => {
    const { body } = await hub.query(CREATE, { input: { url: hooks.url, events: ALL_EVENTS, description: "Nasz system CRM" } }, { token: tokens.owner });
    expect(body.errors).toBeUndefined();
    const made = body.data.createWebhookSubscription;
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(made.subscription).toMatchObject({ url: hooks.url, active: true, partnerId: owner.id, version: 1 });
    secret = made.secret;
    subscription = made.subscription;
    const read = await hub.query(`{ webhookSubscriptions { id secret } }`, {}, { token: tokens.owner });
    expect(codes(read.body)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
  });

  it("only partners subscribe: anonymous UNAUTHENTICATED, an analyst FORBIDDEN", async () => {
    const input = { url: hooks.url, events: ["PARTNER_JOINED"] };
    expect(codes((await hub.query(CREATE, { input })).body)).toEqual(["UNAUTHENTICATED"]);
    expect(codes((await hub.query(CREATE, { input }, { token: tokens.analyst })).body)).toEqual(["FORBIDDEN"]);
  });

  it.each([
    ["url", { url: "ftp://example.org/hook" }],
    ["url", { url: "https://user:pass@example.org/hook" }],
    ["url", { url: `https://example.org/${"x".repeat(500)}` }],
    ["url", { url: "not a url" }],
    ["events", { events: [] }],
  ])("a bad %s is refused with BAD_USER_INPUT naming it", async (field, change) => {
    const { body } = await hub.query(CREATE, { input: { url: "https://example.org/hook", events: ["PARTNER_JOINED"], ...change } }, { token: tokens.other });
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
  });

  it("a decision reaches the subscriber once committed, signed, with no contact details", async () => {
    const applicationId = await apply("Stowarzyszenie Webhook Pierwsze", NIPS[0]!);
    const { partnerId } = await decide(applicationId, true);
    const received = await until("both events", () => {
      const bodies = hooks.got.map((g) => JSON.parse(g.body));
      const decided = bodies.find((b) => b.type === "APPLICATION_DECIDED" && b.subject.id === applicationId);
      const joined = bodies.find((b) => b.type === "PARTNER_JOINED" && b.subject.id === partnerId);
      return decided && joined && { decided, joined };
    });
    expect(received.decided.data).toMatchObject({ approved: true, reason: "Decyzja rady partnerstwa.", partnerId });
    expect(received.joined).toMatchObject({ subject: { type: "Partner", id: partnerId }, title: "Stowarzyszenie Webhook Pierwsze joined the partnership" });
    for (const got of hooks.got) {
      expect(verifyWebhook(secret, got.headers, got.body)).toEqual({ ok: true, id: JSON.parse(got.body).id });
      // a body changed on the way, or signed with another secret, does not pass
      expect(verifyWebhook(secret, got.headers, got.body.replace("Webhook", "Hacked")).ok).toBe(false);
      expect(verifyWebhook("whsec_" + Buffer.alloc(32).toString("base64"), got.headers, got.body).ok).toBe(false);
      expect(got.body).not.toContain("biuro@example.pl");
    }
    const { body } = await hub.query(DELIVERIES, {}, { token: tokens.owner });
    expect(body.data.webhookSubscriptions[0].deliveries.nodes).toEqual(
      expect.arrayContaining([expect.objectContaining({ eventType: "PARTNER_JOINED", status: "DELIVERED", attempts: 1, lastResponseStatus: 200, lastError: null })]),
    );
  });

  it("another partner sees none of it and can change none of it", async () => {
    const { body } = await hub.query(DELIVERIES, {}, { token: tokens.other });
    expect(body.data.webhookSubscriptions).toEqual([]);
    const vars = { id: subscription.id, version: subscription.version };
    for (const attack of [
      `mutation($id: ID!, $version: Int!) { updateWebhookSubscription(id: $id, version: $version, changes: { url: "https://evil.example/steal" }) { id } }`,
      `mutation($id: ID!, $version: Int!) { rotateWebhookSecret(id: $id, version: $version) { secret } }`,
      `mutation($id: ID!, $version: Int!) { deleteWebhookSubscription(id: $id, version: $version) }`,
    ]) {
      expect(codes((await hub.query(attack, vars, { token: tokens.other })).body)).toEqual(["FORBIDDEN"]);
    }
    const mine = await hub.query(`{ webhookSubscriptions { url version } }`, {}, { token: tokens.owner });
    expect(mine.body.data.webhookSubscriptions).toEqual([{ url: hooks.url, version: 1 }]);
  });

  it("is never sent where the operator did not allow: a loopback port, a name for loopback, the metadata address", async () => {
    const attacker = await hub.query(`{ webhookSubscriptions { id } }`, {}, { token: tokens.other });
    expect(attacker.body.data.webhookSubscriptions).toEqual([]);
    for (const url of [trap.url, `http://localhost:${trap.port}/x`, "http://169.254.169.254/latest/meta-data"]) {
      const { body } = await hub.query(CREATE, { input: { url, events: ["APPLICATION_DECIDED"] } }, { token: tokens.other });
      expect(body.errors).toBeUndefined();
    }
    await decide(await apply("Stowarzyszenie Webhook Drugie", NIPS[1]!), false);
    const failed = await until("the refused deliveries", async () => {
      const { body } = await hub.query(DELIVERIES, {}, { token: tokens.other });
      const nodes = body.data.webhookSubscriptions.flatMap((s: { deliveries: { nodes: unknown[] } }) => s.deliveries.nodes);
      return nodes.length === 3 && nodes.every((n: { status: string }) => n.status === "FAILED") && nodes;
    });
    for (const delivery of failed) expect(delivery).toMatchObject({ attempts: 1, lastResponseStatus: null, lastError: expect.stringContaining("may not post to") });
    expect(trap.got).toEqual([]);
  });
});

describe("membership", () => {
  it("only the coordinator records a suspension, with its decision; a partner cannot", async () => {
    const suspend = `mutation($id: ID!, $version: Int!) { suspendPartner(id: $id, version: $version, reason: "Brak udziału w pracach przez rok.", decisionReference: "Uchwała 3/2026 Rady") { status version } }`;
    const read = await hub.query(`query($id: ID!) { partner(id: $id) { version } }`, { id: other.id });
    const version = read.body.data.partner.version;
    expect(codes((await hub.query(suspend, { id: other.id, version }, { token: tokens.owner })).body)).toEqual(["FORBIDDEN"]);
    expect(codes((await hub.query(suspend, { id: other.id, version }, { token: tokens.other })).body)).toEqual(["FORBIDDEN"]);
    const done = await hub.query(suspend, { id: other.id, version }, { token: tokens.coordinator });
    expect(done.body.errors).toBeUndefined();
    expect(done.body.data.suspendPartner).toEqual({ status: "SUSPENDED", version: version + 1 });
    // a stale version, and a step from where it cannot start, are conflicts
    expect(codes((await hub.query(suspend, { id: other.id, version }, { token: tokens.coordinator })).body)).toEqual(["CONFLICT"]);
    expect(codes((await hub.query(suspend, { id: other.id, version: version + 1 }, { token: tokens.coordinator })).body)).toEqual(["CONFLICT"]);
    const reinstate = await hub.query(
      `mutation($id: ID!, $version: Int!) { reinstatePartner(id: $id, version: $version, reason: "Wznowił udział w pracach.", decisionReference: "Uchwała 7/2026 Rady") { status } }`,
      { id: other.id, version: version + 1 },
      { token: tokens.coordinator },
    );
    expect(reinstate.body.data.reinstatePartner).toEqual({ status: "ACTIVE" });
    const history = await hub.query(`query($id: ID!) { partner(id: $id) { membershipHistory { status reason decisionReference } } }`, { id: other.id });
    expect(history.body.data.partner.membershipHistory).toEqual([
      { status: "SUSPENDED", reason: "Brak udziału w pracach przez rok.", decisionReference: "Uchwała 3/2026 Rady" },
      { status: "ACTIVE", reason: "Wznowił udział w pracach.", decisionReference: "Uchwała 7/2026 Rady" },
    ]);
    const told = await until("the suspension and the reinstatement", () => {
      const types = hooks.got.map((g) => JSON.parse(g.body)).filter((b) => b.subject.id === other.id).map((b) => b.type);
      return types.includes("PARTNER_SUSPENDED") && types.includes("PARTNER_REINSTATED") && types;
    });
    expect(told).toEqual(["PARTNER_SUSPENDED", "PARTNER_REINSTATED"]);
  });

  it("a partner withdraws itself, and no other partner can withdraw it", async () => {
    const { partnerId } = await decide(await apply("Stowarzyszenie Webhook Trzecie", NIPS[2]!), true);
    const withdraw = `mutation($id: ID!) { withdrawFromPartnership(id: $id, version: 1, reason: "Kończymy działalność statutową.") { status withdrewOn } }`;
    expect(codes((await hub.query(withdraw, { id: partnerId }, { token: tokens.owner })).body)).toEqual(["FORBIDDEN"]);
    const itself = hub.token({ sub: "nowy", role: "partner", partnerId });
    const { body } = await hub.query(withdraw, { id: partnerId }, { token: itself });
    expect(body.errors).toBeUndefined();
    expect(body.data.withdrawFromPartnership).toEqual({ status: "WITHDRAWN", withdrewOn: new Date().toISOString().slice(0, 10) });
    await until("the withdrawal", () => hooks.got.some((g) => JSON.parse(g.body).type === "PARTNER_WITHDREW"));
    const trail = await hub.query(`query($id: ID) { registerAuditTrail(entityId: $id) { nodes { action reason } } }`, { id: partnerId }, { token: tokens.coordinator });
    expect(trail.body.data.registerAuditTrail.nodes).toContainEqual({ action: "DECIDE", reason: "Kończymy działalność statutową." });
  });
});

describe("the other subgraphs' events, relayed to the register", () => {
  const RELAYED = ["AGREEMENT_PART_PROPOSED", "CONSULTATION_OPENED"];
  const lead = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;

  it("a part proposed to a partner reaches that partner's webhook only; a consultation opened reaches every subscriber; each signed, each once", async () => {
    // both partners subscribe to the labour market's events, each with its own secret, on the same receiver
    const mine = (await hub.query(CREATE, { input: { url: `${hooks.url}?to=owner`, events: RELAYED } }, { token: tokens.owner })).body.data.createWebhookSubscription;
    const theirs = (await hub.query(CREATE, { input: { url: `${hooks.url}?to=other`, events: RELAYED } }, { token: tokens.other })).body.data.createWebhookSubscription;
    expect(mine && theirs).toBeTruthy();
    const leadToken = hub.token({ sub: "anna", role: "partner", partnerId: lead.id });
    const initiative = (await hub.query(`mutation($input: InitiativeInput!) { createInitiative(input: $input) { id } }`,
      { input: { title: "Staże dla opiekunów 2027", missionAreas: ["COOPERATION"], municipalityCodes: ["2401011"], startsOn: "2027-02-01", endsOn: "2027-12-31", fundingSource: "LABOUR_FUND", totalBudget: "50000.00" } }, { token: leadToken })).body.data.createInitiative;
    const part = (await hub.query(`mutation($i: ID!, $input: AgreementPartInput!) { proposeAgreementPart(initiativeId: $i, input: $input) { id } }`,
      { i: initiative.id, input: { partnerId: owner.id, role: "PARTNER", tasks: ["rekrutacja uczestników"], responsibilities: "Rekrutacja stażystów." } }, { token: leadToken })).body.data.proposeAgreementPart;
    const consultation = (await hub.query(`mutation($input: ConsultationInput!) { openConsultation(input: $input) { id } }`,
      { input: { subject: "Plan staży 2027 w gminach wiejskich", organiserId: lead.id, opensOn: "2026-01-01", closesOn: "2099-01-01" } }, { token: tokens.coordinator })).body.data.openConsultation;

    const arrived = await until("the relayed events at both subscriptions", () => {
      const got = hooks.got.filter((g) => g.answered === 200).map((g) => ({ g, event: JSON.parse(g.body) as { id: string; type: string; subject: { id: string }; data: Record<string, unknown> } }));
      const proposed = got.filter((x) => x.event.type === "AGREEMENT_PART_PROPOSED" && x.event.subject.id === part.id);
      const opened = got.filter((x) => x.event.type === "CONSULTATION_OPENED" && x.event.subject.id === consultation.id);
      return opened.length >= 2 && proposed.length >= 1 && { proposed, opened };
    });
    // the proposal went to the partner it was made to, signed with that partner's secret; the consultation to both
    expect(arrived.proposed).toHaveLength(1);
    const proposal = arrived.proposed[0]!;
    expect(verifyWebhook(mine.secret, proposal.g.headers, proposal.g.body).ok).toBe(true);
    expect(verifyWebhook(theirs.secret, proposal.g.headers, proposal.g.body).ok).toBe(false);
    expect(proposal.event.data).toMatchObject({ initiativeId: initiative.id, leadPartnerId: lead.id, role: "PARTNER" });
    expect(arrived.opened).toHaveLength(2);
    // one event, one id: the idempotency key both receivers see
    expect(new Set(arrived.opened.map((x) => x.g.headers["webhook-id"])).size).toBe(1);
    // each subscriber sees its own deliveries, the other partner's proposal not among them
    const others = (await hub.query(DELIVERIES, {}, { token: tokens.other })).body.data.webhookSubscriptions.flatMap((s: any) => s.deliveries.nodes);
    expect(others.some((d: { eventType: string }) => d.eventType === "AGREEMENT_PART_PROPOSED")).toBe(false);
    // the public consultation is news; the proposal, addressed to one partner, is not
    const news = (await hub.query(`{ partnershipNews(first: 30) { nodes { type subjectId } } }`)).body.data.partnershipNews.nodes as { type: string; subjectId: string }[];
    expect(news.some((n) => n.subjectId === consultation.id)).toBe(true);
    expect(news.some((n) => n.subjectId === part.id)).toBe(false);
  });

  it("a consultation closing within 3 days is told once as a deadline near, however often the reminder job runs", async () => {
    const sub = (await hub.query(CREATE, { input: { url: `${hooks.url}?to=deadlines`, events: ["CONSULTATION_CLOSING_SOON"] } }, { token: tokens.other })).body.data.createWebhookSubscription;
    const inDays = (days: number) => new Date(Date.now() + days * 864e5).toISOString().slice(0, 10);
    const open = (closesOn: string) => hub.query(`mutation($input: ConsultationInput!) { openConsultation(input: $input) { id } }`,
      { input: { subject: `Konsultacje do ${closesOn}`, organiserId: lead.id, opensOn: inDays(-5), closesOn } }, { token: tokens.coordinator });
    const soon = (await open(inDays(2))).body.data.openConsultation;
    const later = (await open(inDays(20))).body.data.openConsultation;
    const reminders = (id: string) => hooks.got.filter((g) => g.answered === 200).map((g) => JSON.parse(g.body)).filter((b) => b.type === "CONSULTATION_CLOSING_SOON" && b.subject.id === id);
    const told = await until("the deadline near", () => reminders(soon.id).length > 0 && reminders(soon.id));
    expect(told[0]).toMatchObject({ data: { consultationId: soon.id, closesOn: inDays(2) } });
    const signed = hooks.got.find((g) => g.answered === 200 && JSON.parse(g.body).id === told[0].id)!;
    expect(verifyWebhook(sub.secret, signed.headers, signed.body).ok).toBe(true);
    // the job ran several times more (every 200 ms here): the same deadline is not told again; the far one not yet
    await new Promise((r) => setTimeout(r, 1_500));
    expect(reminders(soon.id)).toHaveLength(1);
    expect(reminders(later.id)).toHaveLength(0);
  });

  it("the register takes relayed events only signed with the hub's key, each request once, only the relayed vocabulary, each event once", async () => {
    const url = new URL("/internal/events", hub.subgraphs.partners!.url);
    const event = { id: "7c9e6679-7425-40de-944b-e07fc1f90ae7", type: "CONSULTATION_OPENED", occurredAt: new Date().toISOString(), subjectType: "Consultation", subjectId: "7c9e6679-7425-40de-944b-e07fc1f90ae8", public: true, partnerIds: [], title: "Konsultacje testowe", data: {} };
    const post = (body: string, headers: Record<string, string>) => fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
    const signed = (body: string, key = hub.signingKey, audience = "partners") => signRequest(key, { kind: "anonymous" }, { method: "POST", path: url.pathname, audience, body });
    const body = JSON.stringify({ events: [event] });
    expect((await post(body, {})).status).toBe(401);
    expect((await post(body, signed(body, "a-key-the-hub-does-not-have-000000"))).status).toBe(401);
    expect((await post(body, signed(body, hub.signingKey, "offers"))).status).toBe(401);
    // a partner's own event type cannot be forged through the relay
    const forged = JSON.stringify({ events: [{ ...event, type: "PARTNER_SUSPENDED" }] });
    expect((await post(forged, signed(forged))).status).toBe(400);
    const headers = signed(body);
    const first = await post(body, headers);
    expect(await first.json()).toEqual({ received: 1, stored: 1 });
    // the same request again is a replay; the same event in a new request is stored once
    expect((await post(body, headers)).status).toBe(401);
    expect(await (await post(body, signed(body))).json()).toEqual({ received: 1, stored: 0 });
  });
});

describe("the public feed", () => {
  it("serves the public events as a JSON Feed, newest first, with the decisions' reasons and no contact details", async () => {
    const response = await fetch(`${hub.gateway.url}/feed.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    const feed = (await response.json()) as { version: string; items: { id: string; title: string; content_text: string; date_published: string; tags: string[] }[] };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    const dates = feed.items.map((i) => i.date_published);
    expect(dates).toEqual([...dates].sort().reverse());
    // the newest of the register's own (the labour market's, relayed, may be newer)
    expect(feed.items.find((i) => i.tags[0]?.startsWith("PARTNER_"))).toMatchObject({ title: "Stowarzyszenie Webhook Trzecie withdrew from the partnership", content_text: "Stowarzyszenie Webhook Trzecie withdrew from the partnership. Kończymy działalność statutową.", tags: ["PARTNER_WITHDREW"] });
    // the seeded history is there too, and the same event ids the webhooks carried
    expect(feed.items.some((i) => i.tags[0] === "PARTNER_SUSPENDED" && i.content_text.includes("Brak udziału"))).toBe(true);
    const delivered = new Set(hooks.got.map((g) => JSON.parse(g.body).id));
    expect(feed.items.filter((i) => delivered.has(i.id)).length).toBeGreaterThan(3);
    expect(JSON.stringify(feed)).not.toContain("@example.pl");
  });
});

describe("delivery", () => {
  it("a receiver down for a while gets every event once it is back, each retried with the same id", async () => {
    hooks.status = 503;
    const before = hooks.got.length;
    const ids: string[] = [];
    for (const nip of NIPS.slice(3, 6)) ids.push(await apply(`Fundacja Webhook ${nip}`, nip));
    for (const id of ids) await decide(id, false);
    // every event refused at least twice before the receiver is back
    await until("two refusals of each", () => {
      const refused = hooks.got.slice(before).filter((g) => g.answered === 503).map((g) => JSON.parse(g.body).subject.id as string);
      return ids.every((id) => refused.filter((r) => r === id).length >= 2);
    });
    hooks.status = 200;
    await until("every event delivered", () => ids.every((id) => hooks.got.some((g) => g.answered === 200 && JSON.parse(g.body).subject.id === id)));
    const { body } = await hub.query(DELIVERIES, {}, { token: tokens.owner });
    const mine = body.data.webhookSubscriptions[0].deliveries.nodes.filter((n: { eventType: string; status: string }) => n.eventType === "APPLICATION_DECIDED");
    expect(mine.every((n: { status: string }) => n.status === "DELIVERED")).toBe(true);
    const attempts = hooks.got.slice(before).length;
    console.log(`receiver down: ${ids.length} events, ${attempts} attempts until each was taken, all delivered`);
    // a repeat of an event carries the same id, and each attempt is signed afresh (the decisions: other tests' subscriptions have their own secrets)
    for (const got of hooks.got.slice(before).filter((g) => JSON.parse(g.body).type === "APPLICATION_DECIDED")) expect(verifyWebhook(secret, got.headers, got.body).ok).toBe(true);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    "the register killed (kill -9) in the middle of deliveries still delivers every event, the cut one again with the same id (PostgreSQL: an in-memory PGlite does not outlive its process)",
    async () => {
      // the register as its own process, so it can die the hard way
      const inProcess = hub.subgraphs.partners!;
      const port = Number(new URL(inProcess.url).port);
      await inProcess.close();
      const base = (hub.target as { url: string }).url;
      const child = await startService(
        "partners",
        subgraphDir("partners"),
        { ...process.env, ...SETTINGS, DATABASE_URL: base, HUB_SIGNING_KEY: hub.signingKey, PARTNERS_PORT: String(port), SEED: "false", IMAGES: "off", WEBHOOK_ALLOWED_ADDRESSES: `127.0.0.1:${hooks.port}`, LOG_LEVEL: "warn" },
        { output: "ignore" },
      );
      hooks.delayMs = 1_500;
      const ids: string[] = [];
      for (const nip of NIPS.slice(6, 12)) ids.push(await apply(`Spółdzielnia Webhook ${nip}`, nip));
      for (const id of ids) await decide(id, false);
      // a delivery has reached the receiver and waits for its answer: now the register dies
      await until("a delivery in flight", () => hooks.arrived.some((body) => ids.includes(JSON.parse(body).subject.id)), 10_000);
      child.child.kill("SIGKILL");
      await child.exited;
      const cut = hooks.arrived.map((body) => JSON.parse(body)).filter((b) => ids.includes(b.subject.id)).map((b) => b.id as string);
      hub.subgraphs.partners = await startSubgraph(partners, {
        target: hub.target,
        port,
        seed: false,
        signingKey: hub.signingKey,
        webhookPolicy: new PluginAddressPolicy([`127.0.0.1:${hooks.port}`]),
        env: SETTINGS,
      });
      hooks.delayMs = 0;
      // done when the hub counts every delivery delivered (a cut one only after its lease)
      await until(
        "every delivery delivered in the hub's own account",
        async () => {
          const { body } = await hub.query(DELIVERIES, {}, { token: tokens.owner });
          const nodes: { status: string }[] = body.data?.webhookSubscriptions[0].deliveries.nodes ?? [];
          return nodes.length > 0 && nodes.every((n) => n.status === "DELIVERED");
        },
        20_000,
      );
      const got = hooks.got.map((g) => JSON.parse(g.body)).filter((b) => b.type === "APPLICATION_DECIDED" && ids.includes(b.subject.id));
      const events = got.map((b) => b.id as string);
      expect(new Set(got.map((b) => b.subject.id)).size).toBe(ids.length);
      const repeated = [...new Set(events)].filter((id) => events.filter((e) => e === id).length > 1);
      console.log(`register killed: ${ids.length} events, ${cut.length} in flight at the kill, all delivered after the restart; ${repeated.length} received twice with the same webhook-id`);
      expect(new Set(events).size).toBe(ids.length);
      // what was cut in flight came again, with its id: receivers tell repeats by it
      expect(repeated.length).toBeGreaterThan(0);
      expect(repeated.every((id) => cut.includes(id))).toBe(true);
    },
    90_000,
  );
});
