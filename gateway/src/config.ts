import { envName, type Logger } from "@bdp/kit/server";
import { PluginAddressPolicy, type PluginLimits, DEFAULT_PLUGIN_LIMITS } from "@bdp/kit/plugin";
import { DEV_SECRET, JwtConfigError, jwtConfigFromEnv, type JwtConfig } from "./auth/jwt.js";
import { DOCUMENT_MODES, type DocumentsMode } from "./documents/trusted-documents.js";
import { ClientAddress } from "./limits/client-address.js";
import { DEFAULT_LIMITS, type QueryLimits } from "./limits/query-limits.js";
import type { RateLimit } from "./limits/rate-limit.js";
import { startTracing, tracingFromEnv, type TracingOptions } from "./tracing.js";
import { DEFAULT_SUPERGRAPH_PATH, supergraphSubgraphs } from "./supergraph.js";
import type { GatewayOptions } from "./server.js";

/**
 * The gateway's settings (README, "Configuration"), read from the
 * environment once, at start, and validated: a value that is set but wrong
 * is refused with a message naming the variable, never silently replaced by
 * a default. Nothing else of the gateway server reads `process.env` (the
 * launcher, `pnpm start`, hands its children their environments; the CLIs
 * read their own few variables).
 */
export interface GatewayConfig {
  port: number;
  host: string;
  corsOrigins: string[];
  jwt: JwtConfig;
  /** True when the development JWT secret is in use (said at start). */
  developmentSecret: boolean;
  limits: QueryLimits;
  rateLimit: RateLimit;
  /** REDIS_URL: state shared between gateway replicas (rate limit, persisted queries). */
  redisUrl?: string;
  /** REDIS_KEY_PREFIX: prefixed to the gateway's keys in Redis. */
  redisKeyPrefix?: string;
  /** SUPERGRAPH_POLL_MS: how often the plugin registry is read for another gateway's changes. */
  supergraphPollMs: number;
  /** TRUSTED_PROXIES: load balancers whose X-Forwarded-For is believed. */
  trustedProxies: string[];
  /** MERGE_FETCHES: a plan step's parallel reads to one subgraph go as one request. */
  mergeFetches: boolean;
  introspection: boolean;
  resilience: { timeoutMs: number; breakerThreshold: number; breakerCooldownMs: number };
  pluginPolicy: PluginAddressPolicy;
  pluginLimits: PluginLimits;
  tracing: TracingOptions | undefined;
  /** TRUSTED_DOCUMENTS: off, log (default), enforce-anonymous or enforce. */
  documentsMode: DocumentsMode;
  supergraphPath: string;
  /** HUB_SIGNING_KEY; `pnpm start` makes one when unset. */
  signingKey: string | undefined;
  /** `<NAME>_URL` overrides of the subgraphs' URLs, by subgraph name. */
  subgraphUrl(name: string): string | undefined;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const int = (name: string, fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): number => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name}=${raw}: a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ""}`);
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    if (raw !== "true" && raw !== "false") throw new ConfigError(`${name}=${raw}: true or false`);
    return raw === "true";
  };
  const oneOf = <T extends string>(name: string, values: readonly T[], fallback: T): T => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    if (!values.includes(raw as T)) throw new ConfigError(`${name}=${raw}: one of ${values.join(", ")}`);
    return raw as T;
  };
  /** Addresses or CIDR ranges, comma-separated, each checked. */
  const addresses = (name: string): string[] => {
    const values = (env[name] ?? "").split(",").map((v) => v.trim()).filter(Boolean);
    try {
      new ClientAddress(values);
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
    return values;
  };
  let jwt: JwtConfig;
  let pluginPolicy: PluginAddressPolicy;
  try {
    jwt = jwtConfigFromEnv(env);
    pluginPolicy = PluginAddressPolicy.fromEnv(env);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const host = env.HOST || "127.0.0.1";
  return {
    port: int("GATEWAY_PORT", int("PORT", 4000, 0, 65535), 0, 65535),
    host,
    corsOrigins: (env.CORS_ORIGINS ?? "*").split(",").map((s) => s.trim()).filter(Boolean),
    jwt,
    developmentSecret: jwt.secret === DEV_SECRET,
    limits: {
      maxDepth: int("LIMIT_MAX_DEPTH", DEFAULT_LIMITS.maxDepth),
      maxAliases: int("LIMIT_MAX_ALIASES", DEFAULT_LIMITS.maxAliases),
      maxTokens: int("LIMIT_MAX_TOKENS", DEFAULT_LIMITS.maxTokens),
      maxCost: int("LIMIT_MAX_COST", DEFAULT_LIMITS.maxCost),
    },
    rateLimit: { perMinute: int("RATE_LIMIT_PER_MINUTE", 600), burst: int("RATE_LIMIT_BURST", 100) },
    redisUrl: env.REDIS_URL || undefined,
    redisKeyPrefix: env.REDIS_KEY_PREFIX || undefined,
    supergraphPollMs: int("SUPERGRAPH_POLL_MS", 2_000, 0),
    trustedProxies: addresses("TRUSTED_PROXIES"),
    mergeFetches: bool("MERGE_FETCHES", true),
    introspection: bool("INTROSPECTION", true),
    resilience: { timeoutMs: int("SUBGRAPH_TIMEOUT_MS", 10_000), breakerThreshold: int("BREAKER_THRESHOLD", 5), breakerCooldownMs: int("BREAKER_COOLDOWN_MS", 5_000) },
    pluginPolicy,
    pluginLimits: {
      ...DEFAULT_PLUGIN_LIMITS,
      answerBytes: int("PLUGIN_MAX_ANSWER_BYTES", DEFAULT_PLUGIN_LIMITS.answerBytes),
      feedBytes: int("PLUGIN_MAX_FEED_BYTES", DEFAULT_PLUGIN_LIMITS.feedBytes),
      timeoutMs: int("PLUGIN_TIMEOUT_MS", DEFAULT_PLUGIN_LIMITS.timeoutMs),
    },
    tracing: tracingFromEnv(env),
    documentsMode: oneOf("TRUSTED_DOCUMENTS", DOCUMENT_MODES, "log"),
    supergraphPath: env.SUPERGRAPH_PATH || DEFAULT_SUPERGRAPH_PATH,
    signingKey: env.HUB_SIGNING_KEY || undefined,
    subgraphUrl: (name) => env[`${envName(name)}_URL`] || undefined,
  };
}

/** The settings, or, when one is wrong or unsafe (no real JWT key in production), a log line naming it and exit code 1. */
export function readConfigOrExit(log: Logger, env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  try {
    const config = readConfig(env);
    if (config.developmentSecret) log.warn("AUTH_JWT_SECRET is not set: using the development secret (pnpm dev-token signs with it)");
    return config;
  } catch (error) {
    if (!(error instanceof ConfigError || error instanceof JwtConfigError)) throw error;
    log.error("refusing to start", { reason: error.message });
    process.exit(1);
  }
}

/** The gateway's options from its settings (its supergraph, URLs and key aside); starts tracing when asked. */
export function gatewayOptions(config: GatewayConfig, log: Logger): Omit<GatewayOptions, "supergraphSdl" | "subgraphUrls" | "signingKey"> {
  if (config.tracing) {
    startTracing(config.tracing);
    log.info("tracing on", { exporter: config.tracing.console ? "console" : config.tracing.otlpUrl });
  }
  return {
    port: config.port,
    host: config.host,
    corsOrigins: config.corsOrigins,
    log,
    jwt: config.jwt,
    limits: config.limits,
    rateLimit: config.rateLimit,
    redisUrl: config.redisUrl,
    redisKeyPrefix: config.redisKeyPrefix,
    supergraphPollMs: config.supergraphPollMs,
    trustedProxies: config.trustedProxies,
    mergeFetches: config.mergeFetches,
    introspection: config.introspection,
    resilience: config.resilience,
    supergraphPath: config.supergraphPath,
    pluginPolicy: config.pluginPolicy,
    pluginLimits: config.pluginLimits,
    documents: { mode: config.documentsMode },
  };
}

/** The URLs the settings give for a supergraph's subgraphs (`<NAME>_URL`), by name. */
export function subgraphUrls(config: GatewayConfig, supergraphSdl: string): Record<string, string> {
  return Object.fromEntries(supergraphSubgraphs(supergraphSdl).flatMap(({ name }) => (config.subgraphUrl(name) ? [[name, config.subgraphUrl(name)!]] : [])));
}
