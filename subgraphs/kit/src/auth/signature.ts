import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Identity } from "../context.js";

/**
 * Trust between the gateway and the subgraphs (issue #3, tightened by issue
 * #11). The gateway puts the verified caller in `x-hub-identity` and signs,
 * with a key the receiver shares:
 *
 *   method, path (with the query string), audience (the subgraph or plugin
 *   the request is for), time, a nonce, the identity, and the body's hash.
 *
 * A receiver refuses a request whose signature is missing or wrong, whose
 * audience is not itself, whose time is more than `maxAgeMs` away, or whose
 * nonce it has seen within that window. So a captured request cannot be
 * sent to another subgraph or plugin, to another path, or twice; and nobody
 * reaches a subgraph around the gateway.
 */
export const IDENTITY_HEADER = "x-hub-identity";
export const TIMESTAMP_HEADER = "x-hub-timestamp";
export const NONCE_HEADER = "x-hub-nonce";
export const AUDIENCE_HEADER = "x-hub-audience";
export const SIGNATURE_HEADER = "x-hub-signature";
export const DEFAULT_MAX_AGE_MS = 30_000;

/** What a signature covers, besides the key. */
export interface SignedParts {
  method: string;
  /** Path and query string, as the receiver sees them in `req.url`. */
  path: string;
  /** The subgraph or plugin name the request is for. */
  audience: string;
  body: string;
}

function mac(key: string, parts: SignedParts, timestamp: string, nonce: string, identity: string): string {
  const bodyHash = createHash("sha256").update(parts.body).digest("hex");
  return createHmac("sha256", key)
    .update(["bdp-hub/2", parts.method.toUpperCase(), parts.path, parts.audience, timestamp, nonce, identity, bodyHash].join("\n"))
    .digest("hex");
}

export function encodeIdentity(identity: Identity): string {
  return Buffer.from(JSON.stringify(identity)).toString("base64url");
}

/** `/graphql?x=1` of a URL: what the receiver will see as its request path. */
export function pathOf(url: string | URL): string {
  const u = typeof url === "string" ? new URL(url) : url;
  return `${u.pathname}${u.search}`;
}

/** The headers the gateway adds to a subgraph request. */
export function signRequest(key: string, identity: Identity | string, parts: SignedParts, now = Date.now()): Record<string, string> {
  const encoded = typeof identity === "string" ? identity : encodeIdentity(identity);
  const timestamp = String(now);
  const nonce = randomBytes(16).toString("hex");
  return {
    [IDENTITY_HEADER]: encoded,
    [TIMESTAMP_HEADER]: timestamp,
    [NONCE_HEADER]: nonce,
    [AUDIENCE_HEADER]: parts.audience,
    [SIGNATURE_HEADER]: mac(key, parts, timestamp, nonce, encoded),
  };
}

export type Verification =
  | { ok: true; identity: Identity }
  | { ok: false; reason: "missing" | "forged" | "stale" | "malformed" | "wrong-audience" | "replayed" };

/**
 * The nonces a receiver has seen, each kept until its request could no
 * longer be accepted anyway (its time plus the window). One per receiving
 * process: a replica of the same subgraph keeps its own.
 */
export class NonceCache {
  private readonly seen = new Map<string, number>();
  private nextSweep = 0;

  /** Records the nonce; false when it was seen before (a replay). */
  remember(nonce: string, until: number, now = Date.now()): boolean {
    if (now >= this.nextSweep) {
      for (const [n, expires] of this.seen) if (expires < now) this.seen.delete(n);
      this.nextSweep = now + 5_000;
    }
    if (this.seen.has(nonce)) return false;
    this.seen.set(nonce, until);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An identity as the wire carries it. A plugin is told only the role and,
 * for a partner's user, the partner (`minimalIdentity`): its `userId` reads
 * `undisclosed`.
 */
function parseIdentity(encoded: string): Identity | null {
  try {
    const raw = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")) as Record<string, unknown> | null;
    if (!raw || typeof raw !== "object") return null;
    const userId = typeof raw.userId === "string" && raw.userId.length > 0 ? raw.userId : UNDISCLOSED;
    switch (raw.kind) {
      case "anonymous":
        return { kind: "anonymous" };
      case "partner":
        return typeof raw.partnerId === "string" && UUID.test(raw.partnerId) ? { kind: "partner", userId, partnerId: raw.partnerId } : null;
      case "analyst":
      case "coordinator":
        return { kind: raw.kind, userId };
      default:
        return null;
    }
  } catch {
    return null;
  }
}

/** The user id a plugin sees: never the real one, which may be an e-mail address. */
export const UNDISCLOSED = "undisclosed";

/** What a plugin is told about its caller: the role, and the partner of a partner's user (issue #11). */
export function minimalIdentity(identity: Identity): Record<string, string> {
  return identity.kind === "partner" ? { kind: "partner", partnerId: identity.partnerId } : { kind: identity.kind };
}

/** Checks a request's signature for this receiver; returns the caller's identity when it holds. */
export function verifyRequest(
  key: string,
  request: { method: string; path: string; audience: string; headers: Record<string, string | string[] | undefined>; body: string },
  options: { nonces?: NonceCache; now?: number; maxAgeMs?: number } = {},
): Verification {
  const h = (name: string) => (typeof request.headers[name] === "string" ? (request.headers[name] as string) : undefined);
  const [identity, timestamp, nonce, audience, signature] = [h(IDENTITY_HEADER), h(TIMESTAMP_HEADER), h(NONCE_HEADER), h(AUDIENCE_HEADER), h(SIGNATURE_HEADER)];
  if (!identity || !timestamp || !nonce || !audience || !signature) return { ok: false, reason: "missing" };
  const parts = { method: request.method, path: request.path, audience, body: request.body };
  const expected = Buffer.from(mac(key, parts, timestamp, nonce, identity), "hex");
  const given = Buffer.from(signature, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "forged" };
  if (audience !== request.audience) return { ok: false, reason: "wrong-audience" };
  const now = options.now ?? Date.now();
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  const at = Number(timestamp);
  if (!Number.isFinite(at) || Math.abs(now - at) > maxAgeMs) return { ok: false, reason: "stale" };
  const parsed = parseIdentity(identity);
  if (!parsed) return { ok: false, reason: "malformed" };
  if (options.nonces && !options.nonces.remember(nonce, at + maxAgeMs + 1_000, now)) return { ok: false, reason: "replayed" };
  return { ok: true, identity: parsed };
}

/** A random key, for a process that starts everything itself (tests, the launcher). */
export function newSigningKey(): string {
  return randomBytes(32).toString("hex");
}
