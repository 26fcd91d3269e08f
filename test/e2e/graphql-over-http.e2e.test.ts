import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditServer } from "graphql-http";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * GraphQL over HTTP (issue #17): the specification's own audit suite
 * (`auditServer` from graphql-http) against the gateway. Every MUST, SHOULD
 * and MAY passes; the counts are printed (README, "For front-end teams").
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub("e2e_graphql_http");
});
afterAll(async () => {
  await hub?.close();
});

describe("the GraphQL-over-HTTP audit", () => {
  it("passes every MUST, SHOULD and MAY", async () => {
    const results = await auditServer({ url: hub.gateway.graphqlUrl });
    const tally: Record<string, { ok: number; other: string[] }> = {};
    for (const r of results) {
      const level = r.name.split(" ")[0]!;
      tally[level] ??= { ok: 0, other: [] };
      if (r.status === "ok") tally[level]!.ok++;
      else tally[level]!.other.push(`${r.status}: ${r.name}`);
    }
    console.log(`GraphQL-over-HTTP audit: ${Object.entries(tally).map(([level, t]) => `${level} ${t.ok}/${t.ok + t.other.length}`).join(", ")}`);
    expect(Object.values(tally).flatMap((t) => t.other)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(61);
  });

  it("answers a request error 200 to application/json and 400 to application/graphql-response+json", async () => {
    const ask = (accept: string) => fetch(hub.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", accept }, body: JSON.stringify({ query: "{ partners { nodes { salary } } }" }) });
    const json = await ask("application/json");
    expect(json.status).toBe(200);
    expect(((await json.json()) as any).errors[0].extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const graphql = await ask("application/graphql-response+json");
    expect(graphql.status).toBe(400);
    expect(graphql.headers.get("content-type")).toMatch(/application\/graphql-response\+json/);
    // a malformed HTTP request is 400 either way
    const malformed = await fetch(hub.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", accept: "application/json" }, body: "{ not json" });
    expect(malformed.status).toBe(400);
  });

  it("takes GET with URL-encoded variables for queries, never for mutations", async () => {
    const query = encodeURIComponent("query($n: Int) { partners(first: $n) { nodes { name } } }");
    const get = await fetch(`${hub.gateway.graphqlUrl}?query=${query}&variables=${encodeURIComponent(JSON.stringify({ n: 2 }))}`, { headers: { accept: "application/graphql-response+json" } });
    expect(get.status).toBe(200);
    expect(((await get.json()) as any).data.partners.nodes).toHaveLength(2);
    const mutation = encodeURIComponent(`mutation { removeRepresentative(id: "00000000-0000-4000-8000-000000000000") }`);
    const refused = await fetch(`${hub.gateway.graphqlUrl}?query=${mutation}`, { headers: { accept: "application/json" } });
    expect(refused.status).toBe(405);
  });
});
