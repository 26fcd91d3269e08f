/**
 * `pnpm bench` (issue #6, #14): our gateway beside Hive Gateway with its
 * JavaScript planner and with Hive Router's Rust planner, serving the same
 * supergraph against the same subgraphs on the same PostgreSQL data, one
 * after the other in one run, plus the subgraph called directly; with the
 * subgraphs' CPU per call. Prints one
 * markdown table and writes it to `bench-results/`.
 *
 *   pnpm bench [--partners 100000] [--small 1000] [--seconds 10] [--warmup 3] [--connections 20] [--only balancer]
 *
 * `--only gateways` runs the three gateways' rows alone (`--match "a;b"`
 * those whose operation holds `a` or `b`); `--only balancer`
 * the load balancer's rows alone (issue #13): our
 * gateway called directly, then one and two gateway replicas behind HAProxy,
 * on the same subgraphs and data, with the balancer's own CPU per request.
 *
 * Traffic stays on 127.0.0.1. Each measurement is bounded by `--seconds`;
 * the datasets are generated once (`pnpm generate`) and reused.
 */
import { fork, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { encodeIdentity, envName, newSigningKey, signRequest } from "@bdp/kit/server";
import { haproxyConfig, haproxyInstalled } from "@bdp/gateway";
import { generateDataset } from "./generate.js";
import { freePort } from "../src/ports.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SUPERGRAPH_PATH = `${ROOT}schema/supergraph.graphql`;
const SUBGRAPHS = ["partners", "labour-market", "training", "disability", "offers"];
const RUNNER = ["--conditions=source", "--import", "@swc-node/register/esm-register"];

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} takes a number`);
  return value;
}
const PARTNERS = option("partners", 100_000);
const SMALL = option("small", 1000);
const SECONDS = option("seconds", 10);
const WARMUP = option("warmup", 3);
const CONNECTIONS = option("connections", 20);
const ONLY = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
if (ONLY !== undefined && ONLY !== "balancer" && ONLY !== "gateways") throw new Error("--only takes: gateways, balancer");
/** `--match "offers search, every;overview"`: only the gateways' rows whose operation holds one of these. */
const MATCH = process.argv.includes("--match") ? process.argv[process.argv.indexOf("--match") + 1]!.split(";") : undefined;
const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/bdp";
const say = (line: string) => process.stderr.write(`${line}\n`);

/** The operations measured: what partners, analysts and front-end teams ask most. */
const OPERATIONS = {
  "single-subgraph list": `query List($first: Int, $after: String) { partners(first: $first, after: $after, filter: { sectors: [BUSINESS, NGO] }) { totalCount pageInfo { hasNextPage endCursor } nodes { id name sector status nip municipalityCode accededOn } } }`,
  "partner overview (4 subgraphs, 3 levels)": `query Overview($first: Int, $after: String) { partners(first: $first, after: $after) { nodes { id name sector municipality { name parent { name } } trainingProgrammes { title costPerParticipant editions { startsOn seatsLeft } } activationProgrammes { name instrument participantSummary { total { value suppressed } } } initiatives { title } } } }`,
  "offers search (2 subgraphs)": `query Offers($first: Int, $after: String) { offers(first: $first, after: $after, filter: { kinds: [JOB, TRAINEESHIP, TRAINING_PLACE], municipalityCode: "2401", validOn: "2026-12-01" }) { totalCount nodes { id title kind validThrough places partner { name sector } municipality { name } } } }`,
  "analyst statistics (4 subgraphs, every unit)": `query Statistics($fromYear: Int!, $toYear: Int!) { territorialUnits { code name
    activePartners(fromYear: $fromYear, toYear: $toYear) { periods { key } series { key values { value } } }
    trainingPlaces(fromYear: $fromYear, toYear: $toYear, measure: TAKEN) { total { values { value } } }
    trainingOutcomes(fromYear: $fromYear, toYear: $toYear) { series { key values { value suppressed } } }
    activationParticipants(fromYear: $fromYear, toYear: $toYear, by: DEGREE) { series { key values { value suppressed } } total { values { value suppressed } } } } }`,
} as const;
/** Which list each operation pages through (for the cursors of "every request different"). */
const LIST_OF: Partial<Record<OperationName, { field: string; filter?: string }>> = {
  "single-subgraph list": { field: "partners", filter: "filter: { sectors: [BUSINESS, NGO] }" },
  "partner overview (4 subgraphs, 3 levels)": { field: "partners" },
  "offers search (2 subgraphs)": { field: "offers", filter: 'filter: { kinds: [JOB, TRAINEESHIP, TRAINING_PLACE], municipalityCode: "2401", validOn: "2026-12-01" }' },
};
/**
 * Two kinds of traffic: every client asking for the same first page (as
 * public gateway benchmarks do; identical reads in flight may share a
 * subgraph request), and every request different — a different page of 20
 * (200 pages in turn, as people paging through a list), or for the
 * statistics a different span of years (55) — where sharing rarely helps.
 */
type Traffic = "same request" | "every request different";
const TRAFFIC: Traffic[] = ["same request", "every request different"];
const PAGES = 200;
/** The statistics are not a list: their variants are year ranges (2017–2026, every span of 1 to 10 years: 55 of them). */
const YEAR_RANGES = Array.from({ length: 10 }, (_, i) => 2017 + i).flatMap((from) => Array.from({ length: 2026 - from + 1 }, (_, k) => ({ fromYear: from, toYear: from + k })));
type Variables = Record<string, unknown>;
const pageVariables = (after: string | null): Variables => (after ? { first: 20, after } : { first: 20 });
const bodyOf = (query: string, variables: Variables) => JSON.stringify({ query, variables });
type OperationName = keyof typeof OPERATIONS;
/** The list's page without its count: what must stay flat as the table grows. */
const PAGE_ONLY = OPERATIONS["single-subgraph list"].replace("totalCount ", "");
const LIST_BODY = bodyOf(OPERATIONS["single-subgraph list"], pageVariables(null));


async function waitFor(url: string, seconds = 60): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

interface Service {
  name: string;
  child: ChildProcess;
  url: string;
  graphqlUrl: string;
}

async function startSubgraph(name: string, baseUrl: string, signingKey: string): Promise<Service> {
  const port = await freePort();
  const dir = `${ROOT}subgraphs/${name}`;
  const child = fork(`${dir}/src/main.ts`, [], {
    cwd: dir,
    execArgv: RUNNER,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: baseUrl, SEED: "false", LOG_LEVEL: "warn", HUB_SIGNING_KEY: signingKey, [`${envName(name)}_PORT`]: String(port) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/health/ready`);
  return { name, child, url, graphqlUrl: `${url}/graphql` };
}

