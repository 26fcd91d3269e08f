import { Collection, Entity, Enum, Index, OneToMany, Property, type Rel } from "@mikro-orm/core";
import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, HubRecord } from "@bdp/kit/server";
import { Competence, MissionArea, Sector } from "@bdp/kit/domain";
import { Representative } from "../representative/representative.entity.js";

export enum PartnerStatus {
  ACTIVE = "ACTIVE",
  SUSPENDED = "SUSPENDED",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(PartnerStatus, {
  name: "PartnerStatus",
  description: "Where a partner stands in the partnership.",
  valuesConfig: {
    ACTIVE: { description: "Signed the declaration and takes part." },
    SUSPENDED: { description: "Membership suspended by the coordinator." },
    WITHDRAWN: { description: "Withdrew from the declaration (see `withdrewOn`)." },
  },
});

@ObjectType({ description: "A postal address." })
export class Address {
  @Field({ description: "Street and number." })
  street!: string;

  @Field({ description: "Postal code, NN-NNN." })
  postalCode!: string;

  @Field({ description: "Town or city." })
  city!: string;
}

/**
 * A signatory of the declaration. The register owns it; other subgraphs
 * refer to it by `id` and add their own fields (programmes, initiatives…).
 */
@Entity({ tableName: "partner" })
@Index({ properties: ["name", "id"] })
@Index({ properties: ["accededOn", "id"] })
@Directive('@key(fields: "id")')
@ObjectType({ description: "An organisation or person that signed the partnership declaration (sygnatariusz porozumienia)." })
export class Partner extends HubRecord<"status" | "shortName" | "nip" | "regon" | "krs" | "address" | "email" | "phone" | "website" | "missionAreas" | "resourcesOffered" | "withdrewOn" | "activityArea" | "risNumber" | "krazNumber" | "publicBenefit" | "fictionalIdentifiers" | "competenceAreas" | "otherCompetences"> {
  @Property({ length: 300 })
  @Field({ description: "Full name, as registered." })
  name!: string;

  @Property({ length: 60, nullable: true })
  @Field(() => String, { nullable: true, description: "Short name or acronym used in the partnership, e.g. PUP Będzin." })
  shortName: string | null = null;

  @Enum({ items: () => Sector })
  @Index()
  @Field(() => Sector, { description: "The kind of partner." })
  sector!: Sector;

  @Enum({ items: () => PartnerStatus })
  @Field(() => PartnerStatus, { description: "Membership status." })
  status: PartnerStatus = PartnerStatus.ACTIVE;

  @Property({ length: 10, nullable: true, unique: true })
  @Field(() => String, { nullable: true, description: "Tax identification number (NIP), 10 digits without separators; null for private persons." })
  nip: string | null = null;

  @Property({ length: 14, nullable: true })
  @Field(() => String, { nullable: true, description: "Statistical number (REGON), 9 or 14 digits." })
  regon: string | null = null;

  @Property({ length: 10, nullable: true })
  @Field(() => String, { nullable: true, description: "National Court Register number (KRS), 10 digits zero padded; null where the partner is not in the KRS." })
  krs: string | null = null;

  @Property({ length: 20, nullable: true })
  @Field(() => String, { nullable: true, description: "Entry in the register of training institutions (Rejestr Instytucji Szkoleniowych, RIS, kept by the voivodeship labour office: e.g. 2.24/00123/2019), which labour offices require of the bodies they buy training from; null when not entered." })
  risNumber: string | null = null;

  @Property({ length: 10, nullable: true })
  @Field(() => String, { nullable: true, description: "Entry in the register of employment agencies (rejestr agencji zatrudnienia, KRAZ), which a body placing people in work needs; null when not entered." })
  krazNumber: string | null = null;

  @Property({ default: false })
  @Field({ description: "Holds public benefit status (status organizacji pożytku publicznego, OPP): may receive 1.5 % of income tax." })
  publicBenefit: boolean = false;

  @Property({ default: false })
  @Field({ description: "Its identifiers (NIP, REGON, KRS, RIS, KRAZ) are made up for the demo, though its name may be a real body's: never use them for anything but trying the hub." })
  fictionalIdentifiers: boolean = false;

  @Property({ length: 7 })
  @Index()
  @Field({ description: "TERYT code of the gmina where the partner has its seat: in the territory, or anywhere in Poland for a partner seated outside it (`seatOutsideTerritory`)." })
  municipalityCode!: string;

  @Property({ type: "text[]" })
  @Field(() => [String], { description: "TERYT codes of the units of the territory where the partner acts: its seat's gmina, or what a partner seated outside the territory stated." })
  activityArea: string[] = [];

  @Property({ type: "json", nullable: true })
  @Field(() => Address, { nullable: true, description: "Seat address." })
  address: Address | null = null;

  @Property({ length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: "Contact e-mail of the organisation." })
  email: string | null = null;

  @Property({ length: 40, nullable: true })
  @Field(() => String, { nullable: true, description: "Contact telephone of the organisation." })
  phone: string | null = null;

  @Property({ length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: "Web site." })
  website: string | null = null;

  @Enum({ items: () => MissionArea, array: true })
  @Field(() => [MissionArea], { description: "The declaration's mission lines the partner engages in." })
  missionAreas: MissionArea[] = [];

  @Enum({ items: () => Competence, array: true })
  @Index({ type: "gin" })
  @Field(() => [Competence], { description: "What the partner can do for the others, in the shared vocabulary: `partners(filter: { competenceAreas })` finds them." })
  competenceAreas: Competence[] = [];

  @Property({ type: "text[]" })
  @Field(() => [String], { description: "Other competences, in the partner's own words: those the vocabulary does not name." })
  otherCompetences: string[] = [];

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Resources the partner commits: staff, rooms, equipment, funds." })
  resourcesOffered: string | null = null;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "Date the partner signed the declaration (accession)." })
  accededOn!: string;

  @Property({ columnType: "date", type: "string", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Date the partner withdrew, if it did." })
  withdrewOn: string | null = null;

  @OneToMany(() => Representative, (r) => r.partner)
  representatives = new Collection<Rel<Representative>>(this);
}
