import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * N+1 queries are bugs: listing 50 partners with their programmes,
 * initiatives and activation data must cost each subgraph the same small
 * number of SQL statements as listing 5.
 */
let hub: TestHub;
beforeAll(async () => {
  // each fetch its own request: merged ones share their subgraph's loaders, fewer statements or not as the fetches
  // happen to start together, and this counts what the subgraphs do per fetch (deduplication.e2e.test.ts tests merging)
  hub = await startTestHub("e2e_sql", { mergeFetches: false });
});
afterAll(async () => {
  await hub?.close();
});

const QUERY = /* GraphQL */ `
  query PartnersWithEverything($first: Int, $ids: [ID!]) {
    partners(first: $first, filter: { ids: $ids }) {
      totalCount
      nodes {
        id
        name
        representatives { fullName }
        municipality { name }
        trainingProgrammes {
          title
          provider { name }
          editions { startsOn seatsTaken seatsLeft outcomes { completed { value suppressed } employedWithin3Months { value suppressed } } municipality { name } }
        }
        activationProgrammes { name participantSummary { total { value } byDegree { degree count { value suppressed } } } municipalities { name } }
        disabilityJobPlaces { createdOn programme { name } }
        initiatives { title cashContributionTotal agreement { role partner { name } } indicators { name progress { shareOfTarget } measurements { value } } }
        issuesRaised { title priority { votes average } }
        consultationPositions { stance }
        offers(first: 5) { totalCount nodes { title kind municipality { name } } }
      }
    }
  }
`;

async function statementsPerSubgraph(first: number, ids?: string[]) {
  const before = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.db.sql.total]));
  const { body } = await hub.query(QUERY, { first, ids });
  expect(body.errors).toBeUndefined();
  const counts = Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.db.sql.total - before[name]!]));
  return { counts, partners: body.data.partners.nodes as any[] };
}

/** Up to 5 partners that between them have every kind of data the query asks for, so every loader runs for both sizes. */
function coveringFive(partners: any[]): string[] {
  const needs: ((p: any) => boolean)[] = [
    (p) => p.trainingProgrammes?.some((t: any) => t.editions.length > 0),
    (p) => p.activationProgrammes?.length > 0,
    // a place's programme is the operator's to see (issue #11): the loader runs all the same
    (p) => p.disabilityJobPlaces?.length > 0,
    (p) => p.initiatives?.some((i: any) => i.indicators.some((x: any) => x.measurements.length > 0)),
    (p) => p.issuesRaised?.length > 0 && p.consultationPositions?.length > 0,
  ];
  const chosen = new Set<string>();
  for (const need of needs) {
    if ([...chosen].some((id) => need(partners.find((p) => p.id === id)))) continue;
    const match = partners.find(need);
    if (!match) throw new Error("the seed lacks a kind of data this test needs");
    chosen.add(match.id);
  }
  return [...chosen];
}

describe("SQL statements per request", () => {
  it("do not grow with the number of partners listed", async () => {
    const all = await statementsPerSubgraph(50); // also warms metadata and plans
    const five = coveringFive(all.partners);
    const small = await statementsPerSubgraph(5, five);
    const large = await statementsPerSubgraph(50);
    console.table({ [`${small.partners.length} partners`]: small.counts, "50 partners": large.counts });
    expect(small.partners.length).toBeLessThanOrEqual(5);
    expect(large.partners).toHaveLength(50);
    expect(large.counts).toEqual(small.counts);
    // every subgraph took part, each with a handful of statements
    for (const [name, n] of Object.entries(large.counts)) {
      expect(n, name).toBeGreaterThan(0);
      expect(n, name).toBeLessThanOrEqual(12);
    }
  });
});

describe("a page without totalCount", () => {
  // regression (issue #6): every list counted its whole filter on every page, the one cost that grows with the table
  it("sends no count: one statement fewer than the same page with totalCount", async () => {
    const statements = async (query: string) => {
      const before = hub.subgraphs.partners!.db.sql.total;
      const { body } = await hub.query(query);
      expect(body.errors).toBeUndefined();
      return hub.subgraphs.partners!.db.sql.total - before;
    };
    const page = await statements(`{ partners(first: 10) { nodes { name } pageInfo { hasNextPage endCursor } } }`);
    const counted = await statements(`{ partners(first: 10) { totalCount nodes { name } pageInfo { hasNextPage endCursor } } }`);
    expect([page, counted]).toEqual([1, 2]);
  });
});
