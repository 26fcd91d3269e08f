import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Headers on every answer of the gateway (issue #17): no content sniffing,
 * no referrer, and — but for the explorer's page, which sets a policy of its
 * own — a Content-Security-Policy that lets an answer run nothing and be
 * framed nowhere, should a browser ever render one.
 */
export function securityHeaders(_req: IncomingMessage, res: ServerResponse, url: URL): void {
  res.setHeader("x-content-type-options", "nosniff");
  res.setHeader("referrer-policy", "no-referrer");
  if (!url.pathname.startsWith("/explorer")) res.setHeader("content-security-policy", "default-src 'none'; frame-ancestors 'none'");
}
