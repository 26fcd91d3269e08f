import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { EntityManager } from "@mikro-orm/postgresql";
import {
  OfferKind, PeriodArgs, StatisticSeries, periodRowsSql, plainSeries, sqlRows, type HubContext, type PlainStatistic, type TerritorialUnitRef as TerritorialUnitRefShape,
} from "@bdp/kit";
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
      const periods = periodRowsSql(args);
      return sqlRows(em,
        `select o.municipality_code as code, to_char(s.start, 'YYYY-MM-DD') as period, d.category, count(*)::int as count
         from ${periods.sql} as s
         join offer o on o.valid_from <= s."end" and (o.valid_through is null or o.valid_through >= s.start)
         cross join lateral (values (o.kind), ('TOTAL')) as d(category)
         group by 1, 2, 3`,
        periods.params,
      );
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
