import { Arg, Args, Ctx, FieldResolver, registerEnumType, Resolver, Root } from "type-graphql";
import type { EntityManager } from "@mikro-orm/postgresql";
import { sqlRows, type HubContext, type TerritorialUnitRef as TerritorialUnitRefShape } from "@bdp/kit/server";
import { TargetGroup } from "@bdp/kit/domain";
import { EsfBreakdown, PeriodArgs, StatisticSeries, esfStatistic, peopleCountSql, peopleSeries, plainSeries, truncOf, type PeopleStatistic, type PlainStatistic } from "@bdp/kit/statistics";
import { TerritorialUnitRef } from "../references/reference.types.js";

export enum TrainingPlaceMeasure {
  OFFERED = "OFFERED",
  TAKEN = "TAKEN",
}
registerEnumType(TrainingPlaceMeasure, {
  name: "TrainingPlaceMeasure",
  description: "Which training places to count.",
  valuesConfig: {
    OFFERED: { description: "Seats offered: the capacity of editions that are not cancelled." },
    TAKEN: { description: "Seats taken: enrolled or completed participants (as `TrainingEdition.seatsTaken`, which is public)." },
  },
});

export enum TrainingOutcome {
  IN_PROGRESS = "IN_PROGRESS",
  DROPPED_OUT = "DROPPED_OUT",
  COMPLETED_EMPLOYED = "COMPLETED_EMPLOYED",
  COMPLETED_NOT_EMPLOYED = "COMPLETED_NOT_EMPLOYED",
  COMPLETED_EMPLOYMENT_UNKNOWN = "COMPLETED_EMPLOYMENT_UNKNOWN",
}
registerEnumType(TrainingOutcome, {
  name: "TrainingOutcome",
  description: "Where a participant of a training edition ended up: every enrolment that was not cancelled falls in exactly one.",
  valuesConfig: {
    IN_PROGRESS: { description: "Still enrolled." },
    DROPPED_OUT: { description: "Left before the end." },
    COMPLETED_EMPLOYED: { description: "Completed, and employed within 3 months (ESF+ result indicator)." },
    COMPLETED_NOT_EMPLOYED: { description: "Completed, not employed within 3 months." },
    COMPLETED_EMPLOYMENT_UNKNOWN: { description: "Completed; employment not yet known." },
  },
});

const TARGET_GROUPS = Object.values(TargetGroup);

/**
 * ESF+ participants by the year they entered (enrolled) and the gmina they
 * live in (the edition's gmina where residence is not recorded), every
 * breakdown in one table; cancelled enrolments are no participants, and an
 * enrolment has not left while ENROLLED.
 */
function esfParticipants(em: EntityManager) {
  return esfStatistic("esfParticipants", "n.status = 'ENROLLED'", {
    from: "enrolment n join training_edition e on e.id = n.edition_id join training_programme p on p.id = e.programme_id",
    where: "n.status <> 'CANCELLED' and n.enrolled_on >= make_date(?, 1, 1) and n.enrolled_on < make_date(? + 1, 1, 1)",
    year: "extract(year from n.enrolled_on)::int",
    code: "coalesce(n.residence_code, e.municipality_code)",
    holder: "p.provider_id",
  }, (sql, params) => sqlRows(em, sql, params));
}

/** Places by the period the edition starts, in the edition's gmina, for each target group of its programme. */
function trainingPlaces(em: EntityManager, measure: TrainingPlaceMeasure): PlainStatistic {
  // Seats offered add up capacities; seats taken count the enrolments of the editions in range, counted per edition first.
  const [value, taken] =
    measure === TrainingPlaceMeasure.OFFERED
      ? ["e.capacity", ""]
      : ["coalesce(t.taken, 0)", `left join (select n.edition_id, count(*) as taken from enrolment n join e on e.id = n.edition_id
                                             where n.status in ('ENROLLED', 'COMPLETED') group by 1) t on t.edition_id = e.id`];
  return {
    statistic: measure === TrainingPlaceMeasure.OFFERED ? "trainingPlacesOffered" : "trainingPlacesTaken",
    measure: "places",
    dimension: "TargetGroup",
    categories: TARGET_GROUPS,
    stock: false,
    query: (args) =>
      sqlRows(em,
        `with e as (select e.id, e.municipality_code, e.starts_on, e.capacity, p.target_groups
                    from training_edition e join training_programme p on p.id = e.programme_id
                    where e.status <> 'CANCELLED' and e.starts_on >= make_date(?, 1, 1) and e.starts_on < make_date(? + 1, 1, 1))
         select e.municipality_code as code, to_char(date_trunc(?, e.starts_on), 'YYYY-MM-DD') as period, d.category, sum(${value})::int as count
         from e ${taken}
         cross join lateral (select unnest(e.target_groups::text[]) as category union all select 'TOTAL') d
         group by 1, 2, 3`,
        [args.fromYear, args.toYear, truncOf(args.grain)],
      ),
  };
}

