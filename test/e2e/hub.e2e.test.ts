import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unitAndDescendants } from "@bdp/kit/domain";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { startTestHub, type TestHub } from "../src/hub.js";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub("e2e_hub");
});
afterAll(async () => {
  await hub?.close();
});

const OVERVIEW = /* GraphQL */ `
  query Overview($first: Int, $after: String) {
    partners(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id name sector
        municipality { code name parent { code } }
        representatives { fullName }
        trainingProgrammes { title editions { startsOn seatsLeft outcomes { completed { value suppressed } } } }
        activationProgrammes { name participantSummary { total { value suppressed } } }
        disabilityJobPlaces { createdOn }
        initiatives { title cashContributionTotal }
        agreements { role cashContribution }
        issuesRaised { title }
      }
    }
  }
`;

describe("the hub through the gateway", () => {
  it("answers one query with partners and data from all four subgraphs", async () => {
    const { status, body } = await hub.query(OVERVIEW, { first: 100 });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const partners = body.data.partners.nodes as any[];
    expect(partners).toHaveLength(DEMO_PARTNERS.length);
    const pup = partners.find((p) => p.name === "Powiatowy Urząd Pracy w Będzinie");
    expect(pup.municipality).toEqual({ code: "2401011", name: "Będzin", parent: { code: "2401" } });
    expect(pup.trainingProgrammes.length).toBeGreaterThan(0);
    expect(pup.activationProgrammes.length).toBeGreaterThan(0);
    // every subgraph contributed to the answer
    expect(partners.some((p) => p.initiatives.length > 0)).toBe(true);
    expect(partners.some((p) => p.issuesRaised.length > 0)).toBe(true);
    expect(partners.some((p) => p.disabilityJobPlaces.length > 0)).toBe(true);
    expect(partners.every((p) => p.representatives.length > 0)).toBe(true);
  });

  it("pages through every partner by cursor, in name order, without gaps or repeats", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page++) {
      const { body }: { body: { data?: any } } = await hub.query(`query($after: String) { partners(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name } } }`, { after });
      const connection: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { name: string }[] } = body.data.partners;
      total = connection.totalCount;
      seen.push(...connection.nodes.map((n: { name: string }) => n.name));
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual([...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("filters by territory: the county holds exactly the partners of its gminas", async () => {
    const count = async (code: string) => (await hub.query(`query($c: String) { partners(filter: { municipalityCode: $c }) { totalCount } }`, { c: code })).body.data.partners.totalCount as number;
    const expected = DEMO_PARTNERS.filter((p) => unitAndDescendants("2401").includes(p.municipalityCode)).length;
    expect(await count("2401")).toBe(expected);
    const gminas = ["2401011", "2401021", "2401031", "2401042", "2401052", "2401062", "2401073", "2401081"];
    const perGmina = await Promise.all(gminas.map(count));
    expect(perGmina.reduce((a, b) => a + b, 0)).toBe(expected);
  });

  it("serves lists of every subgraph with filters and cursors", async () => {
    const { body } = await hub.query(`{
      trainingProgrammes(first: 3, filter: { targetGroups: [OVER_50] }, orderBy: { field: COST, direction: DESC }) { totalCount nodes { costPerParticipant targetGroups provider { name } } }
      trainingEditions(first: 2, filter: { startsFrom: "2025-01-01" }) { nodes { startsOn programme { title } municipality { name } } }
      activationProgrammes(first: 2, filter: { municipalityCode: "2465" }) { totalCount nodes { operator { name sector } municipalities { name } } }
      labourMarketIssues(first: 2) { nodes { title priority { votes average } raisedBy { name } } }
      initiatives(first: 2) { nodes { title agreement { partner { name } role } indicators { progress { shareOfTarget } } } }
      unemploymentStatistics(territoryCode: "2401", fromYear: 2019, toYear: 2019, first: 12) { totalCount nodes { period registeredUnemployed rate } }
      territorialUnit(code: "2465011") { name unemployment(fromYear: 2025, toYear: 2025) { period } trainingEditions { startsOn } activationProgrammes { name } labourMarketIssues { title } }
    }`);
    expect(body.errors).toBeUndefined();
    const costs = body.data.trainingProgrammes.nodes.map((n: { costPerParticipant: string }) => Number(n.costPerParticipant));
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    for (const n of body.data.trainingProgrammes.nodes) expect(n.targetGroups).toContain("OVER_50");
    expect(body.data.unemploymentStatistics.nodes.find((n: { period: string }) => n.period === "2019-09")).toEqual({ period: "2019-09", registeredUnemployed: 2615, rate: 5.7 });
    expect(body.data.territorialUnit.unemployment).toHaveLength(12);
    expect(body.data.activationProgrammes.nodes[0].operator.name).toBeTruthy();
  });

  it("never shows individual participants to anyone but their holder: aggregates and FORBIDDEN", async () => {
    const analyst = hub.token({ sub: "ewa", role: "analyst" });
    const coordinator = hub.token({ sub: "k", role: "coordinator" });
    const someoneElse = hub.token({ sub: "p", role: "partner", partnerId: DEMO_PARTNERS.find((p) => p.key === "um-czeladz")!.id });
    const paths = [
      `{ activationProgrammes(first: 3) { nodes { participantSummary { total { value suppressed } } participants { pseudonym degree } } } }`,
      `{ partners(first: 100) { nodes { activationProgrammes { participants { pseudonym causeCodes } } } } }`,
      `{ trainingEditions(first: 3) { nodes { seatsTaken enrolments { participantRef } } } }`,
      `{ territorialUnit(code: "2401011") { activationProgrammes { participants { pseudonym } } trainingEditions { enrolments { participantRef } } } }`,
    ];
    for (const token of [undefined, analyst, coordinator, someoneElse]) {
      for (const query of paths) {
        const { body } = await hub.query(query, {}, { token });
        expect(body.errors?.length, query).toBeGreaterThan(0);
        expect(new Set(body.errors!.map((e) => e.extensions?.code))).toEqual(new Set(["FORBIDDEN"]));
        expect(JSON.stringify(body.data)).not.toMatch(/pseudonym|participantRef|causeCodes|"degree"/);
      }
    }
  });
});

describe("bad input gets a clear error with a code", () => {
  const cases: [string, string, Record<string, unknown> | undefined, string][] = [
    ["malformed id", `{ partner(id: "42") { name } }`, undefined, "BAD_USER_INPUT"],
    ["page size 0", `{ partners(first: 0) { totalCount } }`, undefined, "BAD_USER_INPUT"],
    ["page size 101", `{ trainingProgrammes(first: 101) { totalCount } }`, undefined, "BAD_USER_INPUT"],
    ["foreign cursor", `{ partners(after: "bm90LWEtY3Vyc29y") { totalCount } }`, undefined, "BAD_USER_INPUT"],
    ["cursor of another sort order", `{ initiatives(after: "WyJhIiwiYiIsImMiXQ") { totalCount } }`, undefined, "BAD_USER_INPUT"],
    ["unknown enum literal", `{ partners(filter: { sectors: [BANK] }) { totalCount } }`, undefined, "GRAPHQL_VALIDATION_FAILED"],
    ["unknown enum in variables", `query($s: [Sector!]) { partners(filter: { sectors: $s }) { totalCount } }`, { s: ["BANK"] }, "BAD_USER_INPUT"],
    ["TERYT outside the territory", `{ partners(filter: { municipalityCode: "1465011" }) { totalCount } }`, undefined, "BAD_USER_INPUT"],
    ["malformed TERYT", `{ territorialUnit(code: "24x") { name } }`, undefined, "BAD_USER_INPUT"],
    ["impossible date in variables", `query($d: Date) { trainingEditions(filter: { startsFrom: $d }) { totalCount } }`, { d: "2025-02-30" }, "BAD_USER_INPUT"],
    ["date range backwards", `{ trainingEditions(filter: { startsFrom: "2025-02-01", startsTo: "2025-01-01" }) { totalCount } }`, undefined, "BAD_USER_INPUT"],
    ["search text too long", `query($t: String) { partners(filter: { search: $t }) { totalCount } }`, { t: "x".repeat(101) }, "BAD_USER_INPUT"],
    ["year out of range", `{ unemploymentStatistics(fromYear: 1200) { totalCount } }`, undefined, "BAD_USER_INPUT"],
    ["occupation code not digits", `{ trainingProgrammes(filter: { occupationCode: "abc" }) { totalCount } }`, undefined, "BAD_USER_INPUT"],
    ["syntax error", `{ partners(first: ) }`, undefined, "GRAPHQL_PARSE_FAILED"],
    ["unknown field", `{ partners { nodes { salary } } }`, undefined, "GRAPHQL_VALIDATION_FAILED"],
  ];

  it.each(cases)("%s", async (_label, query, variables, code) => {
    const { body } = await hub.query(query, variables);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts:|select |INTERNAL_SERVER_ERROR/i);
  });

  it("a body that is not JSON gets 400 BAD_REQUEST", async () => {
    const response = await fetch(hub.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: "{ not json" });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe("BAD_REQUEST");
  });
});

