import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCoreSdls } from "@bdp/kit/composition";
import { CatalogueRegistry } from "@bdp/gateway";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { startHostile, type HostilePlugin } from "../red-team/hostile.js";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * Schema changes checked against usage (issue #17): the gateway records
 * which schema coordinates each client's operations use; a plugin update
 * that removes a field a client used in the last 30 days is refused with
 * the diff, and goes through when the coordinator approves it with a
 * reason, which the registry's audit trail keeps. Real plugin processes, a
 * real hub, real HTTP.
 */
let hub: TestHub;
let v1: HostilePlugin;
let v2: HostilePlugin;
const owner = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;
const SALARY = `{ offers(first: 3) { nodes { id evolvingSalary } } }`;

async function asClient(query: string, client: string) {
  const response = await fetch(hub.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", "apollographql-client-name": client }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

beforeAll(async () => {
  hub = await startTestHub("e2e_schema_changes");
  const env = { OWNER: owner.id, IMPOSTOR: owner.id, INTERNAL_URL: "http://127.0.0.1:9/" };
  [v1, v2] = await Promise.all([startHostile("evolving-v1", env), startHostile("evolving-v2", env)]);
  const admitted = await hub.admin("POST", "", { url: v1.url, ownerPartnerId: owner.id });
  expect(admitted.status, JSON.stringify(admitted.body)).toBe(201);
}, 180_000);
afterAll(async () => {
  await v1?.close();
  await v2?.close();
  await hub?.close();
});

describe("schema usage", () => {
  it("is recorded per client and coordinate, in the catalogue", async () => {
    expect((await asClient(SALARY, "job-portal")).errors).toBeUndefined();
    expect((await asClient(`{ evolvingHello }`, "job-portal")).errors).toBeUndefined();
    await hub.gateway.usage!.flush();
    // what the gateway reads before a change: the catalogue's usage, over its signed internal API
    const usage = await new CatalogueRegistry(new URL(hub.subgraphs.offers!.graphqlUrl).origin, hub.signingKey).usage();
    const portal = usage.filter((u) => u.client === "job-portal").map((u) => u.coordinate);
    expect(portal).toEqual(expect.arrayContaining(["Query.offers", "Query.offers(first:)", "OfferConnection.nodes", "Offer.id", "Offer.evolvingSalary", "Query.evolvingHello"]));
    expect(portal).not.toContain("Offer.evolvingContract");
    expect(usage.find((u) => u.client === "job-portal" && u.coordinate === "Offer.evolvingSalary")).toMatchObject({ requests: 1, lastDay: new Date().toISOString().slice(0, 10) });
  });
});

describe("a plugin update that removes a field a client used", () => {
  it("is shown by the check with the diff and who used what", async () => {
    const check = await hub.admin("POST", "/check", { url: v2.url });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ ok: true, update: true });
    const salary = check.body.breaking.find((c: any) => c.coordinate === "Offer.evolvingSalary");
    expect(salary).toMatchObject({ change: "Offer.evolvingSalary was removed", usedBy: [{ client: "job-portal", requests: 1 }] });
    expect(check.body.breaking.find((c: any) => c.coordinate === "Query.evolvingBoard(kind:)")).toMatchObject({ usedBy: [] });
  });

  it("is refused with the diff in the error, and the graph stays as it was", async () => {
    const refused = await hub.admin("PUT", "/evolving", { url: v2.url });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].extensions.code).toBe("SCHEMA_CHANGE_BREAKS_CLIENTS");
    expect(refused.body.errors[0].message).toMatch(/Offer\.evolvingSalary was removed \(used by job-portal: 1 requests, last \d{4}-\d{2}-\d{2}\)/);
    expect(refused.body.errors[0].message).not.toMatch(/evolvingBoard/);
    expect((await asClient(SALARY, "job-portal")).errors).toBeUndefined();
  });

  it("refuses an approval without a reason, and a partner's approval", async () => {
    expect((await hub.admin("PUT", "/evolving", { url: v2.url, approveBreakingChanges: "ok" })).body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    const partner = hub.token({ sub: "pup", role: "partner", partnerId: owner.id });
    expect((await hub.admin("PUT", "/evolving", { url: v2.url, approveBreakingChanges: "the portal moved to contracts" }, partner)).status).toBe(403);
  });

  it("goes through when the coordinator approves it with a reason, audited with the changes", async () => {
    const reason = "Wynagrodzenie przeniesione do umowy; portal ofert zaktualizowany";
    const approved = await hub.admin("PUT", "/evolving", { url: v2.url, approveBreakingChanges: reason });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.breaking.map((c: any) => c.coordinate)).toContain("Offer.evolvingSalary");
    const after = await asClient(SALARY, "job-portal");
    expect(after.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect((await asClient(`{ offers(first: 1) { nodes { evolvingContract } } }`, "job-portal")).errors).toBeUndefined();

    const { body } = await hub.query(`{ offersAuditTrail(first: 10) { nodes { action entityType reason userId } } }`, {}, { token: hub.token({ sub: "koordynator", role: "coordinator" }) });
    expect(body.errors).toBeUndefined();
    const decision = body.data.offersAuditTrail.nodes.find((n: any) => n.entityType === "Plugin" && n.action === "DECIDE");
    expect(decision).toMatchObject({ userId: "koordynator" });
    expect(decision.reason).toContain(reason);
    expect(decision.reason).toContain("approved breaking changes: ");
    expect(decision.reason).toContain("Offer.evolvingSalary was removed");
  });
});

