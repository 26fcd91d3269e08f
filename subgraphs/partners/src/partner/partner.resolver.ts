import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/postgresql";
import { ConnectionType, PageArgs, checkId, checkIds, checkList, orderOf, paginate, searchPattern, territoryScope, type HubContext } from "@bdp/kit/server";
import { Language, formatNip, labelOf } from "@bdp/kit/domain";
import { Partner } from "./partner.entity.js";
import { PartnerFilter, PartnerOrder, PartnerRegistry } from "./partner.input.js";
import { Representative } from "../representative/representative.entity.js";
import { TerritorialUnit } from "../territory/territorial-unit.type.js";
import { unitByCode } from "../territory/territory.resolver.js";
import type { Loaders } from "../loaders.js";

export const PartnerConnection = ConnectionType(Partner, "Partner", "partners");

export function partnerWhere(filter: PartnerFilter | undefined): FilterQuery<Partner> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  const sectors = checkList("filter.sectors", filter.sectors);
  if (sectors?.length) where.sector = { $in: sectors };
  const statuses = checkList("filter.statuses", filter.statuses);
  if (statuses?.length) where.status = { $in: statuses };
  const scope = territoryScope("filter.municipalityCode", filter.municipalityCode);
  if (scope) where.municipalityCode = { $in: scope };
  if (filter.missionArea) where.missionAreas = { $contains: [filter.missionArea] };
  const pattern = searchPattern("filter.search", filter.search);
  if (pattern) where.name = { $ilike: pattern };
  const ids = checkIds("filter.ids", filter.ids);
  if (ids) where.id = { $in: ids };
  const competences = checkList("filter.competenceAreas", filter.competenceAreas, 16);
  if (competences?.length) where.competenceAreas = { $overlap: competences };
  for (const registry of checkList("filter.registeredIn", filter.registeredIn, 3) ?? []) {
    if (registry === PartnerRegistry.RIS) where.risNumber = { $ne: null };
    if (registry === PartnerRegistry.KRAZ) where.krazNumber = { $ne: null };
    if (registry === PartnerRegistry.PUBLIC_BENEFIT) where.publicBenefit = true;
  }
  return where as FilterQuery<Partner>;
}

@Resolver(() => Partner)
export class PartnerResolver {
  @Query(() => Partner, { nullable: true, description: "A partner by id; null when there is none." })
  async partner(@Arg("id", () => ID, { description: "Partner id." }) id: string, @Ctx() ctx: HubContext<Loaders>): Promise<Partner | null> {
    return ctx.loaders.partner.load(checkId("id", id));
  }

  @Query(() => PartnerConnection, { description: "Partners of the declaration: filtered, sorted, paginated by cursor." })
  async partners(
    @Ctx() ctx: HubContext<Loaders>,
    @Args() page: PageArgs,
    @Arg("filter", () => PartnerFilter, { nullable: true, description: "Which partners." }) filter?: PartnerFilter,
    @Arg("orderBy", () => PartnerOrder, { nullable: true, description: "Sort order; by name when omitted." }) orderBy?: PartnerOrder,
  ) {
    const order = orderBy ?? new PartnerOrder();
    return paginate(ctx.em, Partner, partnerWhere(filter), { [order.field]: orderOf(order.direction) }, page);
  }

  @FieldResolver(() => [String], {
    deprecationReason: "Free text that cannot be searched: use `competenceAreas` (the shared vocabulary, filterable) and `otherCompetences`. Still the same list: the areas' Polish terms, then the other competences.",
    description: "Competences the partner offers to the others, as text.",
  })
  competences(@Root() partner: Partner): string[] {
    return [...partner.competenceAreas.map((c) => labelOf("Competence", c, Language.PL)), ...partner.otherCompetences];
  }

  @FieldResolver(() => [Representative], { description: "People acting for the partner, main contact first." })
  representatives(@Root() partner: Partner, @Ctx() ctx: HubContext<Loaders>): Promise<Representative[]> {
    return ctx.loaders.representativesByPartner.load(partner.id);
  }

  @FieldResolver(() => TerritorialUnit, { nullable: true, description: "The gmina of the partner's seat; null when the seat is outside the territory (see `municipalityCode` and `activityArea`)." })
  municipality(@Root() partner: Partner): TerritorialUnit | null {
    return unitByCode(partner.municipalityCode);
  }

  @FieldResolver(() => Boolean, { description: "True for a partner seated outside the territory (a regional body, an NGO of the voivodeship) that acts in it: `activityArea` says where." })
  seatOutsideTerritory(@Root() partner: Partner): boolean {
    return unitByCode(partner.municipalityCode) === null;
  }

  @FieldResolver(() => [TerritorialUnit], { description: "The units of the territory where the partner acts." })
  activityUnits(@Root() partner: Partner): TerritorialUnit[] {
    return partner.activityArea.map(unitByCode).filter((u): u is TerritorialUnit => u !== null);
  }

  @FieldResolver(() => String, { nullable: true, description: "NIP as printed on documents, XXX-XXX-XX-XX." })
  nipFormatted(@Root() partner: Partner): string | null {
    return partner.nip ? formatNip(partner.nip) : null;
  }
}
