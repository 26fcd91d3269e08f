import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { startTestHub, type TestHub } from "../src/hub.js";
import { outcomeOf, runLoad, tally } from "../src/load.js";

/**
 * A mixed read/write load for about a minute (issue #7; `LOAD_SECONDS`
 * changes it): no 5xx and no unexpected error, no acknowledged write lost,
 * and the heap of the process serving gateway and subgraphs stable once warm.
 */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const WARM_UP = Math.min(15, Math.floor(SECONDS / 4));
let hub: TestHub;
const writer = DEMO_PARTNERS.find((p) => p.key === "pup-dabrowa")!;
let token: string;
beforeAll(async () => {
  hub = await startTestHub("load_mixed");
  token = hub.token({ sub: "load", role: "partner", partnerId: writer.id, exp: Math.floor(Date.now() / 1000) + 3600 });
});
afterAll(async () => {
  await hub?.close();
});

const READS = [
  `{ partners(first: 20) { totalCount nodes { name sector municipality { name } trainingProgrammes { title editions { seatsLeft } } activationProgrammes { name participantSummary { total { value suppressed } } } initiatives { title } } } }`,
  `{ trainingProgrammes(first: 50, orderBy: { field: COST, direction: DESC }) { totalCount pageInfo { endCursor } nodes { title costPerParticipant provider { name } } } }`,
  `{ territorialUnit(code: "2465011") { name unemployment(fromYear: 2024) { period registeredUnemployed } trainingEditions { startsOn seatsLeft } activationProgrammes { name } labourMarketIssues { title } } }`,
  `{ initiatives(first: 10) { nodes { title cashContributionTotal agreement { role partner { name } } indicators { code progress { latestValue shareOfTarget } } } } }`,
];
const CREATE = `mutation($input: TrainingProgrammeInput!) { createTrainingProgramme(input: $input) { id version } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $hours: Int!) { updateTrainingProgramme(id: $id, version: $version, changes: { hours: $hours }) { version } }`;
const EDITION = `mutation($p: ID!) { createTrainingEdition(programmeId: $p, input: { startsOn: "2027-04-01", endsOn: "2027-04-20", municipalityCode: "2465011", capacity: 12, status: RECRUITING }) { id } }`;

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1048576);
}

describe("a mixed read/write load", () => {
  it(`runs ${SECONDS} s with no 5xx, no lost write and a stable heap`, async () => {
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe("function");
    const programmes = new Map<string, number>(); // acknowledged: id → hours last acknowledged
    const editions: string[] = [];
    let heapWarm = 0;
    const heapSeries: number[] = [];
    const load = await runLoad({
      seconds: SECONDS,
      concurrency: 8,
      async request(worker, n) {
        // workers 0–1 write, the rest read
        if (worker > 1) return outcomeOf(await hub.query(READS[n % READS.length]!));
        const step = n % 3;
        const known = [...programmes.keys()];
        if (step === 0 || known.length === 0) {
          const answer = await hub.query(CREATE, { input: { title: `Kurs pod obciążeniem ${n}`, targetGroups: ["OVER_50"], form: "TRAINING", fundingSource: "KFS", hours: 20, costPerParticipant: "300.00" } }, { token });
          const created = answer.body.data?.createTrainingProgramme;
          if (created) programmes.set(created.id, 20);
          return outcomeOf(answer);
        }
        const id = known[n % known.length]!;
        if (step === 1) {
          // read the version, then update from it: a CONFLICT is a legitimate answer when the other writer got there first
          const read = await hub.query(`query($id: ID!) { trainingProgramme(id: $id) { version } }`, { id });
          const hours = 20 + (n % 100);
          const answer = await hub.query(UPDATE, { id, version: read.body.data.trainingProgramme.version, hours }, { token });
          if (answer.body.data?.updateTrainingProgramme) programmes.set(id, hours);
          return outcomeOf(answer);
        }
        const answer = await hub.query(EDITION, { p: id }, { token });
        if (answer.body.data?.createTrainingEdition) editions.push(answer.body.data.createTrainingEdition.id);
        return outcomeOf(answer);
      },
      onTick(elapsed) {
        if (elapsed === WARM_UP) heapWarm = heapMb();
        if (elapsed % 5 === 0) heapSeries.push(heapMb());
      },
    });
    const heapEnd = heapMb();

    // every acknowledged write is there, with the value last acknowledged
    const stored = new Map<string, number>();
    const storedEditions = new Set<string>();
    let after: string | null = null;
    do {
      const { body }: { body: any } = await hub.query(`query($p: [ID!], $after: String) { trainingProgrammes(first: 100, after: $after, filter: { providerIds: $p }) { pageInfo { hasNextPage endCursor } nodes { id hours editions { id } } } }`, { p: [writer.id], after });
      for (const node of body.data.trainingProgrammes.nodes) {
        stored.set(node.id, node.hours);
        for (const edition of node.editions) storedEditions.add(edition.id);
      }
      after = body.data.trainingProgrammes.pageInfo.hasNextPage ? body.data.trainingProgrammes.pageInfo.endCursor : null;
    } while (after);
    const lostProgrammes = [...programmes].filter(([id]) => !stored.has(id)).length;
    const wrongValues = tally([...programmes].filter(([id, hours]) => stored.get(id) !== hours).map(() => "stale"));
    const rssMb = Math.round(process.memoryUsage().rss / 1048576);
    console.log(`mixed load, ${SECONDS} s:`, {
      sent: load.sent,
      perSecond: Math.round(load.sent / SECONDS),
      outcomes: load.outcomes,
      programmesAcknowledged: programmes.size,
      lostProgrammes,
      editionsAcknowledged: editions.length,
      editionsLost: editions.filter((id) => !storedEditions.has(id)).length,
      wrongValues,
      heapMb: { warm: heapWarm, series: heapSeries, end: heapEnd },
      rssMb,
    });

    expect(Object.keys(load.outcomes).filter((o) => o !== "OK" && o !== "CONFLICT")).toEqual([]);
    expect(load.outcomes.OK).toBeGreaterThan(SECONDS * 5);
    expect(lostProgrammes).toBe(0);
    expect(editions.filter((id) => !storedEditions.has(id))).toEqual([]);
    expect(wrongValues).toEqual({});
    // stable: after warming up, the heap grows by no more than a quarter (plus a little slack for caches filling)
    expect(heapEnd).toBeLessThan(heapWarm * 1.25 + 16);
  });
});
