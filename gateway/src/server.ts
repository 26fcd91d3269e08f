import { ApolloGateway } from "@apollo/gateway";
import type { GraphQLSchema } from "graphql";
import { createLogger, listen, registerLookup, type HttpService, type Logger } from "@bdp/kit/server";
import { type PluginAddressPolicy, type PluginLimits } from "@bdp/kit/plugin";
import { MembershipGuard } from "./auth/membership.js";
import { startApollo } from "./apollo.js";
import { identify } from "./auth/identify.js";
import { tokenVerifier, type JwtConfig } from "./auth/jwt.js";
import { applyCors } from "./cors.js";
import { SubgraphDataSource } from "./data-source.js";
import { documentAdminRoute } from "./documents/admin.js";
import { TrustedDocuments, type DocumentsMode } from "./documents/trusted-documents.js";
import { UsageRecorder } from "./usage/usage.js";
import { schemaCheckRoute } from "./schema-check/admin.js";
import { exportRoute } from "./export/exports.js";
import { feedRoute } from "./feed/feed.route.js";
import { CircuitBreaker } from "./limits/circuit-breaker.js";
import { DEFAULT_LIMITS, type QueryLimits } from "./limits/query-limits.js";
import type { RateLimit } from "./limits/rate-limit.js";
import { sharedState } from "./limits/shared-state.js";
import { ClientAddress } from "./limits/client-address.js";
import { GatewayMetrics } from "./metrics.js";
import { pluginAdminRoute } from "./plugins/admin.js";
import { CatalogueRegistry } from "./plugins/registry.js";
import { PluginSupergraphManager, readCoreSubgraphs, type PluginSupergraphOptions } from "./plugins/supergraph-manager.js";
import { explorerRoute } from "./routes/explorer.route.js";
import { graphqlRoute, inProcess } from "./routes/graphql.route.js";
import { metricsRoute } from "./routes/metrics.route.js";
import { gatewayReady } from "./routes/readiness.js";
import { securityHeaders } from "./routes/security-headers.js";
import { DEFAULT_SUPERGRAPH_PATH, supergraphSubgraphs } from "./supergraph.js";

/** A timeout of 10 s per subgraph fetch; a breaker open for 5 s after 5 failures in a row (SUBGRAPH_TIMEOUT_MS, BREAKER_THRESHOLD, BREAKER_COOLDOWN_MS). */
export const DEFAULT_RESILIENCE = { timeoutMs: 10_000, breakerThreshold: 5, breakerCooldownMs: 5_000 };

export interface GatewayOptions {
  supergraphSdl: string;
  /** Subgraph name → GraphQL URL; names missing here keep the supergraph's URL. */
  subgraphUrls?: Record<string, string>;
  /** How often the gateway reads which partners are suspended or withdrawn (their writes are refused); 10 s by default. */
  membershipRefreshMs?: number;
  port?: number;
  host?: string;
  /** Allowed browser origins; ["*"] for any. */
  corsOrigins?: string[];
  log?: Logger;
  /** Shared with the subgraphs: the gateway signs every subgraph request with it. */
  signingKey: string;
  /** How bearer tokens are verified. */
  jwt: JwtConfig;
  /** Query limits (depth, aliases, tokens, cost). */
  limits?: QueryLimits;
  /** Requests per identity. */
  rateLimit?: RateLimit;
  /** REDIS_URL: the rate limit and persisted queries shared by every replica; in this process's memory when unset. */
  redisUrl?: string;
  /** REDIS_KEY_PREFIX (`bdp:`): prefixed to the gateway's keys in Redis. */
  redisKeyPrefix?: string;
  /** TRUSTED_PROXIES: the load balancers whose X-Forwarded-For names the client (addresses or CIDR ranges); none by default. */
  trustedProxies?: string[];
  /** SUPERGRAPH_POLL_MS: how often the plugin registry is read for a supergraph another gateway stored (2000; 0 never). */
  supergraphPollMs?: number;
  /** Whether the schema may be introspected (default true: front-end teams explore it). */
  introspection?: boolean;
  /** Per-subgraph timeout and circuit breaker. */
  resilience?: { timeoutMs: number; breakerThreshold: number; breakerCooldownMs: number };
  /**
   * Where the committed supergraph is: the core subgraphs' SDL files sit
   * beside it (`subgraphs/<name>.graphql`) for composing plugins in.
   */
  supergraphPath?: string;
  /** Plugins (issue #4): on when the supergraph has the offers catalogue, which keeps the registry. */
  plugins?: boolean;
  /** Where plugins may be reached (PLUGIN_ALLOWED_ADDRESSES); public addresses only by default. */
  pluginPolicy?: PluginAddressPolicy;
  /** Size and time limits of plugin answers and feeds. */
  pluginLimits?: PluginLimits;
  /** What callers may send besides registered documents (TRUSTED_DOCUMENTS, default `log`), and how often they are read again (default a minute). */
  documents?: { mode: DocumentsMode; refreshMs?: number; missCooldownMs?: number };
  /** How often the schema usage counted is sent to the catalogue (default 30 s). */
  usageFlushMs?: number;
  /** MERGE_FETCHES: a plan step's parallel reads to one core subgraph go as one request (default true). */
  mergeFetches?: boolean;
}

