import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { EntityManager } from "@mikro-orm/postgresql";
import { type HubContext, sqlRows } from "@bdp/kit/server";
import { Sector } from "@bdp/kit/domain";
import { PeriodArgs, StatisticSeries, plainSeries, stockSql, type PlainStatistic } from "@bdp/kit/statistics";
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
      // +1 on accession, −1 on withdrawal: a member at the end of a period acceded by then and had not yet withdrawn
      const stock = stockSql(args,
        `select municipality_code as code, sector::text as category, acceded_on as d, 1 as delta from partner
         union all select municipality_code, sector::text, withdrew_on, -1 from partner where withdrew_on is not null`, []);
      return sqlRows(em, stock.sql, stock.params);
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
