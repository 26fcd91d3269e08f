import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../src/hub.js";

/** Query limits, rate limits, introspection switch and metrics at the gateway (issue #7). */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub("e2e_limits", {
    limits: { maxDepth: 6, maxAliases: 5, maxTokens: 400, maxCost: 5000 },
    rateLimit: { perMinute: 60, burst: 40 },
    introspection: false,
  });
});
afterAll(async () => {
  await hub?.close();
});

const first = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => body.errors?.[0]?.extensions;

describe("query limits", () => {
  it("refuses a query nested too deep, saying the limit and by how much", async () => {
    const deep = `{ partners { nodes { trainingProgrammes { editions { programme { editions { programme { title } } } } } } } }`;
    const { status, body } = await hub.query(deep, {}, { headers: { accept: "application/graphql-response+json" } });
    // a request error: 400 to a GraphQL-over-HTTP client, 200 to one that accepts plain JSON (the specification)
    expect(status).toBe(400);
    expect((await hub.query(deep)).status).toBe(200);
    expect(first(body)).toMatchObject({ code: "QUERY_TOO_DEEP", limit: 6, actual: 7 });
    expect(body.errors![0]!.message).toMatch(/7 is over the limit of 6 \(by 1\)/);
  });

  it("refuses too many aliases", async () => {
    const aliases = Array.from({ length: 7 }, (_, i) => `a${i}: partners(first: 1) { totalCount }`).join(" ");
    expect(first((await hub.query(`{ ${aliases} }`)).body)).toMatchObject({ code: "TOO_MANY_ALIASES", limit: 5, actual: 7 });
  });

  it("refuses a document with too many tokens before parsing it", async () => {
    const fields = Array.from({ length: 450 }, () => "totalCount").join(" ");
    const { status, body } = await hub.query(`{ partners { ${fields} } }`);
    expect(status).toBe(400);
    expect(first(body)?.code).toBe("QUERY_TOO_LONG");
  });

  it("refuses a query whose cost, counted with page sizes, is too high", async () => {
    const cheap = await hub.query(`{ partners(first: 5) { nodes { name trainingProgrammes { title } } } }`);
    expect(cheap.body.errors).toBeUndefined();
    const costly = await hub.query(`{ partners(first: 100) { nodes { name trainingProgrammes { title hours editions { startsOn capacity seatsLeft } } } } }`);
    expect(first(costly.body)).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: 5000 });
  });

  it("counts a statistic by the units and periods it computes (issue #11)", async () => {
    const cheap = await hub.query(`{ territorialUnit(code: "2401") { activePartners(fromYear: 2025, toYear: 2025) { total { values { value } } } } }`);
    expect(cheap.body.errors).toBeUndefined();
    // every unit, ten years by month: 120 values per line
    const costly = await hub.query(`{ territorialUnits { activePartners(fromYear: 2017, toYear: 2026, grain: MONTH) { series { values { value } } } } }`);
    expect(first(costly.body)).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: 5000 });
    // and spans no record can fall in are refused before any SQL
    const far = await hub.query(`{ territorialUnit(code: "2401") { activePartners(fromYear: 2091, toYear: 2100) { total { values { value } } } } }`);
    expect(first(far.body)).toMatchObject({ code: "BAD_USER_INPUT", field: "fromYear" });
  });

  it("answers no introspection when it is switched off", async () => {
    expect(first((await hub.query(`{ __schema { types { name } } }`)).body)?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("refuses a body over the size limit with 413", async () => {
    const response = await fetch(hub.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ partners { totalCount } }", variables: { pad: "x".repeat(1_100_000) } }) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe("REQUEST_TOO_LARGE");
  });
});

describe("rate limit per identity", () => {
  it("refuses a caller over its budget with 429 and Retry-After, and not another caller", async () => {
    const token = hub.token({ sub: "greedy", role: "analyst" });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 45; i++) {
      last = await fetch(hub.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify({ query: "{ partners(first: 1) { totalCount } }" }) });
      statuses.push(last.status);
      if (last.status === 429) break;
    }
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(39);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await last!.json()) as any).errors[0].extensions.code).toBe("RATE_LIMITED");
    const other = await hub.query(`{ partners(first: 1) { totalCount } }`, {}, { token: hub.token({ sub: "patient", role: "analyst" }) });
    expect(other.status).toBe(200);
  });
});

describe("metrics", () => {
  it("exposes Prometheus counters and histograms, per outcome and per subgraph", async () => {
    const text = await (await fetch(`${hub.gateway.url}/metrics`)).text();
    expect(text).toMatch(/^bdp_gateway_requests_total\{outcome="ok"\} \d+$/m);
    expect(text).toMatch(/^bdp_gateway_errors_total\{code="QUERY_TOO_DEEP"\} 2$/m);
    expect(text).toMatch(/^bdp_gateway_subgraph_fetch_duration_seconds_count\{subgraph="partners"\} \d+$/m);
    expect(text).toMatch(/^bdp_gateway_refused_total\{reason="rate"\} 1$/m);
    expect(text).toMatch(/^bdp_gateway_request_duration_seconds_bucket\{le="\+Inf"\} \d+$/m);
  });
});
