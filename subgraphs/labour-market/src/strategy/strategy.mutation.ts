import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from "type-graphql";
import { DateScalar, HubError, checkId, checkInt, checkSet, checkTeryt, checkText, optionalText, write, type Audited, type HubContext } from "@bdp/kit/server";
import { Strategy, StrategyGoal, StrategyLevel } from "./strategy.entity.js";
import { LabourMarketIssue } from "../issue/issue.entity.js";
import type { Loaders } from "../loaders.js";

@InputType({ description: "A goal of a strategy." })
export class StrategyGoalInput {
  @Field({ description: "The goal, 3 to 300 characters." })
  title!: string;

  @Field(() => String, { nullable: true, description: "What achieving it means, at most 5,000 characters." })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "The labour-market issue it addresses." })
  issueId?: string | null;
}

@InputType({ description: "A local development strategy the partnership analyses, with its goals in order." })
export class StrategyInput {
  @Field({ description: "Title, 5 to 300 characters." })
  title!: string;

  @Field(() => StrategyLevel, { description: "Whose strategy it is." })
  level!: StrategyLevel;

  @Field({ description: "TERYT code of the unit it covers." })
  territoryCode!: string;

  @Field(() => ID, { description: "The partner (local government) that adopted it." })
  adoptedById!: string;

  @Field(() => Int, { description: "First year covered." })
  periodStart!: number;

  @Field(() => Int, { description: "Last year covered." })
  periodEnd!: number;

  @Field(() => DateScalar, { description: "When it was adopted." })
  adoptedOn!: string;

  @Field(() => String, { nullable: true, description: "Where the document is published (http or https)." })
  documentUrl?: string | null;

  @Field(() => [StrategyGoalInput], { description: "1 to 30 goals, in order." })
  goals!: StrategyGoalInput[];
}

/** A strategy is the adopting body's document, recorded by the coordinator. */
const STRATEGY: Audited<Strategy> = { type: "Strategy", audited: ["title", "level", "territoryCode", "periodStart", "periodEnd"], owner: (s) => s.adoptedById };

@Resolver(() => Strategy)
export class StrategyMutations {
  @Authorized("coordinator")
  @Mutation(() => Strategy, { description: "The coordinator records a strategy and its goals, linked to the issues they address." })
  async recordStrategy(@Arg("input", () => StrategyInput, { description: "The strategy." }) input: StrategyInput, @Ctx() ctx: HubContext<Loaders>): Promise<Strategy> {
    const periodStart = checkInt("periodStart", input.periodStart, 1990, 2100);
    const periodEnd = checkInt("periodEnd", input.periodEnd, periodStart, 2100);
    const documentUrl = optionalText("documentUrl", input.documentUrl, 500);
    if (documentUrl && !/^https?:\/\/\S+$/.test(documentUrl)) throw HubError.badInput("documentUrl", "must be an http(s) address");
    const goals = checkSet("goals", input.goals, 1, 30).map((g, i) => ({
      title: checkText(`goals[${i}].title`, g.title, 3, 300),
      description: optionalText(`goals[${i}].description`, g.description, 5000),
      issueId: g.issueId ? checkId(`goals[${i}].issueId`, g.issueId) : null,
    }));
    const data = {
      title: checkText("title", input.title, 5, 300),
      level: input.level,
      territoryCode: checkTeryt("territoryCode", input.territoryCode),
      adoptedById: checkId("adoptedById", input.adoptedById),
      periodStart,
      periodEnd,
      adoptedOn: input.adoptedOn,
      documentUrl,
    };
    return write(ctx, async (w) => {
      const strategy = w.create(Strategy, data, STRATEGY);
      // its goals are part of the strategy's record
      for (const [i, goal] of goals.entries()) {
        const issue = goal.issueId ? await w.tx.findOne(LabourMarketIssue, { id: goal.issueId }) : null;
        if (goal.issueId && !issue) throw HubError.badInput(`goals[${i}].issueId`, "no such issue");
        w.tx.create(StrategyGoal, { strategy, ordinal: i + 1, title: goal.title, description: goal.description, issue });
      }
      return strategy;
    });
  }
}
