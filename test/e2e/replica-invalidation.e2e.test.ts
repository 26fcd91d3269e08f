import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningGateway } from "@bdp/gateway";
import { startSubgraph, type RunningSubgraph } from "@bdp/kit/server";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { definition as training } from "@bdp/training";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * Statistics kept by one replica of a subgraph go stale when another replica
 * writes (issue #13, item 3): two replicas of the training subgraph on one
 * PostgreSQL database, each behind a gateway of its own. A write through the
 * first changes the statistic the second serves within a second, not at the
 * end of its minute. PostgreSQL only: on PGlite a subgraph is one process.
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const owner = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;
let hub: TestHub;
let second: RunningSubgraph;
let throughSecond: RunningGateway;

beforeAll(async () => {
  if (!onPostgres) return;
  hub = await startTestHub("e2e_replicas");
  second = await startSubgraph(training, { target: hub.target, port: 0, seed: true, signingKey: hub.signingKey, registerUrl: hub.subgraphs.partners!.graphqlUrl });
  throughSecond = await hub.replica({ subgraphUrls: { ...Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.graphqlUrl])), training: second.graphqlUrl } });
});
afterAll(async () => {
  await throughSecond?.close();
  await second?.close();
  await hub?.close();
});

const PLACES = `{ territorialUnit(code: "2401011") { trainingPlaces(fromYear: 2028, toYear: 2028) { total { sum { value } } } } }`;
const placesThrough = async (url: string): Promise<number> => {
  const { body } = await hub.query(PLACES, {}, { url });
  expect(body.errors).toBeUndefined();
  return body.data.territorialUnit.trainingPlaces.total.sum.value;
};

describe.skipIf(!onPostgres)("two replicas of a subgraph", () => {
  it("a write through one changes the statistic the other keeps within a second", async () => {
    const before = await placesThrough(throughSecond.graphqlUrl);
    // kept now by the second replica (asked again: no SQL), and the same through the first
    expect(await placesThrough(throughSecond.graphqlUrl)).toBe(before);
    expect(await placesThrough(hub.gateway.graphqlUrl)).toBe(before);

    const token = hub.token({ sub: "anna", role: "partner", partnerId: owner.id });
    const programme = await hub.query(
      `mutation($input: TrainingProgrammeInput!) { createTrainingProgramme(input: $input) { id } }`,
      { input: { title: "Spawanie metodą MAG", targetGroups: ["UNDER_30"], form: "TRAINING", fundingSource: "LABOUR_FUND", hours: 120, costPerParticipant: "2400.00" } },
      { token },
    );
    const edition = await hub.query(
      `mutation($p: ID!, $input: TrainingEditionInput!) { createTrainingEdition(programmeId: $p, input: $input) { id } }`,
      { p: programme.body.data.createTrainingProgramme.id, input: { startsOn: "2028-03-01", endsOn: "2028-03-20", municipalityCode: "2401011", capacity: 12, status: "PLANNED" } },
      { token },
    );
    expect(edition.body.errors).toBeUndefined();
    const written = performance.now();
    let seen = before;
    while (seen === before && performance.now() - written < 1_000) {
      seen = await placesThrough(throughSecond.graphqlUrl);
      if (seen === before) await new Promise((r) => setTimeout(r, 25));
    }
    console.log(`the other replica served the new figure ${Math.round(performance.now() - written)} ms after the write`);
    expect(seen, "the other replica's statistic within 1 s").toBe(before + 12);
  });
});
