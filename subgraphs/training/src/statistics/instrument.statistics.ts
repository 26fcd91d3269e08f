import { Arg, Args, Ctx, FieldResolver, registerEnumType, Resolver, Root } from "type-graphql";
import type { EntityManager } from "@mikro-orm/postgresql";
import { sqlRows, type HubContext, type TerritorialUnitRef as TerritorialUnitRefShape } from "@bdp/kit/server";
import { PeriodArgs, StatisticSeries, peopleCountSql, peopleSeries, plainSeries, truncOf, type PeopleStatistic, type PlainStatistic } from "@bdp/kit/statistics";
import { TerritorialUnitRef } from "../references/reference.types.js";
import { CALL_INSTRUMENTS } from "../instrument/duties.js";

/**
 * The labour offices' instruments as statistics (issue #16, item 2): the
 * people who got one (a grant, a loan), under disclosure control like every
 * count of people, and the posts employers created with one, public like the
 * employers' agreements themselves.
 */
export enum InstrumentDutyOutcome {
  NO_DUTY = "NO_DUTY",
  RUNNING = "RUNNING",
  FULFILLED = "FULFILLED",
  BROKEN = "BROKEN",
}
registerEnumType(InstrumentDutyOutcome, {
  name: "InstrumentDutyOutcome",
  description: "Where an agreement's duties stand: broken if one was, running if one still runs, fulfilled when all were.",
  valuesConfig: {
    NO_DUTY: { description: "The agreement carries no duty." },
    RUNNING: { description: "A duty still runs (none broken)." },
    FULFILLED: { description: "Every duty was found kept." },
    BROKEN: { description: "A duty was broken: a refund is due." },
  },
});

export enum InstrumentBreakdown {
  INSTRUMENT = "INSTRUMENT",
  DUTY = "DUTY",
}
registerEnumType(InstrumentBreakdown, {
  name: "InstrumentBreakdown",
  description: "What people who got an instrument can be broken down by.",
  valuesConfig: {
    INSTRUMENT: { description: "The instrument (SupportForm)." },
    DUTY: { description: "Where their duties stand (InstrumentDutyOutcome): how many kept their business going." },
  },
});

const DIMENSION: Record<InstrumentBreakdown, string> = { INSTRUMENT: "SupportForm", DUTY: "InstrumentDutyOutcome" };

/** People with an instrument's agreement, by the year it was signed and the gmina where the support is used, each row with the office holding it. */
function instrumentBeneficiaries(em: EntityManager): PeopleStatistic {
  return {
    statistic: "instrumentBeneficiaries",
    measure: "persons",
    table: {
      dimensions: [
        { name: "SupportForm", categories: CALL_INSTRUMENTS, partition: true },
        { name: "InstrumentDutyOutcome", categories: Object.values(InstrumentDutyOutcome), partition: true },
      ],
    },
    query: (fromYear, toYear) =>
      sqlRows(em,
        peopleCountSql({
          from: `instrument_agreement a join instrument_call c on c.id = a.call_id
                 left join (select agreement_id, bool_or(status = 'BROKEN') as broken, bool_or(status = 'RUNNING') as running from instrument_duty group by 1) d on d.agreement_id = a.id`,
          where: "a.beneficiary_kind = 'PERSON' and a.signed_on >= make_date(?, 1, 1) and a.signed_on < make_date(? + 1, 1, 1)",
          year: "extract(year from a.signed_on)::int",
          code: "a.municipality_code",
          holder: "c.provider_id",
          dimensions: [
            { name: "SupportForm", sql: "c.instrument::text" },
            { name: "InstrumentDutyOutcome", sql: "case when d.agreement_id is null then 'NO_DUTY' when d.broken then 'BROKEN' when d.running then 'RUNNING' else 'FULFILLED' end" },
          ],
        }),
        [fromYear, toYear],
      ),
  };
}

/** Posts employers created or equipped with an instrument, by the period the agreement was signed, in the gmina of the post. */
function instrumentPosts(em: EntityManager): PlainStatistic {
  return {
    statistic: "instrumentPosts",
    measure: "posts",
    dimension: "SupportForm",
    categories: CALL_INSTRUMENTS,
    stock: false,
    query: (args) =>
      sqlRows(em,
        `select a.municipality_code as code, to_char(date_trunc(?, a.signed_on), 'YYYY-MM-DD') as period, d.category, sum(coalesce(a.posts_created, 1))::int as count
         from instrument_agreement a join instrument_call c on c.id = a.call_id
         cross join lateral (select c.instrument::text as category union all select 'TOTAL') d
         where a.beneficiary_kind = 'EMPLOYER' and a.signed_on >= make_date(?, 1, 1) and a.signed_on < make_date(? + 1, 1, 1)
         group by 1, 2, 3`,
        [truncOf(args.grain), args.fromYear, args.toYear],
      ),
  };
}

@Resolver(() => TerritorialUnitRef)
export class TerritorialUnitInstrumentStatisticsResolver {
  @FieldResolver(() => StatisticSeries, {
    nullable: true,
    description: "People who got a labour-market instrument (a start-up grant, an education loan), by the year their agreement was signed and the gmina where the support is used, broken down by instrument or by where their duties stand (how many kept their business the 12 months). Counts of people under disclosure control; by YEAR only. Null for a unit statistics are not published for.",
  })
  instrumentBeneficiaries(
    @Root() unit: TerritorialUnitRefShape,
    @Ctx() ctx: HubContext,
    @Args() period: PeriodArgs,
    @Arg("by", () => InstrumentBreakdown, { defaultValue: InstrumentBreakdown.INSTRUMENT, description: "The breakdown." }) by: InstrumentBreakdown,
  ): Promise<StatisticSeries | null> {
    return peopleSeries(ctx, unit.code, period, instrumentBeneficiaries(ctx.em as EntityManager), DIMENSION[by]);
  }

  @FieldResolver(() => StatisticSeries, {
    nullable: true,
    description: "Posts employers created or equipped with a labour-market instrument (equipment refunds, intervention and public works, the 50+ wage subsidy), by the period the agreement was signed and the gmina of the post, by instrument. Posts, not people: published as counted. Any grain.",
  })
  instrumentPosts(@Root() unit: TerritorialUnitRefShape, @Ctx() ctx: HubContext, @Args() period: PeriodArgs): Promise<StatisticSeries | null> {
    return plainSeries(ctx, unit.code, period, instrumentPosts(ctx.em as EntityManager));
  }
}
