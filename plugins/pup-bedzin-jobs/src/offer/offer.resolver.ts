import { Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, PageArgs, paginate, type HubContext } from "@bdp/kit/server";
import { offerReferenceType } from "@bdp/kit/plugin";
import { PupBedzinJobsOffer } from "./offer.entity.js";
import type { Loaders } from "../loaders.js";

/** The hub's Offer entity, to which this plugin adds its details field. */
export const OfferRef = offerReferenceType();

export const PupBedzinJobsOfferConnection = ConnectionType(PupBedzinJobsOffer, "PupBedzinJobsOffer", "offers of this plugin");

@Resolver(() => PupBedzinJobsOffer)
export class PupBedzinJobsOfferResolver {
  // every root field starts with the plugin's namespace
  @Query(() => PupBedzinJobsOfferConnection, { description: "This plugin's offers with all their details, newest first, paginated by cursor." })
  pupBedzinJobsOffers(@Ctx() ctx: HubContext<Loaders>, @Args() page: PageArgs) {
    return paginate(ctx.em, PupBedzinJobsOffer, {}, { validFrom: "desc" }, page);
  }
}

@Resolver(() => OfferRef)
export class OfferPupBedzinJobsResolver {
  // the only field this plugin adds to a core type, under its namespace; null for other plugins' offers
  @FieldResolver(() => PupBedzinJobsOffer, { nullable: true, description: "Details of the offer known to the pupBedzinJobs plugin; null when another plugin publishes it." })
  pupBedzinJobs(@Root() offer: { id: string }, @Ctx() ctx: HubContext<Loaders>): Promise<PupBedzinJobsOffer | null> {
    return ctx.loaders.offer.load(offer.id);
  }
}
