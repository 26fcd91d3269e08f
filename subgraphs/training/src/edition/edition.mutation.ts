import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import { LockMode } from "@mikro-orm/core";
import type { EntityManager } from "@mikro-orm/postgresql";
import {
  AuditAction, HubError, audit, checkGmina, checkId, checkInt, checkOrder, checkSet, checkText, checkVersion, diff, isHolder, optionalText,
  requirePartner, writeTransaction, type HubContext,
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
const snap = <T extends object>(record: T, fields: readonly (keyof T & string)[]) => Object.fromEntries(fields.map((f) => [f, record[f]]));

async function seatsTaken(tx: EntityManager, editionId: string): Promise<number> {
  return tx.count(Enrolment, { edition: editionId, status: { $in: ACTIVE } });
}

/** The edition, locked for this transaction, with its programme; the caller must be its provider. */
async function ownedEdition(tx: EntityManager, ctx: HubContext, id: string): Promise<TrainingEdition> {
  const edition = await tx.findOne(TrainingEdition, { id }, { populate: ["programme"], lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ["t0"] });
  if (!edition) throw HubError.notFound("TrainingEdition", id);
  requirePartner(ctx, edition.programme.providerId);
  return edition;
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
    return writeTransaction(ctx.em, async (tx) => {
      const programme = await tx.findOne(TrainingProgramme, { id });
      if (!programme) throw HubError.notFound("TrainingProgramme", id);
      requirePartner(ctx, programme.providerId);
      const edition = tx.create(TrainingEdition, { ...fields, programme });
      await tx.flush();
      audit(tx, ctx, { action: AuditAction.CREATE, entityType: "TrainingEdition", entityId: edition.id, ownerPartnerId: programme.providerId, changes: diff(null, snap(edition, EDITION_FIELDS), EDITION_FIELDS) });
      return edition;
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
    return writeTransaction(ctx.em, async (tx) => {
      const edition = await ownedEdition(tx, ctx, editionId);
      checkVersion(edition, version, "TrainingEdition");
      checkOrder("startsOn", fields.startsOn ?? edition.startsOn, "endsOn", fields.endsOn ?? edition.endsOn);
      if (fields.capacity !== undefined) {
        const taken = await seatsTaken(tx, edition.id);
        if (fields.capacity < taken) throw HubError.badInput("capacity", `must not be below the ${taken} seats taken`, { seatsTaken: taken });
      }
      const before = snap(edition, EDITION_FIELDS);
      tx.assign(edition, fields);
      await tx.flush();
      audit(tx, ctx, { action: AuditAction.UPDATE, entityType: "TrainingEdition", entityId: edition.id, ownerPartnerId: edition.programme.providerId, changes: diff(before, snap(edition, EDITION_FIELDS), EDITION_FIELDS) });
      return edition;
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
    return writeTransaction(ctx.em, async (tx) => {
      // the edition row stays locked until commit: concurrent enrolments queue here
      const edition = await ownedEdition(tx, ctx, id);
      if (edition.status === EditionStatus.CANCELLED || edition.status === EditionStatus.COMPLETED) {
        throw new HubError("CONFLICT", `The edition is ${edition.status.toLowerCase()}: it takes no enrolments`);
      }
      const taken = await seatsTaken(tx, edition.id);
      if (taken >= edition.capacity) throw new HubError("CONFLICT", `No seat left: all ${edition.capacity} are taken`, { reason: "EDITION_FULL" });
      const enrolment = tx.create(Enrolment, { edition, participantRef, sex: input.sex, ageBand: input.ageBand, targetGroups, enrolledOn: input.enrolledOn });
      await tx.flush();
      audit(tx, ctx, { action: AuditAction.CREATE, entityType: "Enrolment", entityId: enrolment.id, ownerPartnerId: edition.programme.providerId, personal: true, changes: diff(null, snap(enrolment, ENROLMENT_FIELDS), ENROLMENT_FIELDS) });
      return enrolment;
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
    return writeTransaction(ctx.em, async (tx) => {
      const enrolment = await tx.findOne(Enrolment, { id: enrolmentId }, { populate: ["edition.programme"] });
      if (!enrolment) throw HubError.notFound("Enrolment", enrolmentId);
      const edition = await ownedEdition(tx, ctx, enrolment.edition.id);
      checkVersion(enrolment, version, "Enrolment");
      const reactivating = changes.status != null && ACTIVE.includes(changes.status) && !ACTIVE.includes(enrolment.status);
      if (reactivating && (await seatsTaken(tx, edition.id)) >= edition.capacity) throw new HubError("CONFLICT", "No seat left", { reason: "EDITION_FULL" });
      if (changes.completedOn && changes.completedOn < enrolment.enrolledOn) throw HubError.badInput("completedOn", "must not be before enrolledOn");
      const before = snap(enrolment, ENROLMENT_FIELDS);
      tx.assign(enrolment, Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)));
      await tx.flush();
      audit(tx, ctx, { action: AuditAction.UPDATE, entityType: "Enrolment", entityId: enrolment.id, ownerPartnerId: edition.programme.providerId, personal: true, changes: diff(before, snap(enrolment, ENROLMENT_FIELDS), ENROLMENT_FIELDS) });
      return enrolment;
    });
  }

  @Authorized("partner")
  @Mutation(() => ID, { description: "Deletes an enrolment on the data subject's request; counts and aggregates no longer include it. Returns the id." })
  async deleteEnrolment(@Arg("id", () => ID, { description: "Enrolment id." }) id: string, @Ctx() ctx: HubContext<Loaders>): Promise<string> {
    const enrolmentId = checkId("id", id);
    return writeTransaction(ctx.em, async (tx) => {
      const enrolment = await tx.findOne(Enrolment, { id: enrolmentId }, { populate: ["edition.programme"] });
      if (!enrolment) throw HubError.notFound("Enrolment", enrolmentId);
      const edition = await ownedEdition(tx, ctx, enrolment.edition.id);
      audit(tx, ctx, { action: AuditAction.DELETE, entityType: "Enrolment", entityId: enrolment.id, ownerPartnerId: edition.programme.providerId, personal: true, changes: diff(snap(enrolment, ENROLMENT_FIELDS), null, ENROLMENT_FIELDS) });
      tx.remove(enrolment);
      return enrolmentId;
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
