import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { subgraphDatabaseUrl } from "@bdp/kit/server";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { startTestHub, type TestHub } from "../src/hub.js";
import { outcomeOf, runLoad, sleep } from "../src/load.js";
import { postgresBinaries, startPrivatePostgres, type PrivatePostgres } from "../src/private-postgres.js";

/**
 * PostgreSQL restarts while partners write (issue #7): every write the hub
 * acknowledged is stored afterwards, and the subgraphs reconnect by
 * themselves. The hub runs on a PostgreSQL server of this file's own, so the
 * restart disturbs no other test.
 */
const binaries = postgresBinaries();
let server: PrivatePostgres;
let hub: TestHub;
let token: string;
const owner = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;

beforeAll(async () => {
  if (!binaries) return;
  server = await startPrivatePostgres();
  hub = await startTestHub("load_pg_restart", {}, { target: { kind: "postgres", url: server.url } });
  token = hub.token({ sub: "anna", role: "partner", partnerId: owner.id, exp: Math.floor(Date.now() / 1000) + 3600 });
});
afterAll(async () => {
  await hub?.close();
  server?.stop();
});

const CREATE = `mutation($input: TrainingProgrammeInput!) { createTrainingProgramme(input: $input) { id } }`;
const input = (n: number) => ({ title: `Kurs odporności nr ${n}`, targetGroups: ["UNDER_30"], form: "TRAINING", fundingSource: "LABOUR_FUND", hours: 10 + (n % 50), costPerParticipant: "100.00" });

async function storedIds(ids: string[]): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: subgraphDatabaseUrl(server.url, "training").url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>("select id from training_programme where id = any($1::uuid[])", [ids]);
    return new Set(rows.map((r) => r.id));
  } finally {
    await client.end();
  }
}

describe.skipIf(!binaries)("PostgreSQL restarted under a write load", () => {
  it("loses no acknowledged write, answers every request with a coded error or data, and recovers by itself", async () => {
    const acknowledged: string[] = [];
    let restarted = false;
    const load = await runLoad({
      seconds: 12,
      concurrency: 6,
      async request(_, n) {
        const answer = await hub.query(CREATE, { input: input(n) }, { token });
        const id = answer.body.data?.createTrainingProgramme?.id;
        if (id) acknowledged.push(id);
        return outcomeOf(answer);
      },
      async onTick(elapsed) {
        if (elapsed !== 3) return;
        await server.restart();
        restarted = true;
      },
    });
    expect(restarted).toBe(true);

    // the hub finds its way back without help: a write goes through again
    let after = "";
    for (let attempt = 0; attempt < 20 && after !== "OK"; attempt++) {
      const answer = await hub.query(CREATE, { input: input(1_000_000 + attempt) }, { token });
      after = outcomeOf(answer);
      if (after === "OK") acknowledged.push(answer.body.data.createTrainingProgramme.id);
      else await sleep(250);
    }
    const stored = await storedIds(acknowledged);
    const lost = acknowledged.filter((id) => !stored.has(id));
    console.log("writes during a PostgreSQL restart:", { sent: load.sent, outcomes: load.outcomes, acknowledged: acknowledged.length, stored: stored.size, lost: lost.length });

    expect(after).toBe("OK");
    expect(lost).toEqual([]);
    // the restart really cut the load: some writes failed, and they failed with a code
    expect(load.outcomes.OK).toBeGreaterThan(0);
    expect(load.sent - load.outcomes.OK!).toBeGreaterThan(0);
    expect(Object.keys(load.outcomes).every((o) => o === "OK" || o === "DATABASE_UNAVAILABLE")).toBe(true);
    // and the database readiness came back
    expect((await fetch(`${hub.gateway.url}/health/ready`)).status).toBe(200);
  });
});
