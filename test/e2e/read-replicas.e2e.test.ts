import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningGateway } from "@bdp/gateway";
import { postgresDatabase, startSubgraph, type DatabaseTarget, type RunningSubgraph } from "@bdp/kit/server";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { definition as training } from "@bdp/training";
import { startTestHub, type TestHub } from "../src/hub.js";
import { postgresBinaries, startPrivatePostgres, type PrivatePostgresWithReplicas, type PrivateReplica } from "../src/private-postgres.js";
import { sleep } from "../src/load.js";

/**
 * Reads on a PostgreSQL streaming replica (issue #13, item 4): a private
 * primary started from the machine's binaries and a hot standby made from it
 * with `pg_basebackup -R`; the hub's subgraphs read from the standby, write
 * to the primary. With the standby's replay paused (as far behind as a test
 * wants), a change made behind the hub's back is not seen: the standby
 * answers. A caller's own write is seen at once, through either of two
 * replicas of the training subgraph (each behind a gateway of its own, the
 * gateways sharing Redis): the caller's write position travels with its
 * next requests. A statistic after a write is computed from the primary. A
 * standby that stops costs no read.
 *
 * PostgreSQL only (the CI stage with DATABASE_URL), and only where the
 * server binaries are.
 */
const run = Boolean(process.env.DATABASE_URL) && Boolean(postgresBinaries());
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const owner = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;
let primary: PrivatePostgresWithReplicas;
let standby: PrivateReplica;
let target: DatabaseTarget;
let hub: TestHub;
let second: RunningSubgraph;
let throughSecond: RunningGateway;

beforeAll(async () => {
  if (!run) return;
  primary = await startPrivatePostgres();
  standby = await primary.startReplica();
  target = { kind: "postgres", url: primary.url, replicaUrls: [standby.url] };
  const shared = { redisUrl: REDIS_URL, redisKeyPrefix: `bdp-test:${randomBytes(4).toString("hex")}:` };
  hub = await startTestHub("e2e_read_replicas", shared, { target });
  second = await startSubgraph(training, { target, port: 0, seed: true, signingKey: hub.signingKey, registerUrl: hub.subgraphs.partners!.graphqlUrl });
  throughSecond = await hub.replica({ ...shared, subgraphUrls: { ...Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.graphqlUrl])), training: second.graphqlUrl } });
}, 240_000);
afterAll(async () => {
  await throughSecond?.close();
  await second?.close();
  await hub?.close();
  primary?.stop();
});

/** A training replica's counters: reads by where they were answered (and why the primary), statements the standby answered. */
async function reads(subgraph: RunningSubgraph): Promise<{ replica: number; mutation: number; callerWrite: number; replicasBehind: number; standbyStatements: number }> {
  const text = await (await fetch(`${subgraph.url}/metrics`)).text();
  const n = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? NaN);
  return {
    replica: n(/bdp_subgraph_reads_total\{[^}]*to="replica"\} (\d+)/),
    mutation: n(/bdp_subgraph_reads_total\{[^}]*reason="mutation"\} (\d+)/),
    callerWrite: n(/bdp_subgraph_reads_total\{[^}]*reason="caller-write"\} (\d+)/),
    replicasBehind: n(/bdp_subgraph_reads_total\{[^}]*reason="replicas-behind"\} (\d+)/),
    standbyStatements: n(/bdp_subgraph_replica_sql_statements_total\{[^}]*\} (\d+)/),
  };
}

/** Until the hub's training replicas read from the standby again (it has replayed every write they know of). */
async function standbyInUse(subgraph: RunningSubgraph, through: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const before = (await reads(subgraph)).replica;
    await hub.query(`{ trainingProgrammes(first: 1) { totalCount } }`, {}, { url: through, token: analyst() });
    if ((await reads(subgraph)).replica > before) return;
    await sleep(50);
  }
  throw new Error("the standby never took the reads");
}

const analyst = () => hub.token({ sub: `analityk-${randomBytes(3).toString("hex")}`, role: "analyst" });
const PROGRAMME = `query($id: ID!) { trainingProgramme(id: $id) { id title } }`;

