import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { HubError, checkTeryt, type HubContext } from "@bdp/kit/server";
import { TERRITORY, territorialUnit } from "@bdp/kit/domain";
import { TerritorialUnit, TerritorialUnitKind } from "./territorial-unit.type.js";
import { Partner } from "../partner/partner.entity.js";
import type { Loaders } from "../loaders.js";

export function unitByCode(code: string): TerritorialUnit | null {
  const unit = territorialUnit(code);
  return unit ? { code: unit.code, name: unit.name, kind: unit.kind, parentCode: unit.parent, population: unit.population, populationYear: unit.populationYear } : null;
}

@Resolver(() => TerritorialUnit)
export class TerritoryResolver {
  @Query(() => TerritorialUnit, { nullable: true, description: "A unit of the territory by its TERYT code." })
  territorialUnit(@Arg("code", { description: "TERYT TERC code." }) code: string): TerritorialUnit | null {
    return unitByCode(checkTeryt("code", code));
  }

  @Query(() => [TerritorialUnit], { description: "The territory's units (voivodeship, county, city, gminas and gmina parts), optionally of one kind." })
  territorialUnits(
    @Arg("kind", () => TerritorialUnitKind, { nullable: true, description: "Only units of this kind." }) kind?: TerritorialUnitKind,
  ): TerritorialUnit[] {
    return TERRITORY.filter((u) => !kind || u.kind === kind).map((u) => unitByCode(u.code)!);
  }

  @FieldResolver(() => TerritorialUnit, { nullable: true, description: "The unit this one lies in." })
  parent(@Root() unit: TerritorialUnit): TerritorialUnit | null {
    return unit.parentCode ? unitByCode(unit.parentCode) : null;
  }

  @FieldResolver(() => [TerritorialUnit], { description: "Units directly inside this one." })
  children(@Root() unit: TerritorialUnit): TerritorialUnit[] {
    return TERRITORY.filter((u) => u.parent === unit.code).map((u) => unitByCode(u.code)!);
  }

  @FieldResolver(() => [Partner], { description: "Partners with their seat in this unit or a unit inside it, by name." })
  async partners(
    @Root() unit: TerritorialUnit,
    @Ctx() ctx: HubContext<Loaders>,
    @Arg("first", () => Int, { defaultValue: 50, description: "At most this many (1–200)." }) first: number,
  ): Promise<Partner[]> {
    if (first < 1 || first > 200) throw HubError.badInput("first", "must be between 1 and 200");
    return (await ctx.loaders.partnersInUnit.load(unit.code)).slice(0, first);
  }
}
