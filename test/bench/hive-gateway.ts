/**
 * The peer in the benchmark (issue #6): Hive Gateway's runtime serving the
 * same supergraph against the same subgraphs, on node:http. Our subgraphs
 * answer only signed requests, so a fetch hook signs each subgraph request
 * the way our gateway does (an anonymous identity): both gateways do the same
 * work per subgraph call.
 *
 * With HIVE_ROUTER_RUNTIME=true it plans with Hive Router's Rust query
 * planner (`@graphql-hive/router-runtime`, a native addon shipped in the
 * package) instead of its JavaScript one.
 *
 *   SUPERGRAPH_PATH=… PARTNERS_URL=… (one per subgraph) HUB_SIGNING_KEY=… PORT=… [HIVE_ROUTER_RUNTIME=true] node … hive-gateway.ts
 */
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { createGatewayRuntime } from "@graphql-hive/gateway-runtime";
import { unifiedGraphHandler } from "@graphql-hive/router-runtime";
import { encodeIdentity, envName, pathOf, signRequest } from "@bdp/kit/server";

const signingKey = process.env.HUB_SIGNING_KEY!;
let supergraph = readFileSync(process.env.SUPERGRAPH_PATH!, "utf8");
// point each subgraph at its `<NAME>_URL`
supergraph = supergraph.replace(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g, (whole, name: string) => {
  const url = process.env[`${envName(name)}_URL`];
  return url ? `@join__graph(name: "${name}", url: "${url}")` : whole;
});
const anonymous = encodeIdentity({ kind: "anonymous" });
/** Each subgraph's URL → its name: a signature names the subgraph it is for. */
const audiences = new Map([...supergraph.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map((m) => [m[2]!, m[1]!]));

const gateway = createGatewayRuntime({
  supergraph,
  logging: "error",
  ...(process.env.HIVE_ROUTER_RUNTIME === "true" ? { unifiedGraphHandler } : {}),
  plugins: () => [
    {
      onFetch({ url, options, setOptions }) {
        const parts = { method: options.method ?? "POST", path: pathOf(url), audience: audiences.get(url) ?? "", body: String(options.body ?? "") };
        const headers = { ...(options.headers ?? {}), ...signRequest(signingKey, anonymous, parts) };
        setOptions({ ...options, headers });
      },
    },
  ],
});
const server = createServer(gateway);
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ msg: "hive gateway ready", url: `http://127.0.0.1:${address.port}/graphql` })}\n`);
});
process.once("SIGTERM", () => server.close(() => process.exit(0)));
