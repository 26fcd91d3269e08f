import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/postgresql";
import {
  ConnectionType, PageArgs, checkId, checkIds, checkList, paginate, partnerRef, isHolder, searchPattern, territoryScope, unitRef, type HubContext, type PartnerRef as PartnerRefShape, type TerritorialUnitRef as TerritorialUnitRefShape,
} from "@bdp/kit/server";
import { holderCount } from "@bdp/kit/statistics";
import { PartnerRef, TerritorialUnitRef } from "../references/reference.types.js";
import { ActivationProgramme } from "./programme.entity.js";
import { ActivationProgrammeFilter } from "./programme.input.js";
import { ParticipantSummary } from "./summary.type.js";
import { DisabilityDegree, ParticipantOutcome } from "../vocabulary.js";
import type { Loaders } from "../loaders.js";

export const ActivationProgrammeConnection = ConnectionType(ActivationProgramme, "ActivationProgramme", "activation programmes");

function programmeWhere(filter: ActivationProgrammeFilter | undefined): FilterQuery<ActivationProgramme> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  const operators = checkIds("filter.operatorIds", filter.operatorIds);
  if (operators) where.operatorId = { $in: operators };
  const instruments = checkList("filter.instruments", filter.instruments);
  if (instruments?.length) where.instrument = { $in: instruments };
  const sources = checkList("filter.fundingSources", filter.fundingSources);
  if (sources?.length) where.fundingSource = { $in: sources };
  const statuses = checkList("filter.statuses", filter.statuses);
  if (statuses?.length) where.status = { $in: statuses };
  const scope = territoryScope("filter.municipalityCode", filter.municipalityCode);
  if (scope) where.municipalityCodes = { $overlap: scope };
  const pattern = searchPattern("filter.search", filter.search);
  if (pattern) where.name = { $ilike: pattern };
  return where as FilterQuery<ActivationProgramme>;
}

@Resolver(() => ActivationProgramme)
export class ActivationProgrammeResolver {
  @Query(() => ActivationProgramme, { nullable: true, description: "An activation programme by id; null when there is none." })
  activationProgramme(@Arg("id", () => ID, { description: "Programme id." }) id: string, @Ctx() ctx: HubContext<Loaders>) {
    return ctx.loaders.programme.load(checkId("id", id));
  }

  @Query(() => ActivationProgrammeConnection, { description: "Activation programmes for persons with disabilities: filtered, by name, paginated by cursor." })
  activationProgrammes(
    @Ctx() ctx: HubContext<Loaders>,
    @Args() page: PageArgs,
    @Arg("filter", () => ActivationProgrammeFilter, { nullable: true, description: "Which programmes." }) filter?: ActivationProgrammeFilter,
  ) {
    return paginate(ctx.em, ActivationProgramme, programmeWhere(filter), { name: "asc" }, page);
  }

  @FieldResolver(() => PartnerRef, { nullable: true, description: "The partner that runs the programme." })
  operator(@Root() programme: ActivationProgramme): PartnerRefShape {
    return partnerRef(programme.operatorId);
  }

  @FieldResolver(() => [TerritorialUnitRef], { nullable: true, description: "Gminas the programme serves." })
  municipalities(@Root() programme: ActivationProgramme): TerritorialUnitRefShape[] {
    return programme.municipalityCodes.map(unitRef);
  }

  @FieldResolver(() => ParticipantSummary, { description: "Participants in aggregate: for the operator holding the records; withheld for everyone else (published counts: `TerritorialUnit.activationParticipants`)." })
  async participantSummary(@Root() programme: ActivationProgramme, @Ctx() ctx: HubContext<Loaders>): Promise<ParticipantSummary> {
    // only the holder sees the counts: nobody else's request reads the participants
    const cells = isHolder(ctx, programme.operatorId) ? await ctx.loaders.participantCells.load(programme.id) : [];
    const sum = (pred: (c: (typeof cells)[number]) => boolean) => cells.filter(pred).reduce((s, c) => s + c.count, 0);
    const total = sum(() => true);
    const count = (n: number) => holderCount(ctx, programme.operatorId, n);
    return {
      total: count(total),
      byDegree: Object.values(DisabilityDegree).map((degree) => ({ degree, count: count(sum((c) => c.degree === degree)) })),
      byOutcome: Object.values(ParticipantOutcome).map((outcome) => ({ outcome, count: count(sum((c) => c.outcome === outcome)) })),
    };
  }
}
