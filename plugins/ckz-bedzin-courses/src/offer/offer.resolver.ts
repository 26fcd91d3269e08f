import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, PageArgs, paginate, type HubContext } from "@bdp/kit/server";
import { offerReferenceType } from "@bdp/kit/plugin";
import { CkzBedzinCoursesOffer } from "./offer.entity.js";
import type { Loaders } from "../loaders.js";

/** The hub's Offer entity, to which this plugin adds its details field. */
export const OfferRef = offerReferenceType();

export const CkzBedzinCoursesOfferConnection = ConnectionType(CkzBedzinCoursesOffer, "CkzBedzinCoursesOffer", "offers of this plugin");

@Resolver(() => CkzBedzinCoursesOffer)
export class CkzBedzinCoursesOfferResolver {
  // every root field starts with the plugin's namespace
  @Query(() => CkzBedzinCoursesOfferConnection, { description: "This plugin's offers with all their details, newest first, paginated by cursor." })
  ckzBedzinCoursesOffers(@Ctx() ctx: HubContext<Loaders>, @Args() page: PageArgs) {
    return paginate(ctx.em, CkzBedzinCoursesOffer, {}, { validFrom: "desc" }, page);
  }
}

@Resolver(() => OfferRef)
export class OfferCkzBedzinCoursesResolver {
  // the only field this plugin adds to a core type, under its namespace; null for other plugins' offers
  @FieldResolver(() => CkzBedzinCoursesOffer, { nullable: true, description: "Details of the offer known to the ckzBedzinCourses plugin; null when another plugin publishes it." })
  ckzBedzinCourses(@Root() offer: { id: string }, @Ctx() ctx: HubContext<Loaders>): Promise<CkzBedzinCoursesOffer | null> {
    return ctx.loaders.offer.load(offer.id);
  }
}
