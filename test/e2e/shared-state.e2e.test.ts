import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GatewayOptions, RunningGateway } from "@bdp/gateway";
import type { RunningSubgraph } from "@bdp/kit/server";
import { definition as template, manifest } from "@bdp/plugin-template";
import { freshTarget } from "../src/databases.js";
import { startTestHub, type TestHub } from "../src/hub.js";
import { startPrivateRedis, type PrivateRedis } from "../src/private-redis.js";

/**
 * Gateway replicas sharing their state in Redis (issue #13, item 1): two
 * gateways over one set of subgraphs, real HTTP, the machine's Redis (keys
 * under a prefix of this file's own). A caller over the rate limit is refused
 * by whichever replica it reaches, and a persisted query registered through
 * one is found through the other. Redis away (a private server, killed):
 * every request is still answered, the limit holds per replica and a
 * persisted query is a miss; Redis back, it is shared again. And one
 * supergraph for every replica (item 2): a plugin admitted through one
 * gateway is served by the others within seconds (told through Redis, or
 * found by polling the registry), and a gateway started afterwards is not
 * ready until it serves it.
 */
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const LIMIT = { perMinute: 30, burst: 5 };
let hub: TestHub;
const replicas: RunningGateway[] = [];
/** The keys of this file's replicas in the machine's Redis: nothing another run left is found. */
const sharedPrefix = prefix();

/** One more gateway over the hub's subgraphs, as a second replica would be. */
async function replica(options: Partial<GatewayOptions>): Promise<RunningGateway> {
  const gateway = await hub.replica({ rateLimit: LIMIT, ...options });
  replicas.push(gateway);
  return gateway;
}

beforeAll(async () => {
  hub = await startTestHub("e2e_shared_state", { redisUrl: REDIS_URL, redisKeyPrefix: sharedPrefix, rateLimit: LIMIT });
});
afterAll(async () => {
  for (const r of replicas) await r.close();
  await hub?.close();
});

function prefix(): string {
  return `bdp-test:${randomBytes(4).toString("hex")}:`;
}

