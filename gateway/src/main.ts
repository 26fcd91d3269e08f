import { closeOnSignals, createLogger } from "@bdp/kit";
import { gatewayOptionsFromEnvOrExit } from "./env.js";
import { startGateway } from "./server.js";
import { readSupergraph, subgraphUrlsFromEnv } from "./supergraph.js";

const log = createLogger("gateway");
const supergraphSdl = readSupergraph();
const signingKey = process.env.HUB_SIGNING_KEY;
if (!signingKey) {
  log.error("HUB_SIGNING_KEY is not set: the subgraphs accept only requests signed with the key they share with the gateway");
  process.exit(1);
}
const gateway = await startGateway({ ...gatewayOptionsFromEnvOrExit(log), supergraphSdl, subgraphUrls: subgraphUrlsFromEnv(supergraphSdl), signingKey });
closeOnSignals(gateway, log);
