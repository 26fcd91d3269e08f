import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from "type-graphql";
import {
  HubError, checkEmail, checkId, checkSeatAndArea, checkSet, checkText, optionalText, requirePartner, write, type Audited, type HubContext,
} from "@bdp/kit/server";
import { Competence, MissionArea, Sector, competenceOf } from "@bdp/kit/domain";
import { Partner } from "./partner.entity.js";
import { checkIdentifiers } from "../application/application.mutation.js";
import type { Loaders } from "../loaders.js";

@InputType({ description: "A postal address." })
export class AddressInput {
  @Field({ description: "Street and number." })
  street!: string;

  @Field({ description: "Postal code, NN-NNN." })
  postalCode!: string;

  @Field({ description: "Town or city." })
  city!: string;
}

@InputType({ description: "Changes to a partner's profile: only the fields given change." })
export class PartnerProfileChanges {
  @Field(() => String, { nullable: true, description: "Short name, at most 60 characters." })
  shortName?: string | null;

  @Field(() => String, { nullable: true, description: "NIP (checked)." })
  nip?: string | null;

  @Field(() => String, { nullable: true, description: "REGON (checked)." })
  regon?: string | null;

  @Field(() => String, { nullable: true, description: "KRS (checked)." })
  krs?: string | null;

  @Field(() => String, { nullable: true, description: "TERYT code of the seat's gmina (7 digits), anywhere in Poland; outside the territory `activityArea` is required." })
  municipalityCode?: string;

  @Field(() => [String], { nullable: true, description: "TERYT codes of the units of the territory where the partner acts, at most 20." })
  activityArea?: string[];

  @Field(() => AddressInput, { nullable: true, description: "Seat address." })
  address?: AddressInput | null;

  @Field(() => String, { nullable: true, description: "Contact e-mail." })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Contact telephone, at most 40 characters." })
  phone?: string | null;

  @Field(() => String, { nullable: true, description: "Web site (https://…), at most 300 characters." })
  website?: string | null;

  @Field(() => [MissionArea], { nullable: true, description: "Mission lines, 1 to 11." })
  missionAreas?: MissionArea[];

  @Field(() => [String], { nullable: true, deprecationReason: "Use `competenceAreas` and `otherCompetences`: each text the vocabulary names (its Polish term) becomes an area, the rest other competences.", description: "Competences offered as text, at most 30, each at most 200 characters." })
  competences?: string[];

  @Field(() => [Competence], { nullable: true, description: "What the partner can do for the others, in the shared vocabulary; at most 16." })
  competenceAreas?: Competence[];

  @Field(() => [String], { nullable: true, description: "Other competences in the partner's own words, at most 30, each 2 to 200 characters." })
  otherCompetences?: string[];

  @Field(() => String, { nullable: true, description: "Resources committed, at most 5,000 characters." })
  resourcesOffered?: string | null;

  @Field(() => String, { nullable: true, description: "RIS entry, as the voivodeship labour office gave it: 2.VV/NNNNN/YYYY (VV the voivodeship's TERYT code); null when none." })
  risNumber?: string | null;

  @Field(() => String, { nullable: true, description: "KRAZ entry number, 1 to 6 digits; null when none." })
  krazNumber?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Holds public benefit status (OPP): for an NGO only." })
  publicBenefit?: boolean;
}

/** A RIS entry: `2.` and the voivodeship's TERYT code, a five-digit number and the year entered. */
export function checkRis(field: string, value: string | null): string | null {
  if (value === null || value.trim() === "") return null;
  const m = /^2\.(\d{2})\/(\d{5})\/(\d{4})$/.exec(value.trim());
  if (!m) throw HubError.badInput(field, "a RIS entry is 2.VV/NNNNN/YYYY (e.g. 2.24/00123/2019)");
  const year = Number(m[3]);
  if (Number(m[1]) < 2 || Number(m[1]) > 32 || Number(m[1]) % 2 !== 0) throw HubError.badInput(field, `${m[1]} is not a voivodeship's TERYT code`);
  if (year < 2004 || year > new Date().getFullYear()) throw HubError.badInput(field, "the year is from 2004 (the register's start) to this year");
  return value.trim();
}

export const PROFILE: Audited<Partner> = {
  type: "Partner",
  audited: ["shortName", "nip", "regon", "krs", "municipalityCode", "activityArea", "address", "email", "phone", "website", "missionAreas", "competenceAreas", "otherCompetences", "resourcesOffered", "risNumber", "krazNumber", "publicBenefit"],
  owner: (p) => p.id,
};


