import { auditTrailResolver, buildFederatedSchema, referenceStubs, type HubContext } from "@bdp/kit/server";
import { OfferResolver } from "./offer/offer.resolver.js";
import { PluginResolver } from "./plugin/plugin.resolver.js";
import { PartnerOffersResolver, TerritorialUnitOffersResolver } from "./references/references.resolver.js";
import { TerritorialUnitOfferStatisticsResolver } from "./statistics/statistics.resolver.js";
import type { Loaders } from "./loaders.js";

/** The offers catalogue's schema; needs no database. */
export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [
      OfferResolver, PluginResolver, PartnerOffersResolver, TerritorialUnitOffersResolver, TerritorialUnitOfferStatisticsResolver,
      auditTrailResolver("offersAuditTrail", "offers catalogue and plugin registry (admissions, updates, removals, owner transfers)"),
    ],
    referenceResolvers: {
      ...referenceStubs,
      Offer: { __resolveReference: (ref: { id: string }, ctx: HubContext<Loaders>) => ctx.loaders.offer.load(ref.id) },
    },
  });
}
