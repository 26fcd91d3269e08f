/**
 * `pnpm start`: the whole hub on one machine. Starts every subgraph named in
 * the supergraph as a child process (PGlite under `subgraphs/<name>/.data`,
 * or PostgreSQL when DATABASE_URL is set), waits until each has migrated,
 * seeded and is listening, then starts the gateway and prints the URLs.
 *
 *   pnpm start              start, seeding empty databases
 *   pnpm start -- --reset   wipe every subgraph's data first
 *   pnpm reset              wipe and exit
 *
 * HUB_DATA_DIR puts every PGlite data directory under one folder instead
 * (`<HUB_DATA_DIR>/<subgraph or plugin>`); `<NAME>_PORT` moves a subgraph or
 * an example plugin off the port its URL names.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createLogger, envName, maintenanceUrl, newSigningKey, subgraphDatabaseUrl } from "@bdp/kit/server";
import { PluginAddressPolicy } from "@bdp/kit/plugin";
import { gatewayOptions, readConfigOrExit } from "./config.js";
import { DASHBOARD_CLIENT, DASHBOARD_MANIFEST } from "./documents/manifest.js";
import { startGateway } from "./server.js";
import { pluginEnvironment } from "./plugins/launch.js";
import { ROOT, examplePlugins, prepareServices, startService, subgraphDir, type ServiceProcess } from "./cluster/processes.js";
import { readSupergraph, supergraphSubgraphs } from "./supergraph.js";

const log = createLogger("hub");
const args = process.argv.slice(2);
// settings first: a gateway that may not start (a bad value, no real key in production) starts nothing
const config = readConfigOrExit(createLogger("gateway"));
const supergraphSdl = readSupergraph(config.supergraphPath);
const subgraphs = supergraphSubgraphs(supergraphSdl);
const started = performance.now();
// One key for this run, shared by the gateway and the subgraphs it starts.
const signingKey = config.signingKey ?? newSigningKey();

/** Where a subgraph's or an example plugin's PGlite data lives. */
function dataDir(kind: "subgraphs" | "plugins", name: string): string {
  return process.env.HUB_DATA_DIR ? join(process.env.HUB_DATA_DIR, name) : `${ROOT}${kind}/${name}/.data`;
}

/** The port a subgraph or plugin listens on: `<NAME>_PORT`, else the one its URL names. */
function portOf(name: string, url: string): number {
  const override = process.env[`${envName(name)}_PORT`];
  return override ? Number(override) : Number(new URL(url).port);
}

async function reset(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    for (const { name } of subgraphs) rmSync(dataDir("subgraphs", name), { recursive: true, force: true });
    for (const { slug } of examplePlugins()) rmSync(dataDir("plugins", slug), { recursive: true, force: true });
    log.info("reset: PGlite data removed", { subgraphs: subgraphs.map((s) => s.name) });
    return;
  }
  const { default: pg } = await import("pg");
  const admin = new pg.Client({ connectionString: maintenanceUrl(url) });
  await admin.connect();
  try {
    for (const name of [...subgraphs.map((s) => s.name), ...examplePlugins().map((p) => p.slug)]) {
      const { dbName } = subgraphDatabaseUrl(url, name);
      await admin.query(`drop database if exists "${dbName}" with (force)`);
    }
  } finally {
    await admin.end();
  }
  log.info("reset: databases dropped", { subgraphs: subgraphs.map((s) => s.name) });
}

/** A core subgraph's environment: the hub's own, its port, the key and where the register is. */
function coreEnvironment(name: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    HUB_SIGNING_KEY: signingKey,
    [`${envName(name)}_PORT`]: String(port),
    DATA_DIR: dataDir("subgraphs", name),
    // Subgraphs that copy register facts at write time ask the register directly.
    REGISTER_URL: process.env.REGISTER_URL ?? subgraphs.find((s) => s.name === "partners")?.url,
    // the offers catalogue reads the labour offices' calls from the training subgraph
    TRAINING_URL: process.env.TRAINING_URL ?? subgraphs.find((s) => s.name === "training")?.url,
    // the catalogue reads the example plugins' feeds on loopback
    PLUGIN_ALLOWED_ADDRESSES: pluginAllowList().join(","),
  };
}

/** Loopback addresses of the example plugins, and whatever PLUGIN_ALLOWED_ADDRESSES adds: the only private addresses plugins may be reached at. */
function pluginAllowList(): string[] {
  return [...config.pluginPolicy.allow, ...examplePlugins().map((p) => `127.0.0.1:${portOf(p.slug, p.url)}`)];
}

