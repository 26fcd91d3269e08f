import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/postgresql";
import {
  ConnectionType, PageArgs, checkId, checkRange, paginate, partnerRef, territoryScope, unitRef, type HubContext, type PartnerRef as PartnerRefShape, type TerritorialUnitRef as TerritorialUnitRefShape,
} from "@bdp/kit/server";
import { PartnerRef, TerritorialUnitRef } from "../references/reference.types.js";
import { Strategy, StrategyGoal } from "./strategy.entity.js";
import { LabourMarketIssue } from "../issue/issue.entity.js";
import { Indicator } from "../indicator/indicator.entity.js";
import type { Loaders } from "../loaders.js";

export const StrategyConnection = ConnectionType(Strategy, "Strategy", "strategies");

@Resolver(() => Strategy)
export class StrategyResolver {
  @Query(() => Strategy, { nullable: true, description: "A strategy by id; null when there is none." })
  strategy(@Arg("id", () => ID, { description: "Strategy id." }) id: string, @Ctx() ctx: HubContext<Loaders>) {
    return ctx.loaders.strategy.load(checkId("id", id));
  }

  @Query(() => StrategyConnection, { description: "Local development strategies, newest period first, paginated by cursor." })
  strategies(
    @Ctx() ctx: HubContext<Loaders>,
    @Args() page: PageArgs,
    @Arg("territoryCode", () => String, { nullable: true, description: "Of this TERYT unit or a unit inside it." }) territoryCode?: string,
    @Arg("inForceIn", () => Int, { nullable: true, description: "In force in this year." }) inForceIn?: number,
  ) {
    const where: Record<string, unknown> = {};
    const scope = territoryScope("territoryCode", territoryCode);
    if (scope) where.territoryCode = { $in: scope };
    const year = checkRange("inForceIn", inForceIn, 1990, 2100);
    if (year !== undefined) Object.assign(where, { periodStart: { $lte: year }, periodEnd: { $gte: year } });
    return paginate(ctx.em, Strategy, where as FilterQuery<Strategy>, { periodStart: "desc" }, page);
  }

  @FieldResolver(() => [StrategyGoal], { description: "The strategy's goals in order." })
  goals(@Root() strategy: Strategy, @Ctx() ctx: HubContext<Loaders>): Promise<StrategyGoal[]> {
    return ctx.loaders.goalsByStrategy.load(strategy.id);
  }

  @FieldResolver(() => PartnerRef, { nullable: true, description: "The partner (local government) that adopted it." })
  adoptedBy(@Root() strategy: Strategy): PartnerRefShape {
    return partnerRef(strategy.adoptedById);
  }

  @FieldResolver(() => TerritorialUnitRef, { nullable: true, description: "The unit of the territory it covers." })
  territory(@Root() strategy: Strategy): TerritorialUnitRefShape {
    return unitRef(strategy.territoryCode);
  }
}

@Resolver(() => StrategyGoal)
export class StrategyGoalResolver {
  @FieldResolver(() => LabourMarketIssue, { nullable: true, description: "The labour-market issue the goal addresses, if any." })
  issue(@Root() goal: StrategyGoal, @Ctx() ctx: HubContext<Loaders>): Promise<LabourMarketIssue | null> | null {
    return goal.issue ? ctx.loaders.issue.load(goal.issue.id) : null;
  }

  @FieldResolver(() => Strategy, { description: "The strategy the goal belongs to." })
  async strategy(@Root() goal: StrategyGoal, @Ctx() ctx: HubContext<Loaders>): Promise<Strategy> {
    return (await ctx.loaders.strategy.load(goal.strategy.id))!;
  }

  @FieldResolver(() => [Indicator], { description: "Indicators that measure the goal (the partnership's own, set by the coordinator)." })
  indicators(@Root() goal: StrategyGoal, @Ctx() ctx: HubContext<Loaders>): Promise<Indicator[]> {
    return ctx.loaders.indicatorsByGoal.load(goal.id);
  }
}
