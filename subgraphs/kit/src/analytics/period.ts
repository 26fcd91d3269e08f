import "reflect-metadata";
import { ArgsType, Field, Int, registerEnumType } from "type-graphql";
import { HubError } from "../errors.js";

export enum PeriodGrain {
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
}
registerEnumType(PeriodGrain, {
  name: "PeriodGrain",
  description: "The length of each period of a statistic's time series.",
  valuesConfig: {
    MONTH: { description: "Calendar months: keys like 2025-03." },
    QUARTER: { description: "Calendar quarters: keys like 2025-Q1." },
    YEAR: { description: "Calendar years: keys like 2025." },
  },
});

@ArgsType()
export class PeriodArgs {
  @Field(() => PeriodGrain, { defaultValue: PeriodGrain.YEAR, description: "Length of each period. Counts of people are published by YEAR only." })
  grain: PeriodGrain = PeriodGrain.YEAR;

  @Field(() => Int, { description: "First calendar year of the series, from 2000 to two years after the current one." })
  fromYear!: number;

  @Field(() => Int, { description: "Last calendar year of the series, at most 10 years after `fromYear` and two years after the current one." })
  toYear!: number;
}

/** One period of a series: a chart's x-axis tick. */
export interface Period {
  key: string;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD. */
  end: string;
  year: number;
}

export const MAX_YEARS = 10;

/**
 * The years records can fall in: the hub holds nothing before 2000, and
 * nothing planned more than two years ahead (editions, offers). A span
 * outside them is refused instead of computed (issue #11: 2091–2100 by
 * month computed 2017–2100).
 */
export const FIRST_STATISTICS_YEAR = 2000;
export const lastStatisticsYear = (now = new Date()): number => now.getUTCFullYear() + 2;

const monthsPer: Record<PeriodGrain, number> = { MONTH: 1, QUARTER: 3, YEAR: 12 };

/** How many months a period of the grain lasts. */
export const monthsOf = (grain: PeriodGrain): number => monthsPer[grain];

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The periods of a validated range, oldest first. */
export function periodsOf(args: PeriodArgs, { yearlyOnly = false } = {}): Period[] {
  const { grain, fromYear, toYear } = args;
  const [min, max] = [FIRST_STATISTICS_YEAR, lastStatisticsYear()];
  for (const [field, year] of [["fromYear", fromYear], ["toYear", toYear]] as const) {
    if (!Number.isInteger(year) || year < min || year > max) throw HubError.badInput(field, `must be a year between ${min} and ${max}`, { min, max });
  }
  if (toYear < fromYear) throw HubError.badInput("toYear", "must not be before fromYear");
  if (toYear - fromYear + 1 > MAX_YEARS) throw HubError.badInput("toYear", `a series spans at most ${MAX_YEARS} years`, { max: MAX_YEARS });
  if (yearlyOnly && grain !== PeriodGrain.YEAR) {
    throw HubError.badInput("grain", "counts of people are published by YEAR only: one fixed yearly table is what keeps differencing from revealing a suppressed cell");
  }
  const step = monthsPer[grain];
  const out: Period[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    for (let m = 1; m <= 12; m += step) {
      const key = grain === PeriodGrain.YEAR ? String(y) : grain === PeriodGrain.QUARTER ? `${y}-Q${(m + 2) / 3}` : `${y}-${String(m).padStart(2, "0")}`;
      const endMonth = m + step - 1;
      out.push({ key, start: iso(y, m, 1), end: iso(y, endMonth, lastDay(y, endMonth)), year: y });
    }
  }
  return out;
}

/** The PostgreSQL `date_trunc` field for a grain. */
export function truncOf(grain: PeriodGrain): "month" | "quarter" | "year" {
  return grain === PeriodGrain.MONTH ? "month" : grain === PeriodGrain.QUARTER ? "quarter" : "year";
}

/** The key of the period a date (YYYY-MM-DD) falls in. */
export function periodKeyOf(grain: PeriodGrain, date: string): string {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (grain === PeriodGrain.YEAR) return y;
  if (grain === PeriodGrain.QUARTER) return `${y}-Q${Math.ceil(m / 3)}`;
  return `${y}-${String(m).padStart(2, "0")}`;
}

/**
 * The periods of a range as an SQL row source with columns `start` and
 * `end` (dates), for stocks counted at each period's end:
 * `from ${sql} as s join … on … <= s.end`.
 */
export function periodRowsSql(args: PeriodArgs): { sql: string; params: unknown[] } {
  const months = monthsPer[args.grain];
  return {
    sql: `(select g::date as start, (g + make_interval(months => ?) - interval '1 day')::date as "end"
           from generate_series(make_date(?, 1, 1), make_date(?, 12, 1), make_interval(months => ?)) as g)`,
    params: [months, args.fromYear, args.toYear, months],
  };
}

/**
 * A stock at the end of each period (members, open offers) from the days
 * its things come and go. `events` is SQL giving rows (code, category, d,
 * delta): +1 on the day one comes, −1 from the day one no longer counts. The
 * events are summed per period (those before the range into the first) and
 * run up over the periods in SQL, so each row of the table is read once
 * whatever the grain. Gives (code, period, category, count), with TOTAL.
 */
export function stockSql(args: PeriodArgs, events: string, eventParams: readonly unknown[]): { sql: string; params: unknown[] } {
  const periods = periodRowsSql(args);
  const trunc = truncOf(args.grain);
  return {
    sql: `with events as (${events}),
          tagged as (select code, category, d, delta from events union all select code, 'TOTAL', d, delta from events),
          bucketed as (select code, category, greatest(date_trunc('${trunc}', d), make_date(?, 1, 1))::date as start, sum(delta) as delta
                       from tagged where d < make_date(? + 1, 1, 1) group by 1, 2, 3),
          grid as (select k.code, k.category, s.start from (select distinct code, category from bucketed) k cross join ${periods.sql} as s)
          select g.code, to_char(g.start, 'YYYY-MM-DD') as period, g.category,
                 (sum(coalesce(b.delta, 0)) over (partition by g.code, g.category order by g.start))::int as count
          from grid g left join bucketed b on b.code = g.code and b.category = g.category and b.start = g.start`,
    params: [...eventParams, args.fromYear, args.toYear, ...periods.params],
  };
}