if (args.includes("--reset") || args.includes("--reset-only")) await reset();
if (args.includes("--reset-only")) process.exit(0);

const children: ServiceProcess[] = [];
let stopping = false;
async function stop(code: number): Promise<never> {
  stopping = true;
  await Promise.all(children.map((c) => c.stop()));
  process.exit(code);
}

try {
  await prepareServices(log);
  log.info("starting subgraphs", { database: process.env.DATABASE_URL ? "postgresql" : "pglite", subgraphs: subgraphs.map((s) => s.name) });
  const running = await Promise.all(
    subgraphs.map(async ({ name, url }) => {
      const result = await startService(name, subgraphDir(name), coreEnvironment(name, portOf(name, url)));
      children.push(result);
      void result.exited.then((code) => {
        if (stopping) return;
        log.error("subgraph exited; stopping the hub", { subgraph: name, code });
        void stop(1);
      });
      return [name, result.url] as const;
    }),
  );
  const gateway = await startGateway({ ...gatewayOptions(config, createLogger("gateway")), supergraphSdl, subgraphUrls: Object.fromEntries(running), signingKey, pluginPolicy: new PluginAddressPolicy(pluginAllowList()) });
  // the example dashboard's operations are trusted documents (issue #17), as a front-end's build would register them
  await gateway.documents
    ?.register(DASHBOARD_CLIENT, JSON.parse(readFileSync(DASHBOARD_MANIFEST, "utf8")), { kind: "coordinator", userId: "hub-launcher" })
    .catch((error: unknown) => log.warn("the dashboard's documents were not registered", { error: String(error) }));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    [
      "",
      `bdp-hub is up in ${seconds} s on ${process.env.DATABASE_URL ? "PostgreSQL" : "embedded PGlite"}`,
      `  GraphQL:   ${gateway.graphqlUrl}`,
      `  Explorer:  ${gateway.url}/explorer/`,
      `  Health:    ${gateway.url}/health/live  ${gateway.url}/health/ready`,
      `  Tokens:    pnpm dev-token partner pup-bedzin | pnpm dev-token analyst | pnpm dev-token coordinator${config.developmentSecret ? "  (development secret)" : ""}`,
      ...running.map(([name, url]) => `  subgraph ${name.padEnd(18)} ${url}`),
      "Ctrl-C stops everything.",
      "",
    ].join("\n"),
  );
  const shutdown = async () => {
    await gateway.close();
    await stop(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);

  // The example plugins join the running hub, as any plugin would: the core answers meanwhile
  // (starting them beside the core would slow it down on a small machine).
  // a plugin that fails degrades only itself, never the hub
  // each with its own environment: its port, database and key, none of the hub's secrets (issue #11)
  await gateway.plugins?.whenLoaded;
  const examples = examplePlugins();
  const pluginsStarting = Promise.all(
    examples.map(async (example): Promise<[string, string] | null> => {
      try {
        const key = gateway.plugins?.pluginKey(example.slug) ?? "";
        const env = pluginEnvironment(process.env, { slug: example.slug, port: portOf(example.slug, example.url), signingKey: key, dataDir: dataDir("plugins", example.slug) });
        const result = await startService(example.slug, example.dir, env);
        children.push(result);
        void result.exited.then((code) => stopping || log.warn("plugin exited; its fields degrade, the hub goes on", { plugin: example.slug, code }));
        return [example.slug, result.url];
      } catch (error) {
        log.warn("plugin did not start", { plugin: example.slug, error });
        return null;
      }
    }),
  );
  const plugins = (await pluginsStarting).filter((p): p is [string, string] => p !== null);
  if (gateway.plugins && plugins.length) {
    const registered = new Set(gateway.plugins.list().map((p) => p.slug));
    for (const [slug, url] of plugins) {
      if (registered.has(slug)) {
        process.stdout.write(`  plugin   ${slug.padEnd(18)} ${url}  in the graph\n`);
        continue;
      }
      // the owner is the repository's word (the coordinator's own checkout), not the running plugin's
      const owner = examples.find((e) => e.slug === slug)!.ownerPartnerId;
      const change = await gateway.plugins.register(url, owner, { kind: "coordinator", userId: "hub-launcher" });
      if (!change.ok) log.warn("example plugin refused", { plugin: slug, violations: change.violations });
      else process.stdout.write(`  plugin   ${slug.padEnd(18)} ${url}  admitted, ${change.offers} offers\n`);
    }
  }
} catch (error) {
  log.error("hub failed to start", { error });
  await stop(1);
}
