import { readBody, sendError, sendJson, type Route } from "../http.js";
import { HubError } from "../errors.js";
import type { SubgraphServices } from "../subgraph.js";
import { verifyRequest } from "./signature.js";

/** One of a subgraph's internal POST routes, for the hub's own parts only. */
export interface SignedPostRoute<T> {
  path: string;
  /** The audience the caller signs for (the subgraph the route is on). */
  audience: string;
  bodyLimit: number;
  /** What a GET or other method is told: what to POST. */
  expects: string;
  /** What an unsigned or badly signed request is told, before the reason. */
  refusal: string;
  /** Checks the JSON body; a HubError it throws is answered 400 BAD_USER_INPUT with its message, and nothing is done. */
  parse(body: unknown): T;
  /** Does the work and gives the JSON answered 200. */
  handle(value: T): Promise<unknown>;
}

/**
 * An internal route the hub's subgraphs call one another on (relayed events,
 * resolutions' effects, the calls as offers): POST only (405 otherwise),
 * signed with the hub's key for the route's audience, each request once
 * (its nonce; 401 naming what was wrong with the signature), a JSON body
 * checked before anything is done (400).
 */
export function signedPostRoute<T>(service: Pick<SubgraphServices, "signingKey" | "nonces">, route: SignedPostRoute<T>): Route {
  return async (req, res, url) => {
    if (url.pathname !== route.path) return false;
    if (req.method !== "POST") {
      sendError(res, 405, "BAD_REQUEST", route.expects);
      return true;
    }
    const raw = await readBody(req, route.bodyLimit);
    const verified = verifyRequest(service.signingKey, { method: "POST", path: req.url ?? url.pathname, audience: route.audience, headers: req.headers, body: raw }, { nonces: service.nonces });
    if (!verified.ok) {
      sendError(res, 401, "UNAUTHENTICATED", `${route.refusal}: signature ${verified.reason}`);
      return true;
    }
    let value: T;
    try {
      value = route.parse(JSON.parse(raw));
    } catch (error) {
      sendError(res, 400, "BAD_USER_INPUT", error instanceof HubError ? error.message : "The body is not JSON");
      return true;
    }
    sendJson(res, 200, await route.handle(value));
    return true;
  };
}
