import { createServer, type Server } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSubgraph } from "@bdp/kit/server";
import { readSupergraph, startGateway, type RunningGateway } from "@bdp/gateway";
import { definition as disability } from "@bdp/disability";
import { freshTarget } from "../src/databases.js";
import { TEST_JWT_SECRET, startTestHub, type TestHub } from "../src/hub.js";

/** Partial failure (issue #7): timeouts, circuit breakers, a subgraph that comes and goes. */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub("e2e_resilience", { resilience: { timeoutMs: 800, breakerThreshold: 2, breakerCooldownMs: 1500 } });
});
afterAll(async () => {
  await hub?.close();
});

const MIXED = `{ partners(first: 3) { nodes { name activationProgrammes { name } } } }`;
const errorsOf = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => (body.errors ?? []).map((e) => [e.extensions?.code, e.extensions?.subgraph, e.extensions?.reason]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a subgraph that goes away and comes back", () => {
  it("answers core fields while it is down, fails fast once the breaker opens, and recovers with no gateway restart", async () => {
    const port = hub.subgraphs.disability!.service.port;
    await hub.subgraphs.disability!.close();

    const down = await hub.query(MIXED);
    expect(down.body.data.partners.nodes).toHaveLength(3);
    expect(errorsOf(down.body)[0]!.slice(0, 2)).toEqual(["SUBGRAPH_UNAVAILABLE", "disability"]);
    await hub.query(MIXED); // second failure: the breaker opens
    const fast = await hub.query(MIXED);
    expect(errorsOf(fast.body)[0]).toEqual(["SUBGRAPH_UNAVAILABLE", "disability", "circuit open"]);
    expect(await (await fetch(`${hub.gateway.url}/metrics`)).text()).toMatch(/bdp_gateway_circuit_open\{subgraph="disability"\} 1/);

    // the subgraph comes back on the same address (fresh database, the same seed)
    const { target, drop } = freshTarget("e2e_resilience_back");
    const back = await startSubgraph(disability, { target, port, seed: true, signingKey: hub.signingKey });
    try {
      await sleep(1600); // the breaker's cooldown
      const recovered = await hub.query(MIXED);
      expect(recovered.body.errors).toBeUndefined();
      expect(recovered.body.data.partners.nodes).toHaveLength(3);
    } finally {
      await back.close();
      await drop(["disability"]);
    }
  });
});

describe("a subgraph that hangs", () => {
  let blackhole: Server;
  let gateway: RunningGateway;

  beforeAll(async () => {
    // accepts connections and never answers
    blackhole = createServer(() => {});
    await new Promise<void>((r) => blackhole.listen(0, "127.0.0.1", r));
    const hangingUrl = `http://127.0.0.1:${(blackhole.address() as AddressInfo).port}/graphql`;
    gateway = await startGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: { ...Object.fromEntries(Object.values(hub.subgraphs).map((s) => [s.name, s.graphqlUrl])), training: hangingUrl },
      port: 0,
      signingKey: hub.signingKey,
      jwt: { secret: TEST_JWT_SECRET },
      resilience: { timeoutMs: 500, breakerThreshold: 5, breakerCooldownMs: 1000 },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    blackhole?.close();
  });

  it("is given up after its timeout; the other subgraphs' fields still arrive", async () => {
    const started = Date.now();
    const { body } = await hub.query(`{ partners(first: 2) { nodes { name trainingProgrammes { title } } } }`, {}, { url: gateway.graphqlUrl });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(body.data.partners.nodes.map((n: { name: string }) => n.name)).toHaveLength(2);
    expect(errorsOf(body)[0]).toEqual(["SUBGRAPH_UNAVAILABLE", "training", "no answer within 500 ms"]);
  });

  it("started while a subgraph was unreachable, the gateway serves what it can", async () => {
    // degraded, not unready (a balancer would gain nothing by taking it out: every replica shares the subgraph)
    const ready = await fetch(`${gateway.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { status: string }).status).toBe("degraded");
    const { body } = await hub.query(`{ partners(first: 1) { totalCount } }`, {}, { url: gateway.graphqlUrl });
    expect(body.errors).toBeUndefined();
    expect(body.data.partners.totalCount).toBeGreaterThan(0);
  });
});