async function post(gateway: RunningGateway, body: unknown, token?: string) {
  const response = await fetch(gateway.graphqlUrl, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}

const persistedBody = (query: string) => ({ persistedQuery: { version: 1, sha256Hash: createHash("sha256").update(query).digest("hex") } });

describe("two gateway replicas sharing Redis", () => {
  let a: RunningGateway;
  let b: RunningGateway;
  beforeAll(async () => {
    a = hub.gateway;
    b = await replica({ redisUrl: REDIS_URL, redisKeyPrefix: sharedPrefix });
  });

  it("refuse the request over the limit whichever of them receives it", async () => {
    // the same caller, alternating between the replicas: five in all, not five each
    const token = hub.token({ sub: `limited-${randomBytes(3).toString("hex")}`, role: "analyst" });
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT.burst; i++) statuses.push((await post(i % 2 ? b : a, { query: "{ __typename }" }, token)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    for (const over of [a, b]) {
      const refused = await post(over, { query: "{ __typename }" }, token);
      expect(refused.status, "over the limit on either replica").toBe(429);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    }
    // another caller is not held back by the first one's use
    expect((await post(b, { query: "{ __typename }" }, hub.token({ sub: "someone-else", role: "analyst" }))).status).toBe(200);
  });

  it("find through one a persisted query registered through the other", async () => {
    const query = `query SharedHash { partners(first: 2) { totalCount nodes { name } } }`;
    const ext = persistedBody(query);
    const token = hub.token({ sub: `apq-${randomBytes(3).toString("hex")}`, role: "analyst" });
    const unknown = await post(b, { extensions: ext }, token);
    // a hash nobody registered under this file's prefix
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const registered = await post(a, { query, extensions: ext }, token);
    expect(registered.body.errors).toBeUndefined();
    const found = await post(b, { extensions: ext }, token);
    expect(found.body).toEqual(registered.body);
  });
});

describe("Redis away", () => {
  let redis: PrivateRedis;
  let c: RunningGateway;
  beforeAll(async () => {
    redis = await startPrivateRedis();
    c = await replica({ redisUrl: redis.url, redisKeyPrefix: prefix() });
  });
  afterAll(async () => redis?.stop());

  it("answers all the same: the limit holds per replica, a persisted query is a miss, readiness says it is degraded, and all is shared again once Redis is back", async () => {
    const ready = async () => {
      const response = await fetch(`${c.url}/health/ready`);
      return { status: response.status, body: (await response.json()) as { sharedState?: { store: string; redis?: string }; degraded?: string[] } };
    };
    expect((await ready()).body).toMatchObject({ sharedState: { store: "redis", redis: "connected" } });
    expect((await ready()).body.degraded).toBeUndefined();
    const query = `query WhileAway { partners(first: 1) { totalCount } }`;
    const extensions = persistedBody(query);
    const anyone = () => hub.token({ sub: `away-${randomBytes(3).toString("hex")}`, role: "analyst" });
    expect((await post(c, { query, extensions }, anyone())).body.errors).toBeUndefined();
    expect((await post(c, { extensions }, anyone())).body.errors, "kept in Redis").toBeUndefined();

    await redis.stop();
    const token = anyone();
    const statuses: number[] = [];
    const started = performance.now();
    for (let i = 0; i < LIMIT.burst + 1; i++) statuses.push((await post(c, { query: "{ __typename }" }, token)).status);
    console.log(`with Redis away: ${statuses.length} requests in ${Math.round(performance.now() - started)} ms`);
    expect(statuses, "the replica's own limiter holds the line").toEqual([200, 200, 200, 200, 200, 429]);
    const miss = await post(c, { extensions }, anyone());
    expect(miss.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const sent = await post(c, { query, extensions }, anyone());
    expect(sent.body.errors, "the query sent again is answered").toBeUndefined();
    const metrics = await (await fetch(`${c.url}/metrics`)).text();
    expect(metrics).toMatch(/bdp_gateway_shared_state_errors_total\{store="[a-z-]+"\} [1-9]/);
    // still ready (a balancer keeps sending it traffic), and saying what it runs on
    const away = await ready();
    expect(away.status).toBe(200);
    expect(away.body).toMatchObject({ sharedState: { store: "redis", redis: "unreachable" }, degraded: ["redis"] });

    await redis.start();
    // back: registered again, found again (the clients reconnect by themselves)
    let found = false;
    for (let i = 0; i < 50 && !found; i++) {
      await post(c, { query, extensions }, anyone());
      found = (await post(c, { extensions }, anyone())).body.errors === undefined;
      if (!found) await new Promise((r) => setTimeout(r, 200));
    }
    expect(found).toBe(true);
    // readiness reads the limiter's connection, which reconnects on its own schedule (up to 2 s apart)
    let back = await ready();
    for (let i = 0; i < 50 && back.body.sharedState?.redis !== "connected"; i++) {
      await new Promise((r) => setTimeout(r, 200));
      back = await ready();
    }
    expect(back.body).toMatchObject({ sharedState: { store: "redis", redis: "connected" } });
    expect(back.body.degraded).toBeUndefined();
  });
});

describe("one supergraph for every replica", () => {
  const pluginTarget = freshTarget("e2e_shared_plugin");
  let plugin: RunningSubgraph | undefined;
  afterAll(async () => {
    await plugin?.close();
    await pluginTarget.drop([manifest.slug]);
  });

  const PLUGIN_OFFERS = `{ offers(first: 5, filter: { pluginSlugs: ["template"] }) { totalCount nodes { title template { schedule } } } }`;
  /** Asks as a caller of its own each time (the rate limit of this file is small). */
  const ask = (gateway: RunningGateway) =>
    fetch(gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${hub.token({ sub: `reader-${randomBytes(4).toString("hex")}`, role: "analyst" })}` },
      body: JSON.stringify({ query: PLUGIN_OFFERS }),
    }).then(async (r) => ({ version: r.headers.get("x-bdp-supergraph-version"), body: (await r.json()) as { data?: any; errors?: unknown[] } }));
  const servesPlugin = async (gateway: RunningGateway) => {
    const { body } = await ask(gateway);
    return !body.errors && body.data.offers.totalCount > 0;
  };

  it("a plugin admitted through one gateway is served by every other within 5 s, and a gateway started afterwards serves it from its first request", async () => {
    // no polling: only the word through Redis can tell it
    const told = await replica({ redisUrl: REDIS_URL, redisKeyPrefix: sharedPrefix, rateLimit: { perMinute: 100_000, burst: 10_000 }, supergraphPollMs: 0 });
    // no Redis: it finds the change by reading the registry every 2 s
    const polling = await hub.replica({ supergraphPollMs: 2_000 });
    replicas.push(polling);
    await Promise.all([told.plugins!.whenLoaded, polling.plugins!.whenLoaded]);
    expect(await servesPlugin(told)).toBe(false);

    plugin = await hub.startPlugin(template, manifest, pluginTarget.target);
    const admitted = performance.now();
    const versionOnA = (await ask(hub.gateway)).version;
    const within: Record<string, number> = {};
    await Promise.all(
      Object.entries({ told, polling }).map(async ([name, gateway]) => {
        while (!(await servesPlugin(gateway)) && performance.now() - admitted < 5_000) await new Promise((r) => setTimeout(r, 50));
        within[name] = Math.round(performance.now() - admitted);
      }),
    );
    console.log("the plugin served after its admission elsewhere, ms:", within);
    expect(await servesPlugin(told), "told through Redis").toBe(true);
    expect(await servesPlugin(polling), "found by polling").toBe(true);
    expect(within.told).toBeLessThan(5_000);
    expect(within.polling).toBeLessThan(5_000);
    expect((await ask(told)).version).toBe(versionOnA);
    expect((await ask(polling)).version).toBe(versionOnA);

    // started afterwards: not ready until it serves the registry's supergraph, and then the plugin from the first request
    const later = await hub.replica({ redisUrl: REDIS_URL, redisKeyPrefix: sharedPrefix });
    replicas.push(later);
    let ready: { status: number; body: any } = { status: 0, body: null };
    for (let i = 0; i < 100 && ready.status !== 200; i++) {
      const r = await fetch(`${later.url}/health/ready`);
      ready = { status: r.status, body: await r.json() };
      if (ready.status !== 200) await new Promise((r) => setTimeout(r, 50));
    }
    expect(ready.status).toBe(200);
    expect(ready.body.supergraph).toEqual({ version: Number(versionOnA) });
    const first = await ask(later);
    expect(first.body.errors, "the first request after ready").toBeUndefined();
    expect(first.body.data.offers.totalCount).toBeGreaterThan(0);
    expect(first.version).toBe(versionOnA);
  });
});
