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
}
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
