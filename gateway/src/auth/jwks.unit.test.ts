import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SignJWT, exportJWK, generateKeyPair, type JWK } from "jose";
import { jwtConfigFromEnv, tokenVerifier } from "./jwt.js";

/**
 * Tokens from an identity provider's key set (issue #17): a local JWKS
 * server that rotates its key, as Keycloak or Entra ID do. Tokens are
 * accepted before and after the rotation; a token signed by a key the set
 * never held is refused; issuer and audience are checked.
 */
type Pair = Awaited<ReturnType<typeof generateKeyPair>>;
let server: Server;
let url: string;
let published: JWK[] = [];
let fetches = 0;
const keys: Record<string, Pair> = {};

beforeAll(async () => {
  for (const kid of ["k1", "k2", "rogue"]) keys[kid] = await generateKeyPair("RS256");
  published = [{ ...(await exportJWK(keys.k1!.publicKey)), kid: "k1", alg: "RS256", use: "sig" }];
  server = createServer((_req, res) => {
    fetches++;
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/bdp/protocol/openid-connect/certs`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const sign = (kid: string, claims: Record<string, unknown> = {}) =>
  new SignJWT({ role: "partner", partnerId: "00000000-0000-4000-8000-000000000001", ...claims })
    .setProtectedHeader({ alg: "RS256", kid })
    .setSubject("anna@pup.example")
    .setIssuer("https://id.example/realms/bdp")
    .setAudience("bdp-hub")
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(keys[kid]!.privateKey);

describe("a JWKS-backed gateway", () => {
  it("is configured by AUTH_JWKS_URL, with issuer and audience, and counts as a real key in production", () => {
    const config = jwtConfigFromEnv({ NODE_ENV: "production", AUTH_JWKS_URL: url, AUTH_JWT_ISSUER: "https://id.example/realms/bdp", AUTH_JWT_AUDIENCE: "bdp-hub" });
    expect(config).toMatchObject({ jwksUrl: url, issuer: "https://id.example/realms/bdp", audience: "bdp-hub" });
    expect(config.secret).toBeUndefined();
    expect(() => jwtConfigFromEnv({ AUTH_JWKS_URL: "ftp://x" })).toThrow(/AUTH_JWKS_URL/);
    expect(() => jwtConfigFromEnv({ AUTH_JWKS_URL: url, AUTH_JWT_SECRET: "s" })).toThrow(/one way/);
  });

  it("accepts tokens before and after the provider rotates its key, and refuses a key it never published", async () => {
    const verify = tokenVerifier({ jwksUrl: url, jwksCooldownMs: 50, issuer: "https://id.example/realms/bdp", audience: "bdp-hub" });
    expect(await verify(await sign("k1"))).toEqual({ ok: true, identity: { kind: "partner", userId: "anna@pup.example", partnerId: "00000000-0000-4000-8000-000000000001" } });
    // the provider rotates: k2 is published beside k1, then k1 goes
    published = [{ ...(await exportJWK(keys.k2!.publicKey)), kid: "k2", alg: "RS256", use: "sig" }, ...published];
    await new Promise((r) => setTimeout(r, 60));
    const before = fetches;
    expect((await verify(await sign("k2"))).ok).toBe(true);
    expect(fetches).toBe(before + 1);
    // known keys are served from the cache
    expect((await verify(await sign("k2"))).ok).toBe(true);
    expect(fetches).toBe(before + 1);
    expect(await verify(await sign("rogue"))).toEqual({ ok: false, reason: "bad signature" });
  });

  it("refuses another issuer, another audience, an expired token and an unknown role", async () => {
    const verify = tokenVerifier({ jwksUrl: url, jwksCooldownMs: 50, issuer: "https://id.example/realms/bdp", audience: "bdp-hub" });
    const other = await new SignJWT({ role: "analyst" }).setProtectedHeader({ alg: "RS256", kid: "k2" }).setSubject("x").setIssuer("https://elsewhere.example").setAudience("bdp-hub").setExpirationTime("10m").sign(keys.k2!.privateKey);
    expect((await verify(other)).ok).toBe(false);
    const wrongAudience = await new SignJWT({ role: "analyst" }).setProtectedHeader({ alg: "RS256", kid: "k2" }).setSubject("x").setIssuer("https://id.example/realms/bdp").setAudience("another-app").setExpirationTime("10m").sign(keys.k2!.privateKey);
    expect(await verify(wrongAudience)).toEqual({ ok: false, reason: "wrong audience" });
    const expired = await new SignJWT({ role: "analyst" }).setProtectedHeader({ alg: "RS256", kid: "k2" }).setSubject("x").setIssuer("https://id.example/realms/bdp").setAudience("bdp-hub").setExpirationTime(Math.floor(Date.now() / 1000) - 3600).sign(keys.k2!.privateKey);
    expect(await verify(expired)).toEqual({ ok: false, reason: "expired" });
    expect(await verify(await sign("k2", { role: "admin" }))).toEqual({ ok: false, reason: "unknown role" });
  });
});
