import { buildFederatedSchema, referenceStubs, type HubContext } from "@bdp/kit";
import { ActivationProgrammeResolver } from "./programme/programme.resolver.js";
import { DisabilityJobPlaceResolver } from "./job-place/job-place.resolver.js";
import { PartnerDisabilityResolver, TerritorialUnitDisabilityResolver } from "./references/references.resolver.js";
import type { Loaders } from "./loaders.js";

/** The disability-activation subgraph's schema; needs no database. */
export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [ActivationProgrammeResolver, DisabilityJobPlaceResolver, PartnerDisabilityResolver, TerritorialUnitDisabilityResolver],
    referenceResolvers: {
      ...referenceStubs,
      ActivationProgramme: { __resolveReference: (ref: { id: string }, ctx: HubContext<Loaders>) => ctx.loaders.programme.load(ref.id) },
    },
  });
}
