import { Entity, Enum, Index, Property } from "@mikro-orm/core";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { HubRecord } from "@bdp/kit/server";
import { MissionArea, Sector } from "@bdp/kit/domain";

export enum ApplicationStatus {
  SUBMITTED = "SUBMITTED",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
}
registerEnumType(ApplicationStatus, {
  name: "ApplicationStatus",
  description: "Where an application to join stands.",
  valuesConfig: {
    SUBMITTED: { description: "Waiting for the coordinator's decision." },
    APPROVED: { description: "Approved: the applicant became a partner (`partnerId`)." },
    REJECTED: { description: "Rejected, with the reason given." },
  },
});

/** The declaration is open: any entity may apply to join (DOMAIN.md). */
@Entity({ tableName: "accession_application" })
@Index({ properties: ["submittedAt", "id"] })
@ObjectType({ description: "An application to join the partnership (wniosek o przystąpienie do porozumienia)." })
export class AccessionApplication extends HubRecord<"status" | "nip" | "regon" | "krs" | "missionAreas" | "activityArea" | "submittedAt" | "decidedAt" | "decisionReason" | "partnerId"> {
  @Property({ length: 300 })
  @Field({ description: "Name of the applying organisation or person." })
  organisationName!: string;

  @Enum({ items: () => Sector })
  @Field(() => Sector, { description: "Sector the applicant belongs to." })
  sector!: Sector;

  @Property({ length: 10, nullable: true })
  @Field(() => String, { nullable: true, description: "Applicant's NIP, checked on submission." })
  nip: string | null = null;

  @Property({ length: 14, nullable: true })
  @Field(() => String, { nullable: true, description: "Applicant's REGON." })
  regon: string | null = null;

  @Property({ length: 10, nullable: true })
  @Field(() => String, { nullable: true, description: "Applicant's KRS number." })
  krs: string | null = null;

  @Property({ length: 7 })
  @Field({ description: "TERYT code of the gmina of the applicant's seat, anywhere in Poland." })
  municipalityCode!: string;

  @Property({ type: "text[]" })
  @Field(() => [String], { description: "TERYT codes of the units of the territory where the applicant acts: its seat when that is in the territory and nothing else was said." })
  activityArea: string[] = [];

  /** Personal contact of the applicant: not exposed publicly. */
  @Property({ length: 200 })
  contactEmail!: string;

  @Enum({ items: () => MissionArea, array: true })
  @Field(() => [MissionArea], { description: "Mission lines the applicant wants to engage in." })
  missionAreas: MissionArea[] = [];

  @Property({ type: "text" })
  @Field({ description: "What the applicant offers and expects." })
  statement!: string;

  @Enum({ items: () => ApplicationStatus })
  @Index()
  @Field(() => ApplicationStatus, { description: "Decision status." })
  status: ApplicationStatus = ApplicationStatus.SUBMITTED;

  @Property({ type: "timestamptz" })
  @Field({ description: "When the application was submitted." })
  submittedAt: Date = new Date();

  @Property({ type: "timestamptz", nullable: true })
  @Field(() => Date, { nullable: true, description: "When the coordinator decided." })
  decidedAt: Date | null = null;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The reason given with the decision." })
  decisionReason: string | null = null;

  @Property({ type: "uuid", nullable: true })
  @Field(() => ID, { nullable: true, description: "The partner created when the application was approved." })
  partnerId: string | null = null;
}
