/**
 * The state gateway replicas share (issue #13, item 1): the rate limit, the
 * automatic persisted queries and where each caller last wrote (item 4). With REDIS_URL both live in Redis, so a
 * caller over the limit is refused by whichever replica it reaches and a
 * hash registered through one replica is found through every other; without
 * it they stay in this process's memory, as on one machine (and the start
 * log says so).
 *
 * Redis away is not an outage: the rate limit falls back to an in-memory
 * limiter per replica (rate-limiter-flexible's insurance limiter) and a
 * persisted-query lookup that fails is a miss (the client sends the query
 * again), each counted in `bdp_gateway_shared_state_errors_total`.
 */
import type { KeyValueCache } from "@apollo/utils.keyvaluecache";
import { ErrorsAreMissesCache } from "@apollo/utils.keyvaluecache";
import { KeyvAdapter } from "@apollo/utils.keyvadapter";
import { createKeyv } from "@keyv/redis";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { Logger } from "@bdp/kit/server";
import type { GatewayMetrics } from "../metrics.js";
import type { SupergraphChanges } from "../plugins/supergraph-manager.js";
import { RateLimiter, type RateLimit } from "./rate-limit.js";
import { MemoryWriteMarks, RedisWriteMarks, type WriteMarks } from "./write-marks.js";

/** Takes one request from a caller's allowance: 0 when allowed, else the seconds to wait. */
export interface RequestLimiter {
  take(key: string): Promise<number>;
}

export interface SharedState {
  /** Where the state lives. */
  store: "redis" | "memory";
  limiter: RequestLimiter;
  /** The persisted-query cache, or undefined for Apollo's own in-memory one. */
  persistedQueries?: KeyValueCache<string>;
  /** Word between gateways of a new supergraph version (Redis pub/sub); undefined without Redis, where polling the registry is all. */
  supergraphChanges?: SupergraphChanges;
  /** Where each caller last wrote in each subgraph, so its next reads see the write on whichever replica (read replicas). */
  writeMarks: WriteMarks;
  /** For readiness: where the state lives, and with Redis whether it answers now (away, the replica runs on its fallbacks: still ready, degraded). */
  health(): { store: "redis" | "memory"; redis?: "connected" | "unreachable"; fallback?: string };
  close(): Promise<void>;
}

export interface SharedStateOptions {
  /** REDIS_URL: unset keeps everything in this process. */
  redisUrl?: string;
  /** Prefixed to every key (REDIS_KEY_PREFIX, `bdp:`): hubs, or tests, sharing one Redis stay apart. */
  keyPrefix?: string;
  rateLimit: RateLimit;
  metrics: GatewayMetrics;
  log: Logger;
}

/**
 * The token bucket as Redis keeps it: `burst` requests per window of
 * `burst / perMinute` minutes, counted atomically in Redis, so the average
 * is `perMinute` and no caller gets more than `burst` at once.
 */
function windowOf(limit: RateLimit): { points: number; duration: number } {
  return { points: limit.burst, duration: Math.max(1, Math.round((limit.burst / limit.perMinute) * 60)) };
}

export async function sharedState(options: SharedStateOptions): Promise<SharedState> {
  const { log, metrics } = options;
  if (!options.redisUrl) {
    log.info("shared state in memory: the rate limit and persisted queries are this process's own (set REDIS_URL to share them between replicas)");
    const buckets = new RateLimiter(options.rateLimit);
    return { store: "memory", limiter: { take: async (key) => buckets.take(key) }, writeMarks: new MemoryWriteMarks(), health: () => ({ store: "memory" }), close: async () => {} };
  }
  const prefix = options.keyPrefix ?? "bdp:";
  // every failure counted, one log line per store and ten seconds: Redis away is not a line per request
  const lastLogged = new Map<string, number>();
  const failed = (store: string) => (error: unknown) => {
    metrics.sharedStateErrors.inc({ store });
    if (Date.now() - (lastLogged.get(store) ?? 0) < 10_000) return;
    lastLogged.set(store, Date.now());
    log.warn("shared state: Redis failed (counted in bdp_gateway_shared_state_errors_total)", { store, error: error instanceof Error ? error.message : String(error) });
  };

  // rate-limiter-flexible asks for no offline queue: a command while Redis is away fails at once (to the insurance limiter)
  const redis = new Redis(options.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, connectTimeout: 2_000, lazyConnect: true });
  redis.on("error", failed("connection"));
  await redis.connect().catch(failed("connection"));
  const window = windowOf(options.rateLimit);
  const insurance = new RateLimiterMemory(window);
  const limiter = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}rate`, ...window, insuranceLimiter: insurance });
  const take = async (key: string): Promise<number> => {
    try {
      await limiter.consume(key);
      return 0;
    } catch (refusal) {
      if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
      // neither Redis nor the insurance limiter answered: let the request through rather than refuse everyone
      failed("rate-limit")(refusal);
      return 0;
    }
  };

  const keyv = createKeyv(
    { url: options.redisUrl, disableOfflineQueue: true, socket: { connectTimeout: 2_000, reconnectStrategy: (attempt: number) => Math.min(100 * 2 ** attempt, 2_000) } },
    { namespace: `${prefix}apq`, throwOnConnectError: false },
  );
  keyv.on("error", failed("persisted-queries"));
  // a lookup that fails is a miss: the client sends the query with its hash again
  const quiet = () => {};
  const persistedQueries = new ErrorsAreMissesCache(new KeyvAdapter<string>(keyv as never), { debug: quiet, info: quiet, warn: quiet, error: failed("persisted-queries") });

  // a connection of its own for the notifications (a subscribed connection does nothing else), subscribed again after a reconnect
  const channel = `${prefix}supergraph`;
  const subscriber = new Redis(options.redisUrl, { connectTimeout: 2_000, lazyConnect: true });
  subscriber.on("error", failed("supergraph"));
  const listeners: ((version: number) => void)[] = [];
  subscriber.on("message", (from: string, message: string) => {
    if (from === channel) for (const listener of listeners) listener(Number(message));
  });
  await subscriber.connect().catch(failed("supergraph"));
  await subscriber.subscribe(channel).catch(failed("supergraph"));
  const supergraphChanges: SupergraphChanges = {
    publish: (version) => void redis.publish(channel, String(version)).catch(failed("supergraph")),
    onChange: (listener) => void listeners.push(listener),
  };

  log.info("shared state in Redis: the rate limit, persisted queries and word of supergraph changes are shared by every replica", { redis: redactedUrl(options.redisUrl), keyPrefix: prefix });
  return {
    store: "redis",
    limiter: { take },
    persistedQueries,
    supergraphChanges,
    writeMarks: new RedisWriteMarks(redis, prefix, failed("write-marks")),
    health: () =>
      redis.status === "ready"
        ? { store: "redis", redis: "connected" }
        : { store: "redis", redis: "unreachable", fallback: "this replica's own rate limit; persisted queries miss; supergraph changes found by polling" },
    async close() {
      redis.disconnect();
      subscriber.disconnect();
      await keyv.disconnect().catch(() => {});
    },
  };
}

/** The URL without its password, for the log. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable REDIS_URL)";
  }
}
