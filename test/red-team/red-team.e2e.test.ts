import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from "graphql";
import { pathOf, signRequest, type RunningSubgraph, type SubgraphDefinition } from "@bdp/kit/server";
import { pluginSigningKey } from "@bdp/kit/plugin";
import { apiChanges } from "@bdp/kit/composition";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { pluginEnvironment } from "@bdp/gateway";
import { definition as template, manifest as templateManifest } from "@bdp/plugin-template";
import { definition as jobs, manifest as jobsManifest } from "@bdp/plugin-pup-bedzin-jobs";
import { definition as courses, manifest as coursesManifest } from "@bdp/plugin-ckz-bedzin-courses";
import { freshTarget } from "../src/databases.js";
import { startTestHub, type TestHub } from "../src/hub.js";
import { startHostile, type HostilePlugin } from "./hostile.js";

/**
 * The red team (issue #11): a partner's plugin is untrusted code. Each
 * hostile plugin below is a real subgraph process (hostile-plugin.ts, one
 * scenario each, scenarios.ts) that tries one way to change what the hub
 * says about what it does not own, reach what it may not, learn more than
 * it needs, or slow everyone down. Each is refused at admission with its own
 * code, or admitted and neutralised at run time; and every time the test
 * shows, through the gateway, that core fields and another partner's offers
 * (the template plugin's) are unchanged, with the error or metric that says
 * why.
 */
let hub: TestHub;
let honest: RunningSubgraph;
const hostile: Record<string, HostilePlugin> = {};
const targets = { template: freshTarget("rt_template"), jobs: freshTarget("rt_jobs"), courses: freshTarget("rt_courses") };
const mallory = DEMO_PARTNERS.find((p) => p.name === "IT Zagłębie sp. z o.o.")!;
const pupBedzin = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;
const SCENARIO_NAMES = ["evil-root", "evil-take", "evil-inject", "evil-hide", "evil-impostor", "evil-turncoat", "evil-redirect", "evil-flood", "evil-errors", "template-extra", "evil-replay", "evil-list", "evil-key"];

/** The view a client has of everyone's offers and partners, which no plugin may change. */
const OFFERS = `{ offers(first: 100, orderBy: { field: TITLE, direction: ASC }) { totalCount pageInfo { hasNextPage } nodes { id title url description howToApply partner { id name } template { schedule } } } }`;
let before: { offers: unknown; partners: unknown };
const PARTNERS = `{ partners(first: 100) { nodes { id name sector } } }`;

const codes = (body: { errors?: { extensions?: { code?: string } }[] }) => [...new Set((body.errors ?? []).map((e) => e.extensions?.code))].sort();
const refusalCodes = (answer: { body: any }) => [...new Set<string>(answer.body.errors?.map((e: any) => e.extensions.code) ?? [])].sort();
const register = (plugin: { url: string }, owner = mallory.id) => hub.admin("POST", "", { url: plugin.url, ownerPartnerId: owner });
const metrics = async () => (await fetch(`${hub.gateway.url}/metrics`)).text();
const rejected = (text: string, plugin: string, reason: string) => Number(new RegExp(`^bdp_gateway_plugin_rejected_total\\{plugin="${plugin}",reason="${reason}"\\} (\\d+)$`, "m").exec(text)?.[1] ?? 0);

/** Core data and the honest plugin's offers read exactly as before any hostile plugin came. */
async function expectUnchanged() {
  const offers = await hub.query(OFFERS);
  expect(offers.body.errors).toBeUndefined();
  expect(offers.body.data).toEqual(before.offers);
  const partners = await hub.query(PARTNERS);
  expect(partners.body.data).toEqual(before.partners);
}

beforeAll(async () => {
  hub = await startTestHub("red_team", { resilience: { timeoutMs: 3000, breakerThreshold: 1000, breakerCooldownMs: 100 } });
  honest = await hub.startPlugin(template, templateManifest, targets.template.target);
  const env = { OWNER: mallory.id, IMPOSTOR: pupBedzin.id, INTERNAL_URL: `${hub.subgraphs.partners!.url}/metrics` };
  await Promise.all(SCENARIO_NAMES.map(async (name) => (hostile[name] = await startHostile(name, env))));
  before = { offers: (await hub.query(OFFERS)).body.data, partners: (await hub.query(PARTNERS)).body.data };
  expect((before.offers as any).offers.totalCount).toBe(5);
}, 180_000);
afterAll(async () => {
  await Promise.all(Object.values(hostile).map((h) => h.close()));
  await honest?.close();
  await targets.template.drop([templateManifest.slug]);
  await targets.jobs.drop([jobsManifest.slug]);
  await targets.courses.drop([coursesManifest.slug]);
  await hub?.close();
});

