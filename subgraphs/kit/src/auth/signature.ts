import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Identity } from "../context.js";

/**
 * Trust between the gateway and the subgraphs (issue #3). The gateway puts
 * the verified caller in `x-hub-identity` and signs identity, time and body
 * with a key the subgraphs share; a subgraph refuses a request whose
 * signature is missing, wrong or older than `maxAgeMs`. Nobody can bypass the
 * gateway by calling a subgraph directly.
 */
export const IDENTITY_HEADER = "x-hub-identity";
export const TIMESTAMP_HEADER = "x-hub-timestamp";
export const SIGNATURE_HEADER = "x-hub-signature";
export const DEFAULT_MAX_AGE_MS = 30_000;

function mac(key: string, timestamp: string, identity: string, body: string): string {
  const bodyHash = createHash("sha256").update(body).digest("hex");
  return createHmac("sha256", key).update(`${timestamp}.${identity}.${bodyHash}`).digest("hex");
}

export function encodeIdentity(identity: Identity): string {
  return Buffer.from(JSON.stringify(identity)).toString("base64url");
}

/** The headers the gateway adds to a subgraph request with this body. */
export function signRequest(key: string, identity: Identity | string, body: string, now = Date.now()): Record<string, string> {
  const encoded = typeof identity === "string" ? identity : encodeIdentity(identity);
  const timestamp = String(now);
  return { [IDENTITY_HEADER]: encoded, [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: mac(key, timestamp, encoded, body) };
}

export type Verification = { ok: true; identity: Identity } | { ok: false; reason: "missing" | "forged" | "stale" | "malformed" };

/** Checks a subgraph request's signature; returns the caller's identity when it holds. */
export function verifyRequest(
  key: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  now = Date.now(),
  maxAgeMs = DEFAULT_MAX_AGE_MS,
): Verification {
  const identity = headers[IDENTITY_HEADER];
  const timestamp = headers[TIMESTAMP_HEADER];
  const signature = headers[SIGNATURE_HEADER];
  if (typeof identity !== "string" || typeof timestamp !== "string" || typeof signature !== "string") return { ok: false, reason: "missing" };
  const expected = Buffer.from(mac(key, timestamp, identity, body), "hex");
  const given = Buffer.from(signature, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "forged" };
  const at = Number(timestamp);
  if (!Number.isFinite(at) || Math.abs(now - at) > maxAgeMs) return { ok: false, reason: "stale" };
  try {
    const parsed = JSON.parse(Buffer.from(identity, "base64url").toString("utf8")) as Identity;
    if (!parsed || typeof parsed.kind !== "string") return { ok: false, reason: "malformed" };
    return { ok: true, identity: parsed };
  } catch {
    return { ok: false, reason: "malformed" };
  }
}

/** The shared key from HUB_SIGNING_KEY; a random one for a process that starts everything itself (tests, the launcher). */
export function signingKeyFromEnv(): string | undefined {
  return process.env.HUB_SIGNING_KEY || undefined;
}

export function newSigningKey(): string {
  return randomBytes(32).toString("hex");
}
