import { disclosureThreshold } from "../disclosure.js";
import { periodKeyOf, periodsOf, type PeriodArgs } from "./period.js";
import { buildSeries, TOTAL, type StatisticSeries } from "./series.js";
import { isStatisticUnit, protectPeopleTable, sharedPerYear, rollUp, type CountRow, type PeopleRow, type PeopleTableSpec } from "./table.js";

/**
 * A statistic that is not a count of people (partners, places, offers, job
 * places): published as counted, at any grain. `query` returns gmina-level
 * rows whose `period` is the first day of the period (date_trunc).
 */
export interface PlainStatistic {
  /** Cells of a unit are the unit's own rows (a statistic imported per unit), not the sum of its gminas. */
  ownRows?: boolean;
  /** With `ownRows`: a cell without a row is 0 (nothing happened), not null (no figure). */
  zeroWhenMissing?: boolean;
  statistic: string;
  measure: string;
  dimension: string | null;
  categories: readonly string[];
  /** A count at a point in time (partners, open offers): no sum over periods. */
  stock: boolean;
  query(args: PeriodArgs): Promise<CountRow[]>;
}

/** The statistic for one unit; null for a unit statistics are not published for. */
export async function plainSeries(ctx: { em: { config: object } }, unitCode: string, args: PeriodArgs, stat: PlainStatistic): Promise<StatisticSeries | null> {
  const periods = periodsOf(args);
  if (!isStatisticUnit(unitCode)) return null;
  const years = await sharedPerYear(ctx.em, `${stat.statistic}|${args.grain}`, args.fromYear, args.toYear, async (fromYear, toYear) => {
    const byYear = new Map<number, CountRow[]>(Array.from({ length: toYear - fromYear + 1 }, (_, i) => [fromYear + i, []]));
    for (const row of await stat.query({ grain: args.grain, fromYear, toYear })) byYear.get(Number(row.period.slice(0, 4)))?.push(row);
    return byYear;
  });
  const keyed = [...years.values()].flat().map((r) => ({ ...r, period: periodKeyOf(args.grain, r.period) }));
  const cells = stat.ownRows ? new Map<string, number | null>(keyed.map((r) => [`${r.code}|${r.period}|${r.category}`, r.count])) : rollUp(keyed);
  return buildSeries({
    statistic: stat.statistic,
    measure: stat.measure,
    dimension: stat.dimension,
    categories: stat.categories,
    stock: stat.stock,
    unitCode,
    grain: args.grain,
    periods,
    disclosureControlled: false,
    cell: (category, period) => {
      const count = cells.get(`${unitCode}|${period.key}|${category}`);
      return { count: count ?? (stat.ownRows && !stat.zeroWhenMissing ? null : 0), hidden: false };
    },
  });
}

/**
 * A count of people: one table per year over every unit and dimension,
 * protected as a whole (table.ts), published by YEAR only.
 */
export interface PeopleStatistic {
  statistic: string;
  measure: string;
  table: PeopleTableSpec;
  query(fromYear: number, toYear: number): Promise<PeopleRow[]>;
}

export async function peopleSeries(ctx: { em: { config: object } }, unitCode: string, args: PeriodArgs, stat: PeopleStatistic, dimension: string | null): Promise<StatisticSeries | null> {
  const periods = periodsOf(args, { yearlyOnly: true });
  if (!isStatisticUnit(unitCode)) return null;
  const dim = dimension === null ? null : stat.table.dimensions.find((d) => d.name === dimension);
  if (dimension !== null && !dim) throw new Error(`${stat.statistic} has no dimension ${dimension}`);
  const tables = await sharedPerYear(ctx.em, stat.statistic, args.fromYear, args.toYear, async (fromYear, toYear) => {
    const rows = await stat.query(fromYear, toYear);
    const threshold = disclosureThreshold();
    return new Map(Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i).map((y) => [y, protectPeopleTable(rows.filter((r) => r.year === y), stat.table, threshold)]));
  });
  return buildSeries({
    statistic: stat.statistic,
    measure: stat.measure,
    unitCode,
    grain: args.grain,
    dimension,
    categories: dim?.categories ?? [],
    periods,
    stock: false,
    disclosureControlled: true,
    cell: (category, period) => {
      const key = category === TOTAL ? `${unitCode}|${TOTAL}|${TOTAL}` : `${unitCode}|${dimension}|${category}`;
      return tables.get(period.year)!.get(key)!;
    },
  });
}
