import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envName, migrate, openOrm, runSeedOnce, type DatabaseTarget, type SubgraphDefinition } from "@bdp/kit/server";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { signDevToken } from "@bdp/gateway";
import { definition as courses } from "@bdp/plugin-ckz-bedzin-courses";
import { definition as jobs } from "@bdp/plugin-pup-bedzin-jobs";
import { CORE } from "../src/hub.js";
import { freePort } from "../src/ports.js";
import { outcomeOf, runLoad, sleep } from "../src/load.js";
import { tableContents } from "../src/tables.js";

/**
 * `pnpm start` on embedded PGlite cut off during its first start (issue #14,
 * item 5): by Ctrl-C (SIGINT to the whole process group, as a terminal sends
 * it) while the core migrates and seeds its images, by kill -9 while the data
 * directories are made from them, and by kill -9 while an example plugin
 * migrates and seeds its own; the start after each cut goes on from where it
 * stopped, and the next complete start has every table of every subgraph and
 * plugin as a fresh seed has it. Then kill -9 under a write load: every write
 * the hub acknowledged is there after the restart. The hub runs as `pnpm start` runs it, on free ports, with its data
 * and images in a folder of its own (HUB_DATA_DIR, IMAGE_DIR).
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "bdp-first-start-"));
const dataRoot = join(scratch, "data");
const imageRoot = join(scratch, "images");
const SECRET = "first-start-test-secret-of-32-bytes!";
const SEEDED: SubgraphDefinition<any>[] = [...CORE.filter((d) => d.seed), courses, jobs];
const PLUGINS = [courses.name, jobs.name];
let env: NodeJS.ProcessEnv;
/** Every seeded table of every subgraph and plugin, as migrating and seeding a new database leaves it. */
const reference: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  const ports: Record<string, string> = { GATEWAY_PORT: String(await freePort()) };
  for (const d of [...CORE, courses, jobs]) ports[`${envName(d.name)}_PORT`] = String(await freePort());
  env = { ...withoutHubSettings(process.env), ...ports, HUB_DATA_DIR: dataRoot, IMAGE_DIR: imageRoot,
    // the tables are compared with a fresh seed's: no deadline told by the clock (a seeded call may be closing on the day the test runs)
    DEADLINE_REMINDERS: "off", AUTH_JWT_SECRET: SECRET, LOG_LEVEL: "info", SHUTDOWN_DRAIN_MS: "0", RATE_LIMIT_PER_MINUTE: "100000", RATE_LIMIT_BURST: "10000" };
  for (const d of SEEDED) {
    const db = await openOrm({ subgraph: d.name, entities: d.entities, migrations: d.migrations, target: { kind: "pglite-memory" } });
    try {
      await migrate(db.orm);
      await runSeedOnce(db.orm.em.fork(), d.name, d.seed!);
      reference[d.name] = await tableContents(db.orm);
    } finally {
      await db.orm.close(true);
    }
  }
}, 180_000);

afterAll(async () => {
  await Promise.all(running.map((h) => h.kill("SIGKILL")));
  rmSync(scratch, { recursive: true, force: true });
});

/** The machine's settings that would take the hub off PGlite or off this test's folders. */
function withoutHubSettings(parent: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _d, DATA_DIR: _a, IMAGES: _i, ...rest } = parent;
  return rest;
}

interface LogEntry {
  service?: string;
  msg?: string;
  text: string;
}

const running: HubProcess[] = [];

/** `pnpm start` (the gateway package's `hub` script) as its own process group, its output read line by line. */
class HubProcess {
  readonly entries: LogEntry[] = [];
  private readonly child: ChildProcess;
  private readonly waiters: { test: (e: LogEntry) => boolean; resolve: (e: LogEntry) => void }[] = [];
  readonly exited: Promise<number | null>;

