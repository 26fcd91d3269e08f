import { Arg, Args, Ctx, Field, FieldResolver, Float, ObjectType, registerEnumType, Resolver, Root } from "type-graphql";
import type { EntityManager } from "@mikro-orm/postgresql";
import { DateScalar, sqlRows, type HubContext, type TerritorialUnitRef as TerritorialUnitRefShape } from "@bdp/kit/server";
import { unitAndDescendants } from "@bdp/kit/domain";
import { PeriodArgs, StatisticSeries, isStatisticUnit, plainSeries, shared, truncOf, type PlainStatistic } from "@bdp/kit/statistics";
import { TerritorialUnitRef } from "../references/reference.types.js";
import { Indicator } from "../indicator/indicator.entity.js";
import { agreedFunding, initiativeSpending, partnerContributions } from "./money.statistics.js";
import type { Loaders } from "../loaders.js";

export enum UnemployedGroup {
  WOMEN = "WOMEN",
  LONG_TERM = "LONG_TERM",
  UNDER_30 = "UNDER_30",
  OVER_50 = "OVER_50",
  WITH_DISABILITIES = "WITH_DISABILITIES",
}
registerEnumType(UnemployedGroup, {
  name: "UnemployedGroup",
  description: "Groups of registered unemployed persons that labour offices report (of which…).",
  valuesConfig: {
    WOMEN: { description: "Women." },
    LONG_TERM: { description: "Long-term unemployed." },
    UNDER_30: { description: "Under 30." },
    OVER_50: { description: "Over 50." },
    WITH_DISABILITIES: { description: "Persons with disabilities." },
  },
});

const COLUMNS: Record<UnemployedGroup | "TOTAL", string> = {
  TOTAL: "registered_unemployed",
  WOMEN: "women",
  LONG_TERM: "long_term_unemployed",
  UNDER_30: "under30",
  OVER_50: "over50",
  WITH_DISABILITIES: "with_disabilities",
};

/**
 * Registered unemployment at the end of each period (the last month with a
 * figure in it), for the unit itself: official statistics are imported per
 * unit (county and gminas alike), so a county is not summed from gminas.
 */
function registeredUnemployment(em: EntityManager): PlainStatistic {
  return {
    statistic: "registeredUnemployment",
    measure: "persons",
    dimension: "UnemployedGroup",
    categories: Object.values(UnemployedGroup),
    stock: true,
    ownRows: true,
    query: (args) =>
      sqlRows(em,
        `select code, period, d.category, d.count
         from (select distinct on (territory_code, date_trunc(?, make_date(year, month, 1)))
                 territory_code as code, to_char(date_trunc(?, make_date(year, month, 1)), 'YYYY-MM-DD') as period, ${Object.values(COLUMNS).join(", ")}
               from unemployment_statistic
               where year between ? and ?
               order by territory_code, date_trunc(?, make_date(year, month, 1)), year desc, month desc) as latest
         cross join lateral (values ${Object.entries(COLUMNS).map(([k, c]) => `('${k}', ${c})`).join(", ")}) as d(category, count)`,
        [truncOf(args.grain), truncOf(args.grain), args.fromYear, args.toYear, truncOf(args.grain)],
      ),
  };
}

@ObjectType({ description: "Where an indicator of an issue or initiative stands on a date: baseline, target, the latest value measured by then and the share of the target achieved." })
export class IndicatorStanding {
  @Field(() => Indicator, { description: "The indicator (its issue or initiative, unit and measurements)." })
  indicator!: Indicator;

  @Field({ description: "Value before the intervention, as a decimal string." })
  baseline!: string;

  @Field({ description: "Value to reach, as a decimal string." })
  target!: string;

  @Field(() => String, { nullable: true, description: "The latest value measured on or before `asOf`; null when none." })
  latestValue!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When the latest value was measured." })
  latestMeasuredOn!: string | null;

  @Field(() => Float, { nullable: true, description: "(latest − baseline) / (target − baseline), to 4 places: 1 means the target is met. Null before any measurement or when target equals baseline." })
  shareOfTarget!: number | null;
}

interface StandingRow {
  id: string;
  codes: string[] | null;
  baseline: string;
  target: string;
  latest_value: string | null;
  latest_measured_on: string | null;
  share: string | null;
}

@Resolver(() => TerritorialUnitRef)
export class TerritorialUnitLabourMarketStatisticsResolver {
  @FieldResolver(() => StatisticSeries, {
    nullable: true,
    description: "Registered unemployed persons at the end of each period (official statistics, see `pnpm import-statistics`), with the groups labour offices report. Published as reported: these figures are public already. Any grain; a null value means no figure for the period.",
  })
  registeredUnemployment(@Root() unit: TerritorialUnitRefShape, @Ctx() ctx: HubContext, @Args() period: PeriodArgs): Promise<StatisticSeries | null> {
    return plainSeries(ctx, unit.code, period, registeredUnemployment(ctx.em as EntityManager));
  }

