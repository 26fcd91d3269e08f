import { Args, ArgsType, Ctx, Field, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/postgresql";
import {
  between, ConnectionType, HubError, PageArgs, checkRange, paginate, territoryScope, unitRef, type HubContext, type TerritorialUnitRef as TerritorialUnitRefShape,
} from "@bdp/kit/server";
import { TerritorialUnitRef } from "../references/reference.types.js";
import { UnemploymentStatistic } from "./unemployment.entity.js";
import type { Loaders } from "../loaders.js";

export const UnemploymentStatisticConnection = ConnectionType(UnemploymentStatistic, "UnemploymentStatistic", "monthly unemployment figures");

@ArgsType()
export class UnemploymentArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: "Only this TERYT unit and the units inside it." })
  territoryCode?: string;

  @Field(() => Int, { nullable: true, description: "From this year (inclusive)." })
  fromYear?: number;

  @Field(() => Int, { nullable: true, description: "To this year (inclusive)." })
  toYear?: number;
}

export function checkYears(fromYear: number | undefined | null, toYear: number | undefined | null): { from?: number; to?: number } {
  const from = checkRange("fromYear", fromYear, 1990, 2100);
  const to = checkRange("toYear", toYear, 1990, 2100);
  if (from !== undefined && to !== undefined && from > to) throw HubError.badInput("toYear", "must not be before fromYear");
  return { from, to };
}

@Resolver(() => UnemploymentStatistic)
export class UnemploymentResolver {
  @Query(() => UnemploymentStatisticConnection, { description: "Registered unemployment by unit and month, ordered by unit then period, paginated by cursor." })
  unemploymentStatistics(@Ctx() ctx: HubContext<Loaders>, @Args() args: UnemploymentArgs) {
    const where: Record<string, unknown> = {};
    const scope = territoryScope("territoryCode", args.territoryCode);
    if (scope) where.territoryCode = { $in: scope };
    const { from, to } = checkYears(args.fromYear, args.toYear);
    const years = between(from, to);
    if (years) where.year = years;
    return paginate(ctx.em, UnemploymentStatistic, where as FilterQuery<UnemploymentStatistic>, { territoryCode: "asc", year: "asc", month: "asc" }, args);
  }

  @FieldResolver(() => TerritorialUnitRef, { nullable: true, description: "The unit the figure is for." })
  territory(@Root() stat: UnemploymentStatistic): TerritorialUnitRefShape {
    return unitRef(stat.territoryCode);
  }

  @FieldResolver(() => String, { description: "The period as YYYY-MM, ready for a chart axis." })
  period(@Root() stat: UnemploymentStatistic): string {
    return `${stat.year}-${String(stat.month).padStart(2, "0")}`;
  }
}
