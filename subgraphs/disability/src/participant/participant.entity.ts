import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from "@mikro-orm/core";
import { AgeBand, HubRecord, Sex } from "@bdp/kit";
import { ActivationProgramme } from "../programme/programme.entity.js";
import { DisabilityDegree, ParticipantOutcome } from "../vocabulary.js";

/**
 * A pseudonymous participant. Health data (GDPR art. 9): never exposed as a
 * record except to the operator holding it (issue #3); everyone else sees
 * counts with small cells suppressed.
 */
@Entity({ tableName: "activation_participant" })
@Unique({ properties: ["programme", "pseudonym"] })
export class ActivationParticipant extends HubRecord<"outcome" | "leftOn"> {
  @ManyToOne(() => ActivationProgramme, { index: true, deleteRule: "cascade" })
  programme!: Rel<ActivationProgramme>;

  /** The operator's pseudonym, e.g. ZAZ-ND/0042. */
  @Property({ length: 40 })
  pseudonym!: string;

  @Enum({ items: () => DisabilityDegree })
  degree!: DisabilityDegree;

  /** At most 3 cause codes (01-U … 12-C). */
  @Property({ type: "text[]" })
  causeCodes!: string[];

  @Enum({ items: () => AgeBand })
  ageBand!: AgeBand;

  @Enum({ items: () => Sex })
  sex!: Sex;

  @Property({ length: 7 })
  municipalityCode!: string;

  @Property({ columnType: "date", type: "string" })
  joinedOn!: string;

  @Property({ columnType: "date", type: "string", nullable: true })
  leftOn: string | null = null;

  @Enum({ items: () => ParticipantOutcome })
  @Index()
  outcome: ParticipantOutcome = ParticipantOutcome.IN_PROGRESS;
}