describe("refused at admission, each with its own code, and nothing changes", () => {
  it.each([
    ["evil-root", "renames its root types to take deleteEnrolment, deleteActivationParticipant and offer", ["PLUGIN_OVERRIDE", "PLUGIN_ROOT_RENAMED"]],
    ["evil-take", "overrides a core query under an alias of @override", ["PLUGIN_OVERRIDE"]],
    ["evil-hide", "hides PageInfo.hasNextPage, narrows OfferKind and OfferFilter", ["PLUGIN_REDEFINES_CORE_TYPE"]],
    ["template-extra", "squats in the template plugin's namespace", ["PLUGIN_NAMESPACE_OVERLAP"]],
    ["evil-key", "keys Partner by name, to answer names (key fields are shareable)", ["PLUGIN_TOUCHES_CORE_FIELD"]],
  ])("%s: %s", async (name, _, expected) => {
    const answer = await register(hostile[name]!);
    expect(answer.status).toBe(422);
    expect(refusalCodes(answer)).toEqual(expected);
    await expectUnchanged();
  });

  it("evil-root: a labour office's erasure still reaches the training subgraph, never the plugin", async () => {
    const captured = (await hostile["evil-root"]!.captured()).length;
    const token = hub.token({ sub: "urzednik@pup.example", role: "partner", partnerId: pupBedzin.id });
    const { body }: { body: any } = await hub.query(`mutation { deleteEnrolment(id: "00000000-0000-4000-8000-000000000123") }`, {}, { token });
    expect(codes(body)).toEqual(["NOT_FOUND"]);
    expect((await hostile["evil-root"]!.captured()).length).toBe(captured);
  });

  it("evil-hide: every list still pages and filters by gmina, and the offers export still works", async () => {
    const { body }: { body: any } = await hub.query(`{ offers(first: 1, filter: { municipalityCode: "2401" }) { pageInfo { hasNextPage } } partners(first: 1) { pageInfo { hasNextPage } } }`);
    expect(body.errors).toBeUndefined();
    expect((await fetch(`${hub.gateway.url}/export/offers.csv`)).status).toBe(200);
  });

  it("evil-impostor: a manifest naming another partner (PUP Będzin) is refused, whoever it is registered for", async () => {
    expect(refusalCodes(await register(hostile["evil-impostor"]!))).toEqual(["PLUGIN_OWNER_MISMATCH"]);
    // registered for the partner it names, its offers are still PUP Będzin's words: only PUP Będzin's coordinator-named registration could
    const listed = await hub.query(`query($p: [ID!]) { offers(first: 10, filter: { partnerIds: $p }) { totalCount } }`, { p: [pupBedzin.id] });
    expect(listed.body.data.offers.totalCount).toBe(0);
  });

  it("a plugin at a loopback, link-local or core address is refused; a closed port and a port that is not a plugin read the same", async () => {
    for (const url of ["http://[::1]:4101/graphql", "http://169.254.169.254/graphql", "http://10.0.0.8/graphql", hub.subgraphs.partners!.graphqlUrl]) {
      expect(refusalCodes(await register({ url })), url).toEqual(["PLUGIN_URL_NOT_ALLOWED"]);
    }
    const closed = await register({ url: "http://127.0.0.1:9/graphql" });
    const notAPlugin = await register({ url: `${hub.gateway.url}/graphql` });
    expect(refusalCodes(closed)).toEqual(["PLUGIN_UNREACHABLE"]);
    expect(notAPlugin.body.errors).toEqual(closed.body.errors);
  });
});

