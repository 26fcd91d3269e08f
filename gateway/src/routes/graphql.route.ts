import type { ApolloServer } from "@apollo/server";
import { handleGraphQL, requestIdOf, sendError, type Logger, type Route } from "@bdp/kit/server";
import type { Identification } from "../auth/identify.js";
import type { GatewayContext } from "../context.js";
import { checkTokens, type QueryLimits } from "../limits/query-limits.js";
import type { RateLimiter } from "../limits/rate-limit.js";
import type { GatewayMetrics } from "../metrics.js";

/**
 * `/graphql`: who is calling (a bad token is 401 before anything else), the
 * rate limit per identity (429 with Retry-After), the document's size in
 * tokens before it is parsed, then Apollo Server with the gateway.
 */
export function graphqlRoute(deps: {
  apollo: ApolloServer<GatewayContext>;
  identify: (header: string | undefined) => Identification;
  limiter: RateLimiter;
  limits: QueryLimits;
  metrics: GatewayMetrics;
  log: Logger;
}): Route {
  const { apollo, limiter, limits, metrics, log } = deps;
  return async (req, res, url) => {
    if (url.pathname !== "/graphql") return false;
    const requestId = requestIdOf(req);
    const caller = deps.identify(req.headers.authorization);
    if (!caller.ok) {
      log.warn("token refused", { requestId, reason: caller.reason });
      metrics.refused.inc({ reason: "token" });
      sendError(res, 401, "UNAUTHENTICATED", `Invalid bearer token: ${caller.reason}`, {}, { "www-authenticate": 'Bearer error="invalid_token"' });
      return true;
    }
    const who = caller.identity.kind === "anonymous" ? `ip:${req.socket.remoteAddress}` : `user:${caller.identity.userId}`;
    const wait = limiter.take(who);
    if (wait > 0) {
      metrics.refused.inc({ reason: "rate" });
      sendError(res, 429, "RATE_LIMITED", `Too many requests: retry in ${wait} s`, { retryAfterSeconds: wait }, { "retry-after": String(wait) });
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
        return { ok: false, status: 400, code: "QUERY_TOO_LONG", message: refusal.message };
      },
    });
    return true;
  };
}
