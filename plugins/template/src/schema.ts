import { buildFederatedSchema } from "@bdp/kit/server";
import { OfferRef, OfferTemplateResolver, TemplateOfferResolver } from "./offer/offer.resolver.js";

/** The plugin's schema; needs no database. */
export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [TemplateOfferResolver, OfferTemplateResolver],
    // nothing of the plugin's returns an Offer: the entity is listed so its details field is printed
    orphanedTypes: [OfferRef],
    // the hub's offers catalogue owns Offer; here it is only its key
    referenceResolvers: { Offer: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) } },
  });
}
