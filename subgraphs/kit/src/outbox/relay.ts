import type { EntityManager } from "@mikro-orm/postgresql";
import { pathOf, signRequest } from "../auth/signature.js";
import { afterLocalWrites } from "../db/write-generation.js";
import { backgroundSql } from "../db/raw.js";
import type { Logger } from "../logger.js";

/** Where the register takes the events the other subgraphs tell (its `/internal/events` route). */
export const RELAY_PATH = "/internal/events";
const BATCH = 100;

/** An event as it travels from a subgraph's outbox to the register's. */
export interface RelayedEvent {
  id: string;
  type: string;
  occurredAt: string;
  subjectType: string;
  subjectId: string;
  public: boolean;
  partnerIds: string[];
  title: string;
  data: Record<string, unknown>;
}

const PENDING = `select id, type, occurred_at as "occurredAt", subject_type as "subjectType", subject_id as "subjectId", public, partner_ids as "partnerIds", title, data
  from outbox_event where dispatched_at is null order by occurred_at, id limit ${BATCH}`;

/**
 * Hands a subgraph's outbox to the register (issue #15, item 5): the register
 * keeps the partners' webhooks and the feed, so the labour market's events
 * (a consultation opened, a part proposed to a partner) reach them through
 * it. Each round posts the waiting events, signed as the gateway signs, and
 * marks them dispatched once the register took them; the register stores
 * each by its id once, so a batch sent twice (a crash between the post and
 * the mark, two replicas relaying) is delivered once. Rounds run after every
 * local write and every `pollMs`; a register that does not answer is tried
 * again at the next round, nothing is lost.
 */
export class OutboxRelay {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private readonly stopWaking: () => void;

  constructor(
    private readonly em: EntityManager,
    private readonly registerUrl: string,
    private readonly signingKey: string,
    private readonly log: Logger,
    private readonly pollMs = 1_000,
  ) {
    this.stopWaking = afterLocalWrites(em, () => this.wake());
  }

  start(): this {
    this.timer = setInterval(() => this.wake(), this.pollMs);
    this.timer.unref();
    this.wake();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.stopWaking();
    await this.running;
  }

  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.rounds().finally(() => (this.running = undefined));
  }

  private async rounds(): Promise<void> {
    do {
      this.again = false;
      try {
        while (!this.stopped && (await this.round()) === BATCH);
      } catch (error) {
        this.log.warn("could not relay events to the register; they wait for the next round", { error: error instanceof Error ? error.message : String(error) });
      }
    } while (this.again && !this.stopped);
  }

  /** Posts one batch; returns how many events it relayed. */
  async round(): Promise<number> {
    const events = (await backgroundSql<RelayedEvent[]>(this.em, PENDING)).map((e) => ({ ...e, occurredAt: new Date(e.occurredAt).toISOString() }));
    if (!events.length) return 0;
    const url = new URL(RELAY_PATH, this.registerUrl);
    const body = JSON.stringify({ events });
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...signRequest(this.signingKey, { kind: "anonymous" }, { method: "POST", path: pathOf(url), audience: "partners", body }) },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) throw new Error(`the register answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
    await backgroundSql(this.em, `update outbox_event set dispatched_at = now() where id in (${events.map(() => "?").join(", ")})`, events.map((e) => e.id));
    this.log.info("events relayed to the register", { events: events.length });
    return events.length;
  }
}
