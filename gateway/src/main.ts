import { closeOnSignals, createLogger } from "@bdp/kit/server";
import { gatewayOptions, readConfigOrExit, subgraphUrls } from "./config.js";
import { startGateway } from "./server.js";
import { readSupergraph } from "./supergraph.js";

// REPLICA names the process among the gateway replicas (`pnpm start:cluster`)
const log = createLogger("gateway", process.env.REPLICA ? { replica: process.env.REPLICA } : {});
const config = readConfigOrExit(log);
const supergraphSdl = readSupergraph(config.supergraphPath);
if (!config.signingKey) {
  log.error("HUB_SIGNING_KEY is not set: the subgraphs accept only requests signed with the key they share with the gateway");
  process.exit(1);
}
const gateway = await startGateway({ ...gatewayOptions(config, log), supergraphSdl, subgraphUrls: subgraphUrls(config, supergraphSdl), signingKey: config.signingKey });
closeOnSignals(gateway, log);
if (process.send) {
  // started by a launcher (`pnpm start:cluster`): stop when it goes away, however it went (and at once if it already has)
  if (!process.connected) await gateway.close().finally(() => process.exit(0));
  process.once("disconnect", () => void gateway.close().finally(() => process.exit(0)));
  process.send({ type: "ready", name: "gateway", url: gateway.graphqlUrl });
}
