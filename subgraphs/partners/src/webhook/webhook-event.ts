import { registerEnumType } from "type-graphql";

/**
 * What the register tells partners (issue #15, item 5). Each event is written
 * to the outbox in the transaction of the change; the payload's `type` is the
 * value's name. Events of the other subgraphs (consultations, agreements,
 * offers) join this list when they are relayed to the register.
 */
export enum WebhookEventType {
  APPLICATION_DECIDED = "APPLICATION_DECIDED",
  PARTNER_JOINED = "PARTNER_JOINED",
  PARTNER_WITHDREW = "PARTNER_WITHDREW",
  PARTNER_SUSPENDED = "PARTNER_SUSPENDED",
  PARTNER_REINSTATED = "PARTNER_REINSTATED",
  MEETING_CALLED = "MEETING_CALLED",
  RESOLUTION_ADOPTED = "RESOLUTION_ADOPTED",
  CONSULTATION_OPENED = "CONSULTATION_OPENED",
  AGREEMENT_PART_PROPOSED = "AGREEMENT_PART_PROPOSED",
  AGREEMENT_SIGNED = "AGREEMENT_SIGNED",
  INITIATIVE_STATUS_CHANGED = "INITIATIVE_STATUS_CHANGED",
  FUNDING_CALL_ANNOUNCED = "FUNDING_CALL_ANNOUNCED",
  FUNDING_APPLICATION_DECIDED = "FUNDING_APPLICATION_DECIDED",
  CONSULTATION_CLOSING_SOON = "CONSULTATION_CLOSING_SOON",
  FUNDING_CALL_CLOSING_SOON = "FUNDING_CALL_CLOSING_SOON",
  OFFER_PUBLISHED = "OFFER_PUBLISHED",
}

/** The events the other subgraphs tell, relayed to the register (`/internal/events`): the labour market's and the catalogue's. */
export const RELAYED_EVENTS: ReadonlySet<string> = new Set([
  WebhookEventType.CONSULTATION_OPENED, WebhookEventType.AGREEMENT_PART_PROPOSED, WebhookEventType.AGREEMENT_SIGNED,
  WebhookEventType.INITIATIVE_STATUS_CHANGED, WebhookEventType.FUNDING_CALL_ANNOUNCED, WebhookEventType.FUNDING_APPLICATION_DECIDED,
  WebhookEventType.CONSULTATION_CLOSING_SOON, WebhookEventType.FUNDING_CALL_CLOSING_SOON, WebhookEventType.OFFER_PUBLISHED,
]);
registerEnumType(WebhookEventType, {
  name: "WebhookEventType",
  description: "Events a partner may subscribe to. Public news goes to every subscriber; the rest only to the partners it concerns.",
  valuesConfig: {
    APPLICATION_DECIDED: { description: "An application to join was approved or rejected, with the reason (public: decisions are public with their reasons)." },
    PARTNER_JOINED: { description: "A new partner signed the declaration (przystąpienie do porozumienia); public." },
    PARTNER_WITHDREW: { description: "A partner withdrew from the declaration (wystąpienie); public." },
    PARTNER_SUSPENDED: { description: "A partner's membership was suspended by a decision, with its reason; public." },
    PARTNER_REINSTATED: { description: "A suspended partner's membership was reinstated by a decision, with its reason; public." },
    MEETING_CALLED: { description: "A body's meeting was called, with its date, place and agenda; public." },
    RESOLUTION_ADOPTED: { description: "A body voted on a resolution (adopted or not: `data.adopted`), with its reasons and the votes; public." },
    CONSULTATION_OPENED: { description: "The coordinator opened (or announced) a consultation, with its dates; public. Relayed from the labour-market subgraph." },
    AGREEMENT_PART_PROPOSED: { description: "A lead proposed a part in an executive agreement to a partner: delivered to that partner only. Relayed from the labour-market subgraph." },
    AGREEMENT_SIGNED: { description: "An initiative's executive agreement was signed (number, date, budget); public. Relayed from the labour-market subgraph." },
    INITIATIVE_STATUS_CHANGED: { description: "An initiative started, closed or was cancelled, with the reason; public. Relayed from the labour-market subgraph." },
    FUNDING_CALL_ANNOUNCED: { description: "A call for funding was recorded, with its dates; public. Relayed from the labour-market subgraph." },
    FUNDING_APPLICATION_DECIDED: { description: "An application for funding was granted or rejected, with the reason; public. Relayed from the labour-market subgraph." },
    CONSULTATION_CLOSING_SOON: { description: "An open consultation takes positions for 3 more days at most (its last day in `data.closesOn`); told once per deadline; public. Relayed from the labour-market subgraph." },
    FUNDING_CALL_CLOSING_SOON: { description: "An open call for funding takes applications for 7 more days at most; told once per deadline; public. Relayed from the labour-market subgraph." },
    OFFER_PUBLISHED: { description: "An offer appeared in a listed plugin's feed (its kind, title, place, dates and link); public, and addressed to its partner. The offers a plugin brings with its admission are not told. Relayed from the offers catalogue." },
  },
});

export enum WebhookDeliveryStatus {
  PENDING = "PENDING",
  DELIVERED = "DELIVERED",
  FAILED = "FAILED",
}
registerEnumType(WebhookDeliveryStatus, {
  name: "WebhookDeliveryStatus",
  description: "Where a delivery stands.",
  valuesConfig: {
    PENDING: { description: "Not yet answered with 2xx: waiting for its first or next attempt (`nextAttemptAt`)." },
    DELIVERED: { description: "The receiver answered 2xx." },
    FAILED: { description: "Given up after the last attempt, or refused before sending (an address the hub may not reach); `lastError` says why." },
  },
});
