import type { PublishedEvent } from "@bdp/kit/server";
import { PartnerStatus } from "../partner/partner.entity.js";
import { WebhookEventType } from "../webhook/webhook-event.js";

/** Each step of a partner's membership: the statuses it may start from, the status it leaves, and what it tells. */
export const MEMBERSHIP_STEPS = {
  withdraw: { from: [PartnerStatus.ACTIVE, PartnerStatus.SUSPENDED], to: PartnerStatus.WITHDRAWN, event: WebhookEventType.PARTNER_WITHDREW, verb: "withdrew from the partnership" },
  suspend: { from: [PartnerStatus.ACTIVE], to: PartnerStatus.SUSPENDED, event: WebhookEventType.PARTNER_SUSPENDED, verb: "was suspended" },
  reinstate: { from: [PartnerStatus.SUSPENDED], to: PartnerStatus.ACTIVE, event: WebhookEventType.PARTNER_REINSTATED, verb: "was reinstated" },
} as const;

export type MembershipStep = keyof typeof MEMBERSHIP_STEPS;

/** The public event a step tells: the same for a mutation and for the seed's history. */
export function membershipEvent(
  step: MembershipStep,
  partner: { id: string; name: string },
  change: { on: string; reason: string; decisionReference: string | null },
): PublishedEvent & { data: Record<string, unknown>; partnerIds: string[] } {
  const { to, event, verb } = MEMBERSHIP_STEPS[step];
  return {
    type: event,
    subjectType: "Partner",
    subjectId: partner.id,
    public: true,
    partnerIds: [partner.id],
    title: `${partner.name} ${verb}`,
    data: { partnerId: partner.id, name: partner.name, status: to, ...change },
  };
}
