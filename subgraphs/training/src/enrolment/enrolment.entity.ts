import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from "@mikro-orm/core";
import { AgeBand, HubRecord, Sex, TargetGroup } from "@bdp/kit";
import { TrainingEdition } from "../edition/edition.entity.js";

export enum EnrolmentStatus {
  ENROLLED = "ENROLLED",
  COMPLETED = "COMPLETED",
  DROPPED_OUT = "DROPPED_OUT",
  CANCELLED = "CANCELLED",
}

/**
 * A pseudonymous participant's enrolment in an edition. Personal data:
 * readable only by the provider holding it (issue #3); everyone else gets
 * counts under disclosure control. No name, PESEL or birth date is stored.
 */
@Entity({ tableName: "enrolment" })
@Unique({ properties: ["edition", "participantRef"] })
export class Enrolment extends HubRecord<"status" | "certificateObtained" | "employedWithin3Months" | "completedOn"> {
  @ManyToOne(() => TrainingEdition, { index: true, deleteRule: "cascade" })
  edition!: Rel<TrainingEdition>;

  /** The provider's pseudonym for the participant, e.g. PUP-B/2025/0042. */
  @Property({ length: 40 })
  participantRef!: string;

  @Enum({ items: () => Sex })
  sex!: Sex;

  @Enum({ items: () => AgeBand })
  ageBand!: AgeBand;

  @Enum({ items: () => TargetGroup, array: true })
  targetGroups!: TargetGroup[];

  @Property({ columnType: "date", type: "string" })
  enrolledOn!: string;

  @Enum({ items: () => EnrolmentStatus })
  @Index()
  status: EnrolmentStatus = EnrolmentStatus.ENROLLED;

  @Property({ columnType: "date", type: "string", nullable: true })
  completedOn: string | null = null;

  @Property({ type: "boolean" })
  certificateObtained: boolean = false;

  /** Employed within 3 months of completion; null while unknown. */
  @Property({ type: "boolean", nullable: true })
  employedWithin3Months: boolean | null = null;
}