export interface RunningGateway extends HttpService {
  graphqlUrl: string;
  subgraphUrls: Record<string, string>;
  metrics: GatewayMetrics;
  /** The plugins in the graph, when the hub takes plugins. */
  plugins?: PluginSupergraphManager;
  /** The trusted documents, when the hub keeps them (with the offers catalogue). */
  documents?: TrustedDocuments;
  /** The schema usage recorder (issue #17), with the offers catalogue. */
  usage?: UsageRecorder;
}

/**
 * The plugins' supergraph manager, when the hub takes plugins (the offers
 * catalogue keeps their registry, the register says who is a partner).
 */
function pluginManager(
  options: GatewayOptions,
  urls: Record<string, string>,
  catalogue: CatalogueRegistry | undefined,
  log: Logger,
  follow: PluginSupergraphOptions["follow"],
): PluginSupergraphManager | undefined {
  if (!(options.plugins ?? true) || !catalogue || !urls.partners) return undefined;
  return new PluginSupergraphManager({
    core: readCoreSubgraphs(options.supergraphPath ?? DEFAULT_SUPERGRAPH_PATH, urls),
    initialSupergraph: options.supergraphSdl,
    registry: catalogue,
    usage: catalogue,
    signingKey: options.signingKey,
    partnerIsActive: async (id) => {
      const partner = await registerLookup(urls.partners!, options.signingKey, { kind: "anonymous" })(id).catch(() => null);
      return partner?.status === "ACTIVE";
    },
    policy: options.pluginPolicy,
    limits: options.pluginLimits,
    log,
    follow,
  });
}

