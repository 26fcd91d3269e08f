import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { Resource } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor, type SpanExporter } from "@opentelemetry/sdk-trace-base";

/**
 * Optional OpenTelemetry tracing (issue #7). `@apollo/gateway` already makes
 * spans through `@opentelemetry/api` (gateway.request, .validate, .plan,
 * .execute, .fetch per subgraph, .postprocessing); they go nowhere until a
 * tracer provider is registered, which this does when asked to. Subgraph
 * requests carry the W3C `traceparent` of their fetch span, and subgraphs log
 * its trace id, so a slow operation can be followed from trace to logs.
 */
export interface TracingOptions {
  /** OTLP over HTTP (JSON), e.g. http://127.0.0.1:4318/v1/traces. */
  otlpUrl?: string;
  /** Print finished spans to stdout instead (development). */
  console?: boolean;
  serviceName?: string;
}

/**
 * Standard OpenTelemetry variables: `OTEL_TRACES_EXPORTER` (`otlp`, `console`,
 * `none`), `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `OTEL_EXPORTER_OTLP_ENDPOINT`
 * (to which `/v1/traces` is added), `OTEL_SERVICE_NAME`. Off when none is set.
 */
export function tracingFromEnv(env: NodeJS.ProcessEnv = process.env): TracingOptions | undefined {
  const exporter = env.OTEL_TRACES_EXPORTER;
  if (exporter === "none") return undefined;
  const serviceName = env.OTEL_SERVICE_NAME ?? "bdp-gateway";
  if (exporter === "console") return { console: true, serviceName };
  const otlpUrl = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (env.OTEL_EXPORTER_OTLP_ENDPOINT ? `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, "")}/v1/traces` : undefined);
  if (otlpUrl) return { otlpUrl, serviceName };
  return exporter === "otlp" ? { otlpUrl: "http://127.0.0.1:4318/v1/traces", serviceName } : undefined;
}

export interface Tracing {
  /** Sends what is buffered now. */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

export function startTracing(options: TracingOptions): Tracing {
  const exporter: SpanExporter = options.console ? new ConsoleSpanExporter() : new OTLPTraceExporter({ url: options.otlpUrl });
  const provider = new BasicTracerProvider({
    resource: new Resource({ "service.name": options.serviceName ?? "bdp-gateway" }),
    spanProcessors: [options.console ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  // The fetch span must still be the active one when the data source builds the subgraph request.
  provider.register({ contextManager: new AsyncLocalStorageContextManager().enable(), propagator: new W3CTraceContextPropagator() });
  return {
    flush: () => provider.forceFlush(),
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** Puts the active span's `traceparent` on an outgoing subgraph request (nothing when tracing is off). */
export function injectTraceContext(headers: { set(name: string, value: string): void }): void {
  propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
}
