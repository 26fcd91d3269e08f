import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { HubError, IDENTITY_HEADER, encodeIdentity, signRequest } from "@bdp/kit";
import type { GatewayContext } from "./context.js";
import type { GatewayMetrics } from "./metrics.js";
import { CircuitBreaker } from "./limits/circuit-breaker.js";
import { injectTraceContext } from "./tracing.js";

/** A subgraph's answer, read once and shared by every caller that asked the same thing at the same time. */
interface Answer {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

/**
 * How the gateway talks to one subgraph:
 * - Node's own fetch (undici, a keep-alive pool) instead of make-fetch-happen;
 * - every request signed with the caller's identity (the subgraphs refuse
 *   anything else), its request id and trace context passed on;
 * - identical reads in flight at the same time (same subgraph, same caller,
 *   same document and variables) share one subgraph request: each caller
 *   parses its own copy of the answer (issue #6: the peer does this too);
 * - a timeout and a circuit breaker per subgraph, and a subgraph that does
 *   not answer reported with its name (issue #7);
 * - a subgraph's HTTP 400 carrying GraphQL errors (bad variables) handed on
 *   as a GraphQL result, so the caller sees the subgraph's own error code.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    url: string,
    signingKey: string,
    private readonly metrics?: GatewayMetrics,
    private readonly resilience: { timeoutMs: number; breaker: CircuitBreaker } = { timeoutMs: 10_000, breaker: new CircuitBreaker({ threshold: 5, cooldownMs: 5_000 }) },
  ) {
    const inFlight = new Map<string, Promise<Answer>>();
    const fetchAnswer = async (target: string, headers: Record<string, string>, body: string): Promise<Answer> => {
      const response = await fetch(target, { method: "POST", headers, body, signal: AbortSignal.timeout(resilience.timeoutMs) });
      const text = await response.text();
      let status = response.status;
      // a 400 whose body holds GraphQL errors is a GraphQL answer (BAD_USER_INPUT on variables)
      if (status === 400 && (response.headers.get("content-type") ?? "").includes("json") && hasGraphQLErrors(text)) status = 200;
      return { status, statusText: response.statusText, headers: response.headers, text };
    };
    // Signs the exact body sent, with the identity willSendRequest put in the headers.
    const sharedFetch = async (target: string, init: { headers: Record<string, string>; body: string }): Promise<Response> => {
      const identity = init.headers[IDENTITY_HEADER] ?? encodeIdentity({ kind: "anonymous" });
      const key = isRead(init.body) ? `${target}\n${identity}\n${init.body}` : undefined;
      let answer = key ? inFlight.get(key) : undefined;
      if (!answer) {
        answer = fetchAnswer(target, { ...init.headers, ...signRequest(signingKey, identity, init.body) }, init.body);
        if (key) {
          inFlight.set(key, answer);
          const forget = () => inFlight.delete(key);
          answer.then(forget, forget);
        }
      }
      const { status, statusText, headers, text } = await answer;
      // each caller gets its own response to parse: nothing mutable is shared between requests
      return new Response(text, { status, statusText, headers });
    };
    super({ url, fetcher: sharedFetch as never });
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

/**
 * The query plan's fetches are queries (entity lookups included) unless the
 * operation is a mutation; the gateway writes the body as `{"query":"…`.
 */
function isRead(body: string): boolean {
  return body.startsWith('{"query":"query') || body.startsWith('{"query":"{');
}

function hasGraphQLErrors(text: string): boolean {
  try {
    return Array.isArray((JSON.parse(text) as { errors?: unknown }).errors);
  } catch {
    return false;
  }
}
