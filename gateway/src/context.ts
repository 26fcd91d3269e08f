import type { IncomingMessage } from "node:http";
import type { Identity } from "@bdp/kit/server";

/** What the gateway knows about a request. */
export interface GatewayContext {
  requestId: string;
  identity: Identity;
  req: IncomingMessage;
  /** Where the caller last wrote in each subgraph (read once per request, and moved by its own writes). */
  writeMarks?: Promise<Record<string, string>>;
}
