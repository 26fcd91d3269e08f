/**
 * Prometheus metrics in the text exposition format, without a client
 * library: counters and histograms with labels, served at /metrics.
 */
type Labels = Record<string, string>;
const key = (labels: Labels) => JSON.stringify(Object.entries(labels).sort());
const render = (labels: Labels) => {
  const entries = Object.entries(labels);
  return entries.length ? `{${entries.map(([k, v]) => `${k}="${v.replace(/["\\\n]/g, "_")}"`).join(",")}}` : "";
};

class Counter {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(readonly name: string, readonly help: string) {}
  inc(labels: Labels = {}, by = 1): void {
    const k = key(labels);
    const entry = this.values.get(k) ?? { labels, value: 0 };
    entry.value += by;
    this.values.set(k, entry);
  }
  text(): string {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`, ...[...this.values.values()].map((e) => `${this.name}${render(e.labels)} ${e.value}`)].join("\n");
  }
}

class Histogram {
  private readonly values = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, readonly buckets: number[]) {}
  observe(seconds: number, labels: Labels = {}): void {
    const k = key(labels);
    const entry = this.values.get(k) ?? { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 };
    this.buckets.forEach((b, i) => {
      if (seconds <= b) entry.counts[i]!++;
    });
    entry.sum += seconds;
    entry.count++;
    this.values.set(k, entry);
  }
  text(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const e of this.values.values()) {
      this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket${render({ ...e.labels, le: String(b) })} ${e.counts[i]}`));
      lines.push(`${this.name}_bucket${render({ ...e.labels, le: "+Inf" })} ${e.count}`);
      lines.push(`${this.name}_sum${render(e.labels)} ${e.sum}`);
      lines.push(`${this.name}_count${render(e.labels)} ${e.count}`);
    }
    return lines.join("\n");
  }
}

const LATENCY = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class GatewayMetrics {
  readonly requests = new Counter("bdp_gateway_requests_total", "GraphQL requests answered, by outcome (ok or the first error code).");
  readonly errors = new Counter("bdp_gateway_errors_total", "Errors returned, by code.");
  readonly latency = new Histogram("bdp_gateway_request_duration_seconds", "Time to answer a GraphQL request.", LATENCY);
  readonly subgraphLatency = new Histogram("bdp_gateway_subgraph_fetch_duration_seconds", "Time of one fetch from a subgraph.", LATENCY);
  readonly subgraphFailures = new Counter("bdp_gateway_subgraph_failures_total", "Subgraph fetches that failed, by subgraph.");
  readonly refused = new Counter("bdp_gateway_refused_total", "Requests refused before execution, by reason.");
  readonly documents = new Counter("bdp_gateway_documents_total", "Documents received, by outcome (registered by client, free_form, refused, unknown_id): how far clients are from trusted documents only.");
  readonly sharedStateErrors = new Counter("bdp_gateway_shared_state_errors_total", "Failures of the shared state in Redis (the rate limit fell back to this replica's memory, a persisted query was a miss), by store.");
  readonly representationsSkipped = new Counter("bdp_gateway_entity_representations_skipped_total", "Entity representations not sent because the same one was already in the fetch, by subgraph.");
  readonly fetchesMerged = new Counter("bdp_gateway_subgraph_fetches_merged_total", "Subgraph fetches not sent on their own because they went with another of the same plan step, by subgraph.");
  readonly pluginRejected = new Counter("bdp_gateway_plugin_rejected_total", "Parts of plugins' answers the gateway dropped (not asked for, not the plugin's, malformed, too large, redirected), by plugin and reason.");

  /** Set by the gateway: each subgraph's circuit state. */
  breakerStates: () => Record<string, string> = () => ({});

  text(): string {
    const states = Object.entries(this.breakerStates());
    const gauge = [
      "# HELP bdp_gateway_circuit_open Whether a subgraph's circuit breaker is open (1) or half-open (0.5) or closed (0).",
      "# TYPE bdp_gateway_circuit_open gauge",
      ...states.map(([name, state]) => `bdp_gateway_circuit_open{subgraph="${name}"} ${state === "open" ? 1 : state === "half-open" ? 0.5 : 0}`),
    ].join("\n");
    return `${gauge}\n${[this.requests, this.errors, this.latency, this.subgraphLatency, this.subgraphFailures, this.refused, this.documents, this.pluginRejected, this.sharedStateErrors, this.representationsSkipped, this.fetchesMerged].map((m) => m.text()).join("\n")}\n`;
  }
}
