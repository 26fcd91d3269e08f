import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { MigrationObject } from "@mikro-orm/core";
import type { Options } from "@mikro-orm/core";
import type { HubContext, Identity } from "./context.js";
import { NonceCache, verifyRequest } from "./auth/signature.js";
import type { PluginAddressPolicy, PluginLimits } from "./plugin/network.js";
import { registerLookup } from "./register.js";
import { maskError } from "./errors.js";
import { fileURLToPath } from "node:url";
import { closeOnSignals, handleGraphQL, listen, requestIdOf, traceIdOf, type HttpService, type Route } from "./http.js";
import { createLogger, type Logger } from "./logger.js";
import { migrate, openOrm, type DatabaseTarget, type OrmHandle } from "./db/orm.js";
import type { FederatedSchema } from "./schema.js";
import { runSeedOnce, type SeedResult } from "./db/seed.js";
import { imagesEnabled, restoreImage } from "./db/image.js";
import { notifyWritesAcrossReplicas, type WriteNotifier } from "./db/write-notifications.js";
import { MIN_LSN_HEADER, ReadReplicas, WRITE_LSN_HEADER, formatLsn, parseLsn } from "./db/replicas.js";
import { afterLocalWrites } from "./db/write-generation.js";
import type { SqlCounter } from "./db/sql-counter.js";
import type { DemoPartner } from "./demo/partners.js";

/** What a subgraph (or a plugin) is: everything the kit needs to run it. */
export interface SubgraphDefinition<Loaders = unknown> {
  /** kebab-case name: the supergraph's subgraph name and the database suffix. */
  name: string;
  defaultPort: number;
  entities: NonNullable<Options["entities"]>;
  migrations: MigrationObject[];
  /** Builds the schema; needs no database. */
  buildSchema(): Promise<FederatedSchema>;
  /** Per-request DataLoaders over the request's EntityManager. */
  createLoaders(em: EntityManager): Loaders;
  /** Demo data; must be deterministic (stable ids) so all subgraphs agree. */
  seed?(em: EntityManager): Promise<SeedResult>;
  /**
   * Benchmark data (issue #6): the rows this subgraph keeps for generated
   * partners, by the demo seed's rules. Called once per batch of partners;
   * `batch` keeps generated ids apart. Deterministic, like the seed.
   */
  generate?(em: EntityManager, partners: readonly DemoPartner[], batch: number): Promise<SeedResult>;
  /** HTTP routes served next to GraphQL (a plugin's manifest and offer feed, the catalogue's internal API). */
  routes?(db: OrmHandle, service: SubgraphServices): Route[];
  /** Background work while the subgraph runs (the catalogue's refresh); returns how to stop it. */
  background?(db: OrmHandle, service: SubgraphServices): () => Promise<void>;
}

/** What a running subgraph hands its routes and background work. */
export interface SubgraphServices {
  /** The key requests to it are signed with. */
  signingKey: string;
  log: Logger;
  /** The nonces of the signed requests it has accepted: one cache for GraphQL and its routes, so a request is accepted once. */
  nonces: NonceCache;
  /** Where plugins may be reached, when the starter said (the catalogue reads their feeds; it takes PLUGIN_ALLOWED_ADDRESSES otherwise). */
  pluginPolicy?: PluginAddressPolicy;
  pluginLimits?: PluginLimits;
  /** Where partners' webhooks may be delivered, when the starter said (WEBHOOK_ALLOWED_ADDRESSES otherwise). */
  webhookPolicy?: PluginAddressPolicy;
  /** The settings the subgraph's own work reads (WEBHOOK_*): the process environment, with what the starter gave over it. */
  env: NodeJS.ProcessEnv;
  /** GraphQL URL of the partner register, when the starter gave one (REGISTER_URL): where the subgraph's events are relayed. */
  registerUrl?: string;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  /** The GraphQL endpoint. */
  graphqlUrl: string;
  db: OrmHandle;
  service: HttpService;
  close(drainMs?: number): Promise<void>;
}

