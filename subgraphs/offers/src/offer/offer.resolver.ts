import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/postgresql";
import {
  ConnectionType, HubError, PageArgs, checkId, checkIds, checkList, orderOf, paginate, partnerRef, searchPattern, territoryScope, unitRef, type HubContext, type PartnerRef as PartnerRefShape, type TerritorialUnitRef as TerritorialUnitRefShape,
} from "@bdp/kit/server";
import { PartnerRef, TerritorialUnitRef } from "../references/reference.types.js";
import { PluginRegistration } from "../plugin/plugin.entity.js";
import { CatalogueOffer } from "./offer.entity.js";
import { OfferFilter, OfferOrder } from "./offer.input.js";
import type { Loaders } from "../loaders.js";

export const OfferConnection = ConnectionType(CatalogueOffer, "Offer", "offers");

function offerWhere(filter: OfferFilter | undefined): FilterQuery<CatalogueOffer> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  const kinds = checkList("filter.kinds", filter.kinds);
  if (kinds?.length) where.kind = { $in: kinds };
  const groups = checkList("filter.targetGroups", filter.targetGroups);
  if (groups?.length) where.targetGroups = { $overlap: groups };
  const scope = territoryScope("filter.municipalityCode", filter.municipalityCode);
  if (scope) where.municipalityCode = { $in: scope };
  const partners = checkIds("filter.partnerIds", filter.partnerIds);
  if (partners) where.partnerId = { $in: partners };
  const slugs = checkList("filter.pluginSlugs", filter.pluginSlugs);
  if (slugs?.length) where.pluginSlug = { $in: slugs };
  if (filter.validOn != null) {
    where.validFrom = { $lte: filter.validOn };
    where.$or = [{ validThrough: null }, { validThrough: { $gte: filter.validOn } }];
  }
  const contracts = checkList("filter.contractTypes", filter.contractTypes);
  if (contracts?.length) where.contractType = { $in: contracts };
  const times = checkList("filter.workingTimes", filter.workingTimes);
  if (times?.length) where.workingTime = { $in: times };
  if (filter.salary) {
    const { atLeast, currency, period } = filter.salary;
    if (!/^[A-Z]{3}$/.test(currency)) throw HubError.badInput("filter.salary.currency", "an ISO 4217 code, e.g. PLN");
    where.salaryCurrency = currency;
    where.salaryPeriod = period;
    // the most the offer may pay: its maximum, or its minimum when it states no maximum
    where.$and = [...((where.$and as unknown[]) ?? []), { $or: [{ salaryMax: { $gte: atLeast } }, { salaryMax: null, salaryMin: { $gte: atLeast } }] }];
  }
  const pattern = searchPattern("filter.text", filter.text);
  if (pattern) {
    const text = [{ title: { $ilike: pattern } }, { description: { $ilike: pattern } }];
    where.$and = [...((where.$and as unknown[]) ?? []), { $or: text }];
  }
  return where as FilterQuery<CatalogueOffer>;
}

@Resolver(() => CatalogueOffer)
export class OfferResolver {
  @Query(() => CatalogueOffer, { nullable: true, description: "An offer by id; null when there is none." })
  offer(@Arg("id", () => ID, { description: "Offer id." }) id: string, @Ctx() ctx: HubContext<Loaders>) {
    return ctx.loaders.offer.load(checkId("id", id));
  }

  @Query(() => OfferConnection, { description: "Offers from every plugin in one list: filtered, sorted (newest first by default), paginated by cursor." })
  offers(
    @Ctx() ctx: HubContext<Loaders>,
    @Args() page: PageArgs,
    @Arg("filter", () => OfferFilter, { nullable: true, description: "Which offers." }) filter?: OfferFilter,
    @Arg("orderBy", () => OfferOrder, { nullable: true, description: "Sort order; newest first when omitted." }) orderBy?: OfferOrder,
  ) {
    const order = orderBy ?? new OfferOrder();
    return paginate(ctx.em, CatalogueOffer, offerWhere(filter), { [order.field]: orderOf(order.direction) }, page);
  }

  @FieldResolver(() => PartnerRef, { nullable: true, description: "The partner offering it (the plugin's owner)." })
  partner(@Root() offer: CatalogueOffer): PartnerRefShape {
    return partnerRef(offer.partnerId);
  }

  @FieldResolver(() => TerritorialUnitRef, { nullable: true, description: "Where it takes place." })
  municipality(@Root() offer: CatalogueOffer): TerritorialUnitRefShape {
    return unitRef(offer.municipalityCode);
  }

  @FieldResolver(() => PluginRegistration, { nullable: true, description: "The plugin that publishes it." })
  plugin(@Root() offer: CatalogueOffer, @Ctx() ctx: HubContext<Loaders>): Promise<PluginRegistration | null> {
    return ctx.loaders.pluginBySlug.load(offer.pluginSlug);
  }
}

