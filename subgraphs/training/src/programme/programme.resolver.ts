import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/postgresql";
import {
  ConnectionType, HubError, PageArgs, checkId, checkIds, checkList, orderOf, paginate, partnerRef, searchPattern, territoryScope, type HubContext, type PartnerRef as PartnerRefShape,
} from "@bdp/kit/server";
import { PartnerRef } from "../references/reference.types.js";
import { TrainingProgramme } from "./programme.entity.js";
import { TrainingProgrammeFilter, TrainingProgrammeOrder } from "./programme.input.js";
import { TrainingEdition } from "../edition/edition.entity.js";
import type { Loaders } from "../loaders.js";

export const TrainingProgrammeConnection = ConnectionType(TrainingProgramme, "TrainingProgramme", "training programmes");

function programmeWhere(filter: TrainingProgrammeFilter | undefined): FilterQuery<TrainingProgramme> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  const providers = checkIds("filter.providerIds", filter.providerIds);
  if (providers) where.providerId = { $in: providers };
  const groups = checkList("filter.targetGroups", filter.targetGroups);
  if (groups?.length) where.targetGroups = { $overlap: groups };
  const forms = checkList("filter.forms", filter.forms);
  if (forms?.length) where.form = { $in: forms };
  const sources = checkList("filter.fundingSources", filter.fundingSources);
  if (sources?.length) where.fundingSource = { $in: sources };
  const statuses = checkList("filter.statuses", filter.statuses);
  if (statuses?.length) where.status = { $in: statuses };
  if (filter.occupationCode != null) {
    if (!/^\d{1,6}$/.test(filter.occupationCode)) throw HubError.badInput("filter.occupationCode", "must be 1 to 6 digits of a KZiS code");
    where.occupationCode = { $like: `${filter.occupationCode}%` };
  }
  const scope = territoryScope("filter.municipalityCode", filter.municipalityCode);
  if (scope) where.editions = { municipalityCode: { $in: scope } };
  const pattern = searchPattern("filter.search", filter.search);
  if (pattern) where.title = { $ilike: pattern };
  return where as FilterQuery<TrainingProgramme>;
}

@Resolver(() => TrainingProgramme)
export class TrainingProgrammeResolver {
  @Query(() => TrainingProgramme, { nullable: true, description: "A training programme by id; null when there is none." })
  trainingProgramme(@Arg("id", () => ID, { description: "Programme id." }) id: string, @Ctx() ctx: HubContext<Loaders>) {
    return ctx.loaders.programme.load(checkId("id", id));
  }

  @Query(() => TrainingProgrammeConnection, { description: "Training programmes of all providers: filtered, sorted, paginated by cursor." })
  trainingProgrammes(
    @Ctx() ctx: HubContext<Loaders>,
    @Args() page: PageArgs,
    @Arg("filter", () => TrainingProgrammeFilter, { nullable: true, description: "Which programmes." }) filter?: TrainingProgrammeFilter,
    @Arg("orderBy", () => TrainingProgrammeOrder, { nullable: true, description: "Sort order; by title when omitted." }) orderBy?: TrainingProgrammeOrder,
  ) {
    const order = orderBy ?? new TrainingProgrammeOrder();
    return paginate(ctx.em, TrainingProgramme, programmeWhere(filter), { [order.field]: orderOf(order.direction) }, page);
  }

  @FieldResolver(() => PartnerRef, { nullable: true, description: "The partner that provides the programme." })
  provider(@Root() programme: TrainingProgramme): PartnerRefShape {
    return partnerRef(programme.providerId);
  }

  @FieldResolver(() => [TrainingEdition], { description: "The programme's editions, earliest first." })
  editions(@Root() programme: TrainingProgramme, @Ctx() ctx: HubContext<Loaders>): Promise<TrainingEdition[]> {
    return ctx.loaders.editionsByProgramme.load(programme.id);
  }
}
