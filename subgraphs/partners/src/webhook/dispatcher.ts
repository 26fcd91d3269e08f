import type { EntityManager } from "@mikro-orm/postgresql";
import { Rounds, backgroundSql, outboxPruning, webhookHeaders, type Logger, type Pruning } from "@bdp/kit/server";
import { PluginFetchError, pluginFetch, type PluginAddressPolicy, type PluginFetchFailure } from "@bdp/kit/plugin";

/**
 * Delivers the register's outbox to partners' webhooks (issue #15, item 5).
 *
 * Each round is two kinds of statement, each atomic on its own, so replicas
 * of the register may all run it (`for update skip locked` hands each row
 * to one of them) and a crash anywhere loses nothing:
 *
 * 1. fan-out: events not yet dispatched become one pending delivery per
 *    active subscription that chose their type and may see them (public
 *    news, or addressed to the subscriber's partner), and are marked
 *    dispatched, in one statement;
 * 2. delivery: due deliveries are claimed for a lease (attempts counted,
 *    next attempt pushed past the lease), posted, and then marked delivered,
 *    or given their next attempt with a growing pause, or failed after the
 *    last one. A delivery whose process died while sending comes due again
 *    when its lease ends: receivers get every event at least once and tell
 *    repeats by `webhook-id`.
 *
 * Its statements run outside the ORM's unit of work, so they count as no
 * write for the register's kept statistics.
 */
/**
 * What the register prunes once older than the retention: finished
 * deliveries (delivered or failed; their subscriber has seen their status
 * for that long), and events handed on that are not news and that no
 * delivery waits for. Public events stay: they are the partnership's news.
 */
export const REGISTER_PRUNING: readonly Pruning[] = [
  { what: "deliveries", sql: "delete from webhook_delivery where status <> 'PENDING' and coalesce(delivered_at, last_attempt_at, created_at) < now() - make_interval(days => ?)" },
  outboxPruning({ keepPublic: true, keep: "not exists (select 1 from webhook_delivery d where d.event_id = o.id and d.status = 'PENDING')" }),
];

export interface WebhookSettings {
  /** How often a round runs when no write wakes it. */
  pollMs: number;
  /** The first pause after a failed attempt; each next one doubles, up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** Attempts before a delivery is failed. */
  maxAttempts: number;
  /** How long a receiver has to answer. */
  timeoutMs: number;
  /** How long a claimed delivery is held before another attempt may claim it. */
  leaseMs: number;
  /** Deliveries claimed per round, and sent side by side. */
  batch: number;
}

export function webhookSettings(env: NodeJS.ProcessEnv): WebhookSettings {
  const number = (name: string, fallback: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
    return value;
  };
  const timeoutMs = number("WEBHOOK_TIMEOUT_MS", 5_000, 100, 60_000);
  return {
    pollMs: number("WEBHOOK_POLL_MS", 1_000, 10, 60_000),
    retryBaseMs: number("WEBHOOK_RETRY_BASE_MS", 30_000, 10, 3_600_000),
    retryMaxMs: number("WEBHOOK_RETRY_MAX_MS", 6 * 3_600_000, 10, 7 * 24 * 3_600_000),
    maxAttempts: number("WEBHOOK_MAX_ATTEMPTS", 12, 1, 100),
    timeoutMs,
    leaseMs: number("WEBHOOK_LEASE_MS", Math.max(60_000, 4 * timeoutMs), timeoutMs + 100, 3_600_000),
    batch: number("WEBHOOK_BATCH", 16, 1, 200),
  };
}

/** The pause before attempt `attempts + 1`: doubling from the base, capped, with up to a tenth more so retries of many deliveries spread out. */
export function retryPause(settings: Pick<WebhookSettings, "retryBaseMs" | "retryMaxMs">, attempts: number, random = Math.random()): number {
  const pause = Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(pause * (1 + random / 10));
}

const FAN_OUT = `
with events as (
  select id, type, public, partner_ids from outbox_event
  where dispatched_at is null order by occurred_at, id limit 500
  for update skip locked
), fanned as (
  insert into webhook_delivery (id, subscription_id, event_id, event_type, status, attempts, created_at, next_attempt_at)
  select gen_random_uuid(), s.id, e.id, e.type, 'PENDING', 0, now(), now()
  from events e join webhook_subscription s
    on s.active and e.type = any(s.events) and (e.public or s.partner_id::text = any(e.partner_ids))
  on conflict (subscription_id, event_id) do nothing
  returning 1
)
update outbox_event o set dispatched_at = now() from events e where o.id = e.id
returning o.id, (select count(*) from fanned) as deliveries`;

const CLAIM = `
update webhook_delivery d set attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + make_interval(secs => ?::double precision / 1000)
where d.id in (
  select w.id from webhook_delivery w join webhook_subscription s on s.id = w.subscription_id and s.active
  where w.status = 'PENDING' and w.next_attempt_at <= now()
  order by w.next_attempt_at, w.id limit ?
  for update of w skip locked
)
returning d.id, d.attempts, d.subscription_id, d.event_id`;

interface Claimed {
  id: string;
  attempts: number;
  subscription_id: string;
  event_id: string;
}

interface Outcome {
  delivered: boolean;
  status: number | null;
  error: string | null;
  /** Retrying cannot help (the address is not allowed): fail now. */
  final: boolean;
}

/** The body receivers get: the same bytes on every attempt. */
export function eventBody(event: { id: string; type: string; occurred_at: Date | string; subject_type: string; subject_id: string; title: string; data: unknown }): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    occurredAt: new Date(event.occurred_at).toISOString(),
    subject: { type: event.subject_type, id: event.subject_id },
    title: event.title,
    data: event.data,
  });
}

