import { auditTrailResolver, buildFederatedSchema, referenceStubs, type HubContext } from "@bdp/kit/server";
import { LabourMarketIssueMutations } from "./issue/issue.mutation.js";
import { ConsultationMutations } from "./consultation/consultation.mutation.js";
import { InitiativeMutations } from "./initiative/initiative.mutation.js";
import { ProjectMutations } from "./initiative/project.mutation.js";
import { PartnershipIndicatorMutations } from "./indicator/indicator.mutation.js";
import { FundingApplicationResolver, FundingCallResolver, FundingMutations } from "./initiative/funding.mutation.js";
import { StrategyMutations } from "./strategy/strategy.mutation.js";
import { LabourMarketIssueResolver, PriorityVoteResolver } from "./issue/issue.resolver.js";
import { StrategyGoalResolver, StrategyResolver } from "./strategy/strategy.resolver.js";
import { ConsultationPositionResolver, ConsultationResolver } from "./consultation/consultation.resolver.js";
import { AgreementParticipantResolver, ExpenditureResolver, InitiativeResolver } from "./initiative/initiative.resolver.js";
import { IndicatorResolver } from "./indicator/indicator.resolver.js";
import { UnemploymentResolver } from "./statistics/unemployment.resolver.js";
import { TerritorialUnitLabourMarketStatisticsResolver } from "./statistics/statistics.resolver.js";
import { PartnerLabourMarketResolver, TerritorialUnitLabourMarketResolver } from "./references/references.resolver.js";
import type { Loaders } from "./loaders.js";

/** The labour-market subgraph's schema; needs no database. */
export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [
      LabourMarketIssueResolver, PriorityVoteResolver, StrategyResolver, StrategyGoalResolver, ConsultationResolver, ConsultationPositionResolver,
      InitiativeResolver, AgreementParticipantResolver, ExpenditureResolver, IndicatorResolver, UnemploymentResolver, PartnerLabourMarketResolver, TerritorialUnitLabourMarketResolver, TerritorialUnitLabourMarketStatisticsResolver,
      LabourMarketIssueMutations, ConsultationMutations, InitiativeMutations, ProjectMutations, PartnershipIndicatorMutations, FundingMutations, FundingCallResolver, FundingApplicationResolver, StrategyMutations, auditTrailResolver("labourMarketAuditTrail", "labour-market subgraph"),
    ],
    referenceResolvers: {
      ...referenceStubs,
      LabourMarketIssue: { __resolveReference: (ref: { id: string }, ctx: HubContext<Loaders>) => ctx.loaders.issue.load(ref.id) },
      Initiative: { __resolveReference: (ref: { id: string }, ctx: HubContext<Loaders>) => ctx.loaders.initiative.load(ref.id) },
    },
  });
}