/**
 * The gateway: `@apollo/gateway` over the supergraph (and the plugins'
 * manager), Apollo Server, and node:http with its routes — each in its own
 * file: CORS, metrics, the explorer, plugin administration, exports and
 * GraphQL — plus health from the kit.
 */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const log = options.log ?? createLogger("gateway");
  const metrics = new GatewayMetrics();
  const resilience = options.resilience ?? DEFAULT_RESILIENCE;
  const breakers: Record<string, CircuitBreaker> = {};
  metrics.breakerStates = () => Object.fromEntries(Object.entries(breakers).map(([name, b]) => [name, b.state]));
  const limits = options.limits ?? DEFAULT_LIMITS;
  const urls = Object.fromEntries(supergraphSubgraphs(options.supergraphSdl).map((s) => [s.name, options.subgraphUrls?.[s.name] ?? s.url]));
  // the catalogue keeps the plugin registry, the trusted documents and the schema usage
  const catalogue = urls.offers ? new CatalogueRegistry(new URL(urls.offers).origin, options.signingKey) : undefined;
  const shared = await sharedState({ redisUrl: options.redisUrl, keyPrefix: options.redisKeyPrefix, rateLimit: options.rateLimit ?? { perMinute: 600, burst: 100 }, metrics, log });
  const plugins = pluginManager(options, urls, catalogue, log, { pollMs: options.supergraphPollMs ?? 2_000, changes: shared.supergraphChanges });
  const gateway = new ApolloGateway({
    supergraphSdl: plugins ?? options.supergraphSdl,
    // each fetch with its parsed document (made once per cached plan): the data source merges a step's reads by it
    queryPlannerConfig: { exposeDocumentNodeInFetchNode: true },
    buildService: ({ name, url }) => {
      // a plugin's breaker is its own: a dead plugin fails fast without slowing the core
      const breaker = new CircuitBreaker({ threshold: resilience.breakerThreshold, cooldownMs: resilience.breakerCooldownMs });
      breakers[name] = breaker;
      const key = plugins?.signingKeyFor(name) ?? options.signingKey;
      // a plugin is untrusted: reached through the network edge, its answers filtered (issue #11)
      return new SubgraphDataSource(name, urls[name] ?? url!, key, metrics, { timeoutMs: resilience.timeoutMs, breaker }, plugins?.edgeFor(name), shared.writeMarks, options.mergeFetches ?? true);
    },
    logger: { debug: () => {}, info: (m: unknown) => log.info(String(m)), warn: (m: unknown) => log.warn(String(m)), error: (m: unknown) => log.error(String(m)) },
  });
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate(({ apiSchema: schema }) => (apiSchema = schema));
  const documents = catalogue
    ? new TrustedDocuments(catalogue, options.documents?.mode ?? "log", { log, metrics, schema: () => apiSchema, missCooldownMs: options.documents?.missCooldownMs })
    : undefined;
  const usage = catalogue ? new UsageRecorder(catalogue, { log, clientOfDocument: (id) => documents?.clientOf(id), flushMs: options.usageFlushMs }) : undefined;
  // a suspended or withdrawn partner writes nothing, in any subgraph (issue #15)
  const membership = urls.partners ? new MembershipGuard(urls.partners, options.signingKey, log, options.membershipRefreshMs) : undefined;
  await membership?.refresh();
  membership?.start();
  usage?.start();
  await documents?.reload();
  const documentsTimer = documents ? setInterval(() => void documents.reload(), options.documents?.refreshMs ?? 60_000) : undefined;
  documentsTimer?.unref();
  const apollo = await startApollo({
    gateway,
    introspection: options.introspection ?? true,
    limits,
    pluginSlugs: () => plugins?.namespaces() ?? [],
    metrics,
    log,
    plugins: [...(membership ? [membership.plugin()] : []), ...(usage ? [usage.plugin()] : [])],
    persistedQueries: shared.persistedQueries,
  });
  const verify = tokenVerifier(options.jwt);
  const caller = (header: string | undefined) => identify(header, verify);
  const graphql = { apollo, documents, identify: caller, limiter: shared.limiter, clientAddress: new ClientAddress(options.trustedProxies), limits, metrics, log, supergraphVersion: plugins ? () => plugins.version : undefined };
  const corsOrigins = options.corsOrigins ?? ["*"];

  const service = await listen({
    port: options.port ?? 4000,
    host: options.host,
    log,
    prelude: securityHeaders,
    ready: gatewayReady(urls, plugins ? { loaded: () => plugins.loadedFromRegistry, version: () => plugins.version } : undefined, shared.health),
    routes: [
      (req, res) => applyCors(req, res, corsOrigins),
      metricsRoute(metrics),
      explorerRoute(),
      ...(plugins ? [pluginAdminRoute(plugins, caller, log)] : []),
      ...(documents ? [documentAdminRoute(documents, caller, log)] : []),
      ...(plugins && catalogue ? [schemaCheckRoute(plugins, catalogue, caller, log)] : []),
      exportRoute(inProcess(graphql)),
      feedRoute(inProcess(graphql)),
      graphqlRoute(graphql),
    ],
    onClose: async () => {
      clearInterval(documentsTimer);
      membership?.stop();
      await usage?.stop();
      await apollo.stop();
      await shared.close();
    },
  });
  log.info("gateway ready", { url: `${service.url}/graphql`, explorer: `${service.url}/explorer/`, subgraphs: urls });
  return { ...service, close: service.close, graphqlUrl: `${service.url}/graphql`, subgraphUrls: urls, metrics, plugins, documents, usage };
}
