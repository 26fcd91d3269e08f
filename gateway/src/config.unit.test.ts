import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "./config.js";

/** The gateway's settings are read once and validated (issue #12): a wrong value is refused by name, never replaced by a default. */
describe("the gateway's settings", () => {
  it("has defaults for what is not set", () => {
    const config = readConfig({});
    expect(config).toMatchObject({ port: 4000, host: "127.0.0.1", corsOrigins: ["*"], introspection: true, developmentSecret: true, rateLimit: { perMinute: 600, burst: 100 } });
    expect(config.limits.maxCost).toBe(250_000);
    expect(config.documentsMode).toBe("log");
    expect(config.subgraphUrl("labour-market")).toBeUndefined();
    expect(config.redisUrl, "state in memory unless Redis is named").toBeUndefined();
  });

  it("reads what is set", () => {
    const config = readConfig({ GATEWAY_PORT: "4400", LIMIT_MAX_DEPTH: "8", INTROSPECTION: "false", LABOUR_MARKET_URL: "http://10.0.0.5:4002/graphql", PLUGIN_ALLOWED_ADDRESSES: "127.0.0.1:4101", PLUGIN_TIMEOUT_MS: "2000", TRUSTED_DOCUMENTS: "enforce-anonymous", REDIS_URL: "redis://10.0.0.7:6379", REDIS_KEY_PREFIX: "hub-a:" });
    expect(config).toMatchObject({ redisUrl: "redis://10.0.0.7:6379", redisKeyPrefix: "hub-a:", documentsMode: "enforce-anonymous", port: 4400, introspection: false, limits: { maxDepth: 8 }, pluginLimits: { timeoutMs: 2000 } });
    expect(config.subgraphUrl("labour-market")).toBe("http://10.0.0.5:4002/graphql");
    expect(config.pluginPolicy.allows("127.0.0.1", 4101)).toBe(true);
  });

  it.each([
    ["GATEWAY_PORT", "http"],
    ["LIMIT_MAX_COST", "-5"],
    ["RATE_LIMIT_BURST", "1.5"],
    ["SUBGRAPH_TIMEOUT_MS", "0"],
    ["INTROSPECTION", "no"],
    ["PLUGIN_ALLOWED_ADDRESSES", "somewhere"],
    ["PLUGIN_MAX_ANSWER_BYTES", "5MB"],
    ["TRUSTED_DOCUMENTS", "strict"],
  ])("refuses %s=%s, naming it", (name, value) => {
    expect(() => readConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it("refuses to run in production on the development secret", () => {
    expect(() => readConfig({ NODE_ENV: "production" })).toThrow(ConfigError);
  });
});
