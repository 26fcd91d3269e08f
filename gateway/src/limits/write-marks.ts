import type { Redis } from "ioredis";
import { formatLsn, parseLsn } from "@bdp/kit/server";

/**
 * Where each caller last wrote, per subgraph (issue #13, item 4): a subgraph
 * on read replicas answers a request that wrote with the position of the
 * write in its primary's log (`x-bdp-write-lsn`); the gateway keeps it for a
 * minute and sends it with the caller's next requests to that subgraph
 * (`x-bdp-min-lsn`), so whichever replica of the subgraph they reach answers
 * them from data that holds the write. Kept in Redis when the gateways share
 * their state (the caller's next request may reach another gateway), in
 * memory otherwise, and in memory too while Redis is away.
 */
export interface WriteMarks {
  /** The caller's marks of the last minute: subgraph → position (`16/B374D848`). */
  of(caller: string): Promise<Record<string, string>>;
  /** Remembers a write of the caller to a subgraph (the later of this and what is kept). */
  mark(caller: string, subgraph: string, lsn: string): Promise<void>;
}

/** How long a write is remembered: far longer than a replica's lag, and the subgraph sends reads to its primary meanwhile anyway once told of the write. */
export const WRITE_MARK_TTL_MS = 60_000;
/** Callers kept in memory at most (the oldest go first). */
const MAX_CALLERS = 10_000;

export class MemoryWriteMarks implements WriteMarks {
  private readonly callers = new Map<string, { until: number; marks: Record<string, string> }>();

  async of(caller: string): Promise<Record<string, string>> {
    const kept = this.callers.get(caller);
    if (!kept) return {};
    if (kept.until < Date.now()) {
      this.callers.delete(caller);
      return {};
    }
    return kept.marks;
  }

  async mark(caller: string, subgraph: string, lsn: string): Promise<void> {
    const kept = this.callers.get(caller);
    const marks = kept && kept.until >= Date.now() ? kept.marks : {};
    if (later(lsn, marks[subgraph])) marks[subgraph] = lsn;
    // renewed at the end: the Map's order is the order of last use
    this.callers.delete(caller);
    this.callers.set(caller, { until: Date.now() + WRITE_MARK_TTL_MS, marks });
    if (this.callers.size > MAX_CALLERS) this.callers.delete(this.callers.keys().next().value!);
  }
}

/** A position as sixteen hex digits, so that Redis compares two as strings. */
const sortable = (lsn: string) => (parseLsn(lsn) ?? 0n).toString(16).padStart(16, "0");
const readable = (hex: string) => formatLsn(BigInt(`0x${hex}`));
const later = (a: string, b: string | undefined) => b === undefined || (parseLsn(a) ?? 0n) > (parseLsn(b) ?? 0n);

/** Keeps the later of two positions in one step, so two gateways marking at once keep the later. */
const MARK_SCRIPT = `
local kept = redis.call('HGET', KEYS[1], ARGV[1])
if (not kept) or kept < ARGV[2] then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1`;

export class RedisWriteMarks implements WriteMarks {
  private readonly local = new MemoryWriteMarks();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly failed: (error: unknown) => void,
  ) {}

  async of(caller: string): Promise<Record<string, string>> {
    // this replica's own marks too: one made while Redis was away is not there
    const marks = { ...(await this.local.of(caller)) };
    try {
      const kept = await this.redis.hgetall(`${this.prefix}writes:${caller}`);
      for (const [subgraph, hex] of Object.entries(kept)) if (later(readable(hex), marks[subgraph])) marks[subgraph] = readable(hex);
    } catch (error) {
      this.failed(error);
    }
    return marks;
  }

  async mark(caller: string, subgraph: string, lsn: string): Promise<void> {
    await this.local.mark(caller, subgraph, lsn);
    try {
      await this.redis.eval(MARK_SCRIPT, 1, `${this.prefix}writes:${caller}`, subgraph, sortable(lsn), String(WRITE_MARK_TTL_MS));
    } catch (error) {
      this.failed(error);
    }
  }
}
