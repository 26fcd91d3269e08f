import type { EntityManager } from "@mikro-orm/postgresql";
import { sqlRows } from "@bdp/kit/server";
import { FundingSource, GMINA_CODES, Sector, unitAndDescendants } from "@bdp/kit/domain";
import { STATISTIC_UNITS, truncOf, type PeriodArgs, type PlainStatistic } from "@bdp/kit/statistics";

/**
 * The partnership's money as statistics (issue #15, item 6), per unit of the
 * territory, computed in SQL. An initiative counts in every unit where it
 * acts (a gmina of it, or the county or city holding one), once per unit:
 * the county's figure is not the sum of its gminas' where an initiative acts
 * in several. Amounts are whole PLN.
 */

/** Every statistic unit with each gmina it holds (a gmina holds itself): `values (unit, gmina), …`. */
function unitGminas(): { sql: string; params: string[] } {
  const pairs = STATISTIC_UNITS.flatMap((unit) => (GMINA_CODES.includes(unit) ? [unit] : unitAndDescendants(unit).filter((c) => GMINA_CODES.includes(c))).map((gmina) => [unit, gmina]));
  return { sql: pairs.map(() => "(?, ?)").join(", "), params: pairs.flat() };
}

/** A money statistic: per unit (`ownRows`), 0 where nothing happened, its SQL given the units' gminas as `units(unit, gmina)`. */
function moneyStatistic(em: EntityManager, spec: { statistic: string; dimension: string | null; categories: readonly string[]; sql: string; params: (args: PeriodArgs) => unknown[] }): PlainStatistic {
  return {
    statistic: spec.statistic,
    measure: "PLN",
    dimension: spec.dimension,
    categories: spec.categories,
    stock: false,
    ownRows: true,
    zeroWhenMissing: true,
    query: (args) => {
      const units = unitGminas();
      return sqlRows(em, `with units(unit, gmina) as (values ${units.sql}), ${spec.sql}`, [...units.params, ...spec.params(args)]);
    },
  };
}

/** The initiatives whose agreement was signed in the period, once per unit where they act (`placed`); its parameters are the grain and the years. */
const SIGNED_IN_PERIOD = `placed as (
  select distinct u.unit, i.id, date_trunc(?, i.agreement_signed_on) as period
  from initiative i join units u on u.gmina = any(i.municipality_codes)
  where i.agreement_signed_on is not null and extract(year from i.agreement_signed_on) between ? and ?
)`;
const signedParams = (args: PeriodArgs) => [truncOf(args.grain), args.fromYear, args.toYear];

/**
 * Money agreed: the funding shares of the initiatives whose executive
 * agreement was signed in the period, by fund, and the confirmed parts'
 * cash contributions as the partners' own funds.
 */
export function agreedFunding(em: EntityManager): PlainStatistic {
  return moneyStatistic(em, {
    statistic: "agreedFunding",
    dimension: "FundingSource",
    categories: Object.values(FundingSource),
    sql: `${SIGNED_IN_PERIOD},
         money as (
           select initiative_id as id, source as category, amount from funding_share
           union all
           select initiative_id, 'PARTNER_OWN_FUNDS', cash_contribution from agreement_participant where status = 'CONFIRMED'
         )
         select p.unit as code, to_char(p.period, 'YYYY-MM-DD') as period, coalesce(m.category, 'TOTAL') as category, round(sum(m.amount))::int as count
         from placed p join money m on m.id = p.id
         group by grouping sets ((p.unit, p.period, m.category), (p.unit, p.period))`,
    params: signedParams,
  });
}

/**
 * The partners' own contributions to the initiatives whose agreement was
 * signed in the period, cash and in kind of the confirmed parts, by the
 * contributing partner's sector (copied onto its part when it was proposed;
 * parts without the copy count in the total only).
 */
export function partnerContributions(em: EntityManager): PlainStatistic {
  return moneyStatistic(em, {
    statistic: "partnerContributions",
    dimension: "Sector",
    categories: Object.values(Sector),
    sql: `${SIGNED_IN_PERIOD}
         select p.unit as code, to_char(p.period, 'YYYY-MM-DD') as period, d.category, round(sum(a.cash_contribution + a.in_kind_contribution))::int as count
         from placed p join agreement_participant a on a.initiative_id = p.id and a.status = 'CONFIRMED'
         cross join lateral (select a.partner_sector as category where a.partner_sector is not null union all select 'TOTAL') as d
         group by p.unit, p.period, d.category`,
    params: signedParams,
  });
}

/** Money spent on the initiatives acting in the unit, by when it was spent. */
export function initiativeSpending(em: EntityManager): PlainStatistic {
  return moneyStatistic(em, {
    statistic: "initiativeSpending",
    dimension: null,
    categories: [],
    sql: `placed as (select distinct u.unit, i.id from initiative i join units u on u.gmina = any(i.municipality_codes))
         select p.unit as code, to_char(date_trunc(?, e.spent_on), 'YYYY-MM-DD') as period, 'TOTAL' as category, round(sum(e.amount))::int as count
         from placed p join expenditure e on e.initiative_id = p.id
         where extract(year from e.spent_on) between ? and ?
         group by p.unit, date_trunc(?, e.spent_on)`,
    params: (args) => [truncOf(args.grain), args.fromYear, args.toYear, truncOf(args.grain)],
  });
}
