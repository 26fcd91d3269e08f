import { Arg, Ctx, Field, FieldResolver, Float, ID, ObjectType, Query, Resolver, Root } from "type-graphql";
import { checkId, type HubContext } from "@bdp/kit/server";
import { Indicator, IndicatorMeasurement } from "./indicator.entity.js";
import { Initiative } from "../initiative/initiative.entity.js";
import { LabourMarketIssue } from "../issue/issue.entity.js";
import { StrategyGoal } from "../strategy/strategy.entity.js";
import type { Loaders } from "../loaders.js";

@ObjectType({ description: "How far an indicator has come from its baseline towards its target." })
export class IndicatorProgress {
  @Field(() => String, { nullable: true, description: "The latest measured value; null before any measurement." })
  latestValue!: string | null;

  @Field(() => String, { nullable: true, description: "When the latest value was measured." })
  latestMeasuredOn!: string | null;

  @Field(() => Float, { nullable: true, description: "Share of the planned change achieved: (latest − baseline) / (target − baseline); 1 means the target is met. Null before any measurement or when target equals baseline." })
  shareOfTarget!: number | null;
}

/** Progress computed from decimal strings; the share is a ratio, so a float is fine here. */
export function progressOf(indicator: Indicator, measurements: IndicatorMeasurement[]): IndicatorProgress {
  const latest = measurements.at(-1);
  if (!latest) return { latestValue: null, latestMeasuredOn: null, shareOfTarget: null };
  const span = Number(indicator.target) - Number(indicator.baseline);
  return {
    latestValue: latest.value,
    latestMeasuredOn: latest.measuredOn,
    shareOfTarget: span === 0 ? null : Math.round(((Number(latest.value) - Number(indicator.baseline)) / span) * 10000) / 10000,
  };
}

@Resolver(() => Indicator)
export class IndicatorResolver {
  @Query(() => Indicator, { nullable: true, description: "An indicator by id; null when there is none." })
  indicator(@Arg("id", () => ID, { description: "Indicator id." }) id: string, @Ctx() ctx: HubContext<Loaders>) {
    return ctx.loaders.indicator.load(checkId("id", id));
  }

  @FieldResolver(() => [IndicatorMeasurement], { description: "Measured values over time, oldest first: a chart-ready series." })
  measurements(@Root() indicator: Indicator, @Ctx() ctx: HubContext<Loaders>): Promise<IndicatorMeasurement[]> {
    return ctx.loaders.measurementsByIndicator.load(indicator.id);
  }

  @FieldResolver(() => IndicatorProgress, { description: "Latest value and the share of the target achieved." })
  async progress(@Root() indicator: Indicator, @Ctx() ctx: HubContext<Loaders>): Promise<IndicatorProgress> {
    return progressOf(indicator, await ctx.loaders.measurementsByIndicator.load(indicator.id));
  }

  @FieldResolver(() => Initiative, { nullable: true, description: "The initiative it measures, if any." })
  initiative(@Root() indicator: Indicator, @Ctx() ctx: HubContext<Loaders>) {
    return indicator.initiative ? ctx.loaders.initiative.load(indicator.initiative.id) : null;
  }

  @FieldResolver(() => LabourMarketIssue, { nullable: true, description: "The issue it measures, if any." })
  issue(@Root() indicator: Indicator, @Ctx() ctx: HubContext<Loaders>) {
    return indicator.issue ? ctx.loaders.issue.load(indicator.issue.id) : null;
  }

  @FieldResolver(() => StrategyGoal, { nullable: true, description: "The strategy goal it measures, if any." })
  strategyGoal(@Root() indicator: Indicator, @Ctx() ctx: HubContext<Loaders>) {
    return indicator.strategyGoal ? ctx.loaders.strategyGoal.load(indicator.strategyGoal.id) : null;
  }
}
