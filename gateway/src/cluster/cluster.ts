/**
 * The whole hub as replicas on one machine (issue #13, item 5): every
 * service a process of its own, `replicas` of each core subgraph and
 * `gateways` gateways, all behind one HAProxy (Debian's) with the
 * configuration `haproxyConfig` makes. PostgreSQL keeps the data (each
 * subgraph's replicas share its database and tell each other of their
 * writes), Redis the gateways' shared state (rate limit, persisted queries,
 * word of supergraph changes). `pnpm start:cluster` runs it; the cluster
 * test (`test/e2e/cluster.e2e.test.ts`) runs the same code on free ports.
 *
 * A replica that dies is started again after a pause, as Kubernetes would;
 * meanwhile the balancer's readiness checks have taken it out.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { envName, type Logger } from "@bdp/kit/server";
import { haproxyConfig, type BalancerLayout, type Server } from "./haproxy.js";
import { GATEWAY_DIR, prepareServices, startService, subgraphDir, type ServiceProcess } from "./processes.js";

export interface ClusterOptions {
  /** Ports and names of everything; `subgraphs` must be set. */
  layout: BalancerLayout;
  /** The base URL each subgraph's database is named after (`<base>_<subgraph>`). */
  databaseUrl: string;
  redisUrl: string;
  /** Shared by the gateways and the subgraphs: every subgraph request is signed with it. */
  signingKey: string;
  /** What every service gets besides its own settings (AUTH_JWT_SECRET, LOG_LEVEL, RATE_LIMIT_*, REDIS_KEY_PREFIX, …). */
  env: NodeJS.ProcessEnv;
  /** Where the balancer's configuration is written. */
  workDir: string;
  log: Logger;
  /** The services' and the balancer's own output: the launcher's (default), none, or an open file (a test's log). */
  output?: "inherit" | "ignore" | number;
  /** Start a replica again when it dies (default true). */
  restart?: boolean;
}

/** One replica: the process serving now (a new one after a restart). */
export interface Replica {
  /** `gateway-1`, `training-2`, … as the balancer names it. */
  name: string;
  port: number;
  /** Its own origin, bypassing the balancer. */
  url: string;
  /** The process serving now; undefined while it is being started again. */
  current(): ServiceProcess | undefined;
  /** How many times it was started again. */
  restarts: number;
  /** Settles when a process of this replica is ready (now, or after its restart). */
  ready(): Promise<void>;
}

export interface RunningCluster {
  /** The balancer: where clients connect. */
  url: string;
  graphqlUrl: string;
  gateways: Replica[];
  subgraphs: Record<string, Replica[]>;
  /** A subgraph's frontend on the balancer (what the gateways call). */
  subgraphUrl(name: string): string;
  /** Another gateway on `port`, over the same subgraphs and Redis but not behind the balancer (a replica started later); the caller stops it. */
  startGateway(port: number, name?: string): Promise<ServiceProcess>;
  close(): Promise<void>;
}

const origin = (bind: { host: string; port: number }) => `http://${bind.host}:${bind.port}`;

