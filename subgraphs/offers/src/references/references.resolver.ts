import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { type HubContext, type PartnerRef as PartnerRefShape, type TerritorialUnitRef as TerritorialUnitRefShape } from "@bdp/kit";
import { PartnerRef, TerritorialUnitRef } from "./reference.types.js";
import { CatalogueOffer } from "../offer/offer.entity.js";
import type { Loaders } from "../loaders.js";

@Resolver(() => PartnerRef)
export class PartnerOffersResolver {
  @FieldResolver(() => [CatalogueOffer], { nullable: true, description: "Offers this partner publishes through its plugins, newest first." })
  offers(@Root() partner: PartnerRefShape, @Ctx() ctx: HubContext<Loaders>): Promise<CatalogueOffer[]> {
    return ctx.loaders.offersByPartner.load(partner.id);
  }
}

@Resolver(() => TerritorialUnitRef)
export class TerritorialUnitOffersResolver {
  @FieldResolver(() => [CatalogueOffer], { nullable: true, description: "Offers that take place in this gmina, newest first." })
  offers(@Root() unit: TerritorialUnitRefShape, @Ctx() ctx: HubContext<Loaders>): Promise<CatalogueOffer[]> {
    return ctx.loaders.offersByMunicipality.load(unit.code);
  }
}
