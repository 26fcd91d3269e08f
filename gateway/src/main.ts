import { closeOnSignals, createLogger } from "@bdp/kit/server";
import { gatewayOptions, readConfigOrExit, subgraphUrls } from "./config.js";
import { startGateway } from "./server.js";
import { readSupergraph } from "./supergraph.js";

const log = createLogger("gateway");
const config = readConfigOrExit(log);
const supergraphSdl = readSupergraph(config.supergraphPath);
if (!config.signingKey) {
  log.error("HUB_SIGNING_KEY is not set: the subgraphs accept only requests signed with the key they share with the gateway");
  process.exit(1);
}
const gateway = await startGateway({ ...gatewayOptions(config, log), supergraphSdl, subgraphUrls: subgraphUrls(config, supergraphSdl), signingKey: config.signingKey });
closeOnSignals(gateway, log);
