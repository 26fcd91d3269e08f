import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readSupergraph, supergraphSubgraphs } from "../supergraph.js";
import { exampleLayout, haproxyConfig, haproxyInstalled } from "./haproxy.js";

const committed = fileURLToPath(new URL("../../deploy/haproxy.cfg", import.meta.url));
const haproxy = haproxyInstalled();

/** The committed HAProxy example is what the code makes, and HAProxy accepts it (issue #13, item 5). */
describe("the load balancer's configuration", () => {
  it("gateway/deploy/haproxy.cfg is haproxyConfig(exampleLayout()) (regenerate: pnpm --filter @bdp/gateway run write-deploy)", () => {
    expect(readFileSync(committed, "utf8")).toBe(haproxyConfig(exampleLayout()));
  });

  it("checks readiness, retries sent requests for GET only, and forwards the client's address from a pinned source", () => {
    const text = haproxyConfig(exampleLayout());
    expect(text).toMatch(/option httpchk GET \/health\/ready/);
    expect(text).toMatch(/http-request disable-l7-retry if !METH_GET/);
    expect(text).toMatch(/option forwardfor/);
    expect(text).toMatch(/default-server .* source 127\.0\.0\.2/);
  });

  it("puts every subgraph's replicas behind a frontend on the port its supergraph URL names, never replaying a request one took", () => {
    const layout = exampleLayout();
    const text = haproxyConfig(layout);
    for (const { name, url } of supergraphSubgraphs(readSupergraph())) {
      const section = text.slice(text.indexOf(`frontend subgraph-${name}`), text.indexOf(`backend subgraph-${name}`));
      expect(section).toContain(`bind 127.0.0.1:${new URL(url).port}`);
      expect(section).toContain("http-request disable-l7-retry if !METH_GET");
      const replicas = layout.subgraphs!.find((s) => s.name === name)!.replicas;
      expect(replicas).toHaveLength(2);
      for (const r of replicas) expect(text).toContain(`server ${r.name} 127.0.0.1:${r.port} check`);
    }
    // every port once: no replica on another's port, none on the gateway's or a plugin's
    const ports = [layout.bind.port, layout.stats!.port, ...layout.gateways.map((g) => g.port), ...layout.subgraphs!.flatMap((s) => [s.bind.port, ...s.replicas.map((r) => r.port)])];
    expect(new Set(ports).size).toBe(ports.length);
    expect(ports.filter((p) => p >= 4100 && p < 4200), "the example plugins' ports").toEqual([]);
  });

  it.skipIf(!haproxy)("is valid for HAProxy itself (haproxy -c)", () => {
    expect(execFileSync("haproxy", ["-c", "-f", committed]).toString()).toMatch(/valid/);
  });
});
