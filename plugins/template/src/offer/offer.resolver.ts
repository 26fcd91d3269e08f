import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, PageArgs, paginate, type HubContext } from "@bdp/kit/server";
import { offerReferenceType } from "@bdp/kit/plugin";
import { TemplateOffer } from "./offer.entity.js";
import type { Loaders } from "../loaders.js";

/** The hub's Offer entity, to which this plugin adds its details field. */
export const OfferRef = offerReferenceType();

export const TemplateOfferConnection = ConnectionType(TemplateOffer, "TemplateOffer", "offers of this plugin");

@Resolver(() => TemplateOffer)
export class TemplateOfferResolver {
  // every root field starts with the plugin's namespace
  @Query(() => TemplateOfferConnection, { description: "This plugin's offers with all their details, newest first, paginated by cursor." })
  templateOffers(@Ctx() ctx: HubContext<Loaders>, @Args() page: PageArgs) {
    return paginate(ctx.em, TemplateOffer, {}, { validFrom: "desc" }, page);
  }
}

@Resolver(() => OfferRef)
export class OfferTemplateResolver {
  // the only field this plugin adds to a core type, under its namespace; null for other plugins' offers
  @FieldResolver(() => TemplateOffer, { nullable: true, description: "Details of the offer known to the template plugin; null when another plugin publishes it." })
  template(@Root() offer: { id: string }, @Ctx() ctx: HubContext<Loaders>): Promise<TemplateOffer | null> {
    return ctx.loaders.offer.load(offer.id);
  }
}
