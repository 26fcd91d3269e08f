import { Arg, Args, Ctx, FieldResolver, registerEnumType, Resolver, Root } from "type-graphql";
import type { EntityManager } from "@mikro-orm/postgresql";
import { sqlRows, type HubContext, type TerritorialUnitRef as TerritorialUnitRefShape } from "@bdp/kit/server";
import { TargetGroup } from "@bdp/kit/domain";
import { PeriodArgs, StatisticSeries, peopleCountSql, peopleSeries, plainSeries, truncOf, type PeopleStatistic, type PlainStatistic } from "@bdp/kit/statistics";
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
 * The ESF+ common indicators of participants (Regulation (EU) 2021/1057,
 * Annex I) computed from the records (issue #16), as five partitions of the
 * participants who entered in the year and live in the unit. Each category
 * is one indicator (EECO…, EECR…, in its description) or what is left of the
 * partition, so the table is protected as a whole like every count of people.
 */
export enum EsfBreakdown {
  STATUS_ON_ENTRY = "STATUS_ON_ENTRY",
  AGE = "AGE",
  EDUCATION = "EDUCATION",
  ON_LEAVING = "ON_LEAVING",
  AFTER_6_MONTHS = "AFTER_6_MONTHS",
}
registerEnumType(EsfBreakdown, {
  name: "EsfBreakdown",
  description: "Which ESF+ common indicators of participants to break the total (EECO01, all participants) down by.",
  valuesConfig: {
    STATUS_ON_ENTRY: { description: "Labour-market status on entry: EECO02 is UNEMPLOYED plus LONG_TERM_UNEMPLOYED, EECO03, EECO04, EECO05." },
    AGE: { description: "Age on entry: EECO06 (below 18), EECO07 (18–29), EECO08 (55 and over)." },
    EDUCATION: { description: "Education on entry: EECO09, EECO10, EECO11." },
    ON_LEAVING: { description: "Immediate results: EECR01, EECR02, EECR04 (EECR03, a qualification, is the certificate)." },
    AFTER_6_MONTHS: { description: "Longer-term result: EECR05, in employment six months after leaving." },
  },
});

export enum EsfStatusOnEntry { EMPLOYED = "EMPLOYED", UNEMPLOYED = "UNEMPLOYED", LONG_TERM_UNEMPLOYED = "LONG_TERM_UNEMPLOYED", INACTIVE = "INACTIVE", NOT_RECORDED = "NOT_RECORDED" }
export enum EsfAge { UNDER_18 = "UNDER_18", AGE_18_29 = "AGE_18_29", AGE_30_54 = "AGE_30_54", AGE_55_PLUS = "AGE_55_PLUS" }
export enum EsfEducation { ISCED_0_2 = "ISCED_0_2", ISCED_3_4 = "ISCED_3_4", ISCED_5_8 = "ISCED_5_8", NOT_RECORDED = "NOT_RECORDED" }
export enum EsfOnLeaving { IN_EMPLOYMENT = "IN_EMPLOYMENT", JOB_SEARCHING = "JOB_SEARCHING", IN_EDUCATION_OR_TRAINING = "IN_EDUCATION_OR_TRAINING", OTHER = "OTHER", NOT_RECORDED = "NOT_RECORDED", NOT_LEFT = "NOT_LEFT" }
export enum EsfAfter6Months { IN_EMPLOYMENT = "IN_EMPLOYMENT", NOT_IN_EMPLOYMENT = "NOT_IN_EMPLOYMENT", NOT_KNOWN = "NOT_KNOWN" }
const NOT_RECORDED = { description: "Not recorded on the enrolment (records made before issue #16)." };
registerEnumType(EsfStatusOnEntry, {
  name: "EsfStatusOnEntry",
  description: "Participants by labour-market status on entry (ESF+).",
  valuesConfig: {
    EMPLOYED: { description: "EECO05: employed, including self-employed." },
    UNEMPLOYED: { description: "Unemployed, not long-term (with LONG_TERM_UNEMPLOYED: EECO02)." },
    LONG_TERM_UNEMPLOYED: { description: "EECO03: long-term unemployed." },
    INACTIVE: { description: "EECO04: inactive." },
    NOT_RECORDED,
  },
});
registerEnumType(EsfAge, {
  name: "EsfAge",
  description: "Participants by age on entry, in the ESF+ groups (from the age band; every band of either split falls in one).",
  valuesConfig: {
    UNDER_18: { description: "EECO06: below 18." },
    AGE_18_29: { description: "EECO07: 18 to 29." },
    AGE_30_54: { description: "30 to 54 (no indicator of its own)." },
    AGE_55_PLUS: { description: "EECO08: 55 and over." },
  },
});
registerEnumType(EsfEducation, {
  name: "EsfEducation",
  description: "Participants by education on entry (ESF+).",
  valuesConfig: {
    ISCED_0_2: { description: "EECO09: ISCED 0–2." },
    ISCED_3_4: { description: "EECO10: ISCED 3–4." },
    ISCED_5_8: { description: "EECO11: ISCED 5–8." },
    NOT_RECORDED,
  },
});
registerEnumType(EsfOnLeaving, {
  name: "EsfOnLeaving",
  description: "Participants by where they stood on leaving (ESF+ immediate results).",
  valuesConfig: {
    IN_EMPLOYMENT: { description: "EECR04: in employment, including self-employment, upon leaving." },
    JOB_SEARCHING: { description: "EECR01: engaged in job searching upon leaving." },
    IN_EDUCATION_OR_TRAINING: { description: "EECR02: in education or training upon leaving." },
    OTHER: { description: "Left, none of these." },
    NOT_RECORDED: { description: "Left; the situation is not recorded." },
    NOT_LEFT: { description: "Still enrolled." },
  },
});
registerEnumType(EsfAfter6Months, {
  name: "EsfAfter6Months",
  description: "Participants by employment six months after leaving (ESF+ longer-term result).",
  valuesConfig: {
    IN_EMPLOYMENT: { description: "EECR05: in employment six months after leaving." },
    NOT_IN_EMPLOYMENT: { description: "Not in employment six months after leaving." },
    NOT_KNOWN: { description: "Still enrolled, left less than six months ago, or not recorded." },
  },
});

const ESF_DIMENSIONS: Record<EsfBreakdown, { name: string; categories: string[]; sql: string }> = {
  STATUS_ON_ENTRY: { name: "EsfStatusOnEntry", categories: Object.values(EsfStatusOnEntry), sql: `coalesce(n.status_on_entry, 'NOT_RECORDED')` },
  AGE: {
    name: "EsfAge",
    categories: Object.values(EsfAge),
    sql: `case when n.age_band = 'AGE_UNDER_18' then 'UNDER_18' when n.age_band in ('AGE_18_24', 'AGE_25_29') then 'AGE_18_29'
               when n.age_band in ('AGE_55_59', 'AGE_60_PLUS', 'AGE_55_64', 'AGE_65_PLUS') then 'AGE_55_PLUS' else 'AGE_30_54' end`,
  },
  EDUCATION: { name: "EsfEducation", categories: Object.values(EsfEducation), sql: `coalesce(n.education_level, 'NOT_RECORDED')` },
  ON_LEAVING: { name: "EsfOnLeaving", categories: Object.values(EsfOnLeaving), sql: `case when n.status = 'ENROLLED' then 'NOT_LEFT' else coalesce(n.situation_on_leaving, 'NOT_RECORDED') end` },
  AFTER_6_MONTHS: {
    name: "EsfAfter6Months",
    categories: Object.values(EsfAfter6Months),
    sql: `case when n.employed_after6months then 'IN_EMPLOYMENT' when not n.employed_after6months then 'NOT_IN_EMPLOYMENT' else 'NOT_KNOWN' end`,
  },
};

/**
 * ESF+ participants by the year they entered (enrolled) and the gmina they
 * live in (the edition's gmina where residence is not recorded), every
 * breakdown in one table; cancelled enrolments are no participants.
 */
function esfParticipants(em: EntityManager): PeopleStatistic {
  const dims = Object.values(ESF_DIMENSIONS);
  return {
    statistic: "esfParticipants",
    measure: "persons",
    table: { dimensions: dims.map((d) => ({ name: d.name, categories: d.categories, partition: true })) },
    query: (fromYear, toYear) =>
      sqlRows(
        em,
        peopleCountSql({
          from: "enrolment n join training_edition e on e.id = n.edition_id join training_programme p on p.id = e.programme_id",
          where: "n.status <> 'CANCELLED' and n.enrolled_on >= make_date(?, 1, 1) and n.enrolled_on < make_date(? + 1, 1, 1)",
          year: "extract(year from n.enrolled_on)::int",
          code: "coalesce(n.residence_code, e.municipality_code)",
          holder: "p.provider_id",
          dimensions: dims,
        }),
        [fromYear, toYear],
      ),
  };
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
    return peopleSeries(ctx, unit.code, period, esfParticipants(ctx.em as EntityManager), ESF_DIMENSIONS[by].name);
  }
}