  @FieldResolver(() => StatisticSeries, {
    nullable: true,
    description: "Money agreed for the partnership's initiatives acting in this unit (a gmina of it), in whole PLN, by the period their executive agreement was signed: each fund's shares, and the partners' confirmed cash contributions as PARTNER_OWN_FUNDS. An initiative acting in several gminas counts in each, and once in the county or city. Any grain.",
  })
  agreedFunding(@Root() unit: TerritorialUnitRefShape, @Ctx() ctx: HubContext, @Args() period: PeriodArgs): Promise<StatisticSeries | null> {
    return plainSeries(ctx, unit.code, period, agreedFunding(ctx.em as EntityManager));
  }

  @FieldResolver(() => StatisticSeries, {
    nullable: true,
    description: "The partners' own contributions (cash and in kind, of the confirmed parts) to the initiatives acting in this unit, in whole PLN, by the period their executive agreement was signed and by the contributing partner's sector as the register had it when the part was proposed. Counted as `agreedFunding` is. Any grain.",
  })
  partnerContributions(@Root() unit: TerritorialUnitRefShape, @Ctx() ctx: HubContext, @Args() period: PeriodArgs): Promise<StatisticSeries | null> {
    return plainSeries(ctx, unit.code, period, partnerContributions(ctx.em as EntityManager));
  }

  @FieldResolver(() => StatisticSeries, {
    nullable: true,
    description: "Money the partners spent on the initiatives acting in this unit, in whole PLN, by the period it was spent. Counted as `agreedFunding` is. Any grain.",
  })
  initiativeSpending(@Root() unit: TerritorialUnitRefShape, @Ctx() ctx: HubContext, @Args() period: PeriodArgs): Promise<StatisticSeries | null> {
    return plainSeries(ctx, unit.code, period, initiativeSpending(ctx.em as EntityManager));
  }

  @FieldResolver(() => [IndicatorStanding], {
    nullable: true,
    description: "Indicators of the issues and initiatives concerning this unit or a unit inside it, with baseline, target, the latest value measured on or before `asOf` and the share of the target achieved, computed in one query. Ordered by issue or initiative, then indicator name.",
  })
  async indicatorProgress(
    @Root() unit: TerritorialUnitRefShape,
    @Ctx() ctx: HubContext<Loaders>,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "Progress as it stood on this day; today when omitted." }) asOf?: string,
  ): Promise<IndicatorStanding[] | null> {
    if (!isStatisticUnit(unit.code)) return null;
    const all = await shared(ctx.em, `indicatorProgress|${asOf ?? ""}`, () => indicatorStandings(ctx.em as EntityManager, asOf ?? null));
    const scope = new Set(unitAndDescendants(unit.code));
    const mine = all.filter((r) => (r.codes ?? []).some((c) => scope.has(c)));
    // the figures are shared between requests; the indicators themselves are this request's own
    const indicators = await ctx.loaders.indicator.loadMany(mine.map((r) => r.id));
    return mine.map((r, i) => ({
      indicator: indicators[i] as Indicator,
      baseline: r.baseline,
      target: r.target,
      latestValue: r.latest_value,
      latestMeasuredOn: r.latest_measured_on,
      shareOfTarget: r.share === null ? null : Number(r.share),
    }));
  }
}

/** Every indicator's standing on `asOf`, with the units its issue or initiative concerns: one query for all units. */
function indicatorStandings(em: EntityManager, asOf: string | null): Promise<StandingRow[]> {
  return sqlRows<StandingRow[]>(em,
    `select i.id, coalesce(n.municipality_codes, s.municipality_codes) as codes, i.baseline, i.target,
            m.value as latest_value, to_char(m.measured_on, 'YYYY-MM-DD') as latest_measured_on,
            case when m.value is null or i.target = i.baseline then null else round((m.value - i.baseline) / (i.target - i.baseline), 4) end as share
     from indicator i
     left join initiative n on n.id = i.initiative_id
     left join labour_market_issue s on s.id = i.issue_id
     left join lateral (select value, measured_on from indicator_measurement
                        where indicator_id = i.id and measured_on <= coalesce(?::date, current_date)
                        order by measured_on desc limit 1) m on true
     order by coalesce(n.title, s.title), i.name, i.id`,
    [asOf],
  );
}
