import { createHash, randomBytes } from "node:crypto";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haproxyInstalled, readSupergraph, signDevToken, startCluster, supergraphSubgraphs, type BalancerLayout, type RunningCluster } from "@bdp/gateway";
import { createLogger, encodeIdentity, freePort, newSigningKey, signRequest, startSubgraph, type Identity, type RunningSubgraph } from "@bdp/kit/server";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { definition as template, manifest } from "@bdp/plugin-template";
import { freshTarget } from "../src/databases.js";
import { TEST_JWT_SECRET } from "../src/hub.js";
import { sleep } from "../src/load.js";

/**
 * The hub beyond one machine, on one (issue #13, "Done means"): the cluster
 * `pnpm start:cluster` runs — two gateway replicas and two replicas of every
 * core subgraph, each a process of its own, behind Debian's HAProxy, on
 * PostgreSQL and Redis — started by the same code on free ports. Nothing is
 * in this process but the test and, for the plugin case, the plugin.
 *
 * PostgreSQL only (the replicas of a subgraph share its database), and only
 * where HAProxy is installed (.ci/run installs it).
 */
const onPostgres = Boolean(process.env.DATABASE_URL);
const haproxy = haproxyInstalled();
if (!haproxy) console.log("HAProxy is not installed (apt-get install haproxy): the cluster test is skipped");
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const RATE = { perMinute: 300, burst: 20 };
const owner = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;
const SUBGRAPHS = supergraphSubgraphs(readSupergraph()).map((s) => s.name);

let cluster: RunningCluster;
let signingKey: string;
let layout: BalancerLayout;
const databases = freshTarget("e2e_cluster");
const workDir = mkdtempSync(join(tmpdir(), "bdp-cluster-test-"));
const logFile = join(workDir, "cluster.log");
let logFd: number | undefined;

/** Ports for everything, each once. */
async function freeLayout(): Promise<BalancerLayout> {
  const taken = new Set<number>();
  const port = async (): Promise<number> => {
    for (;;) {
      const p = await freePort();
      if (!taken.has(p)) return taken.add(p), p;
    }
  };
  const host = "127.0.0.1";
  const server = async (name: string) => ({ name, host, port: await port() });
  return {
    bind: { host, port: await port() },
    source: "127.0.0.2",
    gateways: [await server("gateway-1"), await server("gateway-2")],
    subgraphs: await Promise.all(SUBGRAPHS.map(async (name) => ({ name, bind: { host, port: await port() }, replicas: [await server(`${name}-1`), await server(`${name}-2`)] }))),
  };
}

beforeAll(async () => {
  if (!onPostgres || !haproxy) return;
  signingKey = newSigningKey();
  layout = await freeLayout();
  logFd = openSync(logFile, "a");
  cluster = await startCluster({
    layout,
    databaseUrl: (databases.target as { url: string }).url,
    redisUrl: REDIS_URL,
    signingKey,
    workDir,
    log: createLogger("cluster-test"),
    output: logFd,
    env: {
      ...process.env,
      LOG_LEVEL: "warn",
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      REDIS_KEY_PREFIX: `bdp-test:${randomBytes(4).toString("hex")}:`,
      RATE_LIMIT_PER_MINUTE: String(RATE.perMinute),
      RATE_LIMIT_BURST: String(RATE.burst),
      // the test's plugin runs on loopback
      PLUGIN_ALLOWED_ADDRESSES: "127.0.0.1",
      TRUSTED_DOCUMENTS: "off",
    },
  });
}, 300_000);
afterAll(async () => {
  await cluster?.close();
  if (logFd !== undefined) closeSync(logFd);
  await databases.drop(SUBGRAPHS);
  rmSync(workDir, { recursive: true, force: true });
}, 60_000);

/** The cluster's own output, for a failure's message. */
const lastLog = (lines = 40) => readFileSync(logFile, "utf8").split("\n").slice(-lines).join("\n");

/** A token of a caller of its own (the cluster's rate limit is small), acting for PUP Będzin, or an analyst. */
function token(role: "partner" | "analyst" | "coordinator" = "analyst", sub = `${role}-${randomBytes(4).toString("hex")}`): string {
  const now = Math.floor(Date.now() / 1000);
  return signDevToken({ sub, role, ...(role === "partner" ? { partnerId: owner.id } : {}), iat: now, exp: now + 600 }, TEST_JWT_SECRET);
}

