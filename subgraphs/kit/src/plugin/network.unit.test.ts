import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PluginAddressPolicy, PluginFetchError, pluginFetch, pluginJson } from "./network.js";

/** The network edge toward plugins (issue #11): redirects, sizes, time and addresses, on a real loopback server. */
let server: Server;
let base: string;
let port: number;
const secret = "# HELP bdp_subgraph_sql_statements_total internal metrics";

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/redirect") return void res.writeHead(302, { location: "/metrics" }).end();
    if (req.url === "/metrics") return void res.writeHead(200).end(secret);
    if (req.url === "/big") return void res.writeHead(200).end("x".repeat(2_000_000));
    if (req.url === "/stream") {
      // no content-length: the limit must hold while reading
      res.writeHead(200);
      const chunk = "y".repeat(64 * 1024);
      let sent = 0;
      const pump = () => {
        while (sent < 100 && res.write(chunk)) sent++;
        if (sent < 100) res.once("drain", pump);
        else res.end();
      };
      return void pump();
    }
    if (req.url === "/slow") return void setTimeout(() => res.writeHead(200).end("{}"), 2_000);
    if (req.url === "/missing") return void res.writeHead(404).end(secret);
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const allowed = () => new PluginAddressPolicy([`127.0.0.1:${port}`]);
const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(PluginFetchError);
  // the reason a client may see never carries the plugin's bytes
  expect((error as PluginFetchError).message).not.toContain("HELP");
  return (error as PluginFetchError).failure;
};

describe("the address policy", () => {
  it("allows public addresses and refuses loopback, link-local and private ones unless listed", () => {
    const none = new PluginAddressPolicy();
    expect(none.allows("93.184.216.34", 80)).toBe(true);
    expect(none.allows("2001:db8::1", 80)).toBe(true);
    for (const address of ["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1"]) {
      expect(none.allows(address, 80), address).toBe(false);
    }
    const some = new PluginAddressPolicy(["127.0.0.1:4101", "10.20.0.0/16", "[::1]:4102", "192.168.7.7"]);
    expect(some.allows("127.0.0.1", 4101)).toBe(true);
    expect(some.allows("127.0.0.1", 4001)).toBe(false);
    expect(some.allows("::ffff:127.0.0.1", 4101)).toBe(true);
    expect(some.allows("10.20.3.4", 1)).toBe(true);
    expect(some.allows("10.21.3.4", 1)).toBe(false);
    expect(some.allows("::1", 4102)).toBe(true);
    expect(some.allows("192.168.7.7", 9)).toBe(true);
    expect(() => new PluginAddressPolicy(["not an address"])).toThrow(/PLUGIN_ALLOWED_ADDRESSES/);
  });
});

describe("pluginFetch", () => {
  const limits = { maxBytes: 1_000_000, timeoutMs: 1_000 };

  it("answers from an allowed address", async () => {
    expect(await pluginJson(`${base}/ok`, { ...limits, policy: allowed() })).toEqual({ ok: true });
  });

  it("never follows a redirect, and says nothing of where it pointed", async () => {
    expect(await failure(pluginFetch(`${base}/redirect`, { ...limits, policy: allowed() }))).toBe("redirect");
  });

  it("stops reading at the size limit, declared or streamed", async () => {
    expect(await failure(pluginFetch(`${base}/big`, { ...limits, policy: allowed() }))).toBe("too-large");
    expect(await failure(pluginFetch(`${base}/stream`, { ...limits, policy: allowed() }))).toBe("too-large");
  });

  it("stops waiting at the time limit", async () => {
    expect(await failure(pluginFetch(`${base}/slow`, { maxBytes: 1000, timeoutMs: 200, policy: allowed() }))).toBe("unreachable");
  });

  it("refuses a loopback address that is not listed: a literal before connecting, a name when it resolves", async () => {
    const other = new PluginAddressPolicy([`127.0.0.1:${port + 1}`]);
    expect(await failure(pluginFetch(`${base}/ok`, { ...limits, policy: other }))).toBe("address-not-allowed");
    expect(await failure(pluginFetch(`http://localhost:${port}/ok`, { ...limits, policy: other }))).toBe("address-not-allowed");
    expect(await failure(pluginFetch("http://169.254.169.254/latest/meta-data/", { ...limits, policy: other }))).toBe("address-not-allowed");
  });

  it("gives one reason for a closed port and for a port that answers something else", async () => {
    const closed = await failure(pluginFetch(`http://127.0.0.1:${port + 1}/`, { ...limits, policy: new PluginAddressPolicy(["127.0.0.1"]) }));
    expect(closed).toBe("unreachable");
    expect(await failure(pluginJson(`${base}/metrics`, { ...limits, policy: allowed() }))).toBe("unreachable");
    expect(await failure(pluginJson(`${base}/missing`, { ...limits, policy: allowed() }))).toBe("http-status");
  });
});
