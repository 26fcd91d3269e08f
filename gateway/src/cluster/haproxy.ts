/**
 * HAProxy in front of the gateway replicas (issue #13, item 5): the
 * configuration as code, so the committed example (`gateway/deploy/haproxy.cfg`)
 * and the one a test or `start:cluster` runs are the same text.
 *
 * - Health: a replica takes traffic only while `/health/ready` answers 200
 *   (checked every second; out after two failures, back after one success),
 *   so a replica that has not loaded the registry's supergraph yet gets none.
 * - Retries: a request is tried on another replica when the connection
 *   failed (nothing was sent: safe for every method); when a replica took it
 *   and failed or went silent, it is sent again only for GET and HEAD. A
 *   GraphQL POST that reached a replica is never sent twice.
 * - `X-Forwarded-For`: the balancer appends the address it saw; gateways
 *   believe it only from the balancer's own address (TRUSTED_PROXIES), which
 *   `source` pins.
 */
import { execFileSync } from "node:child_process";

/** Whether HAProxy is installed here (on PATH). */
export function haproxyInstalled(): boolean {
  try {
    execFileSync("haproxy", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export interface BalancerLayout {
  /** Where clients connect. */
  bind: { host: string; port: number };
  /** The address the balancer connects to the replicas from (what TRUSTED_PROXIES names). */
  source?: string;
  gateways: { name: string; host: string; port: number }[];
}

export function haproxyConfig(layout: BalancerLayout): string {
  const source = layout.source ? ` source ${layout.source}` : "";
  return [
    "# bdp-hub: HAProxy in front of the gateway replicas.",
    "# Made by gateway/src/cluster/haproxy.ts (haproxyConfig); edit there, not here.",
    "global",
    "  log stdout format raw local0 warning",
    "  maxconn 4096",
    "",
    "defaults",
    "  mode http",
    "  log global",
    "  option httplog",
    "  timeout connect 2s",
    "  timeout client 30s",
    "  timeout server 30s",
    "  timeout http-request 10s",
    "  # another replica when one fails: connection failures for every method (nothing was sent),",
    "  # a failure after a replica took the request for GET and HEAD only (METH_GET, below)",
    "  retries 2",
    "  option redispatch 1",
    "  retry-on conn-failure empty-response response-timeout 502 503 504",
    "",
    "frontend graphql",
    `  bind ${layout.bind.host}:${layout.bind.port}`,
    "  # the client's address, appended to what it sent; the gateways read it from the right",
    "  option forwardfor",
    "  http-request disable-l7-retry if !METH_GET",
    "  default_backend gateways",
    "",
    "backend gateways",
    "  balance roundrobin",
    "  option httpchk GET /health/ready",
    "  http-check expect status 200",
    `  default-server inter 1s fall 2 rise 1${source}`,
    ...layout.gateways.map((g) => `  server ${g.name} ${g.host}:${g.port} check`),
    "",
  ].join("\n");
}

/** The committed example: two replicas on one machine, the balancer on the gateway's usual port. */
export const EXAMPLE_LAYOUT: BalancerLayout = {
  bind: { host: "127.0.0.1", port: 4000 },
  source: "127.0.0.2",
  gateways: [
    { name: "gateway-1", host: "127.0.0.1", port: 4010 },
    { name: "gateway-2", host: "127.0.0.1", port: 4011 },
  ],
};