describe("admitted, and neutralised at run time", () => {
  it("evil-inject: titles, URLs and partner names forged in its answers never reach a client", async () => {
    expect((await register(hostile["evil-inject"]!)).status).toBe(201);
    await hostile["evil-inject"]!.setMode("inject");
    const { body }: { body: any } = await hub.query(`{ offers(first: 100, orderBy: { field: TITLE, direction: ASC }) { totalCount pageInfo { hasNextPage } nodes { id title url description howToApply partner { id name evilInject } template { schedule } evilInject { note } } } }`);
    const nodes = body.data.offers.nodes as any[];
    // every offer, the template plugin's included, reads as before
    expect(nodes.map(({ evilInject: _e, partner: { evilInject: _p, ...partner }, ...offer }) => ({ ...offer, partner }))).toEqual((before.offers as any).offers.nodes);
    expect(JSON.stringify(body.data)).not.toMatch(/PRZEJĘTE|evil\.example|Przejęty/);
    // one notice per fetch to the plugin (its Offer and its Partner entities may come apart, in any order)
    const notices = body.errors.filter((e: any) => e.extensions.code === "PLUGIN_ANSWER_REJECTED");
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) expect(notice.extensions).toMatchObject({ subgraph: "evil-inject" });
    expect(notices.flatMap((n: any) => n.extensions.reasons)).toEqual(expect.arrayContaining(["unrequested-field", "entity-mismatch", "key-mismatch"]));
    const text = await metrics();
    for (const reason of ["unrequested-field", "entity-mismatch", "key-mismatch"]) expect(rejected(text, "evil-inject", reason), reason).toBeGreaterThan(0);
    const partners = await hub.query(PARTNERS);
    expect(partners.body.data).toEqual(before.partners);
  });

  it("evil-turncoat: turning into PUP Będzin is refused at update, and its feed's PUP Będzin offers are never listed", async () => {
    expect((await register(hostile["evil-turncoat"]!)).status).toBe(201);
    await hostile["evil-turncoat"]!.setMode("impostor");
    const update = await hub.admin("PUT", "/evil-turncoat", {});
    expect(refusalCodes(update)).toEqual(expect.arrayContaining(["PLUGIN_OWNER_MISMATCH"]));
    await refresh("evil-turncoat");
    const listed = await hub.query(`query($p: [ID!]) { offers(first: 10, filter: { partnerIds: $p }) { totalCount } }`, { p: [pupBedzin.id] });
    expect(listed.body.data.offers.totalCount).toBe(0);
    const state = await pluginState("evil-turncoat");
    expect(state.lastRefreshError).toBe("1 offer(s) refused: published for a partner other than the plugin's owner");
    await hostile["evil-turncoat"]!.setMode("normal");
  });

  it("the owner changes only by the coordinator's transfer, with a reason in the audit trail", async () => {
    const bad = await hub.admin("POST", "/evil-turncoat/owner", { ownerPartnerId: pupBedzin.id });
    expect(refusalCodes(bad)).toEqual(["BAD_USER_INPUT"]);
    const byPartner = await hub.admin("POST", "/evil-turncoat/owner", { ownerPartnerId: pupBedzin.id, reason: "Przejęcie projektu" }, hub.token({ sub: "m", role: "partner", partnerId: mallory.id }));
    expect(byPartner.status).toBe(403);
    const moved = await hub.admin("POST", "/evil-turncoat/owner", { ownerPartnerId: pupBedzin.id, reason: "Projekt przechodzi do PUP Będzin na mocy porozumienia wykonawczego" });
    expect(moved.status).toBe(200);
    // the plugin still names its former owner: now that is the mismatch
    expect(refusalCodes(await hub.admin("PUT", "/evil-turncoat", {}))).toEqual(expect.arrayContaining(["PLUGIN_OWNER_MISMATCH"]));
    const trail = await hub.query(`{ offersAuditTrail(first: 20) { nodes { entityType action reason changedFields { field } } } }`, {}, { token: hub.token({ sub: "koordynator", role: "coordinator" }) });
    expect(trail.body.data.offersAuditTrail.nodes).toContainEqual({ entityType: "Plugin", action: "DECIDE", reason: "Projekt przechodzi do PUP Będzin na mocy porozumienia wykonawczego", changedFields: [{ field: "ownerPartnerId" }] });
    expect((await hub.admin("DELETE", "/evil-turncoat")).status).toBe(200);
  });

  it("evil-redirect: pointing the gateway and the catalogue at the hub's internal /metrics leaks not a byte", async () => {
    expect((await register(hostile["evil-redirect"]!)).status).toBe(201);
    await hostile["evil-redirect"]!.setMode("redirect");
    const response = await fetch(hub.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: `{ offers(first: 5) { nodes { title evilRedirect } } }` }) });
    const text = await response.text();
    expect(text).not.toMatch(/HELP|bdp_subgraph|# TYPE/);
    const body = JSON.parse(text);
    const error = body.errors.find((e: any) => e.extensions.subgraph === "evil-redirect");
    expect(error.extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", reason: "the plugin answered with a redirect, which the hub never follows" });
    expect(body.data.offers.nodes.length).toBe(5);
    expect(rejected(await metrics(), "evil-redirect", "redirect")).toBeGreaterThan(0);
    await refresh("evil-redirect");
    const state = await pluginState("evil-redirect");
    expect(state.lastRefreshError).toBe("offers not read: the plugin answered with a redirect, which the hub never follows");
    expect(refusalCodes(await hub.admin("PUT", "/evil-redirect", {}))).toEqual(["PLUGIN_REDIRECTED"]);
  });

  it("evil-flood: 50 MB answers are cut at the limit, ten at a time, and everyone else is answered", async () => {
    expect((await register(hostile["evil-flood"]!)).status).toBe(201);
    await hostile["evil-flood"]!.setMode("flood");
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let peak = heapBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
    const floods = Array.from({ length: 10 }, () => hub.query(`{ offers(first: 5) { nodes { title evilFlood } } }`));
    const other = await hub.query(`{ partners(first: 3) { nodes { name } } }`);
    const answers = await Promise.all(floods);
    clearInterval(sampler);
    expect(other.body.errors).toBeUndefined();
    for (const { body } of answers as { body: any }[]) {
      expect(body.data.offers.nodes).toHaveLength(5);
      expect(body.errors.find((e: any) => e.extensions.subgraph === "evil-flood").extensions.reason).toBe("the plugin's answer was over the size limit");
    }
    const grewMb = (peak - heapBefore) / 1e6;
    console.log("gateway heap growth under ten 50 MB answers:", Math.round(grewMb), "MB");
    // ten answers cut at 5 MB each: far from the 500 MB they would take whole
    expect(grewMb).toBeLessThan(200);
    expect(rejected(await metrics(), "evil-flood", "too-large")).toBeGreaterThanOrEqual(10);
    await hostile["evil-flood"]!.setMode("fat-feed");
    expect(refusalCodes(await hub.admin("PUT", "/evil-flood", {}))).toEqual(["PLUGIN_ANSWER_TOO_LARGE"]);
  });

  it("evil-errors: a hundred errors with made-up codes, others' paths and long messages reach clients bounded, and metrics stay bounded", async () => {
    expect((await register(hostile["evil-errors"]!)).status).toBe(201);
    await hostile["evil-errors"]!.setMode("errors");
    const { body }: { body: any } = await hub.query(`{ offers(first: 3) { nodes { title evilErrors } } partners(first: 2) { nodes { name } } }`);
    expect(body.data.partners.nodes).toEqual((before.partners as any).partners.nodes.slice(0, 2).map(({ name }: { name: string }) => ({ name })));
    const fromPlugin = body.errors.filter((e: any) => e.extensions.serviceName === "evil-errors" || e.extensions.subgraph === "evil-errors");
    expect(fromPlugin.length).toBeLessThanOrEqual(21);
    for (const e of fromPlugin) {
      expect(["PLUGIN_ERROR", "PLUGIN_ANSWER_REJECTED"]).toContain(e.extensions.code);
      expect(e.message.length).toBeLessThanOrEqual(400);
      expect(e.extensions.leak).toBeUndefined();
      expect(e.path?.[0]).not.toBe("partners");
    }
    const text = await metrics();
    expect(text).not.toContain("MADE_UP");
    expect(rejected(text, "evil-errors", "foreign-error-path")).toBeGreaterThan(0);
    expect(rejected(text, "evil-errors", "too-many-errors")).toBeGreaterThan(0);
  });

  it("evil-list: a list of 100,000 is cut at 100, and plugin lists count at that bound in the cost limit", async () => {
    expect((await register(hostile["evil-list"]!)).status).toBe(201);
    const { body }: { body: any } = await hub.query(`{ evilListItems { n } }`);
    expect(body.data.evilListItems).toHaveLength(100);
    expect(body.errors.find((e: any) => e.extensions.code === "PLUGIN_ANSWER_REJECTED").extensions.reasons).toContain("list-too-long");
    // nine pages of 100 offers, each with the plugin's list: 9 × 100 × 100 × 3 fields, over 250,000
    const aliases = Array.from({ length: 9 }, (_, i) => `a${i}: offers(first: 100) { nodes { evilList { n a b } } }`).join(" ");
    const costly = await hub.query(`{ ${aliases} }`);
    expect((costly.body as any).errors[0].extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX" });
    // the same shape over a core list (counted at 10) passes
    const core = Array.from({ length: 9 }, (_, i) => `a${i}: partners(first: 100) { nodes { representatives { fullName position email } } }`).join(" ");
    expect((await hub.query(`{ ${core} }`)).body.errors).toBeUndefined();
  });

  it("evil-replay: learns the caller's role and partner, never who the user is; what it captured is refused anywhere else, and twice", async () => {
    expect((await register(hostile["evil-replay"]!)).status).toBe(201);
    const token = hub.token({ sub: "anna.kowalska@pup-bedzin.example", role: "partner", partnerId: pupBedzin.id });
    const { body }: { body: any } = await hub.query(`{ evilReplayHello offers(first: 1) { nodes { evilReplay } } }`, {}, { token });
    expect(body.errors).toBeUndefined();
    const captured = (await hostile["evil-replay"]!.captured()).filter((c) => c.body.includes("evilReplay"));
    expect(captured.length).toBeGreaterThan(0);
    for (const request of captured) {
      expect(JSON.stringify(request)).not.toContain("anna.kowalska");
      expect(JSON.parse(Buffer.from(request.headers["x-hub-identity"]!, "base64url").toString())).toEqual({ kind: "partner", partnerId: pupBedzin.id });
      const replay = (url: string) => fetch(url, { method: "POST", headers: { "content-type": "application/json", ...pick(request.headers) }, body: request.body });
      // to the training subgraph, to the template plugin, to the register: refused
      for (const url of [hub.subgraphs.training!.graphqlUrl, honest.graphqlUrl, hub.subgraphs.partners!.graphqlUrl]) expect((await replay(url)).status, url).toBe(401);
    }
    // a request signed by the gateway for the template plugin is accepted once, and not twice
    const query = JSON.stringify({ query: "{ _service { sdl } }" });
    const signed = signRequest(hub.gateway.plugins!.pluginKey("template"), Buffer.from('{"kind":"anonymous"}').toString("base64url"), { method: "POST", path: pathOf(honest.graphqlUrl), audience: "template", body: query });
    const send = () => fetch(honest.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", ...signed }, body: query });
    expect((await send()).status).toBe(200);
    expect((await send()).status).toBe(401);
  });

  it("after all of it, core data and the other partner's offers are as they were", async () => {
    for (const slug of ["evil-inject", "evil-redirect", "evil-flood", "evil-errors", "evil-list", "evil-replay"]) await hub.admin("DELETE", `/${slug}`);
    await expectUnchanged();
  });
});

