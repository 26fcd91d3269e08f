import { BodyTooLargeError, HubError, readBody, sendError, sendHubError, sendJson, type Logger, type Route } from "@bdp/kit/server";
import { coordinatorOf, type Identification } from "../auth/identify.js";
import type { TrustedDocuments } from "./trusted-documents.js";

/**
 * The coordinator's trusted documents on the running hub (issue #17), used
 * by `pnpm documents …`; a coordinator's bearer token is required:
 *
 *   GET /admin/documents            the setting and each client with its number of documents
 *   PUT /admin/documents/<client>   register a manifest (the codegen's persisted-documents.json as it is)
 *
 * A manifest's documents must fit the hub's schema and their ids must be
 * their SHA-256; registering adds, never removes.
 */
export function documentAdminRoute(documents: TrustedDocuments, identify: (header: string | undefined) => Promise<Identification>, log: Logger): Route {
  return async (req, res, url) => {
    const m = /^\/admin\/documents(?:\/([a-z0-9][a-z0-9-]{1,59}))?$/.exec(url.pathname);
    if (!m) return false;
    const client = m[1];
    const by = await coordinatorOf(identify, req, res, "Only the coordinator registers trusted documents");
    if (!by) return true;
    try {
      if (req.method === "GET" && !client) {
        sendJson(res, 200, { mode: documents.mode, documents: documents.size, clients: documents.clients() });
        return true;
      }
      if (req.method === "PUT" && client) {
        let manifest: unknown;
        try {
          manifest = JSON.parse(await readBody(req, 20_000_000));
        } catch (error) {
          if (error instanceof BodyTooLargeError) sendError(res, 413, "REQUEST_TOO_LARGE", `A manifest is at most 20 MB: ${error.message}`);
          else sendError(res, 400, "BAD_REQUEST", 'The body must be the manifest as JSON: {"sha256:…": "query …"}');
          return true;
        }
        const result = await documents.register(client, manifest, by);
        log.info("trusted documents registered", { ...result, by: by.userId });
        sendJson(res, 200, result);
        return true;
      }
    } catch (thrown) {
      if (!(thrown instanceof HubError)) throw thrown;
      sendHubError(res, thrown);
      return true;
    }
    sendError(res, 405, "BAD_REQUEST", `${req.method} is not allowed on ${url.pathname} (GET /admin/documents, PUT /admin/documents/<client>)`);
    return true;
  };
}
