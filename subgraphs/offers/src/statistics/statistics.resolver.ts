import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { EntityManager } from "@mikro-orm/postgresql";
import { sqlRows, type HubContext, type TerritorialUnitRef as TerritorialUnitRefShape } from "@bdp/kit/server";
import { OfferKind } from "@bdp/kit/domain";
import { PeriodArgs, StatisticSeries, monthsOf, plainSeries, stockSql, truncOf, type PlainStatistic } from "@bdp/kit/statistics";
import { TerritorialUnitRef } from "../references/reference.types.js";

/** Offers open at some time in each period, in the gmina they take place in. */
function openOffers(em: EntityManager): PlainStatistic {
  return {
    statistic: "openOffers",
    measure: "offers",
    dimension: "OfferKind",
    categories: Object.values(OfferKind),
    stock: true,
    query: (args) => {
      // +1 in the period an offer opens, −1 from the period after the one it closes in
      const next = `make_interval(months => ${monthsOf(args.grain)})`;
      const stock = stockSql(args,
        `select municipality_code as code, kind as category, valid_from as d, 1 as delta from offer
         union all select municipality_code, kind, (date_trunc('${truncOf(args.grain)}', valid_through) + ${next})::date, -1 from offer where valid_through is not null`, []);
      return sqlRows(em, stock.sql, stock.params);
    },
  };
}

@Resolver(() => TerritorialUnitRef)
export class TerritorialUnitOfferStatisticsResolver {
  @FieldResolver(() => StatisticSeries, {
    nullable: true,
    description: "Offers of the catalogue open at some time in each period, in the gmina they take place in, by kind. An offer open for months counts in each of them, so there is no sum over periods. Any grain. Null for a unit statistics are not published for.",
  })
  openOffers(@Root() unit: TerritorialUnitRefShape, @Ctx() ctx: HubContext, @Args() period: PeriodArgs): Promise<StatisticSeries | null> {
    return plainSeries(ctx, unit.code, period, openOffers(ctx.em as EntityManager));
  }
}
