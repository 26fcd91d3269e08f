import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { HubError, IDENTITY_HEADER, MIN_LSN_HEADER, WRITE_LSN_HEADER, encodeIdentity, minimalIdentity, pathOf, signRequest, type Identity } from "@bdp/kit/server";
import { PLUGIN_FETCH_REASONS, PluginFetchError, pluginFetch, type AnswerGuard, type PluginAddressPolicy, type PluginLimits } from "@bdp/kit/plugin";
import type { GatewayContext } from "./context.js";
import type { GatewayMetrics } from "./metrics.js";
import { CircuitBreaker } from "./limits/circuit-breaker.js";
import { injectTraceContext } from "./tracing.js";
import type { WriteMarks } from "./limits/write-marks.js";
import { deduplicate, spread } from "./fetch/representations.js";
import { canMerge, merge } from "./fetch/merge.js";

/** A fetch of an operation's plan, with the request's context and the fetch's document. */
type IncomingFetch = Extract<GraphQLDataSourceProcessOptions<GatewayContext>, { document?: unknown }>;

/** A read waiting for the other reads of its plan step (merge.ts). */
interface Pending {
  options: GraphQLDataSourceProcessOptions<GatewayContext>;
  resolve: (answer: Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>["process"]>>) => void;
  reject: (error: unknown) => void;
}

/** A subgraph's answer, read once and shared by every caller that asked the same thing at the same time. */
interface Answer {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
}

/** How the gateway reaches a partner's plugin: untrusted, so through the network edge, and every answer filtered (issue #11). */
export interface PluginEdge {
  guard: AnswerGuard;
  policy: PluginAddressPolicy;
  limits: PluginLimits;
}