describe("keys, processes and the example plugins", () => {
  it("a removed plugin's key signs nothing a later plugin of the same slug accepts", async () => {
    const oldKey = hub.gateway.plugins!.pluginKey("template");
    expect((await hub.admin("DELETE", "/template")).status).toBe(200);
    const newKey = hub.gateway.plugins!.pluginKey("template");
    expect(newKey).not.toBe(oldKey);
    // the same slug, a new process with the new generation's key
    await honest.close();
    honest = await hub.startPlugin(template, templateManifest, targets.template.target);
    const query = JSON.stringify({ query: "{ _service { sdl } }" });
    const as = (key: string) => fetch(honest.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", ...signRequest(key, Buffer.from('{"kind":"anonymous"}').toString("base64url"), { method: "POST", path: pathOf(honest.graphqlUrl), audience: "template", body: query }) }, body: query });
    expect((await as(oldKey)).status).toBe(401);
    expect((await as(newKey)).status).toBe(200);
    expect(pluginSigningKey(hub.signingKey, "template", 1)).toBe(newKey);
    await expectUnchanged();
  });

  it("evil-env: a plugin started as `pnpm start` starts one learns none of the hub's secrets", async () => {
    const parent = { ...process.env, AUTH_JWT_SECRET: "s3cret-jwt-of-the-hub-0123456789abcdef", HUB_SIGNING_KEY: "hub-signing-key-0123456789", DATABASE_URL: "postgres://hub:pw@db.internal:5432/bdp" };
    const env = pluginEnvironment(parent, { slug: "evil-env", port: 0, signingKey: "the-plugin-own-key", dataDir: "/tmp/evil-env" });
    const plugin = await startHostile("evil-env", { ...env, OWNER: mallory.id, IMPOSTOR: pupBedzin.id, PORT: "0" });
    try {
      const manifest = (await (await fetch(new URL("/hub/manifest", plugin.url))).json()) as { description: string };
      const seen = JSON.parse(manifest.description) as Record<string, string>;
      for (const secret of ["AUTH_JWT_SECRET", "HUB_SIGNING_KEY", "DATABASE_URL"]) expect(seen[secret], secret).toBeUndefined();
      expect(JSON.stringify(seen)).not.toMatch(/s3cret-jwt|hub-signing-key|\/bdp"/);
      expect(seen.PLUGIN_SIGNING_KEY).toBe("the-plugin-own-key");
      expect(seen.PLUGIN_DATABASE_URL).toBe("postgres://hub:pw@db.internal:5432/bdp_evil_env");
    } finally {
      await plugin.close();
    }
  });

  it("admitting each example plugin changes the public API only by additions under its namespace", async () => {
    const api = async () => buildClientSchema((await hub.query<IntrospectionQuery>(getIntrospectionQuery())).body.data!);
    let previous = await api();
    // one after the other, each on the API with the ones before it
    for (const [definition, manifest, target] of [[jobs, jobsManifest, targets.jobs], [courses, coursesManifest, targets.courses]] as [SubgraphDefinition<any>, typeof jobsManifest, typeof targets.jobs][]) {
      const plugin = await hub.startPlugin(definition, manifest, target.target);
      try {
        const now = await api();
        expect(apiChanges(previous, now, manifest.slug).map((v) => v.message)).toEqual([]);
        expect(Object.keys(now.getTypeMap()).length).toBeGreaterThan(Object.keys(previous.getTypeMap()).length);
        previous = now;
      } finally {
        await plugin.close();
      }
    }
  });
});

/** The headers a replay would carry: the gateway's signature and identity as captured. */
function pick(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => k.startsWith("x-hub-")));
}

