import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { HubError, IDENTITY_HEADER, encodeIdentity, signRequest } from "@bdp/kit";
import type { GatewayContext } from "./context.js";
import type { GatewayMetrics } from "./metrics.js";
import { CircuitBreaker } from "./limits/circuit-breaker.js";
import { injectTraceContext } from "./tracing.js";

/**
 * Node's fetch, except that a subgraph's HTTP 400 carrying GraphQL errors
 * (bad variables: BAD_USER_INPUT) is handed on as a GraphQL result, so the
 * caller sees the subgraph's own error code instead of a failed fetch.
 */
async function subgraphFetch(url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  return passGraphQLErrors(response);
}

async function passGraphQLErrors(response: Response): Promise<Response> {
  if (response.status !== 400 || !(response.headers.get("content-type") ?? "").includes("json")) return response;
  const text = await response.text();
  let graphqlErrors = false;
  try {
    graphqlErrors = Array.isArray((JSON.parse(text) as { errors?: unknown }).errors);
  } catch {
    graphqlErrors = false;
  }
  return new Response(text, { status: graphqlErrors ? 200 : 400, headers: response.headers });
}

/**
 * How the gateway talks to one subgraph: Node's own fetch (undici, with a
 * keep-alive pool) instead of the default make-fetch-happen, the request id
 * passed on, and a subgraph that does not answer reported with its name.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    url: string,
    signingKey: string,
    private readonly metrics?: GatewayMetrics,
    private readonly resilience: { timeoutMs: number; breaker: CircuitBreaker } = { timeoutMs: 10_000, breaker: new CircuitBreaker({ threshold: 5, cooldownMs: 5_000 }) },
  ) {
    // Signs the exact body sent, with the identity willSendRequest put in the headers;
    // gives up after the subgraph's timeout.
    const signedFetch = async (target: string, init: RequestInit & { headers: Record<string, string> }) => {
      const identity = init.headers[IDENTITY_HEADER] ?? encodeIdentity({ kind: "anonymous" });
      const headers = { ...init.headers, ...signRequest(signingKey, identity, String(init.body ?? "")) };
      return subgraphFetch(target, { ...init, headers, signal: AbortSignal.timeout(resilience.timeoutMs) });
    };
    super({ url, fetcher: signedFetch as never });
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["willSendRequest"]>>[0]): void {
    if (context?.requestId) request.http?.headers.set("x-request-id", context.requestId);
    request.http?.headers.set(IDENTITY_HEADER, encodeIdentity(context?.identity ?? { kind: "anonymous" }));
    if (request.http) injectTraceContext(request.http.headers);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>["process"]> {
    const started = performance.now();
    const { breaker } = this.resilience;
    if (!breaker.allow()) {
      this.metrics?.subgraphFailures.inc({ subgraph: this.name, reason: "circuit-open" });
      throw new HubError("SUBGRAPH_UNAVAILABLE", `Subgraph "${this.name}" is failing; not asked for a few seconds`, { subgraph: this.name, reason: "circuit open" });
    }
    try {
      const response = await super.process(options);
      breaker.success();
      return response;
    } catch (error) {
      breaker.failure();
      this.metrics?.subgraphFailures.inc({ subgraph: this.name, reason: error instanceof Error && error.name === "TimeoutError" ? "timeout" : "error" });
      if (error instanceof HubError) throw error;
      const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${this.resilience.timeoutMs} ms` : error instanceof Error ? error.message : String(error);
      // A refused connection, a reset or a non-GraphQL answer: name the subgraph, hide the rest.
      throw new HubError("SUBGRAPH_UNAVAILABLE", `Subgraph "${this.name}" did not answer`, { subgraph: this.name, reason: reason.slice(0, 200) });
    } finally {
      this.metrics?.subgraphLatency.observe((performance.now() - started) / 1000, { subgraph: this.name });
    }
  }
}
