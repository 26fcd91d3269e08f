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
 *   GraphQL POST that reached a replica is never sent twice. Each request
 *   goes on a new connection to its replica (`http-server-close`; clients
 *   keep theirs to the balancer): a kept connection to a replica that has
 *   just died would fail only after the request was sent on it, which for a
 *   POST may not be retried, where a new one fails to connect and the
 *   request goes to another replica (the cluster test found the difference).
 * - `X-Forwarded-For`: the balancer appends the address it saw; gateways
 *   believe it only from the balancer's own address (TRUSTED_PROXIES), which
 *   `source` pins.
 */
import { execFileSync } from "node:child_process";
import { readSupergraph, supergraphSubgraphs } from "../supergraph.js";

/** Whether HAProxy is installed here (on PATH). */
export function haproxyInstalled(): boolean {
  try {
    execFileSync("haproxy", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export interface Server {
  name: string;
  host: string;
  port: number;
}

export interface BalancerLayout {
  /** Where clients connect. */
  bind: { host: string; port: number };
  /** The address the balancer connects to the gateways from (what TRUSTED_PROXIES names). */
  source?: string;
  gateways: Server[];
  /**
   * The replicas of each subgraph, each subgraph behind a frontend of its own
   * that the gateways (and subgraphs asking the register) call: on one
   * machine (`pnpm start:cluster`) the balancer does what a Kubernetes
   * Service does there. The same rules: readiness checks, and a request a
   * replica took is never sent again (a write must not happen twice).
   */
  subgraphs?: { name: string; bind: { host: string; port: number }; replicas: Server[] }[];
  /** HAProxy's own page of every server's state and counters. */
  stats?: { host: string; port: number };
}

const backend = (name: string, servers: Server[], defaults: string) => [
  `backend ${name}`,
  "  balance roundrobin",
  "  option httpchk GET /health/ready",
  "  http-check expect status 200",
  `  default-server ${defaults}`,
  ...servers.map((s) => `  server ${s.name} ${s.host}:${s.port} check`),
  "",
];

export function haproxyConfig(layout: BalancerLayout): string {
  const source = layout.source ? ` source ${layout.source}` : "";
  const checks = "inter 1s fall 2 rise 1";
  return [
    `# bdp-hub: HAProxy in front of the gateway replicas${layout.subgraphs?.length ? " and each subgraph's replicas" : ""}.`,
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
    "  # a new connection to a replica for every request (clients keep theirs): one reused after its replica",
    "  # died fails after the request was sent, where a new one fails to connect and goes to another replica",
    "  option http-server-close",
    "",
    "frontend graphql",
    `  bind ${layout.bind.host}:${layout.bind.port}`,
    "  # the client's address, appended to what it sent; the gateways read it from the right",
    "  option forwardfor",
    "  http-request disable-l7-retry if !METH_GET",
    "  default_backend gateways",
    "",
    ...backend("gateways", layout.gateways, `${checks}${source}`),
    ...(layout.subgraphs ?? []).flatMap((s) => [
      `frontend subgraph-${s.name}`,
      `  bind ${s.bind.host}:${s.bind.port}`,
      "  http-request disable-l7-retry if !METH_GET",
      `  default_backend subgraph-${s.name}`,
      "",
      ...backend(`subgraph-${s.name}`, s.replicas, checks),
    ]),
    ...(layout.stats ? ["listen stats", `  bind ${layout.stats.host}:${layout.stats.port}`, "  stats enable", "  stats uri /", "  stats refresh 5s", ""] : []),
  ].join("\n");
}

/**
 * The layout `pnpm start:cluster` runs on one machine: the balancer on the
 * gateway's usual port (4000), each subgraph's frontend on the port its
 * supergraph URL names (4001–4005), gateway replicas from 4010, replica `j`
 * of the subgraph on port `40NN` at `43N0 + j` (partners 4311, 4312, …;
 * 4222 is NATS's on these machines),
 * the statistics page on 4099; the balancer connects to the gateways from
 * 127.0.0.2.
 */
export function clusterLayout(options: { gateways: number; replicas: number; subgraphs: { name: string; url: string }[]; host?: string }): BalancerLayout {
  const host = options.host ?? "127.0.0.1";
  const count = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  return {
    bind: { host, port: 4000 },
    source: "127.0.0.2",
    gateways: count(options.gateways).map((i) => ({ name: `gateway-${i}`, host, port: 4009 + i })),
    subgraphs: options.subgraphs.map(({ name, url }) => {
      const port = Number(new URL(url).port);
      return { name, bind: { host, port }, replicas: count(options.replicas).map((j) => ({ name: `${name}-${j}`, host, port: 4300 + (port - 4000) * 10 + j })) };
    }),
    stats: { host, port: 4099 },
  };
}

/** The committed example (`gateway/deploy/haproxy.cfg`): what `pnpm start:cluster` runs by default, two replicas of every service. */
export function exampleLayout(): BalancerLayout {
  return clusterLayout({ gateways: 2, replicas: 2, subgraphs: supergraphSubgraphs(readSupergraph()) });
}
