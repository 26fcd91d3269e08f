import type { EntityManager } from "@mikro-orm/postgresql";
import { pathOf, signRequest } from "../auth/signature.js";
import { backgroundSql } from "../db/raw.js";
import type { OrmHandle } from "../db/orm.js";
import type { Logger } from "../logger.js";
import type { SubgraphServices } from "../subgraph.js";
import { Rounds } from "./rounds.js";
import { OutboxRetention, outboxPruning, retentionDays } from "./retention.js";

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
 * POSTs JSON to another subgraph's internal route, signed as the gateway
 * signs for that subgraph's audience; the answer's JSON, or an error naming
 * the status when it is not 2xx.
 */
export async function postSigned<T>(url: URL, audience: string, signingKey: string, payload: unknown, timeoutMs = 10_000): Promise<T> {
  const body = JSON.stringify(payload);
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...signRequest(signingKey, { kind: "anonymous" }, { method: "POST", path: pathOf(url), audience, body }) },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`${audience} answered HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return (await response.json()) as T;
}

/**
 * Hands a subgraph's outbox to the register (issue #15, item 5): the register
 * keeps the partners' webhooks and the feed, so the labour market's and the
 * catalogue's events (a consultation opened, a part proposed to a partner,
 * an offer published) reach them through it. Each round posts the waiting
 * events, signed as the gateway signs, and marks them dispatched once the
 * register took them; the register stores each by its id once, so a batch
 * sent twice (a crash between the post and the mark, two replicas relaying)
 * is delivered once. Rounds run after every local write and every `pollMs`;
 * a register that does not answer is tried again at the next round, nothing
 * is lost.
 */
export class OutboxRelay {
  private readonly rounds: Rounds;

  constructor(
    private readonly em: EntityManager,
    private readonly registerUrl: string,
    private readonly signingKey: string,
    private readonly log: Logger,
    pollMs = 1_000,
  ) {
    this.rounds = new Rounds(async () => (await this.round()) === BATCH, { everyMs: pollMs, log, failure: "could not relay events to the register; they wait for the next round", wakeOnWritesOf: em });
  }

  start(): this {
    this.rounds.start();
    return this;
  }

  stop(): Promise<void> {
    return this.rounds.stop();
  }

  /** Posts one batch; returns how many events it relayed. */
  async round(): Promise<number> {
    const events = (await backgroundSql<RelayedEvent[]>(this.em, PENDING)).map((e) => ({ ...e, occurredAt: new Date(e.occurredAt).toISOString() }));
    if (!events.length) return 0;
    await postSigned(new URL(RELAY_PATH, this.registerUrl), "partners", this.signingKey, { events });
    await backgroundSql(this.em, `update outbox_event set dispatched_at = now() where id in (${events.map(() => "?").join(", ")})`, events.map((e) => e.id));
    this.log.info("events relayed to the register", { events: events.length });
    return events.length;
  }
}

/**
 * Starts a subgraph's relay to the register (RELAY_POLL_MS, default a
 * second), and the daily pruning of the events it handed on, once older than
 * OUTBOX_RETENTION_DAYS (the register keeps them); without a register its
 * events wait in the outbox. Returns how to stop both.
 */
export function relayToRegister(db: OrmHandle, service: SubgraphServices): () => Promise<void> {
  if (!service.registerUrl) {
    service.log.warn("no REGISTER_URL: the subgraph's events wait in its outbox until it has one");
    return async () => {};
  }
  const relay = new OutboxRelay(db.orm.em.fork() as never, service.registerUrl, service.signingKey, service.log.child({ component: "relay" }), Number(service.env.RELAY_POLL_MS ?? 1_000)).start();
  const retention = new OutboxRetention(db.orm.em.fork() as never, [outboxPruning({ keepPublic: false })], retentionDays(service.env), service.log.child({ component: "retention" })).start();
  return async () => {
    await retention.stop();
    await relay.stop();
  };
}
