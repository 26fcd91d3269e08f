import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import { HubError, checkAgeBand, checkGmina, checkId, checkTargetGroups, checkText, write, type Audited, type HubContext } from "@bdp/kit/server";
import { EditionStatus } from "../edition/edition.entity.js";
import { ACTIVE, ownedEdition, seatsTaken } from "../edition/edition.mutation.js";
import { Enrolment, EnrolmentStatus } from "./enrolment.entity.js";
import { EnrolmentChanges, EnrolmentInput } from "./enrolment.input.js";
import type { Loaders } from "../loaders.js";

const ENROLMENT_FIELDS = ["participantRef", "sex", "ageBand", "targetGroups", "enrolledOn", "status", "completedOn", "certificateObtained", "employedWithin3Months", "residenceCode", "statusOnEntry", "educationLevel", "situationOnLeaving", "employedAfter6Months"] as const;
/** Enrolments are records about people: the trail keeps which fields changed, not their values. */
const ENROLMENT: Audited<Enrolment> = { type: "Enrolment", audited: ENROLMENT_FIELDS, owner: (n) => n.edition.programme.providerId, personal: true };

/** A provider's enrolments in its editions: seats are counted under the edition's lock. */
@Resolver(() => Enrolment)
export class EnrolmentMutations {
  @Authorized("partner")
  @Mutation(() => Enrolment, { description: "Enrols a pseudonymous participant in an edition of the caller's partner; CONFLICT when no seat is left." })
  async enrolParticipant(
    @Arg("editionId", () => ID, { description: "The edition." }) editionId: string,
    @Arg("input", () => EnrolmentInput, { description: "The participant." }) input: EnrolmentInput,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Enrolment> {
    const id = checkId("editionId", editionId);
    const participantRef = checkText("participantRef", input.participantRef, 3, 40);
    // in force on the day of enrolment; the age band of the current split (issue #16)
    const targetGroups = checkTargetGroups("targetGroups", input.targetGroups, 0, 18, input.enrolledOn);
    const ageBand = checkAgeBand("ageBand", input.ageBand);
    const residenceCode = input.residenceCode == null ? null : checkGmina("residenceCode", input.residenceCode);
    return write(ctx, async (w) => {
      // the edition row stays locked until commit: concurrent enrolments queue here
      const edition = await ownedEdition(w, id);
      if (edition.status === EditionStatus.CANCELLED || edition.status === EditionStatus.COMPLETED) {
        throw new HubError("CONFLICT", `The edition is ${edition.status.toLowerCase()}: it takes no enrolments`);
      }
      const taken = await seatsTaken(w.tx, edition.id);
      if (taken >= edition.capacity) throw new HubError("CONFLICT", `No seat left: all ${edition.capacity} are taken`, { reason: "EDITION_FULL" });
      return w.create(Enrolment, { edition, participantRef, sex: input.sex, ageBand, targetGroups, enrolledOn: input.enrolledOn,
        residenceCode, statusOnEntry: input.statusOnEntry ?? null, educationLevel: input.educationLevel ?? null }, ENROLMENT);
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
      // results on leaving belong to a participant who has left (issue #16)
      const left = [EnrolmentStatus.COMPLETED, EnrolmentStatus.DROPPED_OUT].includes(changes.status ?? enrolment.status);
      for (const field of ["situationOnLeaving", "employedAfter6Months"] as const) {
        if (changes[field] != null && !left) throw HubError.badInput(field, "is recorded once the participant has left (COMPLETED or DROPPED_OUT)");
      }
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

}