describe.skipIf(!run)("on a streaming read replica", () => {
  it("reads are answered by the standby: a change made behind the hub's back shows only once the standby replays it", async () => {
    await standbyInUse(hub.subgraphs.training!, hub.gateway.graphqlUrl);
    const { body } = await hub.query(`{ trainingProgrammes(first: 1, orderBy: { field: TITLE, direction: ASC }) { nodes { id title } } }`, {}, { token: analyst() });
    const { id, title } = body.data.trainingProgrammes.nodes[0];
    await standby.pauseReplay();
    const client = new pg.Client({ connectionString: postgresDatabase(target as Extract<DatabaseTarget, { kind: "postgres" }>, "training").url });
    await client.connect();
    await client.query("update training_programme set title = $1 where id = $2", [`${title} (zmieniony)`, id]);
    await client.end();
    const before = await reads(hub.subgraphs.training!);
    const paused = await hub.query(PROGRAMME, { id }, { token: analyst() });
    expect(paused.body.data.trainingProgramme.title, "the standby, paused, has not replayed the change").toBe(title);
    const after = await reads(hub.subgraphs.training!);
    expect(after.replica).toBe(before.replica + 1);
    expect(after.standbyStatements).toBeGreaterThan(before.standbyStatements);

    await standby.resumeReplay();
    let seen = title;
    for (let i = 0; i < 100 && seen === title; i++) {
      seen = (await hub.query(PROGRAMME, { id }, { token: analyst() })).body.data.trainingProgramme.title;
      if (seen === title) await sleep(20);
    }
    expect(seen).toBe(`${title} (zmieniony)`);
  });

  it("a caller reads its own write at once through either replica of the subgraph, and a statistic after it counts it, while the standby lags", async () => {
    await standbyInUse(second, throughSecond.graphqlUrl);
    const PLACES = `{ territorialUnit(code: "2401011") { trainingPlaces(fromYear: 2028, toYear: 2028) { total { sum { value } } } } }`;
    const places = async () => (await hub.query(PLACES, {}, { token: analyst() })).body.data.territorialUnit.trainingPlaces.total.sum.value as number;
    const placesBefore = await places();
    await standby.pauseReplay();
    try {
      const partner = hub.token({ sub: `anna-${randomBytes(3).toString("hex")}`, role: "partner", partnerId: owner.id });
      const created = await hub.query(
        `mutation($input: TrainingProgrammeInput!) { createTrainingProgramme(input: $input) { id title } }`,
        { input: { title: "Operator koparko-ładowarki", targetGroups: ["UNDER_30"], form: "TRAINING", fundingSource: "LABOUR_FUND", hours: 150, costPerParticipant: "3800.00" } },
        { token: partner },
      );
      expect(created.body.errors).toBeUndefined();
      const id = created.body.data.createTrainingProgramme.id as string;

      // its next request, through the other gateway to the other replica of the subgraph
      const before = await reads(second);
      const mine = await hub.query(PROGRAMME, { id }, { url: throughSecond.graphqlUrl, token: partner });
      expect(mine.body.data.trainingProgramme, "the caller's own write, on the other replica").toEqual({ id, title: "Operator koparko-ładowarki" });
      expect((await reads(second)).callerWrite, "sent to the primary for the caller's write").toBe(before.callerWrite + 1);

      // the replica that wrote counts it in what it computes and keeps
      const edition = await hub.query(
        `mutation($p: ID!, $input: TrainingEditionInput!) { createTrainingEdition(programmeId: $p, input: $input) { id } }`,
        { p: id, input: { startsOn: "2028-04-01", endsOn: "2028-04-20", municipalityCode: "2401011", capacity: 9, status: "PLANNED" } },
        { token: partner },
      );
      expect(edition.body.errors).toBeUndefined();
      expect(await places(), "the statistic, computed from the primary").toBe(placesBefore + 9);
    } finally {
      await standby.resumeReplay();
    }
    // caught up, reads go back to the standby
    await standbyInUse(second, throughSecond.graphqlUrl);
  });

  it("a standby that stops costs no read: its reads go to the primary", async () => {
    standby.stop();
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) {
      const { body } = await hub.query(`{ trainingProgrammes(first: 3) { totalCount nodes { title } } }`, {}, { token: analyst() });
      outcomes.push(body.errors ? String(body.errors[0].extensions?.code) : "OK");
    }
    expect(outcomes.filter((o) => o !== "OK")).toEqual([]);
    const after = await reads(hub.subgraphs.training!);
    expect(after.replicasBehind).toBeGreaterThan(0);
  });
});
