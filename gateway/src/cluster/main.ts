/**
 * `pnpm start:cluster`: the whole hub as replicas on one machine, behind
 * HAProxy, on PostgreSQL and Redis (issue #13, item 5) — the shape it has on
 * several machines, for trying it out and for measuring the balancer's cost.
 * On 2 cores this is not faster than `pnpm start`: it shows the topology.
 *
 *   DATABASE_URL     PostgreSQL base URL (default postgres://postgres@127.0.0.1:5432/bdp)
 *   REDIS_URL        Redis (default redis://127.0.0.1:6379)
 *   CLUSTER_GATEWAYS gateway replicas (default 2)
 *   CLUSTER_REPLICAS replicas of each core subgraph (default 2, at most 9)
 *
 * The balancer listens on 4000 (the gateway's usual port), each subgraph's
 * frontend on the port its supergraph URL names, replicas beside them
 * (`clusterLayout`), HAProxy's statistics page on 4099. The example plugins
 * run once each and are admitted through the balancer, as any plugin is.
 * Everything else (AUTH_JWT_SECRET, RATE_LIMIT_*, LOG_LEVEL, …) is passed on.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { Redis } from "ioredis";
import { createLogger, maintenanceUrl, newSigningKey } from "@bdp/kit/server";
import { DEV_SECRET, signDevToken } from "../auth/jwt.js";
import { DASHBOARD_CLIENT, DASHBOARD_MANIFEST } from "../documents/manifest.js";
import { pluginEnvironment } from "../plugins/launch.js";
import { readSupergraph, supergraphSubgraphs } from "../supergraph.js";
import { startCluster } from "./cluster.js";
import { clusterLayout, haproxyInstalled } from "./haproxy.js";
import { examplePlugins, startService, type ServiceProcess } from "./processes.js";

const log = createLogger("cluster");
const fail = (message: string): never => {
  log.error(message);
  process.exit(1);
};
const count = (name: string, fallback: number, max: number): number => {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) fail(`${name}=${raw}: a whole number from 1 to ${max}`);
  return value;
};

const databaseUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/bdp";
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const gateways = count("CLUSTER_GATEWAYS", 2, 9);
const replicas = count("CLUSTER_REPLICAS", 2, 9);
if (!haproxyInstalled()) fail("HAProxy is not installed: apt-get install haproxy (the cluster runs behind it)");
await reachable("PostgreSQL", databaseUrl, async () => {
  const client = new pg.Client({ connectionString: maintenanceUrl(databaseUrl), connectionTimeoutMillis: 3_000 });
  await client.connect();
  await client.end();
});
await reachable("Redis", redisUrl, async () => {
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 3_000, maxRetriesPerRequest: 0 });
  try {
    await redis.connect();
    await redis.ping();
  } finally {
    redis.disconnect();
  }
});

const started = performance.now();
const plugins = examplePlugins();
const signingKey = process.env.HUB_SIGNING_KEY || newSigningKey();
const layout = clusterLayout({ gateways, replicas, subgraphs: supergraphSubgraphs(readSupergraph()) });
const workDir = mkdtempSync(join(tmpdir(), "bdp-cluster-"));
const cluster = await startCluster({
  layout,
  databaseUrl,
  redisUrl,
  signingKey,
  workDir,
  log,
  env: {
    ...process.env,
    // the catalogue reads the example plugins' feeds on loopback, and the gateways reach them there
    PLUGIN_ALLOWED_ADDRESSES: [process.env.PLUGIN_ALLOWED_ADDRESSES, ...plugins.map((p) => new URL(p.url).host)].filter(Boolean).join(","),
  },
}).catch((error: unknown) => fail(`the cluster did not start: ${error instanceof Error ? error.message : String(error)}`));

const extra: ServiceProcess[] = [];
const stop = async () => {
  await Promise.all(extra.map((p) => p.stop()));
  await cluster.close();
  rmSync(workDir, { recursive: true, force: true });
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());

/** The coordinator's administration through the balancer, as `pnpm plugin` and `pnpm documents` use it. */
const admin = async (method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
  const now = Math.floor(Date.now() / 1000);
  const token = signDevToken({ sub: "cluster-launcher", role: "coordinator", iat: now, exp: now + 300 }, process.env.AUTH_JWT_SECRET || DEV_SECRET);
  const response = await fetch(`${cluster.url}${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
};

const documents = await admin("PUT", `/admin/documents/${DASHBOARD_CLIENT}`, JSON.parse(readFileSync(DASHBOARD_MANIFEST, "utf8")));
if (documents.status !== 200) log.warn("the dashboard's documents were not registered", { status: documents.status });
const inGraph = new Set(((await admin("GET", "/admin/plugins")).body.plugins ?? []).map((p: { slug: string }) => p.slug));
const pluginLines: string[] = [];
for (const plugin of plugins) {
  try {
    const { key } = (await admin("GET", `/admin/plugins/${plugin.slug}/key`)).body as { key: string };
    const port = Number(new URL(plugin.url).port);
    const env = pluginEnvironment({ ...process.env, DATABASE_URL: databaseUrl }, { slug: plugin.slug, port, signingKey: key, dataDir: join(workDir, plugin.slug) });
    const running = await startService(plugin.slug, plugin.dir, env);
    extra.push(running);
    if (inGraph.has(plugin.slug)) {
      pluginLines.push(`  plugin   ${plugin.slug.padEnd(20)} ${running.url}  in the graph`);
      continue;
    }
    const admitted = await admin("POST", "/admin/plugins", { url: running.url, ownerPartnerId: plugin.ownerPartnerId });
    pluginLines.push(`  plugin   ${plugin.slug.padEnd(20)} ${running.url}  ${admitted.status === 201 ? "admitted" : `refused (${admitted.status})`}`);
  } catch (error) {
    log.warn("example plugin did not start", { plugin: plugin.slug, error: String(error) });
  }
}

process.stdout.write(
  [
    "",
    `bdp-hub cluster is up in ${((performance.now() - started) / 1000).toFixed(1)} s: ${gateways} gateways and ${replicas} replicas of each subgraph behind HAProxy, on PostgreSQL and Redis`,
    `  GraphQL:   ${cluster.graphqlUrl}  (the balancer)`,
    `  Explorer:  ${cluster.url}/explorer/`,
    `  HAProxy:   http://${layout.stats!.host}:${layout.stats!.port}/  (every replica's state)`,
    ...cluster.gateways.map((g) => `  ${g.name.padEnd(18)} ${g.url}`),
    ...Object.entries(cluster.subgraphs).map(([name, rs]) => `  ${name.padEnd(18)} ${cluster.subgraphUrl(name)} → ${rs.map((r) => r.port).join(", ")}`),
    ...pluginLines,
    "A replica that dies is started again. Ctrl-C stops everything.",
    "",
  ].join("\n"),
);

async function reachable(what: string, url: string, check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    const at = new URL(url);
    fail(`${what} does not answer at ${at.host} (${error instanceof Error ? error.message : String(error)}): start it, or set ${what === "Redis" ? "REDIS_URL" : "DATABASE_URL"}`);
  }
}
