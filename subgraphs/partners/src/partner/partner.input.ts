import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { SortDirection } from "@bdp/kit/server";
import { Competence, MissionArea, Sector } from "@bdp/kit/domain";
import { PartnerStatus } from "./partner.entity.js";

@InputType({ description: "Conditions a partner must meet to be listed; all given conditions apply together." })
export class PartnerFilter {
  @Field(() => [Sector], { nullable: true, description: "Any of these sectors." })
  sectors?: Sector[];

  @Field(() => [PartnerStatus], { nullable: true, description: "Any of these statuses (default: all)." })
  statuses?: PartnerStatus[];

  @Field(() => String, { nullable: true, description: "Seat in this TERYT unit or a unit inside it (county 2401 includes its gminas)." })
  municipalityCode?: string;

  @Field(() => MissionArea, { nullable: true, description: "Engaged in this mission line." })
  missionArea?: MissionArea;

  @Field(() => String, { nullable: true, description: "Name contains this text (case-insensitive, at most 100 characters)." })
  search?: string;

  @Field(() => [ID], { nullable: true, description: "Only these ids (at most 100)." })
  ids?: string[];

  @Field(() => [Competence], { nullable: true, description: "Offers any of these competences." })
  competenceAreas?: Competence[];

  @Field(() => [PartnerRegistry], { nullable: true, description: "Entered in every one of these registers (a training institution in RIS, an agency in KRAZ, an NGO with public benefit status)." })
  registeredIn?: PartnerRegistry[];
}

export enum PartnerRegistry {
  RIS = "RIS",
  KRAZ = "KRAZ",
  PUBLIC_BENEFIT = "PUBLIC_BENEFIT",
}
registerEnumType(PartnerRegistry, {
  name: "PartnerRegistry",
  description: "Public registers that matter to what a partner may do for the others.",
  valuesConfig: {
    RIS: { description: "The register of training institutions (Rejestr Instytucji Szkoleniowych): labour offices buy training only from institutions entered in it." },
    KRAZ: { description: "The register of employment agencies (rejestr agencji zatrudnienia, KRAZ): placing people in work needs an entry." },
    PUBLIC_BENEFIT: { description: "Public benefit status (organizacja pożytku publicznego, OPP)." },
  },
});

export enum PartnerSortField {
  NAME = "name",
  ACCEDED_ON = "accededOn",
  CREATED_AT = "createdAt",
}
registerEnumType(PartnerSortField, {
  name: "PartnerSortField",
  description: "What a list of partners can be sorted by.",
  valuesConfig: {
    NAME: { description: "Name, alphabetically." },
    ACCEDED_ON: { description: "Date of accession." },
    CREATED_AT: { description: "When the record was created." },
  },
});

@InputType({ description: "Sort order of a list of partners." })
export class PartnerOrder {
  @Field(() => PartnerSortField, { defaultValue: PartnerSortField.NAME, description: "Sort key." })
  field: PartnerSortField = PartnerSortField.NAME;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: "Direction." })
  direction: SortDirection = SortDirection.ASC;
}
