import { closeOnSignals, createLogger } from "@bdp/kit";
import { startGateway } from "./server.js";
import { readSupergraph, subgraphUrlsFromEnv } from "./supergraph.js";

const log = createLogger("gateway");
const supergraphSdl = readSupergraph();
const gateway = await startGateway({
  supergraphSdl,
  subgraphUrls: subgraphUrlsFromEnv(supergraphSdl),
  port: Number(process.env.GATEWAY_PORT ?? process.env.PORT ?? 4000),
  host: process.env.HOST ?? "127.0.0.1",
  corsOrigins: (process.env.CORS_ORIGINS ?? "*").split(",").map((s) => s.trim()).filter(Boolean),
  log,
});
closeOnSignals(gateway, log);
