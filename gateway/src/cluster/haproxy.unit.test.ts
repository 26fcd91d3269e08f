import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { EXAMPLE_LAYOUT, haproxyConfig, haproxyInstalled } from "./haproxy.js";

const committed = fileURLToPath(new URL("../../deploy/haproxy.cfg", import.meta.url));
const haproxy = haproxyInstalled();

/** The committed HAProxy example is what the code makes, and HAProxy accepts it (issue #13, item 5). */
describe("the load balancer's configuration", () => {
  it("gateway/deploy/haproxy.cfg is haproxyConfig(EXAMPLE_LAYOUT) (regenerate: node … src/cluster/write-example.ts)", () => {
    expect(readFileSync(committed, "utf8")).toBe(haproxyConfig(EXAMPLE_LAYOUT));
  });

  it("checks readiness, retries sent requests for GET only, and forwards the client's address from a pinned source", () => {
    const text = haproxyConfig(EXAMPLE_LAYOUT);
    expect(text).toMatch(/option httpchk GET \/health\/ready/);
    expect(text).toMatch(/http-request disable-l7-retry if !METH_GET/);
    expect(text).toMatch(/option forwardfor/);
    expect(text).toMatch(/default-server .* source 127\.0\.0\.2/);
  });

  it.skipIf(!haproxy)("is valid for HAProxy itself (haproxy -c)", () => {
    expect(execFileSync("haproxy", ["-c", "-f", committed]).toString()).toMatch(/valid/);
  });
});