describe("a core schema change (pnpm schema:check, the deployment's gate)", () => {
  const ROOT = fileURLToPath(new URL("../../", import.meta.url));
  const committed = readCoreSdls(`${ROOT}schema/subgraphs`).map(({ name, sdl }) => ({ name, sdl }));
  // the register without Partner.website, as a change to its code would commit it
  const withoutWebsite = committed.map((c) => (c.name === "partners" ? { ...c, sdl: c.sdl.replace(/\n(\s*"""[^"]*"""\s*)?\s*website: String\n/, "\n") } : c));

  it("the committed core against the hub that serves it breaks nothing; the command says so and exits 0", async () => {
    const check = await schemaAdmin("check", { core: committed });
    expect(check.body).toEqual({ ok: true, breaking: [] });
    const { stdout } = await promisify(execFile)(process.execPath, ["--conditions=source", "--import", "@swc-node/register/esm-register", "src/schema-check/cli.ts"], {
      cwd: `${ROOT}gateway`,
      env: { ...process.env, HUB_URL: hub.gateway.url, BDP_TOKEN: hub.token({ sub: "koordynator", role: "coordinator" }) },
    });
    expect(stdout).toContain("✓ the committed core only adds to the public API the hub serves");
  }, 60_000);

  it("removing a field a client used is not ok, with the diff and the client; the coordinator's approval is kept and audited", async () => {
    // the output field goes; the input's field of the same name stays
    expect(withoutWebsite.find((c) => c.name === "partners")!.sdl.match(/website: String/g)).toHaveLength(1);
    expect((await asClient(`{ partners(first: 2) { nodes { name website } } }`, "municipality-portal")).errors).toBeUndefined();
    await hub.gateway.usage!.flush();
    const check = await schemaAdmin("check", { core: withoutWebsite });
    expect(check.body.ok).toBe(false);
    expect(check.body.breaking).toEqual([expect.objectContaining({ coordinate: "Partner.website", change: "Partner.website was removed", usedBy: [expect.objectContaining({ client: "municipality-portal", requests: 1 })] })]);
    expect((await schemaAdmin("approve", { core: withoutWebsite, reason: "" })).status).toBe(400);
    expect((await schemaAdmin("approve", { core: withoutWebsite, reason: "Strony partnerów przeniesione do katalogu" }, hub.token({ sub: "a", role: "analyst" }))).status).toBe(403);
    const approved = await schemaAdmin("approve", { core: withoutWebsite, reason: "Strony partnerów przeniesione do katalogu" });
    expect(approved.status).toBe(201);
    const { body } = await hub.query(`{ offersAuditTrail(first: 20) { nodes { action entityType entityId changedFields { field after } } } }`, {}, { token: hub.token({ sub: "koordynator", role: "coordinator" }) });
    const entry = body.data.offersAuditTrail.nodes.find((n: any) => n.entityType === "SchemaChangeApproval" && n.entityId === approved.body.approved);
    expect(entry).toMatchObject({ action: "CREATE" });
    expect(JSON.stringify(entry.changedFields)).toContain("Partner.website was removed");
  });
});

async function schemaAdmin(action: "check" | "approve", body: unknown, token = hub.token({ sub: "koordynator", role: "coordinator" })) {
  const response = await fetch(`${hub.gateway.url}/admin/schema/${action}`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}
