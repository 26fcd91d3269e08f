import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApolloServer } from "@apollo/server";
import { handleGraphQL, requestIdOf, sendError, type Identity, type Logger, type Route } from "@bdp/kit/server";
import type { RunOperation } from "../export/exports.js";
import type { Identification } from "../auth/identify.js";
import type { GatewayContext } from "../context.js";
import type { TrustedDocuments } from "../documents/trusted-documents.js";
import { checkTokens, type QueryLimits } from "../limits/query-limits.js";
import type { ClientAddress } from "../limits/client-address.js";
import type { RequestLimiter } from "../limits/shared-state.js";
import type { GatewayMetrics } from "../metrics.js";

type Deps = {
  apollo: ApolloServer<GatewayContext>;
  identify: (header: string | undefined) => Promise<Identification>;
  limiter: RequestLimiter;
  limits: QueryLimits;
  metrics: GatewayMetrics;
  log: Logger;
  /** Trusted documents (issue #17), when the hub keeps them. */
  documents?: TrustedDocuments;
  /** The caller's address (X-Forwarded-For believed from trusted balancers only), the anonymous rate limit's key. */
  clientAddress: ClientAddress;
  /** The version of the supergraph served, named in every answer's `x-bdp-supergraph-version` (with plugins). */
  supergraphVersion?: () => number;
};

/**
 * The caller of an HTTP request as GraphQL sees it: identified, and taken
 * from the rate limit once; null when refused (the refusal is sent).
 */
export async function admitCaller(deps: Deps, req: IncomingMessage, res: ServerResponse): Promise<{ requestId: string; identity: Identity } | null> {
  const requestId = requestIdOf(req);
  const caller = await deps.identify(req.headers.authorization);
  if (!caller.ok) {
    deps.log.warn("token refused", { requestId, reason: caller.reason });
    deps.metrics.refused.inc({ reason: "token" });
    sendError(res, 401, "UNAUTHENTICATED", `Invalid bearer token: ${caller.reason}`, {}, { "www-authenticate": 'Bearer error="invalid_token"' });
    return null;
  }
  const who = caller.identity.kind === "anonymous" ? `ip:${deps.clientAddress.of(req)}` : `user:${caller.identity.userId}`;
  const wait = await deps.limiter.take(who);
  if (wait > 0) {
    deps.metrics.refused.inc({ reason: "rate" });
    sendError(res, 429, "RATE_LIMITED", `Too many requests: retry in ${wait} s`, { retryAfterSeconds: wait }, { "retry-after": String(wait) });
    return null;
  }
  return { requestId, identity: caller.identity };
}

/** Operations run in process as the admitted caller (the exports), with the limits and masking any query has. */
export function inProcess(deps: Deps): (req: IncomingMessage, res: ServerResponse) => Promise<RunOperation | null> {
  return async (req, res) => {
    const caller = await admitCaller(deps, req, res);
    if (!caller) return null;
    return async (query, variables) => {
      const result = await deps.apollo.executeOperation({ query, variables }, { contextValue: { ...caller, req } });
      if (result.body.kind !== "single") throw new Error("an export's operation answered incrementally");
      return { status: result.http.status ?? 200, data: result.body.singleResult.data, errors: result.body.singleResult.errors };
    };
  };
}

/**
 * `/graphql`: who is calling (a bad token is 401 before anything else), the
 * rate limit per identity (429 with Retry-After), the trusted documents (a
 * `documentId` resolved, a free-form document logged or refused), the
 * document's size in tokens before it is parsed, then Apollo Server with the
 * gateway.
 */
export function graphqlRoute(deps: Deps): Route {
  const { apollo, limits, metrics, documents } = deps;
  return async (req, res, url) => {
    if (url.pathname !== "/graphql") return false;
    const caller = await admitCaller(deps, req, res);
    if (!caller) return true;
    const { requestId } = caller;
    await handleGraphQL(apollo, req, res, async () => ({ requestId, identity: caller.identity, req }), {
      extraHeaders: { "x-request-id": requestId, ...(deps.supergraphVersion ? { "x-bdp-supergraph-version": String(deps.supergraphVersion()) } : {}) },
      requestErrorsAs200ForJson: true,
      // a registered document in place of its id (or the refusal of a free-form one), then
      // the document's size in tokens, before it is parsed
      screen: async (params) => {
        const screened = documents ? await documents.screen(params, caller.identity) : { ok: true as const, params };
        if (!screened.ok) return screened;
        const refusal = checkTokens(screened.params.query, limits);
        if (!refusal) return screened;
        metrics.refused.inc({ reason: "tokens" });
        return { ok: false, status: 400, code: "QUERY_TOO_LONG", message: refusal.message };
      },
    });
    return true;
  };
}
