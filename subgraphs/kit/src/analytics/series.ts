import "reflect-metadata";
import { Arg, Directive, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Language, labelOf } from "../labels/labels.js";
import { DateScalar } from "../scalars.js";
import { PeriodGrain, type Period } from "./period.js";

export enum SuppressionReason {
  DISCLOSURE_CONTROL = "DISCLOSURE_CONTROL",
  INCLUDES_WITHHELD = "INCLUDES_WITHHELD",
}
registerEnumType(SuppressionReason, {
  name: "SuppressionReason",
  description: "Why a value of a statistic is withheld.",
  valuesConfig: {
    DISCLOSURE_CONTROL: {
      description: "The cell is withheld by disclosure control: it counts fewer people than the threshold, or it had to be hidden so that another withheld cell cannot be worked out by differencing. The two are not told apart, on purpose.",
    },
    INCLUDES_WITHHELD: { description: "A sum (over several periods) that includes a withheld cell; `lowerBound` is the sum of the cells that are published." },
  },
});

@Directive("@shareable")
@ObjectType({ description: "One value of a statistic: a number, or null with the reason it is withheld." })
export class StatisticValue {
  @Field(() => Int, { nullable: true, description: "The value; null when withheld (`suppressed`) or when there is no figure for the period." })
  value!: number | null;

  @Field({ description: "True when the value is withheld (see `reason`)." })
  suppressed!: boolean;

  @Field(() => SuppressionReason, { nullable: true, description: "Why the value is withheld; null when it is published." })
  reason!: SuppressionReason | null;

  @Field(() => Int, { nullable: true, description: "For a withheld sum: the sum of its published parts, so the true value is at least this. Null otherwise." })
  lowerBound!: number | null;
}

@Directive("@shareable")
@ObjectType({ description: "One period of a time series: the x-axis tick of a chart." })
export class StatisticPeriod {
  @Field({ description: "Label of the period: 2025, 2025-Q1 or 2025-03." })
  key!: string;

  @Field(() => DateScalar, { description: "First day of the period." })
  start!: string;

  @Field(() => DateScalar, { description: "Last day of the period." })
  end!: string;
}

@Directive("@shareable")
@ObjectType({ description: "One line of a chart: a category's values, one per period, in the order of `periods`." })
export class StatisticLine {
  @Field({ description: "The category: a value of the enum named by the series' `dimension` (e.g. NGO for sector), or TOTAL." })
  key!: string;

  /** The series' dimension (the enum `key` belongs to), for the label; not a field of its own. */
  dimension!: string | null;

  @Field(() => String, { description: "The category's name for people, in `lang`: its enum value's label (`enumLabels`), Ogółem / Total for TOTAL." })
  label(@Arg("lang", () => Language, { defaultValue: Language.PL, description: "The language of the label." }) lang: Language): string {
    return labelOf(this.dimension, this.key, lang);
  }

  @Field(() => [StatisticValue], { description: "One value per period, aligned with the series' `periods`." })
  values!: StatisticValue[];

  @Field(() => StatisticValue, { nullable: true, description: "Sum over all the periods; null for a stock (a count at a point in time, such as partners or registered unemployed), which does not add up over time." })
  sum!: StatisticValue | null;
}

@Directive("@shareable")
@ObjectType({ description: "A statistic of one territorial unit over time, broken down by one dimension: shaped for a chart (x axis `periods`, one `series` line per category, plus `total`)." })
export class StatisticSeries {
  @Field({ description: "Name of the statistic, e.g. activationParticipants." })
  statistic!: string;

  @Field({ description: "What is counted, e.g. persons, places, partners, offers." })
  measure!: string;

  @Field({ description: "TERYT code of the territorial unit." })
  unitCode!: string;

  @Field(() => PeriodGrain, { description: "Length of each period." })
  grain!: PeriodGrain;

  @Field(() => String, { nullable: true, description: "The dimension the series are broken down by (an enum's name, e.g. Sector); null when there is only the total." })
  dimension!: string | null;

  @Field({ description: "True when the values are counts of people under disclosure control (see README, For analysts)." })
  disclosureControlled!: boolean;

  @Field(() => [StatisticPeriod], { description: "The periods, oldest first." })
  periods!: StatisticPeriod[];

  @Field(() => [StatisticLine], { description: "One line per category of the dimension, in the enum's order." })
  series!: StatisticLine[];

  @Field(() => StatisticLine, { description: "All categories together. Not always the sum of the lines: a record may fall in several categories (target groups)." })
  total!: StatisticLine;
}

/** A cell as a statistic's source gives it: the count, and whether it is withheld. */
export interface SourceCell {
  /** Null when there is no figure for the period (a statistic not yet imported, say). */
  count: number | null;
  hidden: boolean;
}

export const TOTAL = "TOTAL";

export interface SeriesSpec {
  statistic: string;
  measure: string;
  unitCode: string;
  grain: PeriodGrain;
  dimension: string | null;
  categories: readonly string[];
  periods: readonly Period[];
  /** A stock has no sum over periods. */
  stock: boolean;
  disclosureControlled: boolean;
  /** The cell for a category (or TOTAL) in a period. */
  cell(category: string, period: Period): SourceCell;
}

const published = (value: number): StatisticValue => ({ value, suppressed: false, reason: null, lowerBound: null });
const noFigure: StatisticValue = { value: null, suppressed: false, reason: null, lowerBound: null };
const withheld: StatisticValue = { value: null, suppressed: true, reason: SuppressionReason.DISCLOSURE_CONTROL, lowerBound: null };

/**
 * A series from its cells. A sum over periods is a sum of cells: published
 * only when every one of them is, so it discloses nothing the cells do not.
 */
export function buildSeries(spec: SeriesSpec): StatisticSeries {
  const line = (key: string): StatisticLine => {
    const cells = spec.periods.map((p) => spec.cell(key, p));
    const visibleSum = cells.reduce((s, c) => s + (c.hidden ? 0 : (c.count ?? 0)), 0);
    const sum: StatisticValue | null = spec.stock
      ? null
      : cells.some((c) => c.count === null)
        ? noFigure
        : cells.some((c) => c.hidden)
        ? { value: null, suppressed: true, reason: SuppressionReason.INCLUDES_WITHHELD, lowerBound: visibleSum }
        : published(visibleSum);
    return Object.assign(new StatisticLine(), { key, dimension: spec.dimension, values: cells.map((c) => (c.hidden ? withheld : c.count === null ? noFigure : published(c.count))), sum });
  };
  return {
    statistic: spec.statistic,
    measure: spec.measure,
    unitCode: spec.unitCode,
    grain: spec.grain,
    dimension: spec.dimension,
    disclosureControlled: spec.disclosureControlled,
    periods: spec.periods.map(({ key, start, end }) => ({ key, start, end })),
    series: spec.categories.map(line),
    total: line(TOTAL),
  };
}