export interface StartOptions {
  target: DatabaseTarget;
  port?: number;
  host?: string;
  /** Seed demo data when the database has none. */
  seed?: boolean;
  log?: Logger;
  debugSql?: boolean;
  /** The key the gateway signs requests with (HUB_SIGNING_KEY); requests without a valid signature are refused. */
  signingKey: string;
  /** GraphQL URL of the partner register (REGISTER_URL), for subgraphs that copy register facts at write time (`ctx.register`). */
  registerUrl?: string;
  /** Where plugins may be reached (PLUGIN_ALLOWED_ADDRESSES), for the catalogue's feed reads. */
  pluginPolicy?: PluginAddressPolicy;
  pluginLimits?: PluginLimits;
  /** Where partners' webhooks may be delivered; WEBHOOK_ALLOWED_ADDRESSES otherwise. */
  webhookPolicy?: PluginAddressPolicy;
  /** Settings over the process environment's, for the subgraph's own work (tests shorten the webhooks' retry pauses). */
  env?: NodeJS.ProcessEnv;
}

/** Apollo plugin: one structured log line per operation, with its SQL count. */
function requestLogPlugin(db: OrmHandle): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ contextValue: ctx, operationName, errors }) {
          ctx.log.info("graphql", {
            operation: operationName ?? undefined,
            ms: Math.round((performance.now() - started) * 10) / 10,
            sql: db.sql.end(ctx.requestId),
            errors: errors?.map((e) => e.extensions?.code ?? "INTERNAL_SERVER_ERROR"),
          });
        },
      };
      void contextValue;
    },
  };
}

