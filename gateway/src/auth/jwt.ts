import { createHmac, createPublicKey, timingSafeEqual, verify as verifySignature, type KeyObject } from "node:crypto";
import { createRemoteJWKSet, jwtVerify } from "jose";
import type { Identity } from "@bdp/kit/server";

/**
 * Bearer tokens (JWT) verified at the gateway. HS256 with a shared secret
 * for development; RS256 or ES256 with a public key, or with the keys an
 * identity provider publishes at a JWKS URL (Keycloak, Entra ID, a
 * login.gov.pl-style broker: fetched, cached, and fetched again when a token
 * names a key id not seen yet, at most once per cool-down), in production.
 * The algorithm is fixed by the configured key, never taken from the token,
 * so `alg: none` and key-confusion tricks fail.
 *
 * Claims: `sub` (user id), `role` (partner | analyst | coordinator),
 * `partnerId` (for role partner), `exp`, `iat`, optionally `iss` and `aud`.
 */
export interface JwtConfig {
  secret?: string;
  publicKey?: string;
  /** AUTH_JWKS_URL: the identity provider's key set. */
  jwksUrl?: string;
  /** How long an unknown key id waits before the key set is fetched again (30 s). */
  jwksCooldownMs?: number;
  issuer?: string;
  /** AUTH_JWT_AUDIENCE: the `aud` tokens must carry. */
  audience?: string;
  /** Allowed clock skew in seconds. */
  leewaySeconds?: number;
}

