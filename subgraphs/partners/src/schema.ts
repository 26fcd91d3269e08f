import { EnumLabelsResolver, VocabularyResolver, auditTrailResolver, buildFederatedSchema, type HubContext } from "@bdp/kit/server";
import { PartnerMutations } from "./partner/partner.mutation.js";
import { RepresentativeMutations } from "./representative/representative.mutation.js";
import { AccessionApplicationMutations } from "./application/application.mutation.js";
import { PartnerResolver } from "./partner/partner.resolver.js";
import { AccessionApplicationResolver } from "./application/application.resolver.js";
import { TerritoryResolver, unitByCode } from "./territory/territory.resolver.js";
import { TerritoryStatisticsResolver } from "./territory/statistics.resolver.js";
import { MembershipMutations } from "./membership/membership.mutation.js";
import { WebhookSubscriptionMutations } from "./webhook/webhook.mutation.js";
import { WebhookSubscriptionResolver } from "./webhook/webhook.resolver.js";
import { NewsResolver } from "./webhook/news.resolver.js";
import { GovernanceMutations } from "./governance/governance.mutation.js";
import { BodyMemberResolver, BodyResolver, MeetingResolver, ResolutionResolver, ResolutionVoteResolver } from "./governance/governance.resolver.js";
import type { Loaders } from "./loaders.js";

/** The partner register's schema; needs no database. */
export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [
      PartnerResolver, TerritoryResolver, TerritoryStatisticsResolver, AccessionApplicationResolver, PartnerMutations, RepresentativeMutations, AccessionApplicationMutations,
      MembershipMutations, WebhookSubscriptionResolver, WebhookSubscriptionMutations, NewsResolver,
      BodyResolver, BodyMemberResolver, MeetingResolver, ResolutionResolver, ResolutionVoteResolver, GovernanceMutations,
      auditTrailResolver("registerAuditTrail", "partner register"),
      // the labels of every enum of the API (issue #17): the register keeps the partnership's words
      EnumLabelsResolver,
      VocabularyResolver,
    ],
    referenceResolvers: {
      Partner: { __resolveReference: (ref: { id: string }, ctx: HubContext<Loaders>) => ctx.loaders.partner.load(ref.id) },
      TerritorialUnit: { __resolveReference: (ref: { code: string }) => unitByCode(ref.code) },
    },
  });
}
