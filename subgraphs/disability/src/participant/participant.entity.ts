import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { DateScalar, HubRecord } from "@bdp/kit/server";
import { AgeBand, EducationLevel, LabourMarketStatus, Sex, SituationOnLeaving } from "@bdp/kit/domain";
import { ActivationProgramme } from "../programme/programme.entity.js";
import { DisabilityDegree, ParticipantOutcome } from "../vocabulary.js";

/**
 * A pseudonymous participant. Health data (GDPR art. 9): never exposed as a
 * record except to the operator holding it (issue #3); everyone else sees
 * counts with small cells suppressed.
 */
@Entity({ tableName: "activation_participant" })
@ObjectType({ description: "A pseudonymous participant of an activation programme. Health data (GDPR art. 9): only the operator holding it can read it." })
@Unique({ properties: ["programme", "pseudonym"] })
export class ActivationParticipant extends HubRecord<"outcome" | "leftOn" | "statusOnEntry" | "educationLevel" | "situationOnLeaving" | "employedAfter6Months"> {
  @ManyToOne(() => ActivationProgramme, { index: true, deleteRule: "cascade" })
  programme!: Rel<ActivationProgramme>;

  /** The operator's pseudonym, e.g. ZAZ-ND/0042. */
  @Field({ description: "The operator's pseudonym for the participant." })
  @Property({ length: 40 })
  pseudonym!: string;

  @Field(() => DisabilityDegree, { description: "Degree of disability." })
  @Enum({ items: () => DisabilityDegree })
  degree!: DisabilityDegree;

  /** At most 3 cause codes (01-U … 12-C). */
  @Field(() => [String], { description: "Cause codes of the certificate (01-U … 12-C), at most 3." })
  @Property({ type: "text[]" })
  causeCodes!: string[];

  @Field(() => AgeBand, { description: "Age band." })
  @Enum({ items: () => AgeBand })
  ageBand!: AgeBand;

  @Field(() => Sex, { description: "Sex." })
  @Enum({ items: () => Sex })
  sex!: Sex;

  @Field({ description: "TERYT code of the participant's gmina." })
  @Property({ length: 7 })
  municipalityCode!: string;

  @Field(() => DateScalar, { description: "Date of joining." })
  @Property({ columnType: "date", type: "string" })
  joinedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: "Date of leaving." })
  @Property({ columnType: "date", type: "string", nullable: true })
  leftOn: string | null = null;

  @Field(() => ParticipantOutcome, { description: "Outcome." })
  @Enum({ items: () => ParticipantOutcome })
  @Index()
  outcome: ParticipantOutcome = ParticipantOutcome.IN_PROGRESS;

  // What ESF+ reporting needs (issue #16), as training enrolments keep it: null on records made before, or where not yet known.
  // The participant's gmina (`municipalityCode`) is where they live.

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
