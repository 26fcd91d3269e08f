import { auditTrailResolver, buildFederatedSchema, referenceStubs, type HubContext } from "@bdp/kit/server";
import { ActivationProgrammeMutations } from "./programme/programme.mutation.js";
import { DisabilityJobPlaceMutations } from "./job-place/job-place.mutation.js";
import { ActivationProgrammeResolver } from "./programme/programme.resolver.js";
import { DisabilityJobPlaceResolver } from "./job-place/job-place.resolver.js";
import { PartnerDisabilityResolver, TerritorialUnitDisabilityResolver } from "./references/references.resolver.js";
import { TerritorialUnitDisabilityStatisticsResolver } from "./statistics/statistics.resolver.js";
import type { Loaders } from "./loaders.js";

/** The disability-activation subgraph's schema; needs no database. */
export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [
      ActivationProgrammeResolver, DisabilityJobPlaceResolver, PartnerDisabilityResolver, TerritorialUnitDisabilityResolver, TerritorialUnitDisabilityStatisticsResolver,
      ActivationProgrammeMutations, DisabilityJobPlaceMutations, auditTrailResolver("disabilityAuditTrail", "disability-activation subgraph", { personal: ["ActivationParticipant"] }),
    ],
    referenceResolvers: {
      ...referenceStubs,
      ActivationProgramme: { __resolveReference: (ref: { id: string }, ctx: HubContext<Loaders>) => ctx.loaders.programme.load(ref.id) },
    },
  });
}
