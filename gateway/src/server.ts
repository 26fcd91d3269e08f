import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import {
  PluginAddressPolicy, createLogger, handleGraphQL, isPublicCode, listen, maskError, registerLookup, requestIdOf, sendJson,
  type HttpService, type Identity, type Logger, type PluginLimits,
} from "@bdp/kit";
import { verifyToken, type JwtConfig } from "./auth/jwt.js";
import { DEFAULT_LIMITS, checkTokens, queryLimitsPlugin, type QueryLimits } from "./limits/query-limits.js";
import { RateLimiter, type RateLimit } from "./limits/rate-limit.js";
import { GatewayMetrics } from "./metrics.js";
import { CircuitBreaker } from "./limits/circuit-breaker.js";

/** SUBGRAPH_TIMEOUT_MS (10 s), BREAKER_THRESHOLD (5 failures in a row), BREAKER_COOLDOWN_MS (5 s). */
export function resilienceFromEnv() {
  const n = (name: string, fallback: number) => (Number(process.env[name]) > 0 ? Number(process.env[name]) : fallback);
  return { timeoutMs: n("SUBGRAPH_TIMEOUT_MS", 10_000), breakerThreshold: n("BREAKER_THRESHOLD", 5), breakerCooldownMs: n("BREAKER_COOLDOWN_MS", 5_000) };
}
import { DEFAULT_SUPERGRAPH_PATH, supergraphSubgraphs } from "./supergraph.js";
import { PluginSupergraphManager, readCoreSubgraphs } from "./plugins/supergraph-manager.js";
import { CatalogueRegistry } from "./plugins/registry.js";
import { pluginAdminRoute } from "./plugins/admin.js";
import { exportRoute } from "./export/exports.js";
import { SubgraphDataSource } from "./data-source.js";
import type { GatewayContext } from "./context.js";
import { serveExplorer } from "./explorer.js";
import { applyCors } from "./cors.js";

export interface GatewayOptions {
  supergraphSdl: string;
  /** Subgraph name → GraphQL URL; names missing here keep the supergraph's URL. */
  subgraphUrls?: Record<string, string>;
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
}

export interface RunningGateway extends HttpService {
  graphqlUrl: string;
  subgraphUrls: Record<string, string>;
  metrics: GatewayMetrics;
  /** The plugins in the graph, when the hub takes plugins. */
  plugins?: PluginSupergraphManager;
}

/** No Authorization header: anonymous; a bearer token: verified, or refused. */
function identify(header: string | undefined, config: JwtConfig): { ok: true; identity: Identity } | { ok: false; reason: string } {
  if (!header) return { ok: true, identity: { kind: "anonymous" } };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return { ok: false, reason: "expected `Authorization: Bearer <token>`" };
  return verifyToken(match[1]!, config);
}

