import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendError } from "../http.js";
import type { SubgraphServices } from "../subgraph.js";
import type { Identity } from "../context.js";
import { verifyRequest } from "./signature.js";

/**
 * Reads a request to one of a subgraph's internal routes and checks that it
 * carries the hub's signature for `audience`, each request once (its
 * nonce). Returns the body and who signed; answers 401 itself, naming what
 * was wrong with the signature, and returns null when it does not.
 */
export async function signedRequest(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  service: Pick<SubgraphServices, "signingKey" | "nonces">,
  route: { audience: string; bodyLimit: number; refusal: string },
): Promise<{ raw: string; identity: Identity } | null> {
  const raw = await readBody(req, route.bodyLimit);
  const verified = verifyRequest(service.signingKey, { method: req.method ?? "GET", path: req.url ?? url.pathname, audience: route.audience, headers: req.headers, body: raw }, { nonces: service.nonces });
  if (!verified.ok) {
    sendError(res, 401, "UNAUTHENTICATED", `${route.refusal}: signature ${verified.reason}`);
    return null;
  }
  return { raw, identity: verified.identity };
}
