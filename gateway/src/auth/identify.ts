import type { IncomingMessage, ServerResponse } from "node:http";
import { sendError, type Identity } from "@bdp/kit/server";
import type { TokenVerifier } from "./jwt.js";

export type Identification = { ok: true; identity: Identity } | { ok: false; reason: string };

/** No Authorization header: anonymous; a bearer token: verified, or refused with the reason. */
export async function identify(header: string | undefined, verify: TokenVerifier): Promise<Identification> {
  if (!header) return { ok: true, identity: { kind: "anonymous" } };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return { ok: false, reason: "expected `Authorization: Bearer <token>`" };
  return verify(match[1]!);
}

/**
 * The coordinator behind an administration request (plugins, trusted
 * documents), or null when it is someone else: 401 without a valid token,
 * 403 with another role (the refusal is sent).
 */
export async function coordinatorOf(
  identifyCaller: (header: string | undefined) => Promise<Identification>,
  req: IncomingMessage,
  res: ServerResponse,
  refusal: string,
): Promise<Extract<Identity, { kind: "coordinator" }> | null> {
  const caller = await identifyCaller(req.headers.authorization);
  if (!caller.ok || caller.identity.kind === "anonymous") {
    sendError(res, 401, "UNAUTHENTICATED", caller.ok ? "A coordinator's bearer token is required" : `Invalid bearer token: ${caller.reason}`);
    return null;
  }
  if (caller.identity.kind !== "coordinator") {
    sendError(res, 403, "FORBIDDEN", refusal);
    return null;
  }
  return caller.identity;
}