/** The Apollo gateway on Apollo Server, over node:http, with health, CORS and an offline explorer. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const log = options.log ?? createLogger("gateway");
  const metrics = new GatewayMetrics();
  const resilience = options.resilience ?? resilienceFromEnv();
  const breakers: Record<string, CircuitBreaker> = {};
  metrics.breakerStates = () => Object.fromEntries(Object.entries(breakers).map(([name, b]) => [name, b.state]));
  const limits = options.limits ?? DEFAULT_LIMITS;
  const limiter = new RateLimiter(options.rateLimit ?? { perMinute: 600, burst: 100 });
  const urls = Object.fromEntries(supergraphSubgraphs(options.supergraphSdl).map((s) => [s.name, options.subgraphUrls?.[s.name] ?? s.url]));
  const plugins =
    (options.plugins ?? true) && urls.offers && urls.partners
      ? new PluginSupergraphManager({
          core: readCoreSubgraphs(options.supergraphPath ?? DEFAULT_SUPERGRAPH_PATH, urls),
          initialSupergraph: options.supergraphSdl,
          registry: new CatalogueRegistry(new URL(urls.offers).origin, options.signingKey),
          signingKey: options.signingKey,
          partnerIsActive: async (id) => {
            const partner = await registerLookup(urls.partners!, options.signingKey, { kind: "anonymous" })(id).catch(() => null);
            return partner?.status === "ACTIVE";
          },
          policy: options.pluginPolicy,
          limits: options.pluginLimits,
          log,
        })
      : undefined;
  const gateway = new ApolloGateway({
    supergraphSdl: plugins ?? options.supergraphSdl,
    buildService: ({ name, url }) => {
      // a plugin's breaker is its own: a dead plugin fails fast without slowing the core
      const breaker = new CircuitBreaker({ threshold: resilience.breakerThreshold, cooldownMs: resilience.breakerCooldownMs });
      breakers[name] = breaker;
      const key = plugins?.signingKeyFor(name) ?? options.signingKey;
      // a plugin is untrusted: reached through the network edge, its answers filtered (issue #11)
      return new SubgraphDataSource(name, urls[name] ?? url!, key, metrics, { timeoutMs: resilience.timeoutMs, breaker }, plugins?.edgeFor(name));
    },
    logger: { debug: () => {}, info: (m: unknown) => log.info(String(m)), warn: (m: unknown) => log.warn(String(m)), error: (m: unknown) => log.error(String(m)) },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.introspection ?? true,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      queryLimitsPlugin<GatewayContext>(limits, () => plugins?.namespaces() ?? []),
      {
        async requestDidStart({ contextValue }) {
          const started = performance.now();
          return {
            async willSendResponse({ operationName, errors }) {
              // a code nobody registered (a plugin's own, say) counts as OTHER: metric series stay bounded (issue #11)
              const codes = errors?.map((e) => (isPublicCode(e.extensions?.code) ? e.extensions.code : e.extensions?.code === undefined ? "INTERNAL_SERVER_ERROR" : "OTHER")) ?? [];
              metrics.requests.inc({ outcome: codes[0] ?? "ok" });
              for (const code of codes) metrics.errors.inc({ code });
              metrics.latency.observe((performance.now() - started) / 1000);
              log.info("graphql", {
                requestId: contextValue.requestId,
                operation: operationName ?? undefined,
                ms: Math.round((performance.now() - started) * 10) / 10,
                errors: errors?.map((e) => e.extensions?.code ?? "INTERNAL_SERVER_ERROR"),
              });
            },
          };
        },
      },
    ],
    formatError: (formatted, error) => maskError(formatted, error, (original) => log.error("unexpected error", { error: original })),
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();
  const corsOrigins = options.corsOrigins ?? ["*"];

  const service = await listen({
    port: options.port ?? 4000,
    host: options.host,
    log,
    ready: async () => {
      const checks = await Promise.all(
        Object.entries(urls).map(async ([name, url]) => {
          const health = new URL("/health/ready", url);
          const ok = await fetch(health, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
          return [name, ok ? "ready" : "unavailable"] as const;
        }),
      );
      return { ok: checks.every(([, state]) => state === "ready"), detail: { subgraphs: Object.fromEntries(checks) } };
    },
    routes: [
      (req, res) => applyCors(req, res, corsOrigins),
      (req, res, url) => {
        if (req.method !== "GET") return false;
        if (url.pathname === "/metrics") {
          res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
          res.end(metrics.text());
          return true;
        }
        if (url.pathname === "/") {
          res.writeHead(302, { location: "/explorer/" });
          res.end();
          return true;
        }
        return serveExplorer(url.pathname, res);
      },
      ...(plugins ? [pluginAdminRoute(plugins, (header) => identify(header, options.jwt), log)] : []),
      exportRoute(() => `${service.url}/graphql`),
      async (req, res, url) => {
        if (url.pathname !== "/graphql") return false;
        const requestId = requestIdOf(req);
        const caller = identify(req.headers.authorization, options.jwt);
        if (!caller.ok) {
          log.warn("token refused", { requestId, reason: caller.reason });
          metrics.refused.inc({ reason: "token" });
          sendJson(res, 401, { errors: [{ message: `Invalid bearer token: ${caller.reason}`, extensions: { code: "UNAUTHENTICATED" } }] }, { "www-authenticate": 'Bearer error="invalid_token"' });
          return true;
        }
        const who = caller.identity.kind === "anonymous" ? `ip:${req.socket.remoteAddress}` : `user:${caller.identity.userId}`;
        const wait = limiter.take(who);
        if (wait > 0) {
          metrics.refused.inc({ reason: "rate" });
          sendJson(res, 429, { errors: [{ message: `Too many requests: retry in ${wait} s`, extensions: { code: "RATE_LIMITED", retryAfterSeconds: wait } }] }, { "retry-after": String(wait) });
          return true;
        }
        await handleGraphQL(apollo, req, res, async () => ({ requestId, identity: caller.identity, req }), {
          extraHeaders: { "x-request-id": requestId },
          // the document's size in tokens is checked before it is parsed
          authenticate: (raw) => {
            let query: unknown;
            try {
              query = req.method === "POST" ? (JSON.parse(raw) as { query?: unknown })?.query : new URLSearchParams(raw).get("query");
            } catch {
              query = undefined;
            }
            const refusal = checkTokens(query, limits);
            if (!refusal) return { ok: true, identity: caller.identity };
            metrics.refused.inc({ reason: "tokens" });
            return { ok: false, status: 400, code: String(refusal.extensions.code), message: refusal.message };
          },
        });
        return true;
      },
    ],
    onClose: async () => {
      await apollo.stop();
    },
  });
  log.info("gateway ready", { url: `${service.url}/graphql`, explorer: `${service.url}/explorer/`, subgraphs: urls });
  return { ...service, close: service.close, graphqlUrl: `${service.url}/graphql`, subgraphUrls: urls, metrics, plugins };
}