/** Reads a plugin's offers now, as the catalogue does every minute (the registry's refresh, signed as the gateway). */
async function refresh(slug: string): Promise<void> {
  const url = `${hub.subgraphs.offers!.url}/internal/plugins/${slug}/refresh`;
  const response = await fetch(url, { method: "POST", headers: signRequest(hub.signingKey, { kind: "coordinator", userId: "test" }, { method: "POST", path: pathOf(url), audience: "offers", body: "" }) });
  expect(response.status).toBe(200);
}

async function pluginState(slug: string): Promise<{ lastRefreshError: string | null; offerCount: number }> {
  const { body }: { body: any } = await hub.query(`{ plugins { slug lastRefreshError offerCount } }`, {}, { token: hub.token({ sub: "koordynator", role: "coordinator" }) });
  return body.data.plugins.find((p: { slug: string }) => p.slug === slug);
}

describe("outside plugins, on the same boundary", () => {
  it("a token whose header is JSON null gets 401 UNAUTHENTICATED, never 500", async () => {
    const response = await fetch(hub.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer bnVsbA.e30.x" }, body: JSON.stringify({ query: "{ partners(first: 1) { totalCount } }" }) });
    expect(response.status).toBe(401);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("the plugin administration is the coordinator's: no list of addresses and contacts for anyone else", async () => {
    for (const [token, status] of [["", 401], [hub.token({ sub: "ewa", role: "analyst" }), 403], [hub.token({ sub: "m", role: "partner", partnerId: mallory.id }), 403]] as const) {
      expect((await hub.admin("GET", "", undefined, token)).status).toBe(status);
    }
    const { body } = await hub.query(`{ plugins { slug url contact } }`);
    expect(body.data.plugins.every((p: { url: string | null; contact: string | null }) => p.url === null && p.contact === null)).toBe(true);
  });
});
