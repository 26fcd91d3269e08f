import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * CORS for browser clients of other origins (front-end teams' custom views).
 * `origins` is a list of allowed origins, or ["*"] for any. Preflight
 * requests are answered here; returns true when the request is finished.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, origins: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin && (origins.includes("*") || origins.includes(origin))) {
    res.setHeader("access-control-allow-origin", origins.includes("*") ? "*" : origin);
    res.setHeader("vary", "origin");
    res.setHeader("access-control-expose-headers", "x-request-id, x-bdp-supergraph-version");
  }
  if (req.method === "OPTIONS") {
    res.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    res.setHeader("access-control-allow-headers", "content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-request-id");
    res.setHeader("access-control-max-age", "600");
    res.writeHead(204);
    res.end();
    return true;
  }
  return false;
}