describe("operations", () => {
  it("reports liveness, readiness per subgraph, and serves the explorer offline", async () => {
    expect((await fetch(`${hub.gateway.url}/health/live`)).status).toBe(200);
    const ready = await fetch(`${hub.gateway.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      subgraphs: { disability: "ready", "labour-market": "ready", offers: "ready", partners: "ready", training: "ready" },
      // the version of the supergraph this replica serves (issue #13)
      supergraph: { version: hub.gateway.plugins!.version },
      // where the state gateway replicas share lives: this one's own memory (no REDIS_URL)
      sharedState: { store: "memory" },
    });
    const explorer = await fetch(`${hub.gateway.url}/explorer/`);
    expect(explorer.headers.get("content-type")).toMatch(/text\/html/);
    const html = await explorer.text();
    expect(html).toContain("AltairGraphQL.init");
    expect(html).not.toMatch(/https?:\/\/(cdn|unpkg|jsdelivr)/);
    const script = html.match(/src="([^"]+\.js)"/)![1];
    expect((await fetch(`${hub.gateway.url}/explorer/${script}`)).status).toBe(200);
  });

  it("carries a request id from the gateway to the caller", async () => {
    const response = await fetch(hub.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", "x-request-id": "test-123" }, body: JSON.stringify({ query: "{ partners(first: 1) { totalCount } }" }) });
    expect(response.headers.get("x-request-id")).toBe("test-123");
  });

  it("answers CORS preflight", async () => {
    const response = await fetch(hub.gateway.graphqlUrl, { method: "OPTIONS", headers: { origin: "http://localhost:5173", "access-control-request-method": "POST" } });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });

  // Last: it stops a subgraph.
  it("with a subgraph down, still answers the rest and names the subgraph that failed", async () => {
    await hub.subgraphs.disability!.close();
    const { body } = await hub.query(`{ partners(first: 3) { nodes { name trainingProgrammes { title } activationProgrammes { name } } } }`);
    expect(body.data?.partners.nodes).toHaveLength(3);
    expect(body.data.partners.nodes[0].name).toBeTruthy();
    const codes = body.errors!.map((e) => [e.extensions?.code, e.extensions?.subgraph]);
    expect(codes[0]).toEqual(["SUBGRAPH_UNAVAILABLE", "disability"]);
    // degraded, not unready: every replica shares the subgraph, and this one answers all the rest
    const ready = await fetch(`${hub.gateway.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "degraded", degraded: ["subgraph:disability"], subgraphs: { disability: "unavailable", partners: "ready" } });
  });
});