export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const { layout, log } = options;
  const subgraphs = layout.subgraphs ?? [];
  if (!subgraphs.length) throw new Error("a cluster needs its subgraphs' replicas in the layout");
  const output = options.output ?? "inherit";
  await prepareServices(log);
  let closing = false;

  const frontends = Object.fromEntries(subgraphs.map((s) => [s.name, `${origin(s.bind)}/graphql`]));
  const common = { ...options.env, HUB_SIGNING_KEY: options.signingKey };
  const subgraphEnv = (name: string, server: Server): NodeJS.ProcessEnv => ({
    ...common,
    DATABASE_URL: options.databaseUrl,
    HOST: server.host,
    [`${envName(name)}_PORT`]: String(server.port),
    REPLICA: server.name,
    // the register through the balancer, as every other subgraph call; the training subgraph's calls for the catalogue too
    REGISTER_URL: frontends.partners,
    ...(frontends.training ? { TRAINING_URL: frontends.training } : {}),
  });
  const gatewayEnv = (server: Server): NodeJS.ProcessEnv => ({
    ...common,
    HOST: server.host,
    GATEWAY_PORT: String(server.port),
    REPLICA: server.name,
    REDIS_URL: options.redisUrl,
    // X-Forwarded-For believed from the balancer only
    TRUSTED_PROXIES: layout.source ?? "",
    ...Object.fromEntries(Object.entries(frontends).map(([name, url]) => [`${envName(name)}_URL`, url])),
  });

  /** A replica kept running: started again a second after it dies, until the cluster closes. */
  const supervise = (server: Server, start: () => Promise<ServiceProcess>): { replica: Replica; first: Promise<void> } => {
    let current: ServiceProcess | undefined;
    let readyNow: Promise<void>;
    const replica: Replica = {
      name: server.name,
      port: server.port,
      url: origin(server),
      current: () => current,
      restarts: 0,
      ready: () => readyNow,
    };
    const run = async (): Promise<void> => {
      current = await start();
      const serving = current;
      void serving.exited.then((code) => {
        if (closing || current !== serving) return;
        current = undefined;
        if (options.restart === false) return log.warn("replica exited", { replica: server.name, code });
        log.warn("replica exited; starting it again in 1 s", { replica: server.name, code });
        readyNow = new Promise((resolve) => setTimeout(resolve, 1_000)).then(async () => {
          if (closing) return;
          replica.restarts++;
          await run();
        });
        readyNow.catch((error: unknown) => log.error("replica did not start again", { replica: server.name, error: String(error) }));
      });
    };
    readyNow = run();
    return { replica, first: readyNow };
  };

  const started = performance.now();
  const replicas: Record<string, Replica[]> = {};
  const gateways: Replica[] = [];
  let balancer: ChildProcess | undefined;
  let balancerExited: Promise<void> = Promise.resolve();
  const close = async () => {
    closing = true;
    const all = [...gateways, ...Object.values(replicas).flat()];
    await Promise.all(all.map((r) => r.current()?.stop()));
    balancer?.kill("SIGTERM");
    await balancerExited;
  };
  try {
    // each subgraph's first replica makes its database (a copy of the prepared image) and migrates it;
    // the others then find both done
    const later: Promise<void>[] = [];
    await Promise.all(
      subgraphs.map(async ({ name, replicas: servers }) => {
        const replicate = (server: Server) => supervise(server, () => startService(server.name, subgraphDir(name), subgraphEnv(name, server), { output }));
        const first = replicate(servers[0]!);
        replicas[name] = [first.replica];
        await first.first;
        for (const server of servers.slice(1)) {
          const next = replicate(server);
          replicas[name]!.push(next.replica);
          later.push(next.first);
        }
      }),
    );
    await Promise.all(later);
    // the balancer once the subgraphs answer (its first checks find them up), before the gateways that call them through it
    mkdirSync(options.workDir, { recursive: true });
    const configPath = join(options.workDir, "haproxy.cfg");
    writeFileSync(configPath, haproxyConfig(layout));
    balancer = spawn("haproxy", ["-db", "-f", configPath], { stdio: ["ignore", output, output] });
    balancerExited = new Promise<void>((resolve) => balancer!.once("exit", () => resolve()));
    balancer.once("error", (error) => log.error("HAProxy did not start (apt-get install haproxy)", { error: error.message }));
    balancer.once("exit", (code) => closing || log.error("HAProxy exited", { code }));
    log.info("subgraph replicas ready", { replicas: Object.fromEntries(Object.entries(replicas).map(([n, r]) => [n, r.length])), ms: Math.round(performance.now() - started) });
    const starting = layout.gateways.map((server) => supervise(server, () => startService(server.name, GATEWAY_DIR, gatewayEnv(server), { output })));
    gateways.push(...starting.map((s) => s.replica));
    await Promise.all(starting.map((s) => s.first));
    // ready when the balancer itself has a gateway that is ready (its checks run every second)
    await waitUntil(async () => (await fetch(`${origin(layout.bind)}/health/ready`).catch(() => undefined))?.status === 200, 30_000, "the balancer found no ready gateway");
  } catch (error) {
    await close();
    throw error;
  }
  log.info("cluster ready", { url: origin(layout.bind), gateways: gateways.length, ms: Math.round(performance.now() - started) });

  return {
    url: origin(layout.bind),
    graphqlUrl: `${origin(layout.bind)}/graphql`,
    gateways,
    subgraphs: replicas,
    subgraphUrl: (name) => frontends[name]!,
    startGateway: (port, name = `gateway-extra-${port}`) => startService(name, GATEWAY_DIR, gatewayEnv({ name, host: layout.bind.host, port }), { output }),
    close,
  };
}

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, failure: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${failure} within ${timeoutMs / 1000} s`);
}
