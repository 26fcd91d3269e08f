import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import type { EntityManager } from "@mikro-orm/postgresql";
import {
  HubError, checkGmina, checkId, checkInt, checkOrder, checkSet, checkText, isHolder, optionalText, write,
  type Audited, type HubContext, type Writer,
} from "@bdp/kit";
import { EditionStatus, TrainingEdition } from "./edition.entity.js";
import { TrainingEditionChanges, TrainingEditionInput } from "./edition.input.js";
import { TrainingProgramme } from "../programme/programme.entity.js";
import { Enrolment, EnrolmentStatus } from "../enrolment/enrolment.entity.js";
import { EnrolmentChanges, EnrolmentInput } from "../enrolment/enrolment.input.js";
import type { Loaders } from "../loaders.js";

const EDITION_FIELDS = ["startsOn", "endsOn", "municipalityCode", "venue", "capacity", "status"] as const;
const ENROLMENT_FIELDS = ["participantRef", "sex", "ageBand", "targetGroups", "enrolledOn", "status", "completedOn", "certificateObtained", "employedWithin3Months"] as const;
const ACTIVE = [EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED];
const EDITION: Audited<TrainingEdition> = { type: "TrainingEdition", audited: EDITION_FIELDS, owner: (e) => e.programme.providerId };
/** Enrolments are records about people: the trail keeps which fields changed, not their values. */
const ENROLMENT: Audited<Enrolment> = { type: "Enrolment", audited: ENROLMENT_FIELDS, owner: (n) => n.edition.programme.providerId, personal: true };

async function seatsTaken(tx: EntityManager, editionId: string): Promise<number> {
  return tx.count(Enrolment, { edition: editionId, status: { $in: ACTIVE } });
}

/** The edition, locked for this transaction (seats are counted under the lock), with its programme; the caller must be its provider. */
function ownedEdition(w: Writer, id: string, version?: number): Promise<TrainingEdition> {
  return w.loadOwned(TrainingEdition, id, { ...EDITION, populate: ["programme"], lock: true, version });
}