type GatewayKind = "ours" | "hive" | "hive-rust";
const GATEWAY_NAMES: Record<GatewayKind, string> = { ours: "our gateway", hive: "Hive Gateway", "hive-rust": "Hive Gateway, Rust planner" };

async function startGatewayProcess(kind: GatewayKind, subgraphs: Service[], signingKey: string, name?: string): Promise<Service> {
  const port = await freePort();
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
    HUB_SIGNING_KEY: signingKey,
    // in production the gateway refuses to start on the development secret (issue #11); the load is anonymous
    AUTH_JWT_SECRET: newSigningKey(),
    SUPERGRAPH_PATH,
    GATEWAY_PORT: String(port),
    PORT: String(port),
    // the first analyst request computes ten years of every statistic cold (about 17 s at 100,000 partners on
    // 2 cores): the answers are compared, not timed, before the rows
    SUBGRAPH_TIMEOUT_MS: "60000",
    // the load comes from one address: no rate limit in the way
    RATE_LIMIT_PER_MINUTE: "100000000",
    RATE_LIMIT_BURST: "100000000",
  };
  for (const s of subgraphs) env[`${envName(s.name)}_URL`] = s.graphqlUrl;
  if (kind === "hive-rust") env.HIVE_ROUTER_RUNTIME = "true";
  const [cwd, script] = kind === "ours" ? [`${ROOT}gateway`, "src/main.ts"] : [`${ROOT}test`, "bench/hive-gateway.ts"];
  const child = spawn(process.execPath, [...RUNNER, script], { cwd, env, stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(kind === "ours" ? `${url}/health/ready` : `${url}/readiness`);
  return { name: name ?? GATEWAY_NAMES[kind], child, url, graphqlUrl: `${url}/graphql` };
}

/** Debian's HAProxy in front of gateway processes, with the configuration the hub deploys (gateway/src/cluster/haproxy.ts). */
async function startBalancer(gateways: Service[], name: string): Promise<Service & { dir: string }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "bdp-bench-haproxy-"));
  const layout = { bind: { host: "127.0.0.1", port }, gateways: gateways.map((g, i) => ({ name: `gateway-${i + 1}`, host: "127.0.0.1", port: Number(new URL(g.url).port) })) };
  writeFileSync(join(dir, "haproxy.cfg"), haproxyConfig(layout));
  const child = spawn("haproxy", ["-db", "-f", join(dir, "haproxy.cfg")], { stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/health/ready`);
  return { name, child, url, graphqlUrl: `${url}/graphql`, dir };
}

async function stop(service: Service): Promise<void> {
  if (service.child.exitCode !== null) return;
  const exited = new Promise((r) => service.child.once("exit", r));
  service.child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (service.child.exitCode === null) service.child.kill("SIGKILL");
}

/** CPU seconds a process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Resets a process's peak resident memory (Linux `clear_refs` 5), so each run reports its own peak. */
function resetPeak(pid: number): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
  } catch {
    /* not permitted: the peak then covers the process's life */
  }
}

function peakMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

/** The subgraphs' counters, summed: SQL statements and GraphQL requests (one read of each `/metrics`). */
async function subgraphCounters(subgraphs: Service[]): Promise<{ sql: number; calls: number }> {
  const totals = { sql: 0, calls: 0 };
  for (const s of subgraphs) {
    const text = await (await fetch(`${s.url}/metrics`)).text();
    totals.sql += Number(/bdp_subgraph_sql_statements_total\{[^}]*\} (\d+)/.exec(text)?.[1] ?? 0);
    totals.calls += Number(/bdp_subgraph_graphql_requests_total\{[^}]*\} (\d+)/.exec(text)?.[1] ?? 0);
  }
  return totals;
}

/** Headers a subgraph accepts when called directly: signed as the gateway would for that subgraph, valid once and for 30 s. */
function directHeaders(signingKey: string, subgraph: string, body: string): Record<string, string> {
  const identity = encodeIdentity({ kind: "anonymous" });
  return { "content-type": "application/json", ...signRequest(signingKey, identity, { method: "POST", path: "/graphql", audience: subgraph, body }) };
}

interface Row {
  operation: string;
  target: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  cpuMsPerRequest: number | null;
  /** HAProxy's own CPU per request, for the rows behind it. */
  balancerCpuMsPerRequest?: number;
  peakMb: number | null;
  sqlPerRequest: number;
  subgraphCallsPerRequest: number;
  /** The subgraph processes' CPU time over the GraphQL calls they answered. */
  subgraphCpuMsPerCall: number | null;
}

/** One request body with its headers: autocannon sends them in turn. */
interface Variant {
  body: string;
  /** Made for each request: a subgraph accepts a signature once (its nonce), so direct calls are signed one by one. */
  headers?: () => Record<string, string>;
}

/**
 * One row: `gateways` are the processes whose CPU and memory the row reports
 * (summed; the peak is the largest), `balancer` the HAProxy in front of them.
 */
async function measure(operation: string, target: Service, variants: Variant[], subgraphs: Service[], gateways: ChildProcess[] = [], balancer?: ChildProcess): Promise<Row> {
  let next = 0;
  const run = (seconds: number) =>
    autocannon({
      url: target.graphqlUrl,
      method: "POST",
      headers: json,
      body: variants[0]!.body,
      connections: CONNECTIONS,
      duration: seconds,
      pipelining: 1,
      requests: [
        {
          setupRequest: (request) => {
            const variant = variants[next++ % variants.length]!;
            return { ...request, body: variant.body, headers: variant.headers?.() ?? json };
          },
        },
      ],
    });
  if (WARMUP > 0) await run(WARMUP);
  const pids = gateways.map((g) => g.pid!);
  for (const pid of pids) resetPeak(pid);
  const cpu = () => pids.reduce((sum, pid) => sum + cpuSeconds(pid), 0);
  const cpuBefore = cpu();
  const balancerBefore = balancer ? cpuSeconds(balancer.pid!) : 0;
  const subgraphCpu = () => subgraphs.reduce((sum, s) => sum + cpuSeconds(s.child.pid!), 0);
  const subgraphCpuBefore = subgraphCpu();
  const before = await subgraphCounters(subgraphs);
  const result = await run(SECONDS);
  const after = await subgraphCounters(subgraphs);
  const subgraphCpuUsed = subgraphCpu() - subgraphCpuBefore;
  const requests = result.requests.total;
  const perRequest = (seconds: number) => Math.round((seconds * 1000 * 100) / Math.max(1, requests)) / 100;
  const row: Row = {
    operation,
    target: target.name,
    rps: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuMsPerRequest: pids.length ? perRequest(cpu() - cpuBefore) : null,
    ...(balancer ? { balancerCpuMsPerRequest: perRequest(cpuSeconds(balancer.pid!) - balancerBefore) } : {}),
    peakMb: pids.length ? Math.max(...pids.map(peakMb)) : null,
    // the metrics reads themselves take no SQL and are not GraphQL requests
    sqlPerRequest: Math.round(((after.sql - before.sql) / Math.max(1, requests)) * 100) / 100,
    subgraphCallsPerRequest: Math.round(((after.calls - before.calls) / Math.max(1, requests)) * 100) / 100,
    subgraphCpuMsPerCall: after.calls > before.calls ? Math.round(((subgraphCpuUsed * 1000) / (after.calls - before.calls)) * 100) / 100 : null,
  };
  say(`  ${operation} via ${target.name}: ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.errors} errors, ${row.sqlPerRequest} SQL/request`);
  return row;
}

/** JSON with keys sorted, so that two answers compare by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<{ data?: unknown; errors?: unknown }> {
  return (await (await fetch(url, { method: "POST", body, headers })).json()) as never;
}

const json = { "content-type": "application/json" };
const markdownRow = (cells: (string | number | null)[]) => `| ${cells.map((c) => (c === null ? "—" : String(c))).join(" | ")} |`;

/** The operations measured behind the balancer: the cheapest, where its cost shows most, and the overview. */
const BALANCED: OperationName[] = ["single-subgraph list", "partner overview (4 subgraphs, 3 levels)"];
const DIRECT = "1 gateway, direct";

/**
 * Our gateway called directly, then one and two gateway replicas behind
 * HAProxy (its deployed configuration), on the same subgraphs, every request
 * different. On 2 cores a second replica adds no cores: these rows measure
 * what the balancer costs, not a speed-up.
 */
async function balancerRows(ours: Service, subgraphs: Service[], signingKey: string, variantsOf: (name: OperationName) => Variant[]): Promise<Row[]> {
  say("behind the load balancer");
  const second = await startGatewayProcess("ours", subgraphs, signingKey, "our gateway #2");
  const one = await startBalancer([ours], "1 gateway behind HAProxy");
  const two = await startBalancer([ours, second], "2 gateways behind HAProxy");
  const rows: Row[] = [];
  try {
    for (const name of BALANCED) {
      const operation = `${name}, every request different`;
      // the new gateway process warmed up as the first has been; the direct call measured first and last,
      // so that what warms up meanwhile (the database's caches, the JIT) does not pass for the balancer's effect
      await measure(operation, two, variantsOf(name), subgraphs);
      rows.push(await measure(operation, { ...ours, name: DIRECT }, variantsOf(name), subgraphs, [ours.child]));
      rows.push(await measure(operation, one, variantsOf(name), subgraphs, [ours.child], one.child));
      rows.push(await measure(operation, two, variantsOf(name), subgraphs, [ours.child, second.child], two.child));
      rows.push(await measure(operation, { ...ours, name: `${DIRECT}, again` }, variantsOf(name), subgraphs, [ours.child]));
    }
  } finally {
    for (const balancer of [one, two]) {
      await stop(balancer);
      rmSync(balancer.dir, { recursive: true, force: true });
    }
    await stop(second);
  }
  return rows;
}

function balancerTable(rows: Row[]): string[] {
  const lines = [
    "#### Behind the load balancer (HAProxy, the deployed configuration; on 2 cores this measures the balancer's cost, not a speed-up)",
    "",
    markdownRow(["operation", "target", "req/s", "p50 ms", "p99 ms", "errors", "gateways' CPU ms/req", "balancer CPU ms/req", "subgraph calls/req", "vs direct (mean of both)"]),
    markdownRow(["---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]),
  ];
  for (const row of rows) {
    // against the direct call's mean, measured before and after
    const directs = rows.filter((r) => r.operation === row.operation && r.target.startsWith(DIRECT));
    const direct = { rps: directs.reduce((t, r) => t + r.rps, 0) / directs.length, p50: directs.reduce((t, r) => t + r.p50, 0) / directs.length };
    const versus = directs.includes(row) ? null : `${(row.rps / direct.rps).toFixed(2)}× req/s, p50 ${row.p50 >= direct.p50 ? "+" : "−"}${Math.abs(row.p50 - direct.p50).toFixed(0)} ms`;
    lines.push(markdownRow([row.operation, row.target, row.rps, row.p50, row.p99, row.errors, row.cpuMsPerRequest, row.balancerCpuMsPerRequest ?? null, row.subgraphCallsPerRequest, versus]));
  }
  return lines;
}

async function main(): Promise<void> {
  const started = performance.now();
  say(`datasets: ${SMALL.toLocaleString("en")} and ${PARTNERS.toLocaleString("en")} partners on ${new URL(SERVER_URL).host}`);
  const small = ONLY !== undefined ? undefined : await generateDataset(SERVER_URL, SMALL, (l) => say(`  ${l}`));
  const large = await generateDataset(SERVER_URL, PARTNERS, (l) => say(`  ${l}`));
  const signingKey = newSigningKey();
  const rows: Row[] = [];
  const notes: string[] = [];

  const gatewayVariants = (query: string, variants: readonly Variables[]): Variant[] => variants.map((v) => ({ body: bodyOf(query, v) }));
  // signatures are valid 30 s: made just before each measurement
  const directVariants = (query: string, variants: readonly Variables[]): Variant[] =>
    variants.map((v) => {
      const body = bodyOf(query, v);
      return { body, headers: () => directHeaders(signingKey, "partners", body) };
    });

  // 1. the same list page on the small and the large dataset, from the subgraph directly:
  //    the page alone (keyset pagination on an index) and the page with its totalCount (a count of every match)
  const pageQueries = { "list page": PAGE_ONLY, "list page + totalCount": OPERATIONS["single-subgraph list"] };
  const pageAt: Record<string, Row[]> = {};
  for (const [label, dataset] of small ? ([[`${SMALL.toLocaleString("en")} partners`, small], [`${PARTNERS.toLocaleString("en")} partners`, large]] as const) : []) {
    say(`list page at ${label}`);
    const partners = await startSubgraph("partners", dataset.baseUrl, signingKey);
    try {
      for (const [what, query] of Object.entries(pageQueries)) {
        const row = await measure(`${what} at ${label}`, { ...partners, name: "partners subgraph, direct" }, directVariants(query, [pageVariables(null)]), [partners]);
        (pageAt[what] ??= []).push(row);
        rows.push(row);
      }
    } finally {
      await stop(partners);
    }
  }

  // 2. both gateways over the four subgraphs on the large dataset
  say(`starting the subgraphs on ${PARTNERS.toLocaleString("en")} partners`);
  const subgraphs = await Promise.all(SUBGRAPHS.map((name) => startSubgraph(name, large.baseUrl, signingKey)));
  const ours = await startGatewayProcess("ours", subgraphs, signingKey);
  const peers = ONLY === "balancer" ? [] : [await startGatewayProcess("hive", subgraphs, signingKey), await startGatewayProcess("hive-rust", subgraphs, signingKey)];
  const balanced: Row[] = [];
  try {
    // the variables each operation's traffic asks with: pages of a list, or year ranges of the statistics
    const pagesOf = {} as Record<OperationName, Record<Traffic, Variables[]>>;
    pagesOf["analyst statistics (4 subgraphs, every unit)"] = { "same request": [{ fromYear: 2022, toYear: 2026 }], "every request different": YEAR_RANGES };
    for (const [name, { field, filter }] of Object.entries(LIST_OF) as [OperationName, { field: string; filter?: string }][]) {
      const cursors: (string | null)[] = [null];
      while (cursors.length < PAGES) {
        const page = (await post(ours.graphqlUrl, JSON.stringify({ query: `query($after: String) { ${field}(first: 20, after: $after${filter ? `, ${filter}` : ""}) { pageInfo { endCursor hasNextPage } } }`, variables: { after: cursors.at(-1) } }), json)) as { data: Record<string, { pageInfo: { endCursor: string; hasNextPage: boolean } }> };
        const { endCursor, hasNextPage } = page.data[field]!.pageInfo;
        if (!hasNextPage) break;
        cursors.push(endCursor);
      }
      pagesOf[name] = { "same request": [pageVariables(null)], "every request different": cursors.map(pageVariables) };
    }
    // first: every gateway gives the same answers, for every page asked for
    for (const [name, query] of peers.length ? (Object.entries(OPERATIONS) as [OperationName, string][]) : []) {
      for (const { body } of gatewayVariants(query, pagesOf[name]["every request different"])) {
        const a = await post(ours.graphqlUrl, body, json);
        for (const peer of peers) {
          const b = await post(peer.graphqlUrl, body, json);
          if (a.errors || b.errors || canonical(a.data) !== canonical(b.data)) {
            say(`responses differ for "${name}" (${body.slice(-20)}):\n  ours: ${canonical(a).slice(0, 400)}\n  ${peer.name}: ${canonical(b).slice(0, 400)}`);
            process.exitCode = 1;
            return;
          }
        }
      }
    }
    const direct = await post(subgraphs[0]!.graphqlUrl, LIST_BODY, directHeaders(signingKey, "partners", LIST_BODY));
    const viaGateway = await post(ours.graphqlUrl, LIST_BODY, json);
    if (canonical(direct.data) !== canonical(viaGateway.data)) throw new Error("the list differs between the subgraph and the gateway");
    if (peers.length) notes.push("The three gateways returned the same data for every operation and variant, and the list matched the subgraph's own answer.");

    // the gateways take turns on the 2 cores: one runs while the other idles
    for (const traffic of peers.length ? TRAFFIC : []) {
      for (const [name, query] of Object.entries(OPERATIONS) as [OperationName, string][]) {
        const operation = `${name}, ${traffic}`;
        if (MATCH && !MATCH.some((m) => operation.includes(m))) continue;
        const pages = pagesOf[name][traffic];
        say(operation);
        rows.push(await measure(operation, ours, gatewayVariants(query, pages), subgraphs, [ours.child]));
        for (const peer of peers) rows.push(await measure(operation, peer, gatewayVariants(query, pages), subgraphs, [peer.child]));
        if (name === "single-subgraph list") rows.push(await measure(operation, { ...subgraphs[0]!, name: "partners subgraph, direct" }, directVariants(query, pages), subgraphs));
      }
    }

    // 3. behind the load balancer (issue #13): the same gateway called directly, then one and two replicas behind HAProxy
    if (ONLY === "gateways") notes.push("The load balancer's rows were not asked for (--only gateways).");
    else if (haproxyInstalled()) balanced.push(...(await balancerRows(ours, subgraphs, signingKey, (name) => gatewayVariants(OPERATIONS[name], pagesOf[name]["every request different"]))));
    else notes.push("HAProxy is not installed (apt-get install haproxy): the load balancer's rows were not measured.");
  } finally {
    await stop(ours);
    for (const peer of peers) await stop(peer);
    await Promise.all(subgraphs.map(stop));
  }

  // the table, with ratios against the peer (Hive Gateway), or against the direct call
  const lines = [
    `### bdp-hub benchmark — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    `Node ${process.version}, ${(await import("node:os")).cpus().length} cores; ${CONNECTIONS} connections, ${WARMUP} s warm-up then ${SECONDS} s per row; data: ${PARTNERS.toLocaleString("en")} generated partners with their programmes, enrolments and participants (${Object.entries(large.counts).map(([t, n]) => `${t} ${n.toLocaleString("en")}`).join(", ") || "generated earlier"}).`,
    "",
  ];
  if (rows.length) {
    lines.push(
      markdownRow(["operation", "target", "req/s", "p50 ms", "p99 ms", "errors", "gateway CPU ms/req", "gateway peak MB", "subgraph calls/req", "subgraph CPU ms/call", "SQL/req", "ratio"]),
      markdownRow(["---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]),
    );
  }
  const peerOf = (row: Row, kind: GatewayKind) => rows.find((r) => r.operation === row.operation && r.target === GATEWAY_NAMES[kind]);
  for (const row of rows) {
    let ratio: string | null = null;
    const [hive, rust] = [peerOf(row, "hive"), peerOf(row, "hive-rust")];
    if (row.target === GATEWAY_NAMES.ours && hive && rust) ratio = `${(row.rps / hive.rps).toFixed(2)}× Hive, ${(row.rps / rust.rps).toFixed(2)}× Hive Rust`;
    if (row.target === "partners subgraph, direct" && row.operation.startsWith("single-subgraph list")) {
      const oursRow = rows.find((r) => r.operation === row.operation && r.target === "our gateway")!;
      ratio = `gateway ${(oursRow.rps / row.rps).toFixed(2)}× direct`;
    }
    lines.push(markdownRow([row.operation, row.target, row.rps, row.p50, row.p99, row.errors, row.cpuMsPerRequest, row.peakMb, row.subgraphCallsPerRequest, row.subgraphCpuMsPerCall, row.sqlPerRequest, ratio]));
  }
  lines.push("", ...notes.map((n) => `- ${n}`));
  for (const [what, [smallPage, largePage]] of Object.entries(pageAt)) {
    lines.push(`- ${what}, p50 at ${PARTNERS.toLocaleString("en")} partners / at ${SMALL.toLocaleString("en")}: ${(largePage!.p50 / Math.max(smallPage!.p50, 1)).toFixed(2)}×, throughput ${(largePage!.rps / smallPage!.rps).toFixed(2)}× (SQL per request ${smallPage!.sqlPerRequest} and ${largePage!.sqlPerRequest}).`);
  }
  if (balanced.length) lines.push("", ...balancerTable(balanced));
  lines.push(`- Run took ${Math.round((performance.now() - started) / 1000)} s.`);
  const table = lines.join("\n");
  process.stdout.write(`${table}\n`);
  mkdirSync(`${ROOT}bench-results`, { recursive: true });
  const file = `${ROOT}bench-results/bench-${new Date().toISOString().replace(/[:.]/g, "-")}.md`;
  writeFileSync(file, `${table}\n`);
  say(`written to ${file}`);
}

await main();
