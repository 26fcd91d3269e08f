import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTNERS, pluginSigningKey, startSubgraph, stableId, type RunningSubgraph } from "@bdp/kit";
import { definition as template, manifest } from "@bdp/plugin-template";
import { freshTarget } from "../src/databases.js";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * Plugins in a running hub (issue #4): admitted, queried, updated and
 * removed with no restart; bad plugins refused, each with its own code, while
 * the hub keeps answering; a dead plugin degrades only its own fields.
 */
let hub: TestHub;
let plugin: RunningSubgraph;
let coordinator: string;
const pluginTarget = freshTarget("e2e_plugin_template");

beforeAll(async () => {
  hub = await startTestHub("e2e_plugins", { resilience: { timeoutMs: 1500, breakerThreshold: 3, breakerCooldownMs: 1000 } });
  plugin = await startSubgraph(template, { target: pluginTarget.target, port: 0, seed: true, signingKey: pluginSigningKey(hub.signingKey, manifest.slug) });
  coordinator = hub.token({ sub: "koordynator", role: "coordinator" });
});
afterAll(async () => {
  await plugin?.close();
  await pluginTarget.drop([manifest.slug]);
  await hub?.close();
});

async function admin(method: string, path: string, body?: unknown, token = coordinator) {
  const response = await fetch(`${hub.gateway.url}/admin/plugins${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const OFFERS = `{ offers(first: 50, filter: { pluginSlugs: ["template"] }) { totalCount nodes { id title kind refreshedAt partner { name } municipality { name } template { schedule freeOfCharge } } } }`;

describe("a plugin in a running hub", () => {
  it("is admitted, and its offers and details are queried through the gateway with no restart", async () => {
    const before = await hub.query(`{ offers(first: 5) { totalCount } }`);
    expect(before.body.data.offers.totalCount).toBe(0);
    const admitted = await admin("POST", "", { url: plugin.graphqlUrl });
    expect(admitted.status, JSON.stringify(admitted.body)).toBe(201);
    expect(admitted.body).toMatchObject({ plugin: { slug: "template", ownerPartnerId: manifest.ownerPartnerId }, offers: 5, problems: [] });

    const { body } = await hub.query(OFFERS);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    expect(body.data.offers.totalCount).toBe(5);
    const owner = DEMO_PARTNERS.find((p) => p.id === manifest.ownerPartnerId)!;
    for (const offer of body.data.offers.nodes) {
      expect(offer.partner.name).toBe(owner.name);
      expect(offer.template).not.toBeNull();
      expect(offer.municipality.name).toBeTruthy();
    }
    const listed = await admin("GET", "", undefined, "");
    expect(listed.body.plugins.map((p: { slug: string }) => p.slug)).toEqual(["template"]);
  });
});
