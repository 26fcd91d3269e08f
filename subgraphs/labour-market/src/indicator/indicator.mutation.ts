import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from "type-graphql";
import { DateScalar, HubError, checkId, requireCoordinator, write, type HubContext } from "@bdp/kit/server";
import { Indicator, IndicatorKind, IndicatorMeasurement } from "./indicator.entity.js";
import { LabourMarketIssue } from "../issue/issue.entity.js";
import { StrategyGoal } from "../strategy/strategy.entity.js";
import { INDICATOR, checkMeasurement, indicatorData, measure } from "../initiative/initiative.mutation.js";
import type { Loaders } from "../loaders.js";

@InputType({ description: "An indicator: what is measured, from what value, to what value, by when." })
export class IndicatorInput {
  @Field({ description: "Name, 3 to 300 characters." })
  name!: string;

  @Field(() => IndicatorKind, { description: "Output or result." })
  kind!: IndicatorKind;

  @Field({ description: "Unit, 1 to 40 characters." })
  unit!: string;

  @Field({ description: "Baseline, a decimal string." })
  baseline!: string;

  @Field({ description: "Target, a decimal string." })
  target!: string;

  @Field(() => DateScalar, { nullable: true, description: "When the target is to be reached." })
  targetOn?: string | null;

  @Field(() => String, { nullable: true, description: "ESF+ common indicator code: one of `vocabulary { esfIndicators }`." })
  code?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether measurements give women and men apart." })
  bySex?: boolean | null;
}

/**
 * The partnership's own indicators (issue #15, item 3): on a labour-market
 * issue or a strategy goal, set and measured by the coordinator for the
 * partnership. An initiative's indicators stay its lead's (addIndicator).
 */
@Resolver(() => Indicator)
export class PartnershipIndicatorMutations {
  @Authorized("coordinator")
  @Mutation(() => Indicator, { description: "The coordinator sets an indicator of an issue or of a strategy goal (exactly one of them)." })
  async addPartnershipIndicator(
    @Arg("input", () => IndicatorInput, { description: "The indicator." }) input: IndicatorInput,
    @Ctx() ctx: HubContext<Loaders>,
    @Arg("issueId", () => ID, { nullable: true, description: "The issue it measures." }) issueId?: string | null,
    @Arg("strategyGoalId", () => ID, { nullable: true, description: "The strategy goal it measures." }) strategyGoalId?: string | null,
  ): Promise<Indicator> {
    requireCoordinator(ctx);
    if (!issueId === !strategyGoalId) throw HubError.badInput(issueId ? "strategyGoalId" : "issueId", "give exactly one of issueId and strategyGoalId");
    const data = indicatorData(input);
    return write(ctx, async (w) => {
      const issue = issueId ? await w.tx.findOne(LabourMarketIssue, { id: checkId("issueId", issueId) }) : null;
      if (issueId && !issue) throw HubError.badInput("issueId", "no such issue");
      const strategyGoal = strategyGoalId ? await w.tx.findOne(StrategyGoal, { id: checkId("strategyGoalId", strategyGoalId) }) : null;
      if (strategyGoalId && !strategyGoal) throw HubError.badInput("strategyGoalId", "no such strategy goal");
      return w.create(Indicator, { ...data, issue, strategyGoal }, INDICATOR);
    });
  }

  @Authorized("coordinator")
  @Mutation(() => IndicatorMeasurement, { description: "The coordinator records a measured value of an issue's or a strategy goal's indicator; one per date. An initiative's indicators are measured by its lead (`recordMeasurement`)." })
  async recordPartnershipMeasurement(
    @Arg("indicatorId", () => ID, { description: "The indicator." }) indicatorId: string,
    @Arg("measuredOn", () => DateScalar, { description: "End of the period measured." }) measuredOn: string,
    @Arg("value", { description: "Value, a decimal string." }) value: string,
    @Ctx() ctx: HubContext<Loaders>,
    @Arg("women", () => String, { nullable: true, description: "Of which women: required for an indicator given by sex, with `men`." }) women?: string | null,
    @Arg("men", () => String, { nullable: true, description: "Of which men: required for an indicator given by sex, with `women`." }) men?: string | null,
  ): Promise<IndicatorMeasurement> {
    requireCoordinator(ctx);
    const measured = checkMeasurement(value, women, men);
    return write(ctx, async (w) => {
      const indicator = await w.load(Indicator, checkId("indicatorId", indicatorId), { type: "Indicator" });
      if (indicator.initiative) throw new HubError("FORBIDDEN", "An initiative's indicator is measured by its lead");
      return measure(w, indicator, measuredOn, measured);
    });
  }
}
