import { Arg, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root } from "type-graphql";
import {
  DateScalar, HubError, callerPartnerId, checkAgeBand, checkGmina, checkId, checkInt, checkOrder, checkSet, checkText, isHolder, optionalText, write, type Audited, type HubContext,
} from "@bdp/kit/server";
import { AgeBand, EducationLevel, FundingSource, LabourMarketStatus, Sex, SituationOnLeaving } from "@bdp/kit/domain";
import { ActivationProgramme, ActivationProgrammeStatus } from "./programme.entity.js";
import { ActivationParticipant } from "../participant/participant.entity.js";
import { CAUSE_CODES, DisabilityDegree, Instrument, LEGACY_INSTRUMENTS, ParticipantOutcome } from "../vocabulary.js";
import type { Loaders } from "../loaders.js";

@InputType({ description: "A new activation programme; the operator is the caller's partner." })
export class ActivationProgrammeInput {
  @Field({ description: "Name, 3 to 300 characters." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Description, at most 5,000 characters." })
  description?: string | null;

  @Field(() => Instrument, { description: "Instrument." })
  instrument!: Instrument;

  @Field(() => [String], { description: "TERYT codes of the gminas served, 1 to 20." })
  municipalityCodes!: string[];

  @Field(() => FundingSource, { description: "Funding source." })
  fundingSource!: FundingSource;

  @Field(() => DateScalar, { description: "Start date." })
  startsOn!: string;

  @Field(() => DateScalar, { nullable: true, description: "End date; null when open-ended." })
  endsOn?: string | null;

  @Field(() => Int, { description: "Participant places, 1 to 10,000." })
  capacity!: number;

  @Field(() => ActivationProgrammeStatus, { nullable: true, description: "Status; PLANNED when omitted." })
  status?: ActivationProgrammeStatus;
}

@InputType({ description: "Changes to an activation programme: its name, description, status, end date and capacity." })
export class ActivationProgrammeChanges {
  @Field(() => String, { nullable: true, description: "Name." })
  name?: string;

  @Field(() => String, { nullable: true, description: "Description." })
  description?: string | null;

  @Field(() => ActivationProgrammeStatus, { nullable: true, description: "Status." })
  status?: ActivationProgrammeStatus;

  @Field(() => DateScalar, { nullable: true, description: "End date." })
  endsOn?: string | null;

  @Field(() => Int, { nullable: true, description: "Participant places; never below the participants in progress." })
  capacity?: number;
}

@InputType({ description: "A pseudonymous participant; never a name, PESEL or birth date." })
export class ActivationParticipantInput {
  @Field({ description: "The operator's pseudonym, 3 to 40 characters, unique in the programme." })
  pseudonym!: string;

  @Field(() => DisabilityDegree, { description: "Degree of disability." })
  degree!: DisabilityDegree;

  @Field(() => [String], { description: "1 to 3 cause codes (01-U … 12-C)." })
  causeCodes!: string[];

  @Field(() => AgeBand, { description: "Age band of the current split (a legacy band is refused)." })
  ageBand!: AgeBand;

  @Field(() => Sex, { description: "Sex." })
  sex!: Sex;

  @Field({ description: "TERYT code of the participant's gmina (7 digits)." })
  municipalityCode!: string;

  @Field(() => DateScalar, { description: "Date of joining." })
  joinedOn!: string;

  @Field(() => LabourMarketStatus, { nullable: true, description: "Labour-market status on entry (ESF+)." })
  statusOnEntry?: LabourMarketStatus | null;

  @Field(() => EducationLevel, { nullable: true, description: "Highest education completed on entry (ESF+)." })
  educationLevel?: EducationLevel | null;
}

@InputType({ description: "A participant's outcome." })
export class ActivationParticipantChanges {
  @Field(() => ParticipantOutcome, { nullable: true, description: "Outcome." })
  outcome?: ParticipantOutcome;

  @Field(() => DateScalar, { nullable: true, description: "Date of leaving, not before joining." })
  leftOn?: string | null;

  @Field(() => SituationOnLeaving, { nullable: true, description: "Where the participant stood on leaving (ESF+); only once the participant has left (an outcome other than IN_PROGRESS)." })
  situationOnLeaving?: SituationOnLeaving | null;

  @Field(() => Boolean, { nullable: true, description: "In employment six months after leaving (ESF+); only once the participant has left." })
  employedAfter6Months?: boolean | null;
}

const PROGRAMME_FIELDS = ["name", "description", "instrument", "municipalityCodes", "fundingSource", "startsOn", "endsOn", "capacity", "status"] as const;
const PARTICIPANT_FIELDS = ["pseudonym", "degree", "causeCodes", "ageBand", "sex", "municipalityCode", "joinedOn", "leftOn", "outcome", "statusOnEntry", "educationLevel", "situationOnLeaving", "employedAfter6Months"] as const;
const PROGRAMME: Audited<ActivationProgramme> = { type: "ActivationProgramme", audited: PROGRAMME_FIELDS, owner: (p) => p.operatorId };
/** Participants are health data: the trail keeps which fields changed, not their values. */
const PARTICIPANT: Audited<ActivationParticipant> = { type: "ActivationParticipant", audited: PARTICIPANT_FIELDS, owner: (p) => p.programme.operatorId, personal: true };

async function inProgress(em: HubContext["em"], programmeId: string): Promise<number> {
  return em.count(ActivationParticipant, { programme: programmeId, outcome: ParticipantOutcome.IN_PROGRESS });
}

@Resolver(() => ActivationProgramme)
export class ActivationProgrammeMutations {
  @Authorized("partner")
  @Mutation(() => ActivationProgramme, { description: "Registers an activation programme run by the caller's partner." })
  createActivationProgramme(@Arg("input", () => ActivationProgrammeInput, { description: "The programme." }) input: ActivationProgrammeInput, @Ctx() ctx: HubContext<Loaders>) {
    const operatorId = callerPartnerId(ctx);
    if (input.endsOn) checkOrder("startsOn", input.startsOn, "endsOn", input.endsOn);
    // the merged value of before is kept on old programmes only (issue #16)
    if (LEGACY_INSTRUMENTS.has(input.instrument)) throw HubError.badInput("instrument", `${input.instrument} merged two instruments: use WORKSTATION_ADAPTATION_REFUND (art. 26) or WORKSTATION_EQUIPMENT_REFUND (art. 26e)`, { value: input.instrument });
    const data = {
      operatorId,
      name: checkText("name", input.name, 3, 300),
      description: optionalText("description", input.description, 5000),
      instrument: input.instrument,
      municipalityCodes: checkSet("municipalityCodes", input.municipalityCodes, 1, 20).map((c, i) => checkGmina(`municipalityCodes[${i}]`, c)),
      fundingSource: input.fundingSource,
      startsOn: input.startsOn,
      endsOn: input.endsOn ?? null,
      capacity: checkInt("capacity", input.capacity, 1, 10_000),
      status: input.status ?? ActivationProgrammeStatus.PLANNED,
    };
    return write(ctx, async (w) => w.create(ActivationProgramme, data, PROGRAMME));
  }

  @Authorized("partner")
  @Mutation(() => ActivationProgramme, { description: "Changes a programme of the caller's partner; `version` must be the version read." })
  updateActivationProgramme(
    @Arg("id", () => ID, { description: "Programme id." }) id: string,
    @Arg("version", () => Int, { description: "The version the change is based on." }) version: number,
    @Arg("changes", () => ActivationProgrammeChanges, { description: "Fields to change." }) changes: ActivationProgrammeChanges,
    @Ctx() ctx: HubContext<Loaders>,
  ) {
    const fields: Partial<ActivationProgramme> = {};
    if (changes.name != null) fields.name = checkText("name", changes.name, 3, 300);
    if (changes.description !== undefined) fields.description = optionalText("description", changes.description, 5000);
    if (changes.status != null) fields.status = changes.status;
    if (changes.endsOn !== undefined) fields.endsOn = changes.endsOn;
    if (changes.capacity != null) fields.capacity = checkInt("capacity", changes.capacity, 1, 10_000);
    return write(ctx, async (w) => {
      const programme = await w.loadOwned(ActivationProgramme, checkId("id", id), { ...PROGRAMME, version });
      if (fields.endsOn) checkOrder("startsOn", programme.startsOn, "endsOn", fields.endsOn);
      if (fields.capacity !== undefined) {
        const active = await inProgress(w.tx, programme.id);
        if (fields.capacity < active) throw HubError.badInput("capacity", `must not be below the ${active} participants in progress`);
      }
      return w.update(programme, fields, PROGRAMME);
    });
  }

  @Authorized("partner")
  @Mutation(() => ActivationParticipant, { description: "Adds a pseudonymous participant to a programme of the caller's partner." })
  async addActivationParticipant(
    @Arg("programmeId", () => ID, { description: "The programme." }) programmeId: string,
    @Arg("input", () => ActivationParticipantInput, { description: "The participant." }) input: ActivationParticipantInput,
    @Ctx() ctx: HubContext<Loaders>,
  ) {
    const id = checkId("programmeId", programmeId);
    const causeCodes = checkSet("causeCodes", input.causeCodes, 1, 3);
    for (const code of causeCodes) if (!(code in CAUSE_CODES)) throw HubError.badInput("causeCodes", `${code} is not a cause code (01-U … 12-C)`);
    const data = {
      pseudonym: checkText("pseudonym", input.pseudonym, 3, 40),
      degree: input.degree,
      causeCodes: causeCodes.sort(),
      ageBand: checkAgeBand("ageBand", input.ageBand),
      sex: input.sex,
      municipalityCode: checkGmina("municipalityCode", input.municipalityCode),
      joinedOn: input.joinedOn,
      statusOnEntry: input.statusOnEntry ?? null,
      educationLevel: input.educationLevel ?? null,
    };
    return write(ctx, async (w) => {
      // the programme row stays locked until commit: concurrent additions queue here
      const programme = await w.loadOwned(ActivationProgramme, id, { ...PROGRAMME, lock: true });
      if ((await inProgress(w.tx, programme.id)) >= programme.capacity) throw new HubError("CONFLICT", `No place left: all ${programme.capacity} are taken`, { reason: "PROGRAMME_FULL" });
      return w.create(ActivationParticipant, { ...data, programme }, PARTICIPANT);
    });
  }

  @Authorized("partner")
  @Mutation(() => ActivationParticipant, { description: "Records a participant's outcome; `version` must be the version read." })
  updateActivationParticipant(
    @Arg("id", () => ID, { description: "Participant id." }) id: string,
    @Arg("version", () => Int, { description: "The version the change is based on." }) version: number,
    @Arg("changes", () => ActivationParticipantChanges, { description: "Fields to change." }) changes: ActivationParticipantChanges,
    @Ctx() ctx: HubContext<Loaders>,
  ) {
    const fields: Partial<ActivationParticipant> = {};
    if (changes.outcome != null) fields.outcome = changes.outcome;
    if (changes.leftOn !== undefined) fields.leftOn = changes.leftOn;
    if (changes.situationOnLeaving !== undefined) fields.situationOnLeaving = changes.situationOnLeaving;
    if (changes.employedAfter6Months !== undefined) fields.employedAfter6Months = changes.employedAfter6Months;
    return write(ctx, async (w) => {
      const participant = await w.loadOwned(ActivationParticipant, checkId("id", id), { ...PARTICIPANT, populate: ["programme"], version });
      if (fields.leftOn) checkOrder("joinedOn", participant.joinedOn, "leftOn", fields.leftOn);
      // results on leaving belong to a participant who has left (issue #16)
      const left = (fields.outcome ?? participant.outcome) !== ParticipantOutcome.IN_PROGRESS;
      for (const field of ["situationOnLeaving", "employedAfter6Months"] as const) {
        if (fields[field] != null && !left) throw HubError.badInput(field, "is recorded once the participant has left (an outcome other than IN_PROGRESS)");
      }
      return w.update(participant, fields, PARTICIPANT);
    });
  }

  @Authorized("partner")
  @Mutation(() => ID, { description: "Deletes a participant on the data subject's request; aggregates no longer count them. Returns the id." })
  deleteActivationParticipant(@Arg("id", () => ID, { description: "Participant id." }) id: string, @Ctx() ctx: HubContext<Loaders>) {
    return write(ctx, async (w) => w.remove(await w.loadOwned(ActivationParticipant, checkId("id", id), { ...PARTICIPANT, populate: ["programme"] }), PARTICIPANT));
  }

  @FieldResolver(() => [ActivationParticipant], { nullable: true, description: "The programme's participants: health data, readable only by the operator holding them (FORBIDDEN for everyone else)." })
  participants(@Root() programme: ActivationProgramme, @Ctx() ctx: HubContext<Loaders>) {
    if (!isHolder(ctx, programme.operatorId)) throw new HubError("FORBIDDEN", "Participants are health data: only the operator holding them may read them");
    return ctx.loaders.participantsByProgramme.load(programme.id);
  }
}
