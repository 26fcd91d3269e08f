import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/postgresql";
import {
  between, ConnectionType, DateScalar, PageArgs, checkDateRange, checkIds, isHolder, isoDay, lastDayOf, paginate, today, partnerRef, territoryScope, unitRef, type HubContext, type PartnerRef as PartnerRefShape, type TerritorialUnitRef as TerritorialUnitRefShape,
} from "@bdp/kit/server";
import { PartnerRef, TerritorialUnitRef } from "../references/reference.types.js";
import { DisabilityJobPlace } from "./job-place.entity.js";
import { EMPLOYMENT_DUTY_MONTHS, Instrument, RetentionStatus } from "../vocabulary.js";
import { ActivationProgramme } from "../programme/programme.entity.js";
import type { Loaders } from "../loaders.js";

export const DisabilityJobPlaceConnection = ConnectionType(DisabilityJobPlace, "DisabilityJobPlace", "job places for persons with disabilities");

@InputType({ description: "Conditions a job place must meet to be listed; all given conditions apply together." })
export class DisabilityJobPlaceFilter {
  @Field(() => [ID], { nullable: true, description: "Created by any of these employer partners." })
  employerIds?: string[];

  @Field(() => String, { nullable: true, description: "In this TERYT unit or a unit inside it." })
  municipalityCode?: string;

  @Field(() => DateScalar, { nullable: true, description: "Created on or after this date." })
  createdFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: "Created on or before this date." })
  createdTo?: string;

  @Field(() => Boolean, { nullable: true, description: "Only subsidised (true) or unsubsidised (false) posts." })
  subsidised?: boolean;
}

@ObjectType({ description: "A post's duty to be kept, and whether it was." })
export class JobPlaceRetention {
  @Field(() => RetentionStatus, { description: "Not bound, running, kept or broken." })
  status!: RetentionStatus;

  @Field(() => DateScalar, { nullable: true, description: "The last day the post must exist; null when not bound." })
  keepUntil!: string | null;
}

@Resolver(() => DisabilityJobPlace)
export class DisabilityJobPlaceResolver {
  @Query(() => DisabilityJobPlaceConnection, { description: "Job places created for persons with disabilities, newest first, paginated by cursor." })
  disabilityJobPlaces(
    @Ctx() ctx: HubContext<Loaders>,
    @Args() page: PageArgs,
    @Arg("filter", () => DisabilityJobPlaceFilter, { nullable: true, description: "Which job places." }) filter?: DisabilityJobPlaceFilter,
  ) {
    const where: Record<string, unknown> = {};
    const employers = checkIds("filter.employerIds", filter?.employerIds);
    if (employers) where.employerId = { $in: employers };
    const scope = territoryScope("filter.municipalityCode", filter?.municipalityCode);
    if (scope) where.municipalityCode = { $in: scope };
    checkDateRange("filter.createdFrom", filter?.createdFrom, "filter.createdTo", filter?.createdTo);
    const created = between(filter?.createdFrom, filter?.createdTo);
    if (created) where.createdOn = created;
    if (filter?.subsidised != null) where.subsidised = filter.subsidised;
    return paginate(ctx.em, DisabilityJobPlace, where as FilterQuery<DisabilityJobPlace>, { createdOn: "desc" }, page);
  }

  @FieldResolver(() => JobPlaceRetention, { description: "Whether the employer kept the post as long as it must: 36 months after an equipment refund (art. 26e); NOT_BOUND otherwise." })
  retention(@Root() place: DisabilityJobPlace): JobPlaceRetention {
    const months = place.equipmentRefunded ? EMPLOYMENT_DUTY_MONTHS[Instrument.WORKSTATION_EQUIPMENT_REFUND]! : null;
    if (months === null) return { status: RetentionStatus.NOT_BOUND, keepUntil: null };
    const keepUntil = lastDayOf(isoDay(place.createdOn), months);
    const ended = place.endedOn === null ? null : isoDay(place.endedOn);
    const status = ended !== null && ended < keepUntil ? RetentionStatus.BROKEN : ended !== null || today() > keepUntil ? RetentionStatus.KEPT : RetentionStatus.RUNNING;
    return { status, keepUntil };
  }

  @FieldResolver(() => PartnerRef, { nullable: true, description: "The employer partner that created the place." })
  employer(@Root() place: DisabilityJobPlace): PartnerRefShape {
    return partnerRef(place.employerId);
  }

  @FieldResolver(() => TerritorialUnitRef, { nullable: true, description: "The gmina of the workplace." })
  municipality(@Root() place: DisabilityJobPlace): TerritorialUnitRefShape {
    return unitRef(place.municipalityCode);
  }

  /**
   * A place with its programme, employer and date is a programme's outcome
   * (a participant placed): published, the places per programme would be the
   * per-programme counts that `participantSummary` keeps for the operator
   * (issue #11). So the link is the operator's and the employer's to see.
   */
  @FieldResolver(() => ActivationProgramme, {
    nullable: true,
    description: "The activation programme the place came from: for the programme's operator and the employer only (per-programme outcomes are the holder's, like `participantSummary`); null for everyone else, and when there is none.",
  })
  async programme(@Root() place: DisabilityJobPlace, @Ctx() ctx: HubContext<Loaders>): Promise<ActivationProgramme | null> {
    if (!place.programme) return null;
    const programme = await ctx.loaders.programme.load(place.programme.id);
    return programme && (isHolder(ctx, programme.operatorId) || isHolder(ctx, place.employerId)) ? programme : null;
  }
}
