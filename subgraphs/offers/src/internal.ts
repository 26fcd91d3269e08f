import type { EntityManager } from "@mikro-orm/postgresql";
import { HubError, readBody, sendError, sendHubError, sendJson, verifyRequest, type Identity, type OrmHandle, type Route, type SubgraphServices } from "@bdp/kit/server";

export type Body = Record<string, any>;
/** One operation of the internal API: the status and the JSON answer. */
export type InternalHandler = (em: EntityManager, identity: Identity, body: Body, key: string | undefined) => Promise<[number, unknown]>;

/**
 * The catalogue's internal API (the plugin registry, the trusted documents):
 * for the gateway only. Every request carries the gateway's signature for
 * the `offers` audience; reads are open to any signed request, changes need
 * the coordinator's identity. `match` names the handler of a path (e.g.
 * `PUT plugin`) and the key it is about (a slug, a client), or null when
 * the path is not this API's.
 */
export function internalApi(
  db: OrmHandle,
  service: SubgraphServices,
  api: { what: string; match: (path: string, method: string) => { name: string; key?: string } | null; handlers: Record<string, InternalHandler>; bodyLimit: number },
): Route {
  return async (req, res, url) => {
    const matched = api.match(url.pathname, req.method ?? "GET");
    if (!matched) return false;
    const raw = await readBody(req, api.bodyLimit);
    const verified = verifyRequest(service.signingKey, { method: req.method ?? "GET", path: req.url ?? url.pathname, audience: "offers", headers: req.headers, body: raw }, { nonces: service.nonces });
    if (!verified.ok) {
      sendError(res, 401, "UNAUTHENTICATED", `The ${api.what} answers the gateway only: signature ${verified.reason}`);
      return true;
    }
    const handler = api.handlers[matched.name];
    if (!handler) {
      sendError(res, 405, "BAD_REQUEST", `${req.method} is not allowed here`);
      return true;
    }
    if (req.method !== "GET" && verified.identity.kind !== "coordinator") {
      sendError(res, 403, "FORBIDDEN", `Only the coordinator changes the ${api.what}`);
      return true;
    }
    let body: Body = {};
    try {
      body = raw ? (JSON.parse(raw) as Body) : {};
    } catch {
      sendError(res, 400, "BAD_REQUEST", "The body is not JSON");
      return true;
    }
    try {
      const [status, answer] = await handler(db.orm.em.fork() as EntityManager, verified.identity, body, matched.key);
      sendJson(res, status, answer);
    } catch (error) {
      // the pipeline turned a lost race on a key into CONFLICT: another gateway changed it first
      if (!(error instanceof HubError)) throw error;
      sendHubError(res, error);
    }
    return true;
  };
}