@Resolver(() => Partner)
export class PartnerMutations {
  @Authorized("partner")
  @Mutation(() => Partner, { description: "Changes the caller's own partner profile; `version` must be the version read, else CONFLICT." })
  async updatePartnerProfile(
    @Arg("id", () => ID, { description: "Partner id (the caller's)." }) id: string,
    @Arg("version", () => Int, { description: "The version the change is based on." }) version: number,
    @Arg("changes", () => PartnerProfileChanges, { description: "Fields to change." }) changes: PartnerProfileChanges,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Partner> {
    const partnerId = checkId("id", id);
    requirePartner(ctx, partnerId);
    const fields: Partial<Partner> = {};
    if (changes.shortName !== undefined) fields.shortName = optionalText("shortName", changes.shortName, 60);
    if (changes.nip !== undefined || changes.regon !== undefined || changes.krs !== undefined) {
      const ids = checkIdentifiers(changes);
      if (changes.nip !== undefined) fields.nip = ids.nip;
      if (changes.regon !== undefined) fields.regon = ids.regon;
      if (changes.krs !== undefined) fields.krs = ids.krs;
    }
    if (changes.address !== undefined) {
      if (changes.address && !/^\d{2}-\d{3}$/.test(changes.address.postalCode)) throw HubError.badInput("address.postalCode", "must be NN-NNN");
      fields.address = changes.address
        ? { street: checkText("address.street", changes.address.street, 2, 200), postalCode: changes.address.postalCode, city: checkText("address.city", changes.address.city, 2, 100) }
        : null;
    }
    if (changes.email !== undefined) fields.email = checkEmail("email", changes.email);
    if (changes.phone !== undefined) fields.phone = optionalText("phone", changes.phone, 40);
    if (changes.website !== undefined) {
      fields.website = optionalText("website", changes.website, 300);
      if (fields.website && !/^https?:\/\/\S+$/.test(fields.website)) throw HubError.badInput("website", "must be an http(s) address");
    }
    if (changes.missionAreas != null) fields.missionAreas = checkSet("missionAreas", changes.missionAreas, 1, 11);
    if (changes.competences != null) {
      // the deprecated text list: what the vocabulary names becomes an area, the rest stays in the partner's words
      const texts = checkSet("competences", changes.competences.map((c, i) => checkText(`competences[${i}]`, c, 2, 200)), 0, 30);
      fields.competenceAreas = [...new Set(texts.map(competenceOf).filter((c): c is Competence => c !== null))];
      fields.otherCompetences = texts.filter((t) => competenceOf(t) === null);
    }
    if (changes.competenceAreas != null) fields.competenceAreas = checkSet("competenceAreas", changes.competenceAreas, 0, 16);
    if (changes.otherCompetences != null) fields.otherCompetences = checkSet("otherCompetences", changes.otherCompetences.map((c, i) => checkText(`otherCompetences[${i}]`, c, 2, 200)), 0, 30);
    if (changes.resourcesOffered !== undefined) fields.resourcesOffered = optionalText("resourcesOffered", changes.resourcesOffered, 5000);
    if (changes.risNumber !== undefined) fields.risNumber = checkRis("risNumber", changes.risNumber);
    if (changes.krazNumber !== undefined) {
      if (changes.krazNumber !== null && !/^\d{1,6}$/.test(changes.krazNumber.trim())) throw HubError.badInput("krazNumber", "a KRAZ entry number is 1 to 6 digits");
      fields.krazNumber = changes.krazNumber?.trim() || null;
    }
    if (changes.publicBenefit != null) fields.publicBenefit = changes.publicBenefit;
    return write(ctx, async (w) => {
      const partner = await w.loadOwned(Partner, partnerId, { ...PROFILE, version });
      // an organisation keeps a NIP (issue #16): only a private person's record may have none
      if (changes.nip !== undefined && fields.nip === null && partner.sector !== Sector.INDIVIDUAL) throw HubError.badInput("nip", "is required for organisations: it can be corrected, not removed");
      // public benefit status is a non-governmental organisation's (art. 20 of the act on public benefit activity and volunteering)
      if (fields.publicBenefit && partner.sector !== Sector.NGO) throw HubError.badInput("publicBenefit", "public benefit status (OPP) is a non-governmental organisation's");
      // identifiers the partner itself gives are its own, no longer the demo's
      if (changes.nip !== undefined || changes.regon !== undefined || changes.krs !== undefined || changes.risNumber !== undefined || changes.krazNumber !== undefined) fields.fictionalIdentifiers = false;
      // a new seat brings its own area unless one is given; a new area keeps the seat
      if (changes.municipalityCode != null || changes.activityArea != null) {
        const area = changes.activityArea ?? (changes.municipalityCode != null ? null : partner.activityArea);
        Object.assign(fields, checkSeatAndArea("municipalityCode", changes.municipalityCode ?? partner.municipalityCode, "activityArea", area));
      }
      return w.update(partner, fields, PROFILE);
    });
  }
}
