import { Arg, Args, Ctx, Field, FieldResolver, Float, ID, InputType, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/postgresql";
import {
  ConnectionType, PageArgs, SortDirection, checkId, checkIds, checkList, orderOf, paginate, partnerRef, searchPattern, territoryScope, unitRef, type HubContext, type PartnerRef as PartnerRefShape, type TerritorialUnitRef as TerritorialUnitRefShape,
} from "@bdp/kit/server";
import { MissionArea, TargetGroup } from "@bdp/kit/domain";
import { PartnerRef, TerritorialUnitRef } from "../references/reference.types.js";
import { IssueStatus, LabourMarketIssue, PriorityVote } from "./issue.entity.js";
import { StrategyGoal } from "../strategy/strategy.entity.js";
import { Consultation } from "../consultation/consultation.entity.js";
import { Initiative } from "../initiative/initiative.entity.js";
import { Indicator } from "../indicator/indicator.entity.js";
import type { Loaders } from "../loaders.js";

export const LabourMarketIssueConnection = ConnectionType(LabourMarketIssue, "LabourMarketIssue", "labour-market issues");

@InputType({ description: "Conditions an issue must meet to be listed; all given conditions apply together." })
export class LabourMarketIssueFilter {
  @Field(() => [IssueStatus], { nullable: true, description: "Any of these statuses." })
  statuses?: IssueStatus[];

  @Field(() => [MissionArea], { nullable: true, description: "In any of these mission lines." })
  areas?: MissionArea[];

  @Field(() => [TargetGroup], { nullable: true, description: "Affecting any of these groups." })
  affectedGroups?: TargetGroup[];

  @Field(() => String, { nullable: true, description: "Concerning this TERYT unit or a unit inside it." })
  municipalityCode?: string;

  @Field(() => [ID], { nullable: true, description: "Raised by any of these partners." })
  raisedByIds?: string[];

  @Field(() => String, { nullable: true, description: "Title contains this text (case-insensitive, at most 100 characters)." })
  search?: string;
}

@InputType({ description: "Sort order of a list of issues: by the date raised." })
export class LabourMarketIssueOrder {
  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: "Newest (DESC) or oldest (ASC) first." })
  direction: SortDirection = SortDirection.DESC;
}

@ObjectType({ description: "How urgent the partners consider an issue, from their priority votes." })
export class IssuePriority {
  @Field(() => Int, { description: "Number of votes cast." })
  votes!: number;

  @Field(() => Float, { nullable: true, description: "Average priority (1–5); null without votes." })
  average!: number | null;
}

@Resolver(() => LabourMarketIssue)
export class LabourMarketIssueResolver {
  @Query(() => LabourMarketIssue, { nullable: true, description: "A labour-market issue by id; null when there is none." })
  labourMarketIssue(@Arg("id", () => ID, { description: "Issue id." }) id: string, @Ctx() ctx: HubContext<Loaders>) {
    return ctx.loaders.issue.load(checkId("id", id));
  }

  @Query(() => LabourMarketIssueConnection, { description: "Key labour-market issues: filtered, by date raised, paginated by cursor." })
  labourMarketIssues(
    @Ctx() ctx: HubContext<Loaders>,
    @Args() page: PageArgs,
    @Arg("filter", () => LabourMarketIssueFilter, { nullable: true, description: "Which issues." }) filter?: LabourMarketIssueFilter,
    @Arg("orderBy", () => LabourMarketIssueOrder, { nullable: true, description: "Sort order; newest first when omitted." }) orderBy?: LabourMarketIssueOrder,
  ) {
    const where: Record<string, unknown> = {};
    const statuses = checkList("filter.statuses", filter?.statuses);
    if (statuses?.length) where.status = { $in: statuses };
    const areas = checkList("filter.areas", filter?.areas);
    if (areas?.length) where.area = { $in: areas };
    const groups = checkList("filter.affectedGroups", filter?.affectedGroups);
    if (groups?.length) where.affectedGroups = { $overlap: groups };
    const scope = territoryScope("filter.municipalityCode", filter?.municipalityCode);
    if (scope) where.municipalityCodes = { $overlap: scope };
    const raisers = checkIds("filter.raisedByIds", filter?.raisedByIds);
    if (raisers) where.raisedById = { $in: raisers };
    const pattern = searchPattern("filter.search", filter?.search);
    if (pattern) where.title = { $ilike: pattern };
    return paginate(ctx.em, LabourMarketIssue, where as FilterQuery<LabourMarketIssue>, { raisedOn: orderOf(orderBy?.direction ?? SortDirection.DESC) }, page);
  }

  @FieldResolver(() => PartnerRef, { nullable: true, description: "The partner that raised the issue." })
  raisedBy(@Root() issue: LabourMarketIssue): PartnerRefShape {
    return partnerRef(issue.raisedById);
  }

  @FieldResolver(() => [TerritorialUnitRef], { nullable: true, description: "Units of the territory the issue concerns." })
  municipalities(@Root() issue: LabourMarketIssue): TerritorialUnitRefShape[] {
    return issue.municipalityCodes.map(unitRef);
  }

  @FieldResolver(() => IssuePriority, { description: "Summary of partners' priority votes." })
  async priority(@Root() issue: LabourMarketIssue, @Ctx() ctx: HubContext<Loaders>): Promise<IssuePriority> {
    const s = await ctx.loaders.priority.load(issue.id);
    return { votes: s.votes, average: s.average };
  }

  @FieldResolver(() => [PriorityVote], { description: "Each partner's priority vote, most urgent first." })
  votes(@Root() issue: LabourMarketIssue, @Ctx() ctx: HubContext<Loaders>): Promise<PriorityVote[]> {
    return ctx.loaders.votesByIssue.load(issue.id);
  }

  @FieldResolver(() => [StrategyGoal], { description: "Strategy goals that address the issue." })
  strategyGoals(@Root() issue: LabourMarketIssue, @Ctx() ctx: HubContext<Loaders>): Promise<StrategyGoal[]> {
    return ctx.loaders.goalsByIssue.load(issue.id);
  }

  @FieldResolver(() => [Consultation], { description: "Consultations held on the issue, newest first." })
  consultations(@Root() issue: LabourMarketIssue, @Ctx() ctx: HubContext<Loaders>): Promise<Consultation[]> {
    return ctx.loaders.consultationsByIssue.load(issue.id);
  }

  @FieldResolver(() => [Initiative], { description: "Initiatives that address the issue, newest first." })
  initiatives(@Root() issue: LabourMarketIssue, @Ctx() ctx: HubContext<Loaders>): Promise<Initiative[]> {
    return ctx.loaders.initiativesByIssue.load(issue.id);
  }

  @FieldResolver(() => [Indicator], { description: "Indicators that measure the issue." })
  indicators(@Root() issue: LabourMarketIssue, @Ctx() ctx: HubContext<Loaders>): Promise<Indicator[]> {
    return ctx.loaders.indicatorsByIssue.load(issue.id);
  }
}

@Resolver(() => PriorityVote)
export class PriorityVoteResolver {
  @FieldResolver(() => PartnerRef, { nullable: true, description: "The partner that voted." })
  partner(@Root() vote: PriorityVote): PartnerRefShape {
    return partnerRef(vote.partnerId);
  }
}
