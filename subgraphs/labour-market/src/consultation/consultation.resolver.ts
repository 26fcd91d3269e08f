import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/postgresql";
import { ConnectionType, PageArgs, checkId, checkList, paginate, partnerRef, type HubContext, type PartnerRef as PartnerRefShape } from "@bdp/kit/server";
import { PartnerRef } from "../references/reference.types.js";
import { Consultation, ConsultationPosition, ConsultationStatus } from "./consultation.entity.js";
import { LabourMarketIssue } from "../issue/issue.entity.js";
import { Strategy } from "../strategy/strategy.entity.js";
import type { Loaders } from "../loaders.js";

export const ConsultationConnection = ConnectionType(Consultation, "Consultation", "consultations");

@Resolver(() => Consultation)
export class ConsultationResolver {
  @Query(() => Consultation, { nullable: true, description: "A consultation by id; null when there is none." })
  consultation(@Arg("id", () => ID, { description: "Consultation id." }) id: string, @Ctx() ctx: HubContext<Loaders>) {
    return ctx.loaders.consultation.load(checkId("id", id));
  }

  @Query(() => ConsultationConnection, { description: "Consultations among partners, newest first, paginated by cursor." })
  consultations(
    @Ctx() ctx: HubContext<Loaders>,
    @Args() page: PageArgs,
    @Arg("statuses", () => [ConsultationStatus], { nullable: true, description: "Only these statuses." }) statuses?: ConsultationStatus[],
  ) {
    const s = checkList("statuses", statuses);
    return paginate(ctx.em, Consultation, (s?.length ? { status: { $in: s } } : {}) as FilterQuery<Consultation>, { opensOn: "desc" }, page);
  }

  @FieldResolver(() => [ConsultationPosition], { description: "Positions partners took, in the order submitted." })
  positions(@Root() consultation: Consultation, @Ctx() ctx: HubContext<Loaders>): Promise<ConsultationPosition[]> {
    return ctx.loaders.positionsByConsultation.load(consultation.id);
  }

  @FieldResolver(() => PartnerRef, { nullable: true, description: "The partner that organised it." })
  organiser(@Root() consultation: Consultation): PartnerRefShape {
    return partnerRef(consultation.organiserId);
  }

  @FieldResolver(() => LabourMarketIssue, { nullable: true, description: "The issue consulted on, if any." })
  issue(@Root() consultation: Consultation, @Ctx() ctx: HubContext<Loaders>) {
    return consultation.issue ? ctx.loaders.issue.load(consultation.issue.id) : null;
  }

  @FieldResolver(() => Strategy, { nullable: true, description: "The strategy consulted on, if any." })
  strategy(@Root() consultation: Consultation, @Ctx() ctx: HubContext<Loaders>) {
    return consultation.strategy ? ctx.loaders.strategy.load(consultation.strategy.id) : null;
  }
}

@Resolver(() => ConsultationPosition)
export class ConsultationPositionResolver {
  @FieldResolver(() => PartnerRef, { nullable: true, description: "The partner that took the position." })
  partner(@Root() position: ConsultationPosition): PartnerRefShape {
    return partnerRef(position.partnerId);
  }

  @FieldResolver(() => Consultation, { description: "The consultation." })
  async consultation(@Root() position: ConsultationPosition, @Ctx() ctx: HubContext<Loaders>): Promise<Consultation> {
    return (await ctx.loaders.consultation.load(position.consultation.id))!;
  }
}