  constructor() {
    this.child = spawn(process.execPath, ["--conditions=source", "--import", "@swc-node/register/esm-register", "src/hub.ts"], {
      cwd: join(ROOT, "gateway"),
      env,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    running.push(this);
    let buffered = "";
    const read = (chunk: Buffer) => {
      buffered += chunk.toString();
      let nl: number;
      while ((nl = buffered.indexOf("\n")) >= 0) {
        const text = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        this.take(text);
      }
    };
    this.child.stdout!.on("data", read);
    this.child.stderr!.on("data", read);
    this.exited = new Promise((r) => this.child.once("exit", (code) => r(code)));
  }

  private take(text: string): void {
    let entry: LogEntry = { text };
    if (text.startsWith("{")) {
      try {
        const json = JSON.parse(text) as { service?: string; msg?: string };
        entry = { text, service: json.service, msg: json.msg };
      } catch {
        // not a log line
      }
    }
    this.entries.push(entry);
    for (const w of [...this.waiters]) {
      if (!w.test(entry)) continue;
      this.waiters.splice(this.waiters.indexOf(w), 1);
      w.resolve(entry);
    }
  }

  /** Resolves at the first line (already read or to come) that passes `test`. */
  until(test: (e: LogEntry) => boolean, what: string, timeoutMs = 150_000): Promise<LogEntry> {
    const seen = this.entries.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${what}" within ${timeoutMs} ms; last lines:\n${this.entries.slice(-15).map((e) => e.text).join("\n")}`)), timeoutMs);
      void this.exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`the hub exited (${code}) before "${what}"; last lines:\n${this.entries.slice(-15).map((e) => e.text).join("\n")}`));
      });
      this.waiters.push({ test, resolve: (e) => (clearTimeout(timer), resolve(e)) });
    });
  }

  /** Up, with both example plugins in the graph. */
  async ready(): Promise<void> {
    await this.until((e) => e.text.startsWith("bdp-hub is up"), "bdp-hub is up");
    for (const slug of PLUGINS) await this.until((e) => new RegExp(`^  plugin +${slug} .*(admitted|in the graph)`).test(e.text), `plugin ${slug} in the graph`);
  }

  /** Sends `signal` to the whole group (the hub, its subgraphs and plugins) and waits until every one of them is gone. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    const group = this.child.pid!;
    if (!groupAlive(group)) return;
    process.kill(-group, signal);
    for (let waited = 0; groupAlive(group); waited += 100) {
      if (waited === 20_000) process.kill(-group, "SIGKILL");
      if (waited > 30_000) throw new Error(`process group ${group} still running 30 s after ${signal}`);
      await sleep(100);
    }
  }
}

/** Whether any process of the group is still running (zombies, which a container's first process may never reap, are not). */
function groupAlive(group: number): boolean {
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp …: comm may hold spaces and parentheses, so read after the last ")"
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(pgrp) === group && state !== "Z" && state !== "X") return true;
  }
  return false;
}

const token = (claims: Record<string, unknown>) => signDevToken({ iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 3600, ...claims }, SECRET);
const gatewayUrl = () => `http://127.0.0.1:${env.GATEWAY_PORT}`;