/** Whether a GraphQL request body holds a mutation (the gateway's documents start with their operation). */
function isMutation(body: unknown): boolean {
  const query = (body as { query?: unknown } | undefined)?.query;
  return typeof query === "string" && /^(?:\s|#[^\n]*\n)*mutation\b/.test(query);
}

function headerOf(req: { headers: Record<string, string | string[] | undefined> }, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Where reads went and why, and the statements the replicas answered (Prometheus text). */
function replicaMetrics(subgraph: string, replicas: ReadReplicas, sql: SqlCounter): string[] {
  const { replica, primary } = replicas.reads;
  return [
    "# HELP bdp_subgraph_reads_total GraphQL reads by where they were answered, and why the primary when it was.",
    "# TYPE bdp_subgraph_reads_total counter",
    `bdp_subgraph_reads_total{subgraph="${subgraph}",to="replica"} ${replica}`,
    `bdp_subgraph_reads_total{subgraph="${subgraph}",to="primary",reason="mutation"} ${primary.mutation}`,
    `bdp_subgraph_reads_total{subgraph="${subgraph}",to="primary",reason="caller-write"} ${primary.callerWrite}`,
    `bdp_subgraph_reads_total{subgraph="${subgraph}",to="primary",reason="replicas-behind"} ${primary.replicasBehind}`,
    "# HELP bdp_subgraph_replica_sql_statements_total SQL statements a read replica answered (of bdp_subgraph_sql_statements_total).",
    "# TYPE bdp_subgraph_replica_sql_statements_total counter",
    `bdp_subgraph_replica_sql_statements_total{subgraph="${subgraph}"} ${sql.onReplicas}`,
  ];
}

/** Opens the database, applies migrations, seeds if asked, serves GraphQL. */
export async function startSubgraph<L>(definition: SubgraphDefinition<L>, options: StartOptions): Promise<RunningSubgraph> {
  const log = options.log ?? createLogger(definition.name);
  const started = performance.now();
  // a new database asked to hold the demo starts as a copy of the prepared image (built on first use)
  const copied =
    options.seed && definition.seed && imagesEnabled()
      ? await restoreImage({ subgraph: definition.name, entities: definition.entities, migrations: definition.migrations, seed: definition.seed }, options.target, log)
      : undefined;
  if (copied) log.info(copied.image === "built" ? "database made from a new image" : "database copied from its image", { image: copied.key, ms: copied.ms });
  const db = await openOrm({
    subgraph: definition.name,
    entities: definition.entities,
    migrations: definition.migrations,
    target: options.target,
    debugSql: options.debugSql,
    loadDataDir: copied?.loadDataDir,
  });
  let notifier: WriteNotifier | undefined;
  // with read replicas, reads go there once they have every write this process knows of (replicas.ts)
  const replicas = db.url && db.replicaUrls ? new ReadReplicas(db.orm, db.url, db.replicaUrls, log) : undefined;
  const stopRouting = replicas && afterLocalWrites(db.orm.em, () => void replicas.localWrite());
  try {
    await replicas?.start();
    const applied = await migrate(db.orm);
    if (applied.length) log.info("migrations applied", { migrations: applied });
    // the migrations' DDL is not the ORM's flush: a write all the same
    if (applied.length) replicas?.writtenElsewhere();
    if (options.seed && definition.seed) {
      const result = await runSeedOnce(db.orm.em.fork(), definition.name, definition.seed);
      log.info(result.skipped ? "seed already present" : "seeded", { ...result.counts });
    }
    // on PostgreSQL the subgraph may run as several replicas: each tells the others of its writes
    if (db.url) notifier = await notifyWritesAcrossReplicas(db.orm.em, db.url, log, (lsn) => replicas?.writtenElsewhere(parseLsn(lsn)));
  } catch (error) {
    stopRouting?.();
    await replicas?.close();
    await db.orm.close(true);
    throw error;
  }

  const { schema } = await definition.buildSchema();
  const apollo = new ApolloServer<HubContext<L>>({
    schema,
    introspection: true,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled(), requestLogPlugin(db) as ApolloServerPlugin<HubContext<L>>],
    formatError: (formatted, error) => maskError(formatted, error, (original) => log.error("unexpected error", { error: original })),
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();

  let graphqlRequests = 0;
  const services: SubgraphServices = {
    signingKey: options.signingKey,
    log,
    nonces: new NonceCache(),
    pluginPolicy: options.pluginPolicy,
    pluginLimits: options.pluginLimits,
    webhookPolicy: options.webhookPolicy,
    env: { ...process.env, ...options.env },
    registerUrl: options.registerUrl,
  };
  const stopBackground = definition.background?.(db, services);
  const service = await listen({
    port: options.port ?? definition.defaultPort,
    host: options.host,
    log,
    ready: async () => ({ ok: await db.orm.isConnected() }),
    routes: [
      async (req, res, url) => {
        if (url.pathname === "/metrics") {
          // Prometheus text; the benchmark divides the SQL statements by the requests between two reads.
          const text = [
            "# HELP bdp_subgraph_graphql_requests_total GraphQL requests received.",
            "# TYPE bdp_subgraph_graphql_requests_total counter",
            `bdp_subgraph_graphql_requests_total{subgraph="${definition.name}"} ${graphqlRequests}`,
            "# HELP bdp_subgraph_sql_statements_total SQL statements sent to the database.",
            "# TYPE bdp_subgraph_sql_statements_total counter",
            `bdp_subgraph_sql_statements_total{subgraph="${definition.name}"} ${db.sql.total}`,
            "# HELP bdp_subgraph_background_sql_statements_total SQL statements of the subgraph's background work (webhook deliveries), not counted above.",
            "# TYPE bdp_subgraph_background_sql_statements_total counter",
            `bdp_subgraph_background_sql_statements_total{subgraph="${definition.name}"} ${db.sql.background}`,
            ...(replicas ? replicaMetrics(definition.name, replicas, db.sql) : []),
            "",
          ].join("\n");
          res.writeHead(200, { "content-type": "text/plain; version=0.0.4" }).end(text);
          return true;
        }
        if (url.pathname !== "/graphql" && url.pathname !== "/") return false;
        graphqlRequests++;
        const requestId = requestIdOf(req);
        // where this request's write landed, for the caller's next reads (read replicas)
        let wrote = false;
        await handleGraphQL(apollo, req, res, async (identity: Identity | undefined, body: unknown) => {
          db.sql.begin(requestId);
          const root = replicas ? (await replicas.emFor({ mutation: isMutation(body), min: parseLsn(headerOf(req, MIN_LSN_HEADER)) })).em : db.orm.em;
          const em = root.fork({ loggerContext: { requestId } }) as EntityManager;
          return {
            em,
            loaders: definition.createLoaders(em),
            requestId,
            identity: identity ?? { kind: "anonymous" },
            log: log.child({ requestId, traceId: traceIdOf(req) }),
            req,
            register: options.registerUrl ? registerLookup(options.registerUrl, options.signingKey, identity ?? { kind: "anonymous" }) : undefined,
            afterCommit: () => void (wrote = true),
          };
        }, {
          extraHeaders: { "x-request-id": requestId },
          lateHeaders: async (): Promise<Record<string, string>> => (replicas && wrote ? { [WRITE_LSN_HEADER]: formatLsn(await replicas.latestLocalWrite()) } : {}),
          authenticate: (raw, request) => {
            // the signature covers this subgraph's name, the method and the path: a request signed for another target is refused
            const result = verifyRequest(
              options.signingKey,
              { method: request.method ?? "GET", path: request.url ?? "/", audience: definition.name, headers: request.headers, body: request.method === "POST" ? raw : "" },
              { nonces: services.nonces },
            );
            if (result.ok) return result;
            log.warn("unsigned request refused", { requestId, reason: result.reason });
            return { ok: false, status: 401, code: "UNAUTHENTICATED", message: `Subgraphs answer the gateway only: request signature ${result.reason}` };
          },
        });
        return true;
      },
      ...(definition.routes?.(db, services) ?? []),
    ],
    onClose: async () => {
      await stopBackground?.();
      await apollo.stop();
      await notifier?.close();
      stopRouting?.();
      await replicas?.close();
      await db.orm.close(true);
    },
  });
  log.info("subgraph ready", { url: `${service.url}/graphql`, database: db.location, ms: Math.round(performance.now() - started) });
  return {
    name: definition.name,
    url: service.url,
    graphqlUrl: `${service.url}/graphql`,
    db,
    service,
    close: (drainMs?: number) => service.close(drainMs),
  };
}

/**
 * Where the data lives, from the environment: PLUGIN_DATABASE_URL (a
 * plugin's own database, named in full: a plugin is not told the hub's),
 * else DATABASE_URL (the base the subgraph's own database is named after,
 * with DATABASE_REPLICA_URLS, comma-separated, naming its read replicas'
 * bases), else PGlite under `dataDir`.
 */
export function targetFromEnv(defaultDataDir: string): DatabaseTarget {
  if (process.env.PLUGIN_DATABASE_URL) return { kind: "postgres", url: process.env.PLUGIN_DATABASE_URL, exact: true };
  const url = process.env.DATABASE_URL;
  const replicaUrls = (process.env.DATABASE_REPLICA_URLS ?? "").split(",").map((u) => u.trim()).filter(Boolean);
  if (url) return { kind: "postgres", url, ...(replicaUrls.length ? { replicaUrls } : {}) };
  return { kind: "pglite", dataDir: process.env.DATA_DIR ?? defaultDataDir };
}

/** A subgraph's or plugin's name as its environment variables spell it: `labour-market` → `LABOUR_MARKET` (`LABOUR_MARKET_PORT`, `LABOUR_MARKET_URL`). */
export function envName(subgraph: string): string {
  return subgraph.toUpperCase().replace(/-/g, "_");
}

/**
 * A subgraph's `main.ts`: reads the environment, starts, and stops cleanly on
 * SIGTERM. `<NAME>_PORT` (or PORT), HOST, DATABASE_URL or DATA_DIR,
 * SEED=false to skip the demo data, LOG_LEVEL, REGISTER_URL (the partner
 * register's GraphQL URL, for subgraphs that ask it).
 */
export async function runFromEnv<L>(definition: SubgraphDefinition<L>, mainUrl: string): Promise<RunningSubgraph> {
  // REPLICA names the process among its subgraph's replicas (`pnpm start:cluster`)
  const log = createLogger(definition.name, process.env.REPLICA ? { replica: process.env.REPLICA } : {});
  const prefix = envName(definition.name);
  const port = Number(process.env[`${prefix}_PORT`] ?? process.env.PORT ?? definition.defaultPort);
  const dataDir = fileURLToPath(new URL("../.data", mainUrl));
  // a plugin is given its own key (PLUGIN_SIGNING_KEY, derived from the hub's), never the hub's
  const signingKey = process.env.PLUGIN_SIGNING_KEY || process.env.HUB_SIGNING_KEY;
  if (!signingKey) {
    log.error("HUB_SIGNING_KEY (or, for a plugin, PLUGIN_SIGNING_KEY) is not set: the subgraph accepts only requests the gateway signed with it (pnpm start sets one)");
    process.exit(1);
  }
  try {
    const running = await startSubgraph(definition, {
      target: targetFromEnv(dataDir),
      port,
      host: process.env.HOST ?? "127.0.0.1",
      seed: process.env.SEED !== "false",
      log,
      debugSql: process.env.DEBUG_SQL === "true",
      signingKey,
      registerUrl: process.env.REGISTER_URL,
    });
    closeOnSignals(running, log);
    if (process.send) {
      // Started by the hub launcher: stop when it goes away, however it went (and at once if it already has).
      if (!process.connected) await running.close().finally(() => process.exit(0));
      process.once("disconnect", () => void running.close().finally(() => process.exit(0)));
      process.send({ type: "ready", name: definition.name, url: running.graphqlUrl });
    }
    return running;
  } catch (error) {
    log.error("start failed", { error });
    process.exit(1);
  }
}
