import { Arg, Args, Ctx, FieldResolver, registerEnumType, Resolver, Root } from "type-graphql";
import type { EntityManager } from "@mikro-orm/postgresql";
import { sqlRows, type HubContext, type TerritorialUnitRef as TerritorialUnitRefShape } from "@bdp/kit/server";
import { Sector } from "@bdp/kit/domain";
import { EsfBreakdown, PeriodArgs, StatisticSeries, esfStatistic, peopleCountSql, peopleSeries, plainSeries, truncOf, type PeopleStatistic, type PlainStatistic } from "@bdp/kit/statistics";
import { TerritorialUnitRef } from "../references/reference.types.js";
import { DisabilityDegree, Instrument, ParticipantOutcome } from "../vocabulary.js";

export enum ActivationParticipantDimension {
  DEGREE = "DEGREE",
  INSTRUMENT = "INSTRUMENT",
  OUTCOME = "OUTCOME",
}
registerEnumType(ActivationParticipantDimension, {
  name: "ActivationParticipantDimension",
  description: "What activation participants can be broken down by.",
  valuesConfig: {
    DEGREE: { description: "Degree of disability (DisabilityDegree)." },
    INSTRUMENT: { description: "The programme's activation instrument (ActivationInstrument)." },
    OUTCOME: { description: "The participant's outcome (ParticipantOutcome)." },
  },
});

const DIMENSION_ENUM: Record<ActivationParticipantDimension, string> = { DEGREE: "DisabilityDegree", INSTRUMENT: "ActivationInstrument", OUTCOME: "ParticipantOutcome" };

/**
 * Participants by the year they joined and the gmina they live in: one
 * protected table over degree, instrument and outcome at once, so no
 * grouping can be differenced against another.
 */
function activationParticipants(em: EntityManager): PeopleStatistic {
  return {
    statistic: "activationParticipants",
    measure: "persons",
    table: {
      dimensions: [
        { name: "DisabilityDegree", categories: Object.values(DisabilityDegree), partition: true },
        { name: "ActivationInstrument", categories: Object.values(Instrument), partition: true },
        { name: "ParticipantOutcome", categories: Object.values(ParticipantOutcome), partition: true },
      ],
    },
    query: (fromYear, toYear) =>
      sqlRows(
        em,
        peopleCountSql({
          from: "activation_participant p join activation_programme g on g.id = p.programme_id",
          where: "p.joined_on >= make_date(?, 1, 1) and p.joined_on < make_date(? + 1, 1, 1)",
          year: "extract(year from p.joined_on)::int",
          code: "p.municipality_code",
          holder: "g.operator_id",
          dimensions: [
            { name: "DisabilityDegree", sql: "p.degree::text" },
            { name: "ActivationInstrument", sql: "g.instrument::text" },
            { name: "ParticipantOutcome", sql: "p.outcome::text" },
          ],
        }),
        [fromYear, toYear],
      ),
  };
}

/**
 * ESF+ participants of activation programmes (issue #16, item 3), by the
 * year they joined and the gmina they live in, every breakdown in one
 * protected table, as the training enrolments' are; a participant has not
 * left while IN_PROGRESS.
 */
function activationEsfParticipants(em: EntityManager) {
  return esfStatistic("activationEsfParticipants", "n.outcome = 'IN_PROGRESS'", {
    from: "activation_participant n join activation_programme g on g.id = n.programme_id",
    where: "n.joined_on >= make_date(?, 1, 1) and n.joined_on < make_date(? + 1, 1, 1)",
    year: "extract(year from n.joined_on)::int",
    code: "n.municipality_code",
    holder: "g.operator_id",
  }, (sql, params) => sqlRows(em, sql, params));
}

/**
 * Job places created, by the period they were created in, in the gmina of
 * the post, by the employer's sector (as the register had it then). Posts,
 * not people: published as counted.
 */
function jobPlacesCreated(em: EntityManager): PlainStatistic {
  return {
    statistic: "disabilityJobPlacesCreated",
    measure: "job places",
    dimension: "Sector",
    categories: Object.values(Sector),
    stock: false,
    query: (args) =>
      sqlRows(em,
        `select j.municipality_code as code, to_char(date_trunc(?, j.created_on), 'YYYY-MM-DD') as period, d.category, count(*)::int as count
         from disability_job_place j
         cross join lateral (select j.employer_sector as category where j.employer_sector is not null union all select 'TOTAL') as d
         where j.created_on >= make_date(?, 1, 1) and j.created_on < make_date(? + 1, 1, 1)
         group by 1, 2, 3`,
        [truncOf(args.grain), args.fromYear, args.toYear],
      ),
  };
}

@Resolver(() => TerritorialUnitRef)
export class TerritorialUnitDisabilityStatisticsResolver {
  @FieldResolver(() => StatisticSeries, {
    nullable: true,
    description: "Persons who joined an activation programme, by year joined and the gmina they live in, broken down by degree, instrument or outcome. Counts of people under disclosure control; by YEAR only. Null for a unit statistics are not published for (the voivodeship, town or rural parts).",
  })
  activationParticipants(
    @Root() unit: TerritorialUnitRefShape,
    @Ctx() ctx: HubContext,
    @Args() period: PeriodArgs,
    @Arg("by", () => ActivationParticipantDimension, { defaultValue: ActivationParticipantDimension.OUTCOME, description: "The breakdown." }) by: ActivationParticipantDimension,
  ): Promise<StatisticSeries | null> {
    return peopleSeries(ctx, unit.code, period, activationParticipants(ctx.em as EntityManager), DIMENSION_ENUM[by]);
  }

  @FieldResolver(() => StatisticSeries, {
    nullable: true,
    description: "ESF+ common indicators of the participants of activation programmes (Regulation (EU) 2021/1057, Annex I), computed from the participant records: persons by the year they joined and the gmina they live in, total EECO01 broken down as `by` says, as `esfParticipants` counts training enrolments. Counts of people under disclosure control; by YEAR only. Null for a unit statistics are not published for.",
  })
  activationEsfParticipants(
    @Root() unit: TerritorialUnitRefShape,
    @Ctx() ctx: HubContext,
    @Args() period: PeriodArgs,
    @Arg("by", () => EsfBreakdown, { description: "Which indicators to break the total down by." }) by: EsfBreakdown,
  ): Promise<StatisticSeries | null> {
    const statistic = activationEsfParticipants(ctx.em as EntityManager);
    return peopleSeries(ctx, unit.code, period, statistic, statistic.dimensionOf(by));
  }

  @FieldResolver(() => StatisticSeries, {
    nullable: true,
    description: "Job places created for persons with disabilities, by the period they were created in and the gmina of the post, broken down by the employer's sector (as the register had it when the place was recorded; places recorded without it count in the total only). Posts, not people: any grain. Null for a unit statistics are not published for.",
  })
  disabilityJobPlacesCreated(@Root() unit: TerritorialUnitRefShape, @Ctx() ctx: HubContext, @Args() period: PeriodArgs): Promise<StatisticSeries | null> {
    return plainSeries(ctx, unit.code, period, jobPlacesCreated(ctx.em as EntityManager));
  }
}
