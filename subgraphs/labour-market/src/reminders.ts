import type { EntityManager } from "@mikro-orm/postgresql";
import { backgroundSql, stableId, type Logger } from "@bdp/kit/server";

/** How many days before its last day a consultation or a call for funding is told to be closing. */
export const REMINDER_DAYS = { consultation: 3, call: 7 } as const;

interface Due {
  kind: "consultation" | "call";
  id: string;
  title: string;
  closes_on: string;
  owner: string | null;
}

const DUE = `
  select 'consultation' as kind, id, subject as title, to_char(closes_on, 'YYYY-MM-DD') as closes_on, null as owner
  from consultation where status = 'OPEN' and closes_on between current_date and current_date + ?::int
  union all
  select 'call', id, reference || ': ' || title, to_char(closes_on, 'YYYY-MM-DD'), owner_partner_id::text
  from funding_call where opens_on <= current_date and closes_on between current_date and current_date + ?::int`;

const TELL = `insert into outbox_event (id, type, occurred_at, subject_type, subject_id, public, partner_ids, title, data)
  values (?, ?, now(), ?, ?, true, '{}', ?, ?::jsonb) on conflict (id) do nothing returning id`;

/**
 * Deadlines near (issue #15, item 5): once a day or more often, every open
 * consultation closing within 3 days and every open call for funding closing
 * within 7 is told as news (CONSULTATION_CLOSING_SOON, FUNDING_CALL_CLOSING_SOON)
 * through the outbox, whence the relay hands it to the register. The event's
 * id is made from the record and its last day, so each deadline is told once
 * however often the job runs, on however many replicas, and again only if the
 * deadline moves.
 */
export class DeadlineReminders {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly em: EntityManager,
    private readonly log: Logger,
    private readonly everyMs = 60 * 60_000,
  ) {}

  start(): this {
    this.timer = setInterval(() => void this.run(), this.everyMs);
    this.timer.unref();
    void this.run();
    return this;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass: the deadlines near that were not told yet; returns how many it told. */
  run(): Promise<void> {
    this.running ??= this.pass()
      .then((told) => void (told && this.log.info("deadlines told", { told })))
      .catch((error: unknown) => this.log.warn("could not tell the deadlines near; the next pass will", { error: error instanceof Error ? error.message : String(error) }))
      .finally(() => (this.running = undefined));
    return this.running;
  }

  async pass(): Promise<number> {
    let told = 0;
    for (const due of await backgroundSql<Due[]>(this.em, DUE, [REMINDER_DAYS.consultation, REMINDER_DAYS.call])) {
      const consultation = due.kind === "consultation";
      const rows = await backgroundSql<{ id: string }[]>(this.em, TELL, [
        stableId(`deadline:${due.kind}:${due.id}:${due.closes_on}`),
        consultation ? "CONSULTATION_CLOSING_SOON" : "FUNDING_CALL_CLOSING_SOON",
        consultation ? "Consultation" : "FundingCall",
        due.id,
        `${consultation ? "Konsultacje" : "Nabór"} ${due.title}: ostatni dzień ${due.closes_on}`,
        JSON.stringify({ [consultation ? "consultationId" : "callId"]: due.id, title: due.title, closesOn: due.closes_on }),
      ]);
      told += rows.length;
    }
    return told;
  }
}
