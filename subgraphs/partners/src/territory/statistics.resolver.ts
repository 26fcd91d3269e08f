import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { EntityManager } from "@mikro-orm/postgresql";
import { PeriodArgs, Sector, StatisticSeries, periodRowsSql, plainSeries, type HubContext, type PlainStatistic, sqlRows } from "@bdp/kit";
import { TerritorialUnit } from "./territorial-unit.type.js";

/** Partners that are members at the end of each period (acceded, not yet withdrawn), by the gmina of their seat. */
function activePartners(em: EntityManager): PlainStatistic {
  return {
    statistic: "activePartners",
    measure: "partners",
    dimension: "Sector",
    categories: Object.values(Sector),
    stock: true,
    query: (args) => {
      const periods = periodRowsSql(args);
      return sqlRows(em,
        `select p.municipality_code as code, to_char(s.start, 'YYYY-MM-DD') as period, d.category, count(*)::int as count
         from ${periods.sql} as s
         join partner p on p.acceded_on <= s."end" and (p.withdrew_on is null or p.withdrew_on > s."end")
         cross join lateral (values (p.sector::text), ('TOTAL')) as d(category)
         group by 1, 2, 3`,
        periods.params,
      );
    },
  };
}

@Resolver(() => TerritorialUnit)
export class TerritoryStatisticsResolver {
  @FieldResolver(() => StatisticSeries, {
    nullable: true,
    description: "Partners that are members at the end of each period, by the gmina of their seat, broken down by sector. Any grain. Null for a unit statistics are not published for (the voivodeship, town or rural parts).",
  })
  activePartners(@Root() unit: TerritorialUnit, @Ctx() ctx: HubContext, @Args() period: PeriodArgs): Promise<StatisticSeries | null> {
    return plainSeries(ctx, unit.code, period, activePartners(ctx.em as EntityManager));
  }
}
