import { Directive, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import type { UnitKind } from "@bdp/kit/domain";

export enum TerritorialUnitKind {
  VOIVODESHIP = "VOIVODESHIP",
  COUNTY = "COUNTY",
  CITY_WITH_COUNTY_RIGHTS = "CITY_WITH_COUNTY_RIGHTS",
  URBAN_GMINA = "URBAN_GMINA",
  RURAL_GMINA = "RURAL_GMINA",
  URBAN_RURAL_GMINA = "URBAN_RURAL_GMINA",
  TOWN_PART = "TOWN_PART",
  RURAL_PART = "RURAL_PART",
}
registerEnumType(TerritorialUnitKind, {
  name: "TerritorialUnitKind",
  description: "Kind of TERYT unit; for gminas it is the 7th digit of the code.",
  valuesConfig: {
    VOIVODESHIP: { description: "Voivodeship (województwo)." },
    COUNTY: { description: "County (powiat)." },
    CITY_WITH_COUNTY_RIGHTS: { description: "City with county rights (miasto na prawach powiatu)." },
    URBAN_GMINA: { description: "Urban gmina (gmina miejska), digit 1." },
    RURAL_GMINA: { description: "Rural gmina (gmina wiejska), digit 2." },
    URBAN_RURAL_GMINA: { description: "Urban-rural gmina (gmina miejsko-wiejska), digit 3." },
    TOWN_PART: { description: "Town part of an urban-rural gmina, digit 4." },
    RURAL_PART: { description: "Rural part of an urban-rural gmina, digit 5." },
  },
});

/**
 * A unit of the partnership's territory (TERYT TERC). Owned by the register
 * as static data; every subgraph refers to it by `code`.
 */
@Directive('@key(fields: "code")')
@ObjectType({ description: "A unit of the territory (TERYT TERC): the voivodeship, the county, a city or a gmina." })
export class TerritorialUnit {
  @Field({ description: "TERYT TERC code: 2 digits voivodeship, 4 county, 7 gmina." })
  code!: string;

  @Field({ description: "Official name." })
  name!: string;

  @Field(() => TerritorialUnitKind, { description: "Kind of unit." })
  kind!: UnitKind;

  @Field(() => String, { nullable: true, description: "Code of the unit this one lies in." })
  parentCode!: string | null;

  @Field(() => Int, { nullable: true, description: "Population, where a trusted figure exists (see `populationYear`)." })
  population!: number | null;

  @Field(() => Int, { nullable: true, description: "Year the population was counted." })
  populationYear!: number | null;
}
