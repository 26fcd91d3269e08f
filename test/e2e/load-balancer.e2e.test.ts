import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haproxyConfig, haproxyInstalled, type RunningGateway } from "@bdp/gateway";
import { startTestHub, type TestHub } from "../src/hub.js";
import { freePort } from "../src/ports.js";

/**
 * The gateway replicas behind a real HAProxy (Debian's), with the
 * configuration the code makes (issue #13, item 5): requests spread over
 * both replicas; the anonymous rate limit is keyed by the client address the
 * balancer forwarded, and a forged `X-Forwarded-For`, sent through the
 * balancer or straight to a gateway, changes nothing; a replica that stops
 * costs no request. Clients and the balancer use addresses of their own on
 * loopback (127.0.0.3…, the balancer 127.0.0.2, the only trusted proxy).
 */
const haproxy = haproxyInstalled();
if (!haproxy) console.log("HAProxy is not installed (apt-get install haproxy): the load balancer test is skipped");
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const LIMIT = { perMinute: 6, burst: 3 };
const BALANCER = "127.0.0.2";
let hub: TestHub;
let second: RunningGateway;
let balancer: ChildProcess;
let balancerPort: number;
const scratch = mkdtempSync(join(tmpdir(), "bdp-balancer-"));

beforeAll(async () => {
  if (!haproxy) return;
  const shared = { redisUrl: REDIS_URL, redisKeyPrefix: `bdp-test:${randomBytes(4).toString("hex")}:`, rateLimit: LIMIT, trustedProxies: [BALANCER] };
  hub = await startTestHub("e2e_balancer", shared);
  second = await hub.replica(shared);
  balancerPort = await freePort();
  const config = join(scratch, "haproxy.cfg");
  writeFileSync(
    config,
    haproxyConfig({
      bind: { host: "127.0.0.1", port: balancerPort },
      source: BALANCER,
      gateways: [hub.gateway, second].map((g, i) => ({ name: `gateway-${i + 1}`, host: "127.0.0.1", port: Number(new URL(g.url).port) })),
    }),
  );
  balancer = spawn("haproxy", ["-db", "-f", config], { stdio: "ignore" });
  for (let i = 0; i < 100; i++) {
    if ((await send(balancerPort, "127.0.0.1", { query: "{ __typename }" }, { token: token() }).catch(() => ({ status: 0 }))).status === 200) break;
    await new Promise((r) => setTimeout(r, 50));
  }
});
afterAll(async () => {
  balancer?.kill("SIGKILL");
  await second?.close().catch(() => {});
  await hub?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const token = () => hub.token({ sub: `lb-${randomBytes(4).toString("hex")}`, role: "analyst" });

/** POST /graphql to a port from a local address of our choosing, with an `X-Forwarded-For` of its own when given. */
function send(port: number, from: string, body: unknown, options: { forwardedFor?: string; token?: string } = {}): Promise<{ status: number; code?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        localAddress: from,
        path: "/graphql",
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : {}),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        },
      },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => {
          const parsed = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
          resolve({ status: res.statusCode ?? 0, code: parsed.errors?.[0]?.extensions?.code });
        });
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

const answered = async (gateway: RunningGateway) => {
  const text = await (await fetch(`${gateway.url}/metrics`)).text();
  return [...text.matchAll(/^bdp_gateway_requests_total\{[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
};

describe.skipIf(!haproxy)("behind HAProxy", () => {
  it("spreads requests over both replicas", async () => {
    const before = [await answered(hub.gateway), await answered(second)];
    for (let i = 0; i < 10; i++) expect((await send(balancerPort, "127.0.0.1", { query: "{ partners(first: 1) { totalCount } }" }, { token: token() })).status).toBe(200);
    const after = [await answered(hub.gateway), await answered(second)];
    expect(after[0]! - before[0]!, "the first replica's share").toBeGreaterThanOrEqual(3);
    expect(after[1]! - before[1]!, "the second replica's share").toBeGreaterThanOrEqual(3);
  });

  it("keys the anonymous rate limit by the client address it forwarded; a forged X-Forwarded-For changes nothing", async () => {
    const anonymous = { query: "{ __typename }" };
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT.burst + 1; i++) statuses.push((await send(balancerPort, "127.0.0.3", anonymous)).status);
    expect(statuses, "one client, through the balancer").toEqual([200, 200, 200, 429]);
    expect((await send(balancerPort, "127.0.0.4", anonymous)).status, "another client keeps its own allowance").toBe(200);
    // the first client pretending to be someone else: through the balancer, and straight to each replica
    expect((await send(balancerPort, "127.0.0.3", anonymous, { forwardedFor: "198.51.100.7" })).code).toBe("RATE_LIMITED");
    for (const gateway of [hub.gateway, second]) {
      expect((await send(Number(new URL(gateway.url).port), "127.0.0.3", anonymous, { forwardedFor: "198.51.100.8" })).code).toBe("RATE_LIMITED");
    }
    // and a stranger cannot spend the first client's allowance by naming it
    expect((await send(Number(new URL(hub.gateway.url).port), "127.0.0.5", anonymous, { forwardedFor: "127.0.0.4" })).status).toBe(200);
  });

  it("loses no request when a replica stops: it is tried on the other and taken out", async () => {
    await second.close();
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await send(balancerPort, "127.0.0.1", { query: "{ partners(first: 1) { totalCount } }" }, { token: token() })).status);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });
});