@Resolver(() => TrainingEdition)
export class TrainingEditionMutations {
  @Authorized("partner")
  @Mutation(() => TrainingEdition, { description: "Adds an edition to a programme of the caller's partner." })
  async createTrainingEdition(
    @Arg("programmeId", () => ID, { description: "The programme." }) programmeId: string,
    @Arg("input", () => TrainingEditionInput, { description: "The edition." }) input: TrainingEditionInput,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<TrainingEdition> {
    const id = checkId("programmeId", programmeId);
    checkOrder("startsOn", input.startsOn, "endsOn", input.endsOn);
    const fields = {
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      municipalityCode: checkGmina("municipalityCode", input.municipalityCode),
      venue: optionalText("venue", input.venue, 300),
      capacity: checkInt("capacity", input.capacity, 1, 1000),
      status: input.status ?? EditionStatus.PLANNED,
    };
    return write(ctx, async (w) => {
      const programme = await w.loadOwned(TrainingProgramme, id, { type: "TrainingProgramme", owner: (p) => p.providerId });
      return w.create(TrainingEdition, { ...fields, programme }, EDITION);
    });
  }

  @Authorized("partner")
  @Mutation(() => TrainingEdition, { description: "Changes an edition; capacity never below the seats taken; `version` must be the version read." })
  async updateTrainingEdition(
    @Arg("id", () => ID, { description: "Edition id." }) id: string,
    @Arg("version", () => Int, { description: "The version the change is based on." }) version: number,
    @Arg("changes", () => TrainingEditionChanges, { description: "Fields to change." }) changes: TrainingEditionChanges,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<TrainingEdition> {
    const editionId = checkId("id", id);
    const fields: Partial<TrainingEdition> = {};
    if (changes.startsOn != null) fields.startsOn = changes.startsOn;
    if (changes.endsOn != null) fields.endsOn = changes.endsOn;
    if (changes.municipalityCode != null) fields.municipalityCode = checkGmina("municipalityCode", changes.municipalityCode);
    if (changes.venue !== undefined) fields.venue = optionalText("venue", changes.venue, 300);
    if (changes.capacity != null) fields.capacity = checkInt("capacity", changes.capacity, 1, 1000);
    if (changes.status != null) fields.status = changes.status;
    return write(ctx, async (w) => {
      const edition = await ownedEdition(w, editionId, version);
      checkOrder("startsOn", fields.startsOn ?? edition.startsOn, "endsOn", fields.endsOn ?? edition.endsOn);
      if (fields.capacity !== undefined) {
        const taken = await seatsTaken(w.tx, edition.id);
        if (fields.capacity < taken) throw HubError.badInput("capacity", `must not be below the ${taken} seats taken`, { seatsTaken: taken });
      }
      return w.update(edition, fields, EDITION);
    });
  }

  @Authorized("partner")
  @Mutation(() => Enrolment, { description: "Enrols a pseudonymous participant in an edition of the caller's partner; CONFLICT when no seat is left." })
  async enrolParticipant(
    @Arg("editionId", () => ID, { description: "The edition." }) editionId: string,
    @Arg("input", () => EnrolmentInput, { description: "The participant." }) input: EnrolmentInput,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Enrolment> {
    const id = checkId("editionId", editionId);
    const participantRef = checkText("participantRef", input.participantRef, 3, 40);
    const targetGroups = checkSet("targetGroups", input.targetGroups, 0, 14);
    return write(ctx, async (w) => {
      // the edition row stays locked until commit: concurrent enrolments queue here
      const edition = await ownedEdition(w, id);
      if (edition.status === EditionStatus.CANCELLED || edition.status === EditionStatus.COMPLETED) {
        throw new HubError("CONFLICT", `The edition is ${edition.status.toLowerCase()}: it takes no enrolments`);
      }
      const taken = await seatsTaken(w.tx, edition.id);
      if (taken >= edition.capacity) throw new HubError("CONFLICT", `No seat left: all ${edition.capacity} are taken`, { reason: "EDITION_FULL" });
      return w.create(Enrolment, { edition, participantRef, sex: input.sex, ageBand: input.ageBand, targetGroups, enrolledOn: input.enrolledOn }, ENROLMENT);
    });
  }

  @Authorized("partner")
  @Mutation(() => Enrolment, { description: "Records an enrolment's status and outcomes; `version` must be the version read." })
  async updateEnrolment(
    @Arg("id", () => ID, { description: "Enrolment id." }) id: string,
    @Arg("version", () => Int, { description: "The version the change is based on." }) version: number,
    @Arg("changes", () => EnrolmentChanges, { description: "Fields to change." }) changes: EnrolmentChanges,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Enrolment> {
    const enrolmentId = checkId("id", id);
    return write(ctx, async (w) => {
      const enrolment = await w.load(Enrolment, enrolmentId, { type: "Enrolment", populate: ["edition.programme"] });
      const edition = await ownedEdition(w, enrolment.edition.id);
      w.version(enrolment, version, "Enrolment");
      const reactivating = changes.status != null && ACTIVE.includes(changes.status) && !ACTIVE.includes(enrolment.status);
      if (reactivating && (await seatsTaken(w.tx, edition.id)) >= edition.capacity) throw new HubError("CONFLICT", "No seat left", { reason: "EDITION_FULL" });
      if (changes.completedOn && changes.completedOn < enrolment.enrolledOn) throw HubError.badInput("completedOn", "must not be before enrolledOn");
      return w.update(enrolment, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<Enrolment>, ENROLMENT);
    });
  }

  @Authorized("partner")
  @Mutation(() => ID, { description: "Deletes an enrolment on the data subject's request; counts and aggregates no longer include it. Returns the id." })
  async deleteEnrolment(@Arg("id", () => ID, { description: "Enrolment id." }) id: string, @Ctx() ctx: HubContext<Loaders>): Promise<string> {
    const enrolmentId = checkId("id", id);
    return write(ctx, async (w) => {
      const enrolment = await w.load(Enrolment, enrolmentId, { type: "Enrolment", populate: ["edition.programme"] });
      await ownedEdition(w, enrolment.edition.id);
      return w.remove(enrolment, ENROLMENT);
    });
  }

  @FieldResolver(() => [Enrolment], { nullable: true, description: "The edition's enrolments: personal data, readable only by the provider holding them (FORBIDDEN for everyone else)." })
  async enrolments(@Root() edition: TrainingEdition, @Ctx() ctx: HubContext<Loaders>): Promise<Enrolment[]> {
    const programme = await ctx.loaders.programme.load(edition.programme.id);
    if (!programme || !isHolder(ctx, programme.providerId)) {
      throw new HubError("FORBIDDEN", "Enrolments are personal data: only the provider holding them may read them");
    }
    return ctx.loaders.enrolmentsByEdition.load(edition.id);
  }
}
