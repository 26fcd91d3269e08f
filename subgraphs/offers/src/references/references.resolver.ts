import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import {
  PageArgs, type Connection, type HubContext, type PartnerRef as PartnerRefShape, type TerritorialUnitRef as TerritorialUnitRefShape,
} from "@bdp/kit/server";
import { PartnerRef, TerritorialUnitRef } from "./reference.types.js";
import { OfferConnection } from "../offer/offer.resolver.js";
import type { CatalogueOffer } from "../offer/offer.entity.js";
import type { Loaders } from "../loaders.js";

/**
 * A partner's and a gmina's offers: pages by cursor, like every list (issue
 * #11: a plugin's feed may hold thousands, and four aliases of a whole list
 * answered 121 MB); the first page of every partner on a page of partners
 * comes from one statement.
 */
@Resolver(() => PartnerRef)
export class PartnerOffersResolver {
  @FieldResolver(() => OfferConnection, { nullable: true, description: "Offers this partner publishes through its plugins, newest first, paginated by cursor." })
  offers(@Root() partner: PartnerRefShape, @Args() page: PageArgs, @Ctx() ctx: HubContext<Loaders>): Promise<Connection<CatalogueOffer>> {
    return ctx.loaders.offersByPartner(partner.id, page);
  }
}

@Resolver(() => TerritorialUnitRef)
export class TerritorialUnitOffersResolver {
  @FieldResolver(() => OfferConnection, { nullable: true, description: "Offers that take place in this gmina, newest first, paginated by cursor." })
  offers(@Root() unit: TerritorialUnitRefShape, @Args() page: PageArgs, @Ctx() ctx: HubContext<Loaders>): Promise<Connection<CatalogueOffer>> {
    return ctx.loaders.offersByMunicipality(unit.code, page);
  }
}
