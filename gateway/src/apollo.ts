import type { ApolloGateway } from "@apollo/gateway";
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { isPublicCode, maskError, type Logger } from "@bdp/kit/server";
import type { GatewayContext } from "./context.js";
import { queryLimitsPlugin, type QueryLimits } from "./limits/query-limits.js";
import type { GatewayMetrics } from "./metrics.js";

/** One log line and the metrics per operation; a code nobody registered (a plugin's own, say) counts as OTHER, so metric series stay bounded (issue #11). */
function operationPlugin(metrics: GatewayMetrics, log: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors }) {
          const codes = errors?.map((e) => (isPublicCode(e.extensions?.code) ? e.extensions.code : e.extensions?.code === undefined ? "INTERNAL_SERVER_ERROR" : "OTHER")) ?? [];
          metrics.requests.inc({ outcome: codes[0] ?? "ok" });
          for (const code of codes) metrics.errors.inc({ code });
          metrics.latency.observe((performance.now() - started) / 1000);
          log.info("graphql", { requestId: contextValue.requestId, operation: operationName ?? undefined, ms: Math.round((performance.now() - started) * 10) / 10, errors: codes.length ? codes : undefined });
        },
      };
    },
  };
}

/** Apollo Server over the gateway: query limits, per-operation logs and metrics, errors not thrown on purpose masked. */
export async function startApollo(options: {
  gateway: ApolloGateway;
  introspection: boolean;
  limits: QueryLimits;
  /** The slugs of the plugins in the graph now (their lists are costed at the guard's cut). */
  pluginSlugs: () => readonly string[];
  metrics: GatewayMetrics;
  log: Logger;
  /** More plugins (the schema usage recorder). */
  plugins?: ApolloServerPlugin<GatewayContext>[];
  /** Where automatic persisted queries are kept (shared between replicas in Redis); Apollo's in-memory cache when unset. */
  persistedQueries?: KeyValueCache<string>;
}): Promise<ApolloServer<GatewayContext>> {
  const { log } = options;
  const apollo = new ApolloServer<GatewayContext>({
    gateway: options.gateway,
    introspection: options.introspection,
    persistedQueries: options.persistedQueries ? { cache: options.persistedQueries } : undefined,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      queryLimitsPlugin<GatewayContext>(options.limits, options.pluginSlugs),
      operationPlugin(options.metrics, log),
      ...(options.plugins ?? []),
    ],
    // Identity is a bearer token only, never a cookie: a cross-site request carries none, so there is
    // nothing for Apollo's CSRF prevention to protect, and GET queries work as GraphQL over HTTP describes
    // (mutations are POST only, whatever the headers).
    csrfPrevention: false,
    formatError: (formatted, error) => maskError(formatted, error, (original) => log.error("unexpected error", { error: original })),
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();
  return apollo;
}
