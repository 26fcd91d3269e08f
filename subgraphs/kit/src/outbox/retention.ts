import type { EntityManager } from "@mikro-orm/postgresql";
import { backgroundSql } from "../db/raw.js";
import type { Logger } from "../logger.js";
import { Rounds } from "./rounds.js";

/**
 * How long handed-on events (and finished deliveries) are kept:
 * OUTBOX_RETENTION_DAYS; 0, the default, keeps them for ever (deleting a
 * record is the operator's choice; the Kubernetes settings say 90).
 */
export function retentionDays(env: NodeJS.ProcessEnv): number {
  const days = Number(env.OUTBOX_RETENTION_DAYS ?? 0);
  return Number.isInteger(days) && days >= 0 ? days : 0;
}

/** One statement of a retention pass: what it deletes, given the cut-off in days as its one parameter. */
export interface Pruning {
  what: string;
  sql: string;
}

/**
 * The outbox's events once handed on, after `days`: a subgraph that relays
 * to the register keeps none of its own (the register has them); the
 * register keeps its public ones, which are the partnership's news, and
 * those a delivery still waits for (`keep`).
 */
export function outboxPruning(options: { keepPublic: boolean; keep?: string }): Pruning {
  const conditions = ["dispatched_at < now() - make_interval(days => ?)", options.keepPublic ? "not public" : null, options.keep ?? null].filter(Boolean);
  return { what: "events", sql: `delete from outbox_event o where ${conditions.join(" and ")}` };
}

/**
 * Keeps a subgraph's outbox (and the register's deliveries) from growing
 * for ever: once a day, and at start, each pruning deletes what is older
 * than the retention. Nothing waiting is ever deleted: an event not handed
 * on, a delivery not finished.
 */
export class OutboxRetention {
  private readonly rounds: Rounds;

  constructor(
    private readonly em: EntityManager,
    private readonly prunings: readonly Pruning[],
    private readonly days: number,
    private readonly log: Logger,
    everyMs = 24 * 3_600_000,
  ) {
    this.rounds = new Rounds(async () => {
      await this.prune();
      return false;
    }, { everyMs, log, failure: "could not prune the outbox; the next pass will" });
  }

  start(): this {
    if (this.days > 0) this.rounds.start();
    return this;
  }

  stop(): Promise<void> {
    return this.rounds.stop();
  }

  /** One pass; returns how many rows each pruning deleted. */
  async prune(): Promise<Record<string, number>> {
    const deleted: Record<string, number> = {};
    for (const { what, sql } of this.prunings) {
      const rows = await backgroundSql<{ n: number }[]>(this.em, `with gone as (${sql} returning 1) select count(*)::int as n from gone`, [this.days]);
      deleted[what] = rows[0]?.n ?? 0;
    }
    if (Object.values(deleted).some((n) => n > 0)) this.log.info("outbox pruned", { olderThanDays: this.days, ...deleted });
    return deleted;
  }
}
