import { PluginAddressPolicy, pluginLimitsFromEnv, type Logger } from "@bdp/kit";
import { DEV_SECRET, JwtConfigError, jwtConfigFromEnv } from "./auth/jwt.js";
import { limitsFromEnv } from "./limits/query-limits.js";
import { rateLimitFromEnv } from "./limits/rate-limit.js";
import type { GatewayOptions } from "./server.js";
import { startTracing, tracingFromEnv } from "./tracing.js";

/**
 * The gateway's settings read from the environment (README "Configuration"),
 * shared by `main.ts` (the gateway alone) and `hub.ts` (`pnpm start`). Starts
 * tracing when the OpenTelemetry variables ask for it.
 */
export function gatewayOptionsFromEnv(log: Logger): Omit<GatewayOptions, "supergraphSdl" | "subgraphUrls" | "signingKey"> {
  const jwt = jwtConfigFromEnv();
  if (jwt.secret === DEV_SECRET) log.warn("AUTH_JWT_SECRET is not set: using the development secret (pnpm dev-token signs with it)");
  const tracing = tracingFromEnv();
  if (tracing) {
    startTracing(tracing);
    log.info("tracing on", { exporter: tracing.console ? "console" : tracing.otlpUrl });
  }
  return {
    port: Number(process.env.GATEWAY_PORT ?? process.env.PORT ?? 4000),
    host: process.env.HOST ?? "127.0.0.1",
    corsOrigins: (process.env.CORS_ORIGINS ?? "*").split(",").map((s) => s.trim()).filter(Boolean),
    log,
    jwt,
    limits: limitsFromEnv(),
    rateLimit: rateLimitFromEnv(),
    introspection: process.env.INTROSPECTION !== "false",
    pluginPolicy: PluginAddressPolicy.fromEnv(),
    pluginLimits: pluginLimitsFromEnv(),
  };
}

/** The settings, or, when one makes the gateway unsafe (no real JWT key in production), a log line saying why and exit code 1. */
export function gatewayOptionsFromEnvOrExit(log: Logger): ReturnType<typeof gatewayOptionsFromEnv> {
  try {
    return gatewayOptionsFromEnv(log);
  } catch (error) {
    if (!(error instanceof JwtConfigError)) throw error;
    log.error("refusing to start", { reason: error.message });
    process.exit(1);
  }
}