async function graphql(query: string, variables: Record<string, unknown>, bearer: string) {
  const response = await fetch(`${gatewayUrl()}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${bearer}` }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

/** What the data directory of a stopped subgraph or plugin holds, table by table. */
async function storedContents(name: string): Promise<Record<string, string>> {
  const target: DatabaseTarget = { kind: "pglite", dataDir: join(dataRoot, name) };
  const d = SEEDED.find((s) => s.name === name)!;
  const db = await openOrm({ subgraph: name, entities: d.entities, migrations: d.migrations, target });
  try {
    return await tableContents(db.orm);
  } finally {
    await db.orm.close(true);
  }
}

/** Starts the hub and cuts the start off with `signal` at the first line that passes `at` (and `delayMs` later). */
async function cutAt(signal: NodeJS.Signals, what: string, at: (e: LogEntry) => boolean, delayMs = 0): Promise<void> {
  const cut = new HubProcess();
  await cut.until(at, what);
  if (delayMs) await sleep(delayMs);
  await cut.kill(signal);
  const leftovers = readdirSync(scratch, { recursive: true }).map(String).filter((f) => /\.partial-\d+$/.test(f));
  console.log(`${signal} at "${what}"${delayMs ? ` +${delayMs} ms` : ""}: ${cut.entries.length} lines, left behind: ${leftovers.join(", ") || "nothing"}`);
}

/** The next start: up, with both example plugins in the graph and in its registry (the catalogue's database came up whole too). */
async function nextStart(): Promise<HubProcess> {
  const whole = new HubProcess();
  const startedAt = Date.now();
  await whole.ready();
  console.log(`  next start: ${whole.entries.find((e) => e.text.startsWith("bdp-hub is up"))!.text}, plugins in the graph after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  const registry = await fetch(`${gatewayUrl()}/admin/plugins`, { headers: { authorization: `Bearer ${token({ sub: "koordynator", role: "coordinator" })}` } });
  const slugs = ((await registry.json()) as { plugins: { slug: string }[] }).plugins.map((p) => p.slug).sort();
  expect(slugs).toEqual([...PLUGINS].sort());
  return whole;
}

/** Stops the hub with Ctrl-C and finds every table of every subgraph and plugin (but those named) as a fresh seed has it. */
async function stoppedWhole(hub: HubProcess, after: string, except: readonly string[] = []): Promise<void> {
  await hub.kill("SIGINT");
  for (const d of SEEDED.filter((d) => !except.includes(d.name))) expect(await storedContents(d.name), `${d.name} after ${after}`).toEqual(reference[d.name]);
}

const building = (service: string) => (e: LogEntry) => e.service === service && e.msg?.startsWith("building the database image") === true;
const copying = (service: string) => (e: LogEntry) => e.service === service && e.msg?.startsWith("database copied from its image") === true;

// A start of the whole hub takes half a minute to a minute and a half here: the file keeps one cut per kind of
// moment, and both signals, and chains the cuts that can follow one another (the copy cut leaves the plugins
// without databases, so the start after it builds theirs, and is cut there); the write load kills the hub that
// chain brings up. The database images test covers a copy cut off half-way in detail.
describe("the embedded hub's first start, cut off", () => {
  it("by Ctrl-C while the core migrates and seeds its first images: the next start is whole", async () => {
    const what = "training: building the database image";
    await cutAt("SIGINT", what, building("training"), 1500);
    await stoppedWhole(await nextStart(), `SIGINT at "${what}"`);
  }, 300_000);

  let loaded: HubProcess | undefined;
  it("by kill -9 while the data directories are made from the images, then while a plugin migrates and seeds its first image: each next start goes on from there, and the last comes up whole", async () => {
    // no data directories, and no plugin databases or images (a plugin keeps its images beside its data)
    rmSync(dataRoot, { recursive: true, force: true });
    await cutAt("SIGKILL", "labour-market: database copied from its image", copying("labour-market"));
    // the start after the copy cut brings the core up, then builds the plugins' first images
    await cutAt("SIGKILL", `${jobs.name}: building the database image`, building(jobs.name), 300);
    loaded = await nextStart();
  }, 300_000);

  it("killed by kill -9 under a write load, keeps every write it acknowledged and opens again whole", async () => {
    expect(loaded, "the hub the last test brought up").toBeDefined();
    const acknowledged = await killedUnderWrites(loaded!);
    const again = new HubProcess();
    await again.ready();
    // the training subgraph has the writes besides its seed; everything else is as seeded
    await stoppedWhole(again, "the cuts, then kill -9 under writes", ["training"]);
    const db = await openOrm({ subgraph: "training", entities: SEEDED.find((d) => d.name === "training")!.entities, migrations: [], target: { kind: "pglite", dataDir: join(dataRoot, "training") } });
    try {
      const rows = await db.orm.em.getConnection().execute<{ id: string }[]>("select id from training_programme where id in (?)", [acknowledged]);
      expect(new Set(rows.map((r) => r.id)).size).toBe(acknowledged.length);
    } finally {
      await db.orm.close(true);
    }
  }, 300_000);
});

const owner = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;
const CREATE = `mutation($input: TrainingProgrammeInput!) { createTrainingProgramme(input: $input) { id } }`;
const input = (n: number) => ({ title: `Kurs po awarii nr ${n}`, targetGroups: ["UNDER_30"], form: "TRAINING", fundingSource: "LABOUR_FUND", hours: 10 + (n % 50), costPerParticipant: "100.00" });

/** Four writers for six seconds, kill -9 at the third: the ids of the writes the hub acknowledged before it. */
async function killedUnderWrites(hub: HubProcess): Promise<string[]> {
  const bearer = token({ sub: "anna", role: "partner", partnerId: owner.id });
  const acknowledged: string[] = [];
  let killed = false;
  const load = runLoad({
    seconds: 6,
    concurrency: 4,
    async request(_, n) {
      if (killed) {
        await sleep(100);
        return "AFTER_KILL";
      }
      const answer = await graphql(CREATE, { input: input(n) }, bearer);
      const id = answer.body.data?.createTrainingProgramme?.id as string | undefined;
      if (id) acknowledged.push(id);
      return outcomeOf(answer);
    },
    async onTick(elapsed) {
      if (elapsed !== 3) return;
      // what was sent before this moment and acknowledged must be there after the restart
      killed = true;
      await hub.kill("SIGKILL");
    },
  });
  const result = await load;
  console.log("writes before kill -9:", acknowledged.length, result.outcomes);
  expect(acknowledged.length).toBeGreaterThan(0);
  return acknowledged;
}
