import { HubError, RELAY_PATH, backgroundSql, isUuid, signedPostRoute, type OrmHandle, type RelayedEvent, type Route, type SubgraphServices } from "@bdp/kit/server";
import { RELAYED_EVENTS } from "./webhook-event.js";

const MAX_EVENTS = 500;

/** One relayed event, checked field by field: a malformed one refuses the batch (it is sent again, whole, once mended). */
function checkEvent(e: Partial<RelayedEvent>, i: number): RelayedEvent {
  const bad = (field: string, why: string) => HubError.badInput(`events[${i}].${field}`, why);
  if (typeof e.id !== "string" || !isUuid(e.id)) throw bad("id", "a UUID");
  if (typeof e.type !== "string" || !RELAYED_EVENTS.has(e.type)) throw bad("type", `one of ${[...RELAYED_EVENTS].join(", ")} (the register's own events are its own)`);
  if (typeof e.occurredAt !== "string" || Number.isNaN(Date.parse(e.occurredAt))) throw bad("occurredAt", "an ISO 8601 time");
  if (typeof e.subjectType !== "string" || !/^[A-Z][A-Za-z]{1,59}$/.test(e.subjectType)) throw bad("subjectType", "a GraphQL type name");
  if (typeof e.subjectId !== "string" || !isUuid(e.subjectId)) throw bad("subjectId", "a UUID");
  if (typeof e.public !== "boolean") throw bad("public", "true or false");
  if (!Array.isArray(e.partnerIds) || e.partnerIds.length > 50 || !e.partnerIds.every((p) => typeof p === "string" && isUuid(p))) throw bad("partnerIds", "at most 50 UUIDs");
  if (!e.public && e.partnerIds.length === 0) throw bad("partnerIds", "an event that is not public names the partners it is for");
  if (typeof e.title !== "string" || e.title.length < 1 || e.title.length > 300) throw bad("title", "1 to 300 characters");
  if (typeof e.data !== "object" || e.data === null || Array.isArray(e.data)) throw bad("data", "an object");
  return e as RelayedEvent;
}

/**
 * Where the other subgraphs hand the register their events (issue #15, item
 * 5; `OutboxRelay` in the kit): only requests signed with the hub's key for
 * the `partners` audience, each once (its nonce), only the relayed
 * vocabulary. Each event is stored in the register's outbox by its id, once:
 * the dispatcher then delivers it as it delivers the register's own.
 */
export function relayRoute(db: OrmHandle, service: SubgraphServices): Route {
  return signedPostRoute(service, {
    path: RELAY_PATH,
    audience: "partners",
    bodyLimit: 2_000_000,
    expects: "POST the events",
    refusal: "The register takes events from the hub's subgraphs only",
    parse: (body) => {
      const events = (body as { events?: unknown } | null)?.events;
      if (!Array.isArray(events) || events.length > MAX_EVENTS) throw HubError.badInput("events", `a list of at most ${MAX_EVENTS} events`);
      return events.map((e, i) => checkEvent(e as Partial<RelayedEvent>, i));
    },
    handle: async (events) => {
      const em = db.orm.em.fork();
      let stored = 0;
      for (const e of events) {
        const rows = await backgroundSql<{ id: string }[]>(em,
          `insert into outbox_event (id, type, occurred_at, subject_type, subject_id, public, partner_ids, title, data)
           values (?, ?, ?, ?, ?, ?, ?::uuid[], ?, ?::jsonb) on conflict (id) do nothing returning id`,
          [e.id, e.type, e.occurredAt, e.subjectType, e.subjectId, e.public, `{${e.partnerIds.join(",")}}`, e.title, JSON.stringify(e.data)],
        );
        stored += rows.length;
      }
      return { received: events.length, stored };
    },
  });
}
