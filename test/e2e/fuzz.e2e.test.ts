import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "@bdp/kit/server";
import { Random } from "@bdp/kit/demo";
import { CORE, startTestHub, type TestHub } from "../src/hub.js";

/**
 * Hostile input (issue #7): random and malformed documents, variables and
 * bodies, to the gateway and to each subgraph (signed, so they get past the
 * signature check). Never a crash or a 5xx, never a stack or SQL in a
 * response, always a coded error. Seeded: a failure reproduces.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub("e2e_fuzz", { rateLimit: { perMinute: 1_000_000, burst: 1_000_000 } });
});
afterAll(async () => {
  await hub?.close();
});

const WORDS = ["{", "}", "(", ")", "[", "]", ":", "$", "!", "...", "@", "=", "query", "mutation", "fragment", "on", "partners", "nodes", "name", "first", "after", "filter", "id", "trainingProgrammes", "__typename", "__schema", "_entities", "\"x\"", "\"\\u0000\"", "1e999", "-1", "null", "true", "ENUM", "#", "\\", "\"\"\"", "𝔘", "ł"];

function caseOf(rnd: Random, i: number): { body: string | Uint8Array; contentType: string } {
  const json = (value: unknown) => ({ body: JSON.stringify(value), contentType: "application/json" });
  switch (i % 12) {
    case 0: return json({ query: Array.from({ length: rnd.int(1, 60) }, () => rnd.pick(WORDS)).join(" ") });
    case 1: return json({ query: `${"{ partners { nodes { ".repeat(rnd.int(50, 400))}name` });
    case 2: return json({ query: "query($f: PartnerFilter) { partners(filter: $f) { totalCount } }", variables: { f: { search: "x".repeat(rnd.int(100, 300_000)) } } });
    case 3: return json({ query: "query($ids: [ID!]) { partners(filter: { ids: $ids }) { totalCount } }", variables: { ids: Array.from({ length: rnd.int(101, 20_000) }, (_, k) => String(k)) } });
    case 4: return json({ query: "query($n: Int) { partners(first: $n) { totalCount } }", variables: { n: rnd.pick([1e20, -5, 3.5, "10", [], {}, null, 2 ** 31]) } });
    case 5: return { body: `{"query": "{ partners { totalCount } }"${rnd.pick(["", ",", "}", "]]", "\u0000"])}`, contentType: "application/json" };
    case 6: return { body: new Uint8Array(Array.from({ length: rnd.int(1, 400) }, () => rnd.int(0, 255))), contentType: "application/json" };
    case 7: return json(rnd.pick([[], 42, "query", null, { query: 7 }, { query: ["a"] }, { variables: "x" }, { query: "{ partners { totalCount } }", variables: [1] }]));
    case 8: return json({ query: `{ ${Array.from({ length: rnd.int(2, 80) }, (_, k) => `a${k}: partner(id: "${rnd.pick(["", "x", "00000000-0000-0000-0000-000000000000", "' or 1=1 --"])}") { name }`).join(" ")} }` });
    case 9: return json({ query: "mutation($i: TrainingProgrammeInput!) { createTrainingProgramme(input: $i) { id } }", variables: { i: { title: rnd.pick(["", "x".repeat(5000)]), hours: rnd.pick([-1, 1e9]), costPerParticipant: rnd.pick(["NaN", "1e5", "-0"]) } } });
    case 10: return json({ query: "query($d: Date) { trainingEditions(filter: { startsFrom: $d }) { totalCount } }", variables: { d: rnd.pick(["2025-13-40", "0000-00-00", "𝔘", "2025-02-29T00:00", 20250101]) } });
    default: return { body: "query=" + encodeURIComponent("{ partners { totalCount } }"), contentType: rnd.pick(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", ""]) };
  }
}

/** The subgraph a URL is for: a signature names it. */
const audienceOf = (url: string) => Object.values(hub.subgraphs).find((s) => s.graphqlUrl === url)?.name ?? "gateway";

async function fuzz(url: string, rounds: number, seed: string, sign: boolean): Promise<Record<string, number>> {
  const rnd = new Random(seed);
  const tally: Record<string, number> = {};
  for (let i = 0; i < rounds; i++) {
    const { body, contentType } = caseOf(rnd, i);
    const headers: Record<string, string> = { "apollo-require-preflight": "true" };
    if (contentType) headers["content-type"] = contentType;
    if (sign) Object.assign(headers, signRequest(hub.signingKey, { kind: "anonymous" }, { method: "POST", path: new URL(url).pathname, audience: audienceOf(url), body: typeof body === "string" ? body : Buffer.from(body).toString("utf8") }));
    const response = await fetch(url, { method: "POST", headers, body: typeof body === "string" ? body : new Uint8Array(body) });
    const text = await response.text();
    const label = `case ${i % 12} #${i}`;
    expect(response.status, `${label}: ${text.slice(0, 200)}`).toBeLessThan(500);
    expect(text, label).not.toMatch(/\bat [\w.<>]+ \(|\.ts:\d+|node_modules|stacktrace|select .* from|syntax error at or near/i);
    let parsed: { errors?: { extensions?: { code?: string } }[] };
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new Error(`${label}: not JSON: ${text.slice(0, 200)}`);
    }
    for (const error of parsed.errors ?? []) {
      expect(error.extensions?.code, `${label}: ${JSON.stringify(error).slice(0, 200)}`).toMatch(/^[A-Z_]+$/);
      tally[error.extensions!.code!] = (tally[error.extensions!.code!] ?? 0) + 1;
    }
    if (!parsed.errors) tally.OK = (tally.OK ?? 0) + 1;
  }
  return tally;
}

describe("hostile input", () => {
  it("the gateway answers every malformed request with a coded error and keeps serving", async () => {
    const tally = await fuzz(hub.gateway.graphqlUrl, 360, "fuzz-gateway", false);
    console.log("gateway, 360 hostile requests:", tally);
    expect((await fetch(`${hub.gateway.url}/health/ready`)).status).toBe(200);
  });

  it.each(CORE.map((d) => d.name))("subgraph %s does too", async (name) => {
    const tally = await fuzz(hub.subgraphs[name]!.graphqlUrl, 120, `fuzz-${name}`, true);
    console.log(`${name}, 120 hostile requests:`, tally);
    expect((await fetch(`${hub.subgraphs[name]!.url}/health/ready`)).status).toBe(200);
  });
});