const COMPLETED = [TrainingOutcome.COMPLETED_EMPLOYED, TrainingOutcome.COMPLETED_NOT_EMPLOYED, TrainingOutcome.COMPLETED_EMPLOYMENT_UNKNOWN];

/**
 * Participants by the year their edition starts, in the edition's gmina, by
 * outcome, each row with its provider (the holder: what an insider knows).
 * Seats taken (in progress plus completed) are public per edition, so the
 * table is protected knowing that sum.
 */
function trainingOutcomes(em: EntityManager): PeopleStatistic {
  return {
    statistic: "trainingOutcomes",
    measure: "persons",
    table: {
      dimensions: [{ name: "TrainingOutcome", categories: Object.values(TrainingOutcome), partition: true }],
      known: [{ name: "seatsTaken", parts: [TrainingOutcome.IN_PROGRESS, ...COMPLETED].map((c) => `TrainingOutcome|${c}`) }],
    },
    query: (fromYear, toYear) =>
      sqlRows(
        em,
        peopleCountSql({
          from: "enrolment n join training_edition e on e.id = n.edition_id join training_programme p on p.id = e.programme_id",
          where: "n.status <> 'CANCELLED' and e.starts_on >= make_date(?, 1, 1) and e.starts_on < make_date(? + 1, 1, 1)",
          year: "extract(year from e.starts_on)::int",
          code: "e.municipality_code",
          holder: "p.provider_id",
          dimensions: [
            {
              name: "TrainingOutcome",
              sql: `case
                when n.status = 'ENROLLED' then 'IN_PROGRESS'
                when n.status = 'DROPPED_OUT' then 'DROPPED_OUT'
                when n.employed_within3months then 'COMPLETED_EMPLOYED'
                when not n.employed_within3months then 'COMPLETED_NOT_EMPLOYED'
                else 'COMPLETED_EMPLOYMENT_UNKNOWN' end`,
            },
          ],
        }),
        [fromYear, toYear],
      ),
  };
}

@Resolver(() => TerritorialUnitRef)
export class TerritorialUnitTrainingStatisticsResolver {
  @FieldResolver(() => StatisticSeries, {
    nullable: true,
    description: "Training places offered or taken, by the period the edition starts and the gmina it runs in, for each target group of its programme (a programme may serve several groups, so the lines may add up to more than the total). Any grain. Null for a unit statistics are not published for.",
  })
  trainingPlaces(
    @Root() unit: TerritorialUnitRefShape,
    @Ctx() ctx: HubContext,
    @Args() period: PeriodArgs,
    @Arg("measure", () => TrainingPlaceMeasure, { defaultValue: TrainingPlaceMeasure.OFFERED, description: "Offered or taken." }) measure: TrainingPlaceMeasure,
  ): Promise<StatisticSeries | null> {
    return plainSeries(ctx, unit.code, period, trainingPlaces(ctx.em as EntityManager, measure));
  }

  @FieldResolver(() => StatisticSeries, {
    nullable: true,
    description: "Participants of training editions by outcome (completions and employment within 3 months), by the year the edition starts and the gmina it runs in. Counts of people under disclosure control; by YEAR only. Null for a unit statistics are not published for.",
  })
  trainingOutcomes(@Root() unit: TerritorialUnitRefShape, @Ctx() ctx: HubContext, @Args() period: PeriodArgs): Promise<StatisticSeries | null> {
    return peopleSeries(ctx, unit.code, period, trainingOutcomes(ctx.em as EntityManager), "TrainingOutcome");
  }

  @FieldResolver(() => StatisticSeries, {
    nullable: true,
    description: "ESF+ common indicators of participants (Regulation (EU) 2021/1057, Annex I), computed from the enrolments: participants by the year they enrolled and the gmina they live in (the edition's where residence is not recorded), total EECO01 broken down as `by` says; each category's description names its indicator. Counts of people under disclosure control; by YEAR only. Null for a unit statistics are not published for.",
  })
  esfParticipants(
    @Root() unit: TerritorialUnitRefShape,
    @Ctx() ctx: HubContext,
    @Args() period: PeriodArgs,
    @Arg("by", () => EsfBreakdown, { description: "Which indicators to break the total down by." }) by: EsfBreakdown,
  ): Promise<StatisticSeries | null> {
    const statistic = esfParticipants(ctx.em as EntityManager);
    return peopleSeries(ctx, unit.code, period, statistic, statistic.dimensionOf(by));
  }
}
