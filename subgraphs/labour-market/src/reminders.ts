import type { EntityManager } from "@mikro-orm/postgresql";
import { Rounds, backgroundSql, stableId, type Logger } from "@bdp/kit/server";

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
  private readonly rounds: Rounds;

  constructor(
    private readonly em: EntityManager,
    private readonly log: Logger,
    everyMs = 60 * 60_000,
  ) {
    this.rounds = new Rounds(async () => {
      const told = await this.pass();
      if (told) this.log.info("deadlines told", { told });
      return false;
    }, { everyMs, log, failure: "could not tell the deadlines near; the next pass will" });
  }

  start(): this {
    this.rounds.start();
    return this;
  }

  stop(): Promise<void> {
    return this.rounds.stop();
  }

  /** One pass: tells the deadlines near that were not told yet; returns how many it told. */
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
