import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from "@mikro-orm/core";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, HubRecord } from "@bdp/kit/server";
import { AgeBand, EducationLevel, LabourMarketStatus, Sex, SituationOnLeaving, TargetGroup } from "@bdp/kit/domain";
import { TrainingEdition } from "../edition/edition.entity.js";

export enum EnrolmentStatus {
  ENROLLED = "ENROLLED",
  COMPLETED = "COMPLETED",
  DROPPED_OUT = "DROPPED_OUT",
  CANCELLED = "CANCELLED",
}
registerEnumType(EnrolmentStatus, {
  name: "EnrolmentStatus",
  description: "Where a participant's enrolment stands.",
  valuesConfig: {
    ENROLLED: { description: "Holds a seat." },
    COMPLETED: { description: "Completed the edition." },
    DROPPED_OUT: { description: "Left before the end." },
    CANCELLED: { description: "Enrolment withdrawn before the start; the seat is free again." },
  },
});

/**
 * A pseudonymous participant's enrolment in an edition. Personal data:
 * readable only by the provider holding it (issue #3); everyone else gets
 * counts under disclosure control. No name, PESEL or birth date is stored.
 */
@Entity({ tableName: "enrolment" })
@ObjectType({ description: "A pseudonymous participant's enrolment in an edition. Personal data: only the provider holding it can read it." })
@Unique({ properties: ["edition", "participantRef"] })
export class Enrolment extends HubRecord<"status" | "certificateObtained" | "employedWithin3Months" | "completedOn" | "residenceCode" | "statusOnEntry" | "educationLevel" | "situationOnLeaving" | "employedAfter6Months"> {
  @ManyToOne(() => TrainingEdition, { index: true, deleteRule: "cascade" })
  edition!: Rel<TrainingEdition>;

  /** The provider's pseudonym for the participant, e.g. PUP-B/2025/0042. */
  @Field({ description: "The provider's pseudonym for the participant." })
  @Property({ length: 40 })
  participantRef!: string;

  @Field(() => Sex, { description: "Sex." })
  @Enum({ items: () => Sex })
  sex!: Sex;

  @Field(() => AgeBand, { description: "Age band." })
  @Enum({ items: () => AgeBand })
  ageBand!: AgeBand;

  @Field(() => [TargetGroup], { description: "Priority groups the participant belongs to." })
  @Enum({ items: () => TargetGroup, array: true })
  targetGroups!: TargetGroup[];

  @Field(() => DateScalar, { description: "Date of enrolment." })
  @Property({ columnType: "date", type: "string" })
  enrolledOn!: string;

  @Field(() => EnrolmentStatus, { description: "Where the enrolment stands." })
  @Enum({ items: () => EnrolmentStatus })
  @Index()
  status: EnrolmentStatus = EnrolmentStatus.ENROLLED;

  @Field(() => DateScalar, { nullable: true, description: "Date of completion." })
  @Property({ columnType: "date", type: "string", nullable: true })
  completedOn: string | null = null;

  @Field({ description: "Whether the certificate was obtained." })
  @Property({ type: "boolean" })
  certificateObtained: boolean = false;

  /** Employed within 3 months of completion; null while unknown. */
  @Field(() => Boolean, { nullable: true, description: "Employed within 3 months of completion; null while unknown." })
  @Property({ type: "boolean", nullable: true })
  employedWithin3Months: boolean | null = null;

  // What ESF+ reporting needs (issue #16): null on records made before, or where not yet known.

  @Field(() => String, { nullable: true, description: "TERYT code of the gmina the participant lives in (ESF+ counts participants where they live); null when not recorded." })
  @Property({ length: 7, nullable: true })
  residenceCode: string | null = null;

  @Field(() => LabourMarketStatus, { nullable: true, description: "Labour-market status on entry (ESF+); null when not recorded." })
  @Enum({ items: () => LabourMarketStatus, nullable: true })
  statusOnEntry: LabourMarketStatus | null = null;

  @Field(() => EducationLevel, { nullable: true, description: "Highest education completed on entry, ISCED groups (ESF+); null when not recorded." })
  @Enum({ items: () => EducationLevel, nullable: true })
  educationLevel: EducationLevel | null = null;

  @Field(() => SituationOnLeaving, { nullable: true, description: "Where the participant stood on leaving, within four weeks (ESF+ immediate results); null until recorded." })
  @Enum({ items: () => SituationOnLeaving, nullable: true })
  situationOnLeaving: SituationOnLeaving | null = null;

  @Field(() => Boolean, { nullable: true, description: "In employment six months after leaving (ESF+ longer-term result EECR05); null until known." })
  @Property({ type: "boolean", nullable: true })
  employedAfter6Months: boolean | null = null;
}