/**
 * How the gateway talks to one subgraph:
 * - Node's own fetch (undici, a keep-alive pool) for the core; a plugin
 *   through the network edge (no redirects, size and time limits, allowed
 *   addresses only);
 * - every request signed for its audience (this subgraph's name), method
 *   and path, with the caller's identity (the subgraphs refuse anything
 *   else); a plugin is told only the caller's role and partner;
 * - each entity representation sent once, the answer spread back over the
 *   items it stands for, and the parallel reads of one plan step to a core
 *   subgraph sent as one request (issue #14);
 * - identical reads in flight at the same time (same subgraph, same caller,
 *   same document and variables) share one subgraph request: each caller
 *   parses its own copy of the answer (issue #6: the peer does this too);
 * - a timeout and a circuit breaker per subgraph, and a subgraph that does
 *   not answer reported with its name (issue #7) — for a plugin with a fixed
 *   reason, never its bytes;
 * - a plugin's answer filtered to what the fetch asked for and the plugin
 *   owns (AnswerGuard), with what was dropped counted and reported;
 * - a subgraph's HTTP 400 carrying GraphQL errors (bad variables) handed on
 *   as a GraphQL result, so the caller sees the subgraph's own error code;
 * - where a caller's write landed (a core subgraph on read replicas says it)
 *   remembered and sent with the caller's next requests to that subgraph, so
 *   they read what it wrote (write-marks.ts).
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** The reads of each request waiting to go together. */
  private readonly batches = new WeakMap<GatewayContext, Pending[]>();

  constructor(
    readonly name: string,
    url: string,
    signingKey: string,
    private readonly metrics?: GatewayMetrics,
    private readonly resilience: { timeoutMs: number; breaker: CircuitBreaker } = { timeoutMs: 10_000, breaker: new CircuitBreaker({ threshold: 5, cooldownMs: 5_000 }) },
    private readonly plugin?: PluginEdge,
    private readonly writeMarks?: WriteMarks,
    /** Whether a plan step's parallel reads to this subgraph go as one request (MERGE_FETCHES, on). */
    private readonly mergeFetches = true,
  ) {
    const inFlight = new Map<string, Promise<Answer>>();
    const fetchAnswer = async (target: string, headers: Record<string, string>, body: string): Promise<Answer> => {
      if (plugin) {
        const answer = await pluginFetch(target, { method: "POST", headers, body, policy: plugin.policy, maxBytes: plugin.limits.answerBytes, timeoutMs: Math.min(plugin.limits.timeoutMs, resilience.timeoutMs) });
        // only a GraphQL answer in JSON is an answer: anything else is a failure with a fixed reason
        if (!hasGraphQLBody(answer.text)) throw new PluginFetchError(answer.status >= 200 && answer.status < 300 ? "unreachable" : "http-status", `HTTP ${answer.status}`);
        return { status: 200, statusText: "OK", headers: new Headers({ "content-type": "application/json" }), text: answer.text };
      }
      const response = await fetch(target, { method: "POST", headers, body, signal: AbortSignal.timeout(resilience.timeoutMs) });
      const text = await response.text();
      let status = response.status;
      // a 400 whose body holds GraphQL errors is a GraphQL answer (BAD_USER_INPUT on variables)
      if (status === 400 && (response.headers.get("content-type") ?? "").includes("json") && hasGraphQLErrors(text)) status = 200;
      return { status, statusText: response.statusText, headers: response.headers, text };
    };
    // Signs the exact body sent, for this subgraph, with the identity willSendRequest put in the headers.
    const sharedFetch = async (target: string, init: { headers: Record<string, string>; body: string }): Promise<Response> => {
      const identity = init.headers[IDENTITY_HEADER] ?? encodeIdentity({ kind: "anonymous" });
      const key = isRead(init.body) ? `${target}\n${identity}\n${init.body}` : undefined;
      let answer = key ? inFlight.get(key) : undefined;
      if (!answer) {
        const signature = signRequest(signingKey, identity, { method: "POST", path: pathOf(target), audience: name, body: init.body });
        answer = fetchAnswer(target, { ...init.headers, ...signature }, init.body);
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

  override async willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["willSendRequest"]>>[0]): Promise<void> {
    if (context?.requestId) request.http?.headers.set("x-request-id", context.requestId);
    const identity = context?.identity ?? { kind: "anonymous" as const };
    // a plugin learns the caller's role and partner, never the user id (issue #11)
    request.http?.headers.set(IDENTITY_HEADER, this.plugin ? Buffer.from(JSON.stringify(minimalIdentity(identity))).toString("base64url") : encodeIdentity(identity));
    if (request.http) injectTraceContext(request.http.headers);
    // the caller's last write here, which its reads must see (read once per request); anonymous callers do not write
    const caller = this.writeMarks && !this.plugin && context ? callerOf(identity) : undefined;
    if (caller) {
      context!.writeMarks ??= this.writeMarks!.of(caller);
      const lsn = (await context!.writeMarks)[this.name];
      if (lsn) request.http?.headers.set(MIN_LSN_HEADER, lsn);
    }
  }

  override async didReceiveResponse(options: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["didReceiveResponse"]>>[0]): Promise<(typeof options)["response"]> {
    const { response, context } = options;
    const lsn = response.http?.headers.get(WRITE_LSN_HEADER);
    const caller = lsn && this.writeMarks && !this.plugin && context ? callerOf(context.identity) : undefined;
    if (caller) {
      // the later fetches of this request, and the caller's next requests through any gateway, see the write
      const marks = context!.writeMarks ?? Promise.resolve({});
      context!.writeMarks = marks.then((m) => ({ ...m, [this.name]: lsn! }));
      await this.writeMarks!.mark(caller, this.name, lsn!);
    }
    return response;
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>["process"]> {
    // each entity representation once (representations.ts)
    const representations = options.request.variables?.representations;
    const once = Array.isArray(representations) ? deduplicate(representations) : undefined;
    if (!once) return this.mergedOrAlone(options);
    this.metrics?.representationsSkipped.inc({ subgraph: this.name }, representations!.length - once.unique.length);
    const request = { ...options.request, variables: { ...options.request.variables, representations: once.unique } };
    return spread(await this.mergedOrAlone({ ...options, request }), once);
  }

  /**
   * A core subgraph's read, merged with the other reads of the same request
   * to this subgraph that start in the same turn of the event loop (the
   * parallel fetches of one plan step: merge.ts); anything else alone.
   */
  private mergedOrAlone(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>["process"]> {
    // an operation's fetch (not a health check): the kind's enum is not exported, its value is
    if (!this.mergeFetches || this.plugin || options.kind !== ("incoming operation" as typeof options.kind)) return this.fetchOnce(options);
    const { context, document } = options as IncomingFetch;
    if (!context || !canMerge(document)) return this.fetchOnce(options);
    let batch = this.batches.get(context);
    if (!batch) {
      const pending: Pending[] = [];
      batch = pending;
      this.batches.set(context, pending);
      setImmediate(() => {
        this.batches.delete(context);
        void this.sendBatch(pending);
      });
    }
    const queued = batch;
    return new Promise((resolve, reject) => queued.push({ options, resolve, reject }));
  }

  private async sendBatch(batch: Pending[]): Promise<void> {
    if (batch.length === 1) {
      const [{ options, resolve, reject }] = batch as [Pending];
      return this.fetchOnce(options).then(resolve, reject);
    }
    try {
      const merged = merge(batch.map(({ options }) => ({ query: options.request.query!, document: (options as IncomingFetch).document!, variables: options.request.variables ?? {} })));
      this.metrics?.fetchesMerged.inc({ subgraph: this.name }, batch.length - 1);
      const first = batch[0]!.options;
      const answer = await this.fetchOnce({ ...first, request: { ...first.request, query: merged.query, operationName: merged.operationName, variables: merged.variables } });
      merged.split(answer).forEach((part, k) => batch[k]!.resolve(part as Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>["process"]>>));
    } catch (error) {
      for (const { reject } of batch) reject(error);
    }
  }

  private async fetchOnce(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>["process"]> {
    const started = performance.now();
    const { breaker } = this.resilience;
    if (!breaker.allow()) {
      this.metrics?.subgraphFailures.inc({ subgraph: this.name, reason: "circuit-open" });
      throw new HubError("SUBGRAPH_UNAVAILABLE", `Subgraph "${this.name}" is failing; not asked for a few seconds`, { subgraph: this.name, reason: "circuit open" });
    }
    try {
      const response = await super.process(options);
      breaker.success();
      return this.plugin ? this.guarded(options.request, response) : response;
    } catch (error) {
      breaker.failure();
      const timeout = error instanceof Error && error.name === "TimeoutError";
      if (error instanceof PluginFetchError) {
        this.metrics?.subgraphFailures.inc({ subgraph: this.name, reason: error.failure });
        if (error.failure !== "unreachable" && error.failure !== "http-status") this.metrics?.pluginRejected.inc({ plugin: this.name, reason: error.failure });
        // a plugin's failure is said in the hub's words: nothing it sent, nothing of where it pointed
        throw new HubError("SUBGRAPH_UNAVAILABLE", `Plugin "${this.name}" did not answer`, { subgraph: this.name, reason: PLUGIN_FETCH_REASONS[error.failure] });
      }
      this.metrics?.subgraphFailures.inc({ subgraph: this.name, reason: timeout ? "timeout" : "error" });
      if (error instanceof HubError) throw error;
      if (this.plugin) throw new HubError("SUBGRAPH_UNAVAILABLE", `Plugin "${this.name}" did not answer`, { subgraph: this.name, reason: PLUGIN_FETCH_REASONS.unreachable });
      const reason = timeout ? `no answer within ${this.resilience.timeoutMs} ms` : error instanceof Error ? error.message : String(error);
      // A refused connection, a reset or a non-GraphQL answer: name the subgraph, hide the rest.
      throw new HubError("SUBGRAPH_UNAVAILABLE", `Subgraph "${this.name}" did not answer`, { subgraph: this.name, reason: reason.slice(0, 200) });
    } finally {
      this.metrics?.subgraphLatency.observe((performance.now() - started) / 1000, { subgraph: this.name });
    }
  }

  /** A plugin's answer, filtered: what it was not asked for or does not own is dropped, counted and reported. */
  private guarded(request: GraphQLDataSourceProcessOptions<GatewayContext>["request"], response: Awaited<ReturnType<RemoteGraphQLDataSource<GatewayContext>["process"]>>) {
    const { answer, rejected } = this.plugin!.guard.filter({ query: request.query, variables: request.variables as Record<string, unknown> | undefined }, response);
    // the plugin's own `extensions` are not passed on: nothing but data and errors crosses
    if (rejected.size === 0) return { ...response, data: answer.data, errors: answer.errors, extensions: undefined } as typeof response;
    for (const [reason, count] of rejected) this.metrics?.pluginRejected.inc({ plugin: this.name, reason }, count);
    const reasons = [...rejected.keys()];
    const notice = { message: `Plugin "${this.name}" answered with data it was not asked for or does not own; the hub dropped it`, extensions: { code: "PLUGIN_ANSWER_REJECTED", subgraph: this.name, reasons } };
    return { ...response, data: answer.data, errors: [...(answer.errors ?? []), notice], extensions: undefined } as typeof response;
  }
}

/** Whose writes are remembered: a signed-in caller (the anonymous write nothing). */
function callerOf(identity: Identity): string | undefined {
  return identity.kind === "anonymous" ? undefined : identity.userId;
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

function hasGraphQLBody(text: string): boolean {
  try {
    const body = JSON.parse(text) as { data?: unknown; errors?: unknown } | null;
    return !!body && typeof body === "object" && ("data" in body || Array.isArray(body.errors));
  } catch {
    return false;
  }
}
