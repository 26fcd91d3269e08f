import { describe, expect, it } from "vitest";
import { DEV_SECRET, JwtConfigError, jwtConfigFromEnv, signDevToken, verifyToken } from "./jwt.js";

/** Regression tests for what issue #11 reproduced against the gateway's token handling. */
const now = Math.floor(Date.now() / 1000);
const coordinator = { sub: "mallory", role: "coordinator", iat: now, exp: now + 600 };

describe("the key tokens are verified with", () => {
  it("refuses to start in production without a real key: the development secret is printed in the repository", () => {
    expect(() => jwtConfigFromEnv({ NODE_ENV: "production" })).toThrow(JwtConfigError);
    expect(() => jwtConfigFromEnv({ NODE_ENV: "production", AUTH_JWT_SECRET: DEV_SECRET })).toThrow(/development secret/);
    expect(() => jwtConfigFromEnv({ NODE_ENV: "production", AUTH_JWT_SECRET: "short-secret-31-bytes-long-xxxx" })).toThrow(/31 bytes/);
    expect(jwtConfigFromEnv({ NODE_ENV: "production", AUTH_JWT_SECRET: "a".repeat(32) }).secret).toBe("a".repeat(32));
  });

  it("with a real secret, refuses tokens signed with the development secret", () => {
    const config = jwtConfigFromEnv({ NODE_ENV: "production", AUTH_JWT_SECRET: "x".repeat(40) });
    expect(verifyToken(signDevToken(coordinator, DEV_SECRET), config)).toEqual({ ok: false, reason: "bad signature" });
    expect(verifyToken(signDevToken(coordinator, "x".repeat(40)), config).ok).toBe(true);
  });

  it("in development keeps the development secret (the gateway says so in its log)", () => {
    expect(jwtConfigFromEnv({}).secret).toBe(DEV_SECRET);
    expect(jwtConfigFromEnv({ NODE_ENV: "development", AUTH_JWT_SECRET: "short" }).secret).toBe("short");
  });

  it("refuses a malformed public key at start, not on the first request", () => {
    expect(() => jwtConfigFromEnv({ AUTH_JWT_PUBLIC_KEY: "-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----" })).toThrow();
  });
});

describe("a token that is not an object", () => {
  it.each([
    ["a header that is JSON null (bnVsbA.e30.x)", "bnVsbA.e30.x"],
    ["claims that are JSON null", `${Buffer.from('{"alg":"HS256"}').toString("base64url")}.bnVsbA.x`],
    ["a header that is a number", `${Buffer.from("1").toString("base64url")}.e30.x`],
    ["a header that is an array", `${Buffer.from("[]").toString("base64url")}.e30.x`],
  ])("%s is refused, never thrown", (_, token) => {
    expect(verifyToken(token, { secret: "x".repeat(40) })).toEqual({ ok: false, reason: "not a JWT" });
  });
});
