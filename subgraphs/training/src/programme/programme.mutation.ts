import { Arg, Authorized, Ctx, ID, Int, Mutation, Resolver } from "type-graphql";
import {
  HubError, callerPartnerId, checkAmount, checkId, checkInt, checkSupportForm, checkTargetGroups, checkText, optionalText, today, write, type Audited, type HubContext,
} from "@bdp/kit/server";
import { ProgrammeStatus, TrainingProgramme } from "./programme.entity.js";
import { TrainingProgrammeChanges, TrainingProgrammeInput } from "./programme.input.js";
import type { Loaders } from "../loaders.js";

const AUDITED = ["title", "description", "targetGroups", "occupationCode", "form", "fundingSource", "hours", "costPerParticipant", "certificate", "status"] as const;

function occupation(value: string | null | undefined): string | null {
  if (value == null || value === "") return null;
  if (!/^\d{6}$/.test(value)) throw HubError.badInput("occupationCode", "must be a 6-digit KZiS code");
  return value;
}

/** Every field of a programme checked; `partial` checks only the fields given. */
function validated(input: Partial<TrainingProgrammeInput>): Partial<TrainingProgramme> {
  const out: Partial<TrainingProgramme> = {};
  if (input.title !== undefined) out.title = checkText("title", input.title, 3, 300);
  if (input.description !== undefined) out.description = optionalText("description", input.description, 5000);
  // a programme's groups and form must be in force on the day it is written (issue #16)
  if (input.targetGroups !== undefined) out.targetGroups = checkTargetGroups("targetGroups", input.targetGroups ?? [], 1, 18, today());
  if (input.occupationCode !== undefined) out.occupationCode = occupation(input.occupationCode);
  if (input.form != null) out.form = checkSupportForm("form", input.form, today());
  if (input.fundingSource != null) out.fundingSource = input.fundingSource;
  if (input.hours !== undefined && input.hours !== null) out.hours = checkInt("hours", input.hours, 1, 2000);
  if (input.costPerParticipant != null) out.costPerParticipant = checkAmount("costPerParticipant", input.costPerParticipant, 1_000_000);
  if (input.certificate !== undefined) out.certificate = optionalText("certificate", input.certificate, 300);
  if (input.status != null) out.status = input.status;
  return out;
}

const PROGRAMME: Audited<TrainingProgramme> = { type: "TrainingProgramme", audited: AUDITED, owner: (p) => p.providerId };

@Resolver(() => TrainingProgramme)
export class TrainingProgrammeMutations {
  @Authorized("partner")
  @Mutation(() => TrainingProgramme, { description: "Publishes a new training programme of the caller's partner (its provider)." })
  async createTrainingProgramme(@Arg("input", () => TrainingProgrammeInput, { description: "The programme." }) input: TrainingProgrammeInput, @Ctx() ctx: HubContext<Loaders>): Promise<TrainingProgramme> {
    const providerId = callerPartnerId(ctx);
    const fields = validated(input);
    return write(ctx, async (w) => w.create(TrainingProgramme, { ...(fields as TrainingProgramme), providerId, status: fields.status ?? ProgrammeStatus.DRAFT }, PROGRAMME));
  }

  @Authorized("partner")
  @Mutation(() => TrainingProgramme, { description: "Changes a programme of the caller's partner; `version` must be the version read, else CONFLICT." })
  async updateTrainingProgramme(
    @Arg("id", () => ID, { description: "Programme id." }) id: string,
    @Arg("version", () => Int, { description: "The version the change is based on." }) version: number,
    @Arg("changes", () => TrainingProgrammeChanges, { description: "Fields to change." }) changes: TrainingProgrammeChanges,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<TrainingProgramme> {
    const programmeId = checkId("id", id);
    const fields = validated(changes);
    return write(ctx, async (w) => w.update(await w.loadOwned(TrainingProgramme, programmeId, { ...PROGRAMME, version }), fields, PROGRAMME));
  }
}
