import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import type { EntityManager } from "@mikro-orm/postgresql";
import {
  HubError, checkGmina, checkId, checkInt, checkOrder, isHolder, optionalText, write, type Audited, type HubContext, type Writer,
} from "@bdp/kit/server";
import { EditionStatus, TrainingEdition } from "./edition.entity.js";
import { TrainingEditionChanges, TrainingEditionInput } from "./edition.input.js";
import { TrainingProgramme } from "../programme/programme.entity.js";
import { Enrolment, EnrolmentStatus } from "../enrolment/enrolment.entity.js";
import type { Loaders } from "../loaders.js";

const EDITION_FIELDS = ["startsOn", "endsOn", "municipalityCode", "venue", "capacity", "status"] as const;
/** Enrolments that hold a seat. */
export const ACTIVE = [EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED];
const EDITION: Audited<TrainingEdition> = { type: "TrainingEdition", audited: EDITION_FIELDS, owner: (e) => e.programme.providerId };

export async function seatsTaken(tx: EntityManager, editionId: string): Promise<number> {
  return tx.count(Enrolment, { edition: editionId, status: { $in: ACTIVE } });
}

/** The edition, locked for this transaction (seats are counted under the lock), with its programme; the caller must be its provider. */
export function ownedEdition(w: Writer, id: string, version?: number): Promise<TrainingEdition> {
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

  @FieldResolver(() => [Enrolment], { nullable: true, description: "The edition's enrolments: personal data, readable only by the provider holding them (FORBIDDEN for everyone else)." })
  async enrolments(@Root() edition: TrainingEdition, @Ctx() ctx: HubContext<Loaders>): Promise<Enrolment[]> {
    const programme = await ctx.loaders.programme.load(edition.programme.id);
    if (!programme || !isHolder(ctx, programme.providerId)) {
      throw new HubError("FORBIDDEN", "Enrolments are personal data: only the provider holding them may read them");
    }
    return ctx.loaders.enrolmentsByEdition.load(edition.id);
  }
}
