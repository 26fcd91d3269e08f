import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTracing, type Tracing } from "@bdp/gateway";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * Optional OpenTelemetry tracing (issue #7): with an OTLP endpoint set, the
 * gateway's spans reach a collector, and each subgraph logs the trace id the
 * gateway passed it. The collector here is a plain HTTP server that keeps
 * what it is sent (OTLP over HTTP, JSON).
 */
interface OtlpSpan {
  traceId: string;
  name: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
}
const spans: OtlpSpan[] = [];
const logLines: string[] = [];
let collector: Server;
let tracing: Tracing;
let hub: TestHub;
let restoreStdout: () => void;

let logLevel: string | undefined;
beforeAll(async () => {
  collector = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      const payload = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[] };
      for (const r of payload.resourceSpans) for (const s of r.scopeSpans) spans.push(...s.spans);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((r) => collector.listen(0, "127.0.0.1", r));
  tracing = startTracing({ otlpUrl: `http://127.0.0.1:${(collector.address() as AddressInfo).port}/v1/traces`, serviceName: "bdp-gateway-test" });
  logLevel = process.env.LOG_LEVEL;
  process.env.LOG_LEVEL = "info"; // the subgraphs' per-operation lines, for the trace ids
  hub = await startTestHub("e2e_tracing");
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logLines.push(String(chunk));
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
  restoreStdout = () => (process.stdout.write = write);
});
afterAll(async () => {
  restoreStdout?.();
  // the next file in this worker (the e2e project does not isolate files) gets the level it was given
  if (logLevel === undefined) delete process.env.LOG_LEVEL;
  else process.env.LOG_LEVEL = logLevel;
  await hub?.close();
  await tracing?.shutdown();
  collector?.close();
});

describe("tracing", () => {
  it("sends the gateway's spans to the collector, and the subgraphs log the same trace id", async () => {
    const { body } = await hub.query(`query Overview { partners(first: 2) { nodes { name trainingProgrammes { title } } } }`);
    expect(body.errors).toBeUndefined();
    await tracing.flush();

    const names = new Set(spans.map((s) => s.name));
    for (const name of ["gateway.request", "gateway.validate", "gateway.plan", "gateway.execute", "gateway.fetch"]) expect(names).toContain(name);
    const traceId = spans.find((s) => s.name === "gateway.request")!.traceId;
    expect(spans.filter((s) => s.name === "gateway.fetch" && s.traceId === traceId)).toHaveLength(2); // partners, then training

    const subgraphLines = logLines.filter((l) => l.includes(`"traceId":"${traceId}"`)).map((l) => JSON.parse(l) as { service: string; msg: string });
    expect(new Set(subgraphLines.filter((l) => l.msg === "graphql").map((l) => l.service))).toEqual(new Set(["partners", "training"]));
  });
});