interface Answer {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function post(url: string, body: unknown, bearer?: string): Promise<Answer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as Answer["body"] };
  } catch {
    return { status: response.status, body: { errors: [{ message: text.slice(0, 200), extensions: { code: `HTTP ${response.status}` } }] } };
  }
}

/** A GraphQL request straight to one subgraph replica, signed as the gateway signs it. */
async function askReplica(url: string, subgraph: string, query: string, variables: Record<string, unknown> = {}, identity: Identity = { kind: "anonymous" }): Promise<Answer> {
  const body = JSON.stringify({ query, variables });
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...signRequest(signingKey, encodeIdentity(identity), { method: "POST", path: "/graphql", audience: subgraph, body }) },
    body,
  });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

const gatewayGraphql = (i: number) => `${cluster.gateways[i]!.url}/graphql`;

const CREATE_PROGRAMME = `mutation($input: TrainingProgrammeInput!) { createTrainingProgramme(input: $input) { id title } }`;
const programmeInput = (title: string) => ({ title, targetGroups: ["UNDER_30"], form: "TRAINING", fundingSource: "LABOUR_FUND", hours: 40, costPerParticipant: "1200.00" });

describe.skipIf(!onPostgres || !haproxy)("the hub as a cluster behind HAProxy", () => {
  it("a write through one gateway replica is read through the other, and by every replica of the subgraph", async () => {
    const title = `Obsługa wózków widłowych ${randomBytes(3).toString("hex")}`;
    const created = await post(gatewayGraphql(0), { query: CREATE_PROGRAMME, variables: { input: programmeInput(title) } }, token("partner"));
    expect(created.body.errors, lastLog()).toBeUndefined();
    const id = created.body.data.createTrainingProgramme.id as string;
    const read = await post(gatewayGraphql(1), { query: `query($id: ID!) { trainingProgramme(id: $id) { title provider { name } } }`, variables: { id } }, token());
    expect(read.body.data?.trainingProgramme).toEqual({ title, provider: { name: owner.name } });
    for (const replica of cluster.subgraphs.training!) {
      const direct = await askReplica(replica.url, "training", `query($id: ID!) { trainingProgramme(id: $id) { title } }`, { id });
      expect(direct.body.data?.trainingProgramme, replica.name).toEqual({ title });
    }
  });

  it("a statistic changes on every replica of the subgraph within 1 s of a write", async () => {
    const PLACES = `{ _entities(representations: [{ __typename: "TerritorialUnit", code: "2401011" }]) { ... on TerritorialUnit { trainingPlaces(fromYear: 2028, toYear: 2028) { total { sum { value } } } } } }`;
    const places = async (url: string) => {
      const answer = await askReplica(url, "training", PLACES);
      expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
      return answer.body.data._entities[0].trainingPlaces.total.sum.value as number;
    };
    const replicas = cluster.subgraphs.training!;
    // computed and kept by each replica now
    const before = await Promise.all(replicas.map((r) => places(r.url)));
    expect(new Set(before).size).toBe(1);
    const partner = token("partner");
    const programme = await post(cluster.graphqlUrl, { query: CREATE_PROGRAMME, variables: { input: programmeInput("Spawanie metodą MAG") } }, partner);
    const edition = await post(
      cluster.graphqlUrl,
      {
        query: `mutation($p: ID!, $input: TrainingEditionInput!) { createTrainingEdition(programmeId: $p, input: $input) { id } }`,
        variables: { p: programme.body.data.createTrainingProgramme.id, input: { startsOn: "2028-03-01", endsOn: "2028-03-20", municipalityCode: "2401011", capacity: 12, status: "PLANNED" } },
      },
      partner,
    );
    expect(edition.body.errors).toBeUndefined();
    const written = performance.now();
    const seenAfter = await Promise.all(
      replicas.map(async (r) => {
        while (performance.now() - written < 1_000) {
          if ((await places(r.url)) === before[0]! + 12) return Math.round(performance.now() - written);
          await sleep(20);
        }
        return null;
      }),
    );
    console.log("the new figure on each training replica, ms after the write:", Object.fromEntries(replicas.map((r, i) => [r.name, seenAfter[i]])));
    expect(seenAfter.every((ms) => ms !== null), "every replica within 1 s").toBe(true);
  });

  it("refuses the request over the rate limit whichever gateway replica receives it", async () => {
    const caller = token("analyst");
    const statuses: number[] = [];
    // through the balancer, which sends them to both replicas in turn
    for (let i = 0; i < RATE.burst; i++) statuses.push((await post(cluster.graphqlUrl, { query: "{ __typename }" }, caller)).status);
    expect(statuses.every((s) => s === 200), String(statuses)).toBe(true);
    for (const i of [0, 1]) {
      const refused = await post(gatewayGraphql(i), { query: "{ __typename }" }, caller);
      expect(refused.status, `gateway-${i + 1}`).toBe(429);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    }
    expect((await post(cluster.graphqlUrl, { query: "{ __typename }" }, caller)).status, "through the balancer").toBe(429);
    expect((await post(cluster.graphqlUrl, { query: "{ __typename }" }, token())).status, "another caller").toBe(200);
  });

  it("finds a persisted query registered through one gateway replica through the other", async () => {
    const query = `query Persisted${randomBytes(3).toString("hex")} { partners(first: 1) { totalCount } }`;
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } };
    expect((await post(gatewayGraphql(1), { extensions }, token())).body.errors?.[0]?.extensions?.code, "unknown at first").toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await post(gatewayGraphql(0), { query, extensions }, token())).body.errors).toBeUndefined();
    const found = await post(gatewayGraphql(1), { extensions }, token());
    expect(found.body.errors).toBeUndefined();
    expect(found.body.data.partners.totalCount).toBeGreaterThan(0);
  });

  describe("a plugin", () => {
    const pluginTarget = freshTarget("e2e_cluster_plugin");
    let plugin: RunningSubgraph | undefined;
    let later: Awaited<ReturnType<RunningCluster["startGateway"]>> | undefined;
    afterAll(async () => {
      await later?.stop();
      await plugin?.close();
      await pluginTarget.drop([manifest.slug]);
    });

    const OFFERS = `{ offers(first: 5, filter: { pluginSlugs: ["template"] }) { totalCount nodes { title template { schedule } } } }`;
    const serves = async (graphqlUrl: string) => {
      const answer = await post(graphqlUrl, { query: OFFERS }, token());
      return !answer.body.errors && answer.body.data?.offers?.totalCount > 0 && answer.body.data.offers.nodes.every((n: { template: unknown }) => n.template);
    };

    it("admitted through one gateway is served by every replica within 5 s, and by a gateway started afterwards from its first request", async () => {
      const admin = (method: string, path: string, body?: unknown) =>
        fetch(`${cluster.gateways[0]!.url}/admin/plugins${path}`, {
          method,
          headers: { "content-type": "application/json", authorization: `Bearer ${token("coordinator")}` },
          body: body === undefined ? undefined : JSON.stringify(body),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
      const { key } = (await admin("GET", `/${manifest.slug}/key`)).body as { key: string };
      plugin = await startSubgraph(template, { target: pluginTarget.target, port: 0, seed: true, signingKey: key });
      const admitted = await admin("POST", "", { url: plugin.graphqlUrl, ownerPartnerId: manifest.ownerPartnerId });
      expect(admitted.status, JSON.stringify(admitted.body)).toBe(201);
      const at = performance.now();
      const servedAfter = await Promise.all(
        [0, 1].map(async (i) => {
          while (performance.now() - at < 5_000) {
            if (await serves(gatewayGraphql(i))) return Math.round(performance.now() - at);
            await sleep(50);
          }
          return null;
        }),
      );
      console.log("the plugin served by each gateway replica, ms after its admission:", servedAfter);
      expect(servedAfter.every((ms) => ms !== null), "both replicas within 5 s").toBe(true);

      later = await cluster.startGateway(await freePort(), "gateway-3");
      const url = new URL(later.url).origin;
      let ready = 0;
      for (let i = 0; i < 200 && ready !== 200; i++) {
        ready = (await fetch(`${url}/health/ready`)).status;
        if (ready !== 200) await sleep(50);
      }
      expect(ready).toBe(200);
      expect(await serves(later.url), "its first request").toBe(true);
    });
  });

  it("loses no acknowledged write when one replica of each kind is killed under load; only requests in flight at the kill fail", async () => {
    const OVERVIEW = `{ partners(first: 5) { nodes { name municipality { name } trainingProgrammes { title } activationProgrammes { name } initiatives { title } } } offers(first: 3) { totalCount } }`;
    const acknowledged: { id: string; title: string }[] = [];
    const requests: { kind: "read" | "write"; started: number; ended: number; outcome: string }[] = [];
    let killedAt = 0;
    const killed: string[] = [];
    const until = performance.now() + 9_000;
    const worker = async (kind: "read" | "write", w: number) => {
      for (let n = 0; performance.now() < until; n++) {
        const started = performance.now();
        let outcome: string;
        try {
          if (kind === "write") {
            const title = `Kurs ${w}-${n} ${randomBytes(2).toString("hex")}`;
            const answer = await post(cluster.graphqlUrl, { query: CREATE_PROGRAMME, variables: { input: programmeInput(title) } }, token("partner"));
            outcome = answer.status === 200 && !answer.body.errors ? "OK" : `${answer.body.errors?.[0]?.extensions?.code ?? `HTTP ${answer.status}`} ${answer.body.errors?.[0]?.message} ${JSON.stringify(answer.body.errors?.[0]?.extensions)}`;
            if (outcome === "OK") acknowledged.push({ id: answer.body.data.createTrainingProgramme.id, title });
          } else {
            const answer = await post(cluster.graphqlUrl, { query: OVERVIEW }, token());
            outcome = answer.status === 200 && !answer.body.errors ? "OK" : String(answer.body.errors?.[0]?.extensions?.code ?? `HTTP ${answer.status}`);
          }
        } catch (error) {
          outcome = `NO_ANSWER ${(error as Error).cause ?? (error as Error).message}`;
        }
        requests.push({ kind, started, ended: performance.now(), outcome });
      }
    };
    const load = Promise.all([worker("write", 1), worker("write", 2), worker("read", 3), worker("read", 4)]);
    await sleep(2_500);
    // one of each kind at once, as a machine going down would take them
    const victims = [cluster.gateways[0]!, ...SUBGRAPHS.map((name) => cluster.subgraphs[name]![0]!)];
    killedAt = performance.now();
    const exits = victims.map((v) => v.current()!.exited);
    for (const victim of victims) {
      victim.current()?.child.kill("SIGKILL");
      killed.push(victim.name);
    }
    // a process killed is gone only once the kernel has torn it down: until then its listening socket still
    // takes connections (which then break), so a request sent meanwhile reached a replica being killed
    await Promise.all(exits);
    const goneAt = performance.now();
    await load;

    const failed = requests.filter((r) => r.outcome !== "OK");
    const inFlight = failed.filter((r) => r.started <= goneAt && r.ended >= killedAt);
    const afterwards = failed.filter((r) => r.started > goneAt);
    const tally = (rs: typeof requests) => rs.reduce<Record<string, number>>((t, r) => ((t[`${r.kind} ${r.outcome}`] = (t[`${r.kind} ${r.outcome}`] ?? 0) + 1), t), {});
    console.log(`killed ${killed.join(", ")} under load:`, {
      sent: requests.length,
      outcomes: tally(requests),
      killTookMs: Math.round(goneAt - killedAt),
      inFlightAtTheKill: requests.filter((r) => r.started <= goneAt && r.ended >= killedAt).length,
      failedInFlight: inFlight.length,
      failedAfterwards: tally(afterwards),
      acknowledgedWrites: acknowledged.length,
    });
    const relative = afterwards.map((r) => ({ ...r, started: Math.round(r.started - goneAt), ended: Math.round(r.ended - goneAt) }));
    expect(relative, `failures of requests sent once the killed replicas were gone (ms from then)\n${lastLog()}`).toEqual([]);
    expect(failed.length).toBe(inFlight.length);
    expect(requests.filter((r) => r.started > goneAt && r.outcome === "OK").length, "answered after the kill").toBeGreaterThan(0);

    // every acknowledged write is there, read through the balancer (the killed replicas may be starting again)
    for (let i = 0; i < acknowledged.length; i += 20) {
      const batch = acknowledged.slice(i, i + 20);
      const query = `{ ${batch.map((w, j) => `p${j}: trainingProgramme(id: "${w.id}") { title }`).join(" ")} }`;
      const answer = await post(cluster.graphqlUrl, { query }, token());
      expect(answer.body.errors).toBeUndefined();
      batch.forEach((w, j) => expect(answer.body.data[`p${j}`], w.id).toEqual({ title: w.title }));
    }
    expect(acknowledged.length).toBeGreaterThan(0);

    // and the replicas killed come back, behind the balancer again
    await Promise.all(victims.map((v) => v.ready()));
    expect(victims.every((v) => v.restarts === 1 && v.current())).toBe(true);
  });
});
