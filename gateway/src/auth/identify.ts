import type { Identity } from "@bdp/kit/server";
import type { TokenVerifier } from "./jwt.js";

export type Identification = { ok: true; identity: Identity } | { ok: false; reason: string };

/** No Authorization header: anonymous; a bearer token: verified, or refused with the reason. */
export async function identify(header: string | undefined, verify: TokenVerifier): Promise<Identification> {
  if (!header) return { ok: true, identity: { kind: "anonymous" } };
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) return { ok: false, reason: "expected `Authorization: Bearer <token>`" };
  return verify(match[1]!);
}