export type TokenCheck = { ok: true; identity: Exclude<Identity, { kind: "anonymous" }> } | { ok: false; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const b64 = (value: string | Buffer) => Buffer.from(value).toString("base64url");

export function signDevToken(claims: Record<string, unknown>, secret: string): string {
  const header = b64(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = b64(JSON.stringify(claims));
  const signature = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

export function verifyToken(token: string, config: JwtConfig, now = Date.now()): TokenCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { ok: false, reason: "not a JWT" };
  const [header64, payload64, signature64] = parts as [string, string, string];
  let header: { alg?: string };
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(header64, "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(payload64, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "not a JWT" };
  }
  // `null`, a number or an array parse as JSON too (`bnVsbA.e30.x`): a header and claims are objects
  if (!isObject(header) || !isObject(claims)) return { ok: false, reason: "not a JWT" };
  const signed = Buffer.from(`${header64}.${payload64}`);
  const signature = Buffer.from(signature64, "base64url");
  if (config.publicKey) {
    const key: KeyObject = createPublicKey(config.publicKey);
    const alg = key.asymmetricKeyType === "ec" ? "ES256" : "RS256";
    if (header.alg !== alg) return { ok: false, reason: `algorithm must be ${alg}` };
    const valid = verifySignature("sha256", signed, alg === "ES256" ? { key, dsaEncoding: "ieee-p1363" } : key, signature);
    if (!valid) return { ok: false, reason: "bad signature" };
  } else if (config.secret) {
    if (header.alg !== "HS256") return { ok: false, reason: "algorithm must be HS256" };
    const expected = createHmac("sha256", config.secret).update(signed).digest();
    if (expected.length !== signature.length || !timingSafeEqual(expected, signature)) return { ok: false, reason: "bad signature" };
  } else {
    return { ok: false, reason: "no key configured" };
  }
  return identityOf(claims, config, now);
}

/** The caller the verified claims name: time, issuer, audience, subject, role. */
function identityOf(claims: Record<string, unknown>, config: JwtConfig, now: number): TokenCheck {
  const leeway = (config.leewaySeconds ?? 30) * 1000;
  if (typeof claims.exp !== "number" || claims.exp * 1000 + leeway < now) return { ok: false, reason: "expired" };
  if (typeof claims.nbf === "number" && claims.nbf * 1000 - leeway > now) return { ok: false, reason: "not yet valid" };
  if (config.issuer && claims.iss !== config.issuer) return { ok: false, reason: "wrong issuer" };
  if (config.audience && !(claims.aud === config.audience || (Array.isArray(claims.aud) && claims.aud.includes(config.audience)))) return { ok: false, reason: "wrong audience" };
  const userId = typeof claims.sub === "string" && claims.sub.length > 0 && claims.sub.length <= 200 ? claims.sub : null;
  if (!userId) return { ok: false, reason: "no subject" };
  switch (claims.role) {
    case "partner":
      if (typeof claims.partnerId !== "string" || !UUID.test(claims.partnerId)) return { ok: false, reason: "partner token without a partnerId" };
      return { ok: true, identity: { kind: "partner", userId, partnerId: claims.partnerId.toLowerCase() } };
    case "analyst":
      return { ok: true, identity: { kind: "analyst", userId } };
    case "coordinator":
      return { ok: true, identity: { kind: "coordinator", userId } };
    default:
      return { ok: false, reason: "unknown role" };
  }
}

export type TokenVerifier = (token: string) => Promise<TokenCheck>;

/** How the gateway checks a bearer token under its settings: by the JWKS when one is set, else by the key or secret. */
export function tokenVerifier(config: JwtConfig): TokenVerifier {
  if (!config.jwksUrl) return async (token) => verifyToken(token, config);
  const keys = createRemoteJWKSet(new URL(config.jwksUrl), { cooldownDuration: config.jwksCooldownMs ?? 30_000, timeoutDuration: 5_000 });
  return async (token) => {
    try {
      // jose checks the signature (RS256 or ES256 only) and the times; the rest is ours, as for the other keys
      const { payload } = await jwtVerify(token, keys, { algorithms: ["RS256", "ES256"], clockTolerance: config.leewaySeconds ?? 30 });
      return identityOf(payload as Record<string, unknown>, config, Date.now());
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === "ERR_JWT_EXPIRED") return { ok: false, reason: "expired" };
      if (code === "ERR_JWKS_NO_MATCHING_KEY" || code === "ERR_JWS_SIGNATURE_VERIFICATION_FAILED") return { ok: false, reason: "bad signature" };
      if (code === "ERR_JWKS_TIMEOUT" || code === "ERR_JOSE_GENERIC") return { ok: false, reason: "the identity provider's keys could not be read" };
      return { ok: false, reason: "not a JWT" };
    }
  };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A development secret, used when no key is configured; never for production. */
export const DEV_SECRET = "bdp-hub-development-secret-do-not-use-in-production";

/** The shortest HS256 secret accepted in production: 32 bytes, the hash's own size (RFC 7518 §3.2). */
export const MIN_SECRET_BYTES = 32;

/** A setting that makes the gateway unsafe to start: the process says why and exits. */
export class JwtConfigError extends Error {
  override name = "JwtConfigError";
}

/**
 * The key tokens are verified with, from the environment. In development
 * (NODE_ENV not `production`) a missing key falls back to the development
 * secret, which is printed in this repository: anyone can sign with it, so
 * in production the gateway refuses to start without a real key, or with a
 * secret shorter than 32 bytes, or with the development secret itself.
 */
export function jwtConfigFromEnv(env: NodeJS.ProcessEnv = process.env): JwtConfig {
  const secret = env.AUTH_JWT_SECRET || undefined;
  const publicKey = env.AUTH_JWT_PUBLIC_KEY || undefined;
  const jwksUrl = env.AUTH_JWKS_URL || undefined;
  const common = { issuer: env.AUTH_JWT_ISSUER || undefined, audience: env.AUTH_JWT_AUDIENCE || undefined };
  if (jwksUrl) {
    if (!/^https?:\/\/\S+$/.test(jwksUrl)) throw new JwtConfigError(`AUTH_JWKS_URL=${jwksUrl}: an http(s) URL`);
    if (secret || publicKey) throw new JwtConfigError("AUTH_JWKS_URL is set together with AUTH_JWT_SECRET or AUTH_JWT_PUBLIC_KEY: set one way of checking tokens");
    return { jwksUrl, ...common };
  }
  if (env.NODE_ENV === "production") {
    if (!secret && !publicKey) throw new JwtConfigError("NODE_ENV=production needs AUTH_JWKS_URL, AUTH_JWT_PUBLIC_KEY or AUTH_JWT_SECRET: the development secret is public");
    if (secret === DEV_SECRET) throw new JwtConfigError("AUTH_JWT_SECRET is the development secret printed in the repository: set a secret of your own");
    if (secret && !publicKey && Buffer.byteLength(secret) < MIN_SECRET_BYTES) throw new JwtConfigError(`AUTH_JWT_SECRET has ${Buffer.byteLength(secret)} bytes: at least ${MIN_SECRET_BYTES} in production`);
  }
  if (publicKey) createPublicKey(publicKey); // a malformed key fails here, at start, not on the first request
  return { secret: secret ?? (publicKey ? undefined : DEV_SECRET), publicKey, ...common };
}
