import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/postgresql";
import {
  between, ConnectionType, PageArgs, checkDateRange, checkId, checkIds, checkList, orderOf, paginate, isHolder, territoryScope, unitRef, type HubContext, type TerritorialUnitRef as TerritorialUnitRefShape,
} from "@bdp/kit/server";
import { SuppressibleCount, holderCount } from "@bdp/kit/statistics";
import { TerritorialUnitRef } from "../references/reference.types.js";
import { TrainingEdition } from "./edition.entity.js";
import { TrainingEditionFilter, TrainingEditionOrder } from "./edition.input.js";
import { TrainingProgramme } from "../programme/programme.entity.js";
import type { Loaders } from "../loaders.js";

export const TrainingEditionConnection = ConnectionType(TrainingEdition, "TrainingEdition", "training editions");

@ObjectType({ description: "Outcomes of an edition's participants: exact for the provider holding the records, withheld for everyone else (published outcomes: `TerritorialUnit.trainingOutcomes`)." })
export class EditionOutcomes {
  @Field(() => SuppressibleCount, { description: "Participants who completed the edition." })
  completed!: SuppressibleCount;

  @Field(() => SuppressibleCount, { description: "Participants who obtained the certificate." })
  certified!: SuppressibleCount;

  @Field(() => SuppressibleCount, { description: "Participants employed within 3 months of completion (ESF+ result indicator)." })
  employedWithin3Months!: SuppressibleCount;
}

function editionWhere(filter: TrainingEditionFilter | undefined): FilterQuery<TrainingEdition> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  const programmes = checkIds("filter.programmeIds", filter.programmeIds);
  if (programmes) where.programme = { $in: programmes };
  const scope = territoryScope("filter.municipalityCode", filter.municipalityCode);
  if (scope) where.municipalityCode = { $in: scope };
  checkDateRange("filter.startsFrom", filter.startsFrom, "filter.startsTo", filter.startsTo);
  const starts = between(filter.startsFrom, filter.startsTo);
  if (starts) where.startsOn = starts;
  const statuses = checkList("filter.statuses", filter.statuses);
  if (statuses?.length) where.status = { $in: statuses };
  return where as FilterQuery<TrainingEdition>;
}

@Resolver(() => TrainingEdition)
export class TrainingEditionResolver {
  @Query(() => TrainingEdition, { nullable: true, description: "An edition by id; null when there is none." })
  trainingEdition(@Arg("id", () => ID, { description: "Edition id." }) id: string, @Ctx() ctx: HubContext<Loaders>) {
    return ctx.loaders.edition.load(checkId("id", id));
  }

  @Query(() => TrainingEditionConnection, { description: "Editions of all programmes: filtered, by start date, paginated by cursor." })
  trainingEditions(
    @Ctx() ctx: HubContext<Loaders>,
    @Args() page: PageArgs,
    @Arg("filter", () => TrainingEditionFilter, { nullable: true, description: "Which editions." }) filter?: TrainingEditionFilter,
    @Arg("orderBy", () => TrainingEditionOrder, { nullable: true, description: "Sort order; earliest first when omitted." }) orderBy?: TrainingEditionOrder,
  ) {
    return paginate(ctx.em, TrainingEdition, editionWhere(filter), { startsOn: orderOf(orderBy?.direction) }, page);
  }

  @FieldResolver(() => TrainingProgramme, { description: "The programme this is an edition of." })
  async programme(@Root() edition: TrainingEdition, @Ctx() ctx: HubContext<Loaders>): Promise<TrainingProgramme> {
    return (await ctx.loaders.programme.load(edition.programme.id))!;
  }

  @FieldResolver(() => TerritorialUnitRef, { nullable: true, description: "The gmina where the edition takes place." })
  municipality(@Root() edition: TrainingEdition): TerritorialUnitRefShape {
    return unitRef(edition.municipalityCode);
  }

  @FieldResolver(() => Int, { description: "Seats taken by enrolled or completed participants." })
  async seatsTaken(@Root() edition: TrainingEdition, @Ctx() ctx: HubContext<Loaders>): Promise<number> {
    return (await ctx.loaders.editionStats.load(edition.id)).taken;
  }

  @FieldResolver(() => Int, { description: "Seats still free (capacity minus seats taken, never below 0)." })
  async seatsLeft(@Root() edition: TrainingEdition, @Ctx() ctx: HubContext<Loaders>): Promise<number> {
    return Math.max(0, edition.capacity - (await ctx.loaders.editionStats.load(edition.id)).taken);
  }

  @FieldResolver(() => EditionOutcomes, { description: "Completion, certificates and employment after: for the provider holding the records; withheld for everyone else." })
  async outcomes(@Root() edition: TrainingEdition, @Ctx() ctx: HubContext<Loaders>): Promise<EditionOutcomes> {
    const programme = (await ctx.loaders.programme.load(edition.programme.id))!;
    // only the provider sees the counts: nobody else's request reads the enrolments for them
    const s = isHolder(ctx, programme.providerId) ? await ctx.loaders.editionStats.load(edition.id) : { completed: 0, certified: 0, employed: 0 };
    const count = (n: number) => holderCount(ctx, programme.providerId, n);
    return { completed: count(s.completed), certified: count(s.certified), employedWithin3Months: count(s.employed) };
  }
}