const SEND_FAILURES: Record<PluginFetchFailure, string> = {
  unreachable: "no answer: refused, reset, unknown host or timed out",
  "http-status": "an answer that was not 2xx",
  redirect: "a redirect, which the hub never follows",
  "too-large": "an answer over 64 kB",
  "address-not-allowed": "an address the hub may not post to (loopback, link-local or private, not on WEBHOOK_ALLOWED_ADDRESSES)",
};

export class WebhookDispatcher {
  private readonly rounds: Rounds;
  private stopped = false;

  constructor(
    private readonly em: EntityManager,
    private readonly policy: PluginAddressPolicy,
    private readonly settings: WebhookSettings,
    private readonly log: Logger,
  ) {
    // a write of this process may have told something: go now rather than at the next poll
    this.rounds = new Rounds(() => this.round(), { everyMs: settings.pollMs, log, failure: "webhook round failed", failureLevel: "error", wakeOnWritesOf: em });
  }

  start(): this {
    this.rounds.start();
    return this;
  }

  /** Runs a round now, or right after the one running. */
  wake(): void {
    this.rounds.wake();
  }

  /** One round: fan out what waits, then send due deliveries while full batches are claimed. */
  private async round(): Promise<boolean> {
    await this.fanOut();
    // claimed deliveries are sent side by side; a full batch means more may be due
    let claimed = this.settings.batch;
    while (!this.stopped && claimed === this.settings.batch) claimed = await this.deliverDue();
    return false;
  }

  /** Stops claiming; waits for the deliveries being sent (each bounded by the timeout). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.rounds.stop();
  }

  private execute<T extends object[]>(sql: string, params: unknown[] = []): Promise<T> {
    // counted as background work, not as what requests cost (the SQL-per-request figures)
    return backgroundSql<T>(this.em, sql, params);
  }

  async fanOut(): Promise<number> {
    const rows = await this.execute<{ id: string; deliveries: string }[]>(FAN_OUT);
    if (rows.length) this.log.info("webhook events dispatched", { events: rows.length, deliveries: Number(rows[0]!.deliveries) });
    return rows.length;
  }

  /** Claims due deliveries, sends them, records the outcomes; returns how many were claimed. */
  async deliverDue(): Promise<number> {
    const claimed = await this.execute<Claimed[]>(CLAIM, [this.settings.leaseMs, this.settings.batch]);
    if (!claimed.length) return 0;
    const subscriptions = await this.execute<{ id: string; url: string; secret: string }[]>(
      `select id, url, secret from webhook_subscription where id = any(string_to_array(?, ',')::uuid[])`,
      [[...new Set(claimed.map((c) => c.subscription_id))].join(",")],
    );
    const events = await this.execute<{ id: string; type: string; occurred_at: Date; subject_type: string; subject_id: string; title: string; data: unknown }[]>(
      `select id, type, occurred_at, subject_type, subject_id, title, data from outbox_event where id = any(string_to_array(?, ',')::uuid[])`,
      // one text parameter: the query builder would spread an array into a list of parameters
      [[...new Set(claimed.map((c) => c.event_id))].join(",")],
    );
    const subscriptionById = new Map(subscriptions.map((s) => [s.id, s]));
    const bodyById = new Map(events.map((e) => [e.id, eventBody(e)]));
    await Promise.all(
      claimed.map(async (delivery) => {
        const subscription = subscriptionById.get(delivery.subscription_id);
        const body = bodyById.get(delivery.event_id);
        const outcome: Outcome = subscription && body !== undefined ? await this.send(subscription, delivery.event_id, body) : { delivered: false, status: null, error: "the subscription or the event is gone", final: true };
        await this.record(delivery, outcome);
      }),
    );
    return claimed.length;
  }

  private async send(subscription: { url: string; secret: string }, eventId: string, body: string): Promise<Outcome> {
    try {
      const answer = await pluginFetch(subscription.url, {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "bdp-hub-webhooks/1", ...webhookHeaders(subscription.secret, eventId, body) },
        body,
        maxBytes: 64_000,
        timeoutMs: this.settings.timeoutMs,
        policy: this.policy,
      });
      const delivered = answer.status >= 200 && answer.status < 300;
      return { delivered, status: answer.status, error: delivered ? null : `HTTP ${answer.status}`, final: false };
    } catch (error) {
      // the receiver's own words are never kept: a fixed sentence per kind of failure
      const failure: PluginFetchFailure = error instanceof PluginFetchError ? error.failure : "unreachable";
      return { delivered: false, status: null, error: SEND_FAILURES[failure], final: failure === "address-not-allowed" };
    }
  }

  private async record(delivery: Claimed, outcome: Outcome): Promise<void> {
    if (outcome.delivered) {
      await this.execute(`update webhook_delivery set status = 'DELIVERED', delivered_at = now(), last_response_status = ?, last_error = null where id = ?`, [outcome.status, delivery.id]);
      return;
    }
    const failed = outcome.final || delivery.attempts >= this.settings.maxAttempts;
    await this.execute(
      `update webhook_delivery set status = ?, last_response_status = ?, last_error = ?, next_attempt_at = now() + make_interval(secs => ?::double precision / 1000) where id = ?`,
      [failed ? "FAILED" : "PENDING", outcome.status, outcome.error, failed ? 0 : retryPause(this.settings, delivery.attempts), delivery.id],
    );
    this.log.warn("webhook delivery failed", { delivery: delivery.id, attempt: delivery.attempts, status: outcome.status, error: outcome.error, final: failed });
  }
}
