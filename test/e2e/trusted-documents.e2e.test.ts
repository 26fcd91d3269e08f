import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_CLIENT, DASHBOARD_MANIFEST, type RunningGateway } from "@bdp/gateway";
import type { Logger } from "@bdp/kit/server";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * Trusted documents (issue #17): a front-end's manifest registered by the
 * coordinator, run by id; free-form documents logged or refused per the
 * gateway's setting. Gateways with each setting share the hub's subgraphs
 * and its one document store (the catalogue), over real HTTP.
 */
const manifest = JSON.parse(readFileSync(DASHBOARD_MANIFEST, "utf8")) as Record<string, string>;
const [dashboardId, dashboardText] = Object.entries(manifest).find(([, text]) => text.includes("query MunicipalityDashboard"))!;
const variables = { code: "2465011", fromYear: 2022, toYear: 2024 };
const hashOf = (text: string) => createHash("sha256").update(text).digest("hex");
const FREE_FORM = "{ territorialUnits(kind: URBAN_GMINA) { code name } }";

let hub: TestHub;
const gateways: RunningGateway[] = [];
const warnings: { msg: string; fields?: Record<string, unknown> }[] = [];
const quiet = (): Logger => ({ debug: () => {}, info: () => {}, warn: (msg, fields) => void warnings.push({ msg, fields }), error: () => {}, child: () => quiet() });

/** Another gateway over the hub's subgraphs, with its own setting. */
async function gatewayWith(mode: "log" | "enforce-anonymous" | "enforce", missCooldownMs?: number): Promise<RunningGateway> {
  const gateway = await hub.replica({
    plugins: false,
    log: quiet(),
    documents: { mode, missCooldownMs },
  });
  gateways.push(gateway);
  return gateway;
}

async function post(gateway: RunningGateway, body: unknown, token?: string) {
  const response = await fetch(gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}

async function register(gateway: RunningGateway, client: string, documents: unknown, token = hub.token({ sub: "koordynator", role: "coordinator" })) {
  const response = await fetch(`${gateway.url}/admin/documents/${client}`, { method: "PUT", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(documents) });
  return { status: response.status, body: (await response.json()) as any };
}

beforeAll(async () => {
  hub = await startTestHub("e2e_documents");
});
afterAll(async () => {
  for (const gateway of gateways) await gateway.close();
  await hub?.close();
});

describe("registering a manifest", () => {
  it("is the coordinator's: no token is 401, a partner's or an analyst's 403, and nothing is stored", async () => {
    expect((await register(hub.gateway, "intruder-app", manifest, "")).status).toBe(401);
    expect((await register(hub.gateway, "intruder-app", manifest, hub.token({ sub: "p", role: "partner", partnerId: "00000000-0000-4000-8000-000000000001" }))).body.errors[0].extensions.code).toBe("FORBIDDEN");
    expect((await register(hub.gateway, "intruder-app", manifest, hub.token({ sub: "a", role: "analyst" }))).status).toBe(403);
    expect(hub.gateway.documents!.clients().map((c) => c.client)).not.toContain("intruder-app");
  });

  it("refuses a document whose id is not its SHA-256, and one that does not fit the schema, registering none of the manifest", async () => {
    const forged = await register(hub.gateway, "forged-app", { ...manifest, [`sha256:${hashOf("{ x }")}`]: FREE_FORM });
    expect(forged.status).toBe(400);
    expect(forged.body.errors[0]).toMatchObject({ extensions: { code: "BAD_USER_INPUT" } });
    expect(forged.body.errors[0].message).toMatch(/not the SHA-256/);
    const unknownField = "{ partnersSecretList { id } }";
    const misfit = await register(hub.gateway, "forged-app", { ...manifest, [`sha256:${hashOf(unknownField)}`]: unknownField });
    expect(misfit.status).toBe(400);
    expect(misfit.body.errors[0].message).toMatch(/do not fit the hub's schema.*partnersSecretList/);
    expect(hub.gateway.documents!.clients().map((c) => c.client)).not.toContain("forged-app");
  });

  it("stores the dashboard's manifest once; registering it again adds nothing", async () => {
    const first = await register(hub.gateway, DASHBOARD_CLIENT, manifest);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ client: DASHBOARD_CLIENT, added: Object.keys(manifest).length, alreadyRegistered: 0, total: Object.keys(manifest).length });
    const again = await register(hub.gateway, DASHBOARD_CLIENT, manifest);
    expect(again.body).toMatchObject({ added: 0, alreadyRegistered: Object.keys(manifest).length });
  });
});

describe("a registered document", () => {
  it("runs by id (POST, GET, and as an APQ hash) with the answer of its text", async () => {
    const expected = await post(hub.gateway, { query: dashboardText, variables });
    expect(expected.body.errors).toBeUndefined();
    const byId = await post(hub.gateway, { documentId: dashboardId, variables });
    expect(byId.status).toBe(200);
    expect(byId.body).toEqual(expected.body);
    const url = `${hub.gateway.graphqlUrl}?documentId=${encodeURIComponent(dashboardId)}&variables=${encodeURIComponent(JSON.stringify(variables))}`;
    const get = await fetch(url, { headers: { accept: "application/graphql-response+json" } });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual(expected.body);
    const apq = await post(hub.gateway, { variables, extensions: { persistedQuery: { version: 1, sha256Hash: dashboardId.slice("sha256:".length) } } });
    expect(apq.body).toEqual(expected.body);
    const metrics = await (await fetch(`${hub.gateway.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`bdp_gateway_documents_total\\{(client="${DASHBOARD_CLIENT}",outcome="registered"|outcome="registered",client="${DASHBOARD_CLIENT}")\\} [3-9]`));
  });

  it("an id nobody registered is 404 DOCUMENT_NOT_FOUND; an id with a query beside it is 400", async () => {
    const unknown = await post(hub.gateway, { documentId: `sha256:${hashOf("query Nobody { __typename }")}` });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].extensions.code).toBe("DOCUMENT_NOT_FOUND");
    const both = await post(hub.gateway, { documentId: dashboardId, query: FREE_FORM });
    expect(both.status).toBe(400);
    expect(both.body.errors[0].extensions.code).toBe("BAD_REQUEST");
  });

  it("registered through one gateway, runs on another that started before (read again on an unknown id)", async () => {
    const other = await gatewayWith("enforce", 0);
    const text = "query PartnerNames { partners(first: 3) { nodes { name } } }";
    const id = `sha256:${hashOf(text)}`;
    expect((await register(hub.gateway, "partner-directory", { [id]: text })).status).toBe(200);
    const answer = await post(other, { documentId: id });
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.partners.nodes).toHaveLength(3);
  });
});

describe("free-form documents", () => {
  it("with TRUSTED_DOCUMENTS=log, run, and each new one is logged once and counted", async () => {
    const gateway = await gatewayWith("log");
    warnings.length = 0;
    for (let i = 0; i < 3; i++) expect((await post(gateway, { query: FREE_FORM })).body.errors).toBeUndefined();
    const logged = warnings.filter((w) => w.msg === "free-form document (not registered)");
    expect(logged).toHaveLength(1);
    expect(logged[0]!.fields).toMatchObject({ documentId: `sha256:${hashOf(FREE_FORM)}`, caller: "anonymous" });
    expect(await (await fetch(`${gateway.url}/metrics`)).text()).toContain('bdp_gateway_documents_total{outcome="free_form"} 3');
  });

  it("with TRUSTED_DOCUMENTS=enforce-anonymous, are refused without a token and run with a role's token", async () => {
    const gateway = await gatewayWith("enforce-anonymous");
    const anonymous = await post(gateway, { query: FREE_FORM });
    expect(anonymous.status).toBe(403);
    expect(anonymous.body.errors[0].extensions.code).toBe("DOCUMENT_NOT_TRUSTED");
    const get = await fetch(`${gateway.graphqlUrl}?query=${encodeURIComponent(FREE_FORM)}`);
    expect(get.status).toBe(403);
    const analyst = await post(gateway, { query: FREE_FORM }, hub.token({ sub: "analityk", role: "analyst" }));
    expect(analyst.body.errors).toBeUndefined();
    // the registered text, sent as text, is the registered document
    expect((await post(gateway, { query: dashboardText, variables })).body.errors).toBeUndefined();
    expect((await post(gateway, { documentId: dashboardId, variables })).body.errors).toBeUndefined();
  });

  it("attacker: an anonymous caller cannot run a document from Apollo's APQ cache that a token holder put there", async () => {
    const gateway = await gatewayWith("enforce-anonymous");
    const text = "{ partners(first: 2) { nodes { id name } } }";
    const sha256Hash = hashOf(text);
    const analyst = await post(gateway, { query: text, extensions: { persistedQuery: { version: 1, sha256Hash } } }, hub.token({ sub: "analityk", role: "analyst" }));
    expect(analyst.body.errors).toBeUndefined();
    const replay = await post(gateway, { extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(replay.status).toBe(403);
    expect(replay.body.errors[0].extensions.code).toBe("DOCUMENT_NOT_TRUSTED");
    expect(replay.body.data).toBeUndefined();
  });

  it("attacker: a batch cannot carry a free-form document past the check", async () => {
    const gateway = await gatewayWith("enforce-anonymous");
    const batch = await post(gateway, [{ documentId: dashboardId, variables }, { query: FREE_FORM }]);
    expect(batch.status).toBe(403);
    expect(batch.body.errors[0].extensions.code).toBe("DOCUMENT_NOT_TRUSTED");
  });

  it("with TRUSTED_DOCUMENTS=enforce, are refused for every caller; registered ones run", async () => {
    const gateway = await gatewayWith("enforce");
    const analyst = await post(gateway, { query: FREE_FORM }, hub.token({ sub: "analityk", role: "analyst" }));
    expect(analyst.status).toBe(403);
    expect(analyst.body.errors[0].extensions.code).toBe("DOCUMENT_NOT_TRUSTED");
    expect((await post(gateway, { documentId: dashboardId, variables }, hub.token({ sub: "analityk", role: "analyst" }))).body.errors).toBeUndefined();
  });
});
