import { closeOnSignals, createLogger } from "@bdp/kit";
import { DEV_SECRET, jwtConfigFromEnv } from "./auth/jwt.js";
import { limitsFromEnv } from "./limits/query-limits.js";
import { rateLimitFromEnv } from "./limits/rate-limit.js";
import { startGateway } from "./server.js";
import { readSupergraph, subgraphUrlsFromEnv } from "./supergraph.js";

const log = createLogger("gateway");
const supergraphSdl = readSupergraph();
const signingKey = process.env.HUB_SIGNING_KEY;
if (!signingKey) {
  log.error("HUB_SIGNING_KEY is not set: the subgraphs accept only requests signed with the key they share with the gateway");
  process.exit(1);
}
const jwt = jwtConfigFromEnv();
if (jwt.secret === DEV_SECRET) log.warn("AUTH_JWT_SECRET is not set: using the development secret (pnpm dev-token signs with it)");
const gateway = await startGateway({
  supergraphSdl,
  subgraphUrls: subgraphUrlsFromEnv(supergraphSdl),
  port: Number(process.env.GATEWAY_PORT ?? process.env.PORT ?? 4000),
  host: process.env.HOST ?? "127.0.0.1",
  corsOrigins: (process.env.CORS_ORIGINS ?? "*").split(",").map((s) => s.trim()).filter(Boolean),
  log,
  signingKey,
  jwt,
  limits: limitsFromEnv(),
  rateLimit: rateLimitFromEnv(),
  introspection: process.env.INTROSPECTION !== "false",
});
closeOnSignals(gateway, log);
