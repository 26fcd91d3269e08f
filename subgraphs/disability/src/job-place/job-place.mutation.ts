import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from "type-graphql";
import { DateScalar, HubError, MoneyScalar, callerPartnerId, checkAmount, checkGmina, checkId, checkOrder, moneyCents, today, write, type Audited, type HubContext } from "@bdp/kit/server";
import { WageBand } from "../vocabulary.js";
import { DisabilityJobPlace } from "./job-place.entity.js";
import { ActivationProgramme } from "../programme/programme.entity.js";
import type { Loaders } from "../loaders.js";

@InputType({ description: "A job place the caller's partner created for a person with disabilities." })
export class DisabilityJobPlaceInput {
  @Field(() => ID, { nullable: true, description: "The activation programme it came from, if any." })
  programmeId?: string | null;

  @Field(() => String, { nullable: true, description: "KZiS occupation code, 6 digits." })
  occupationCode?: string | null;

  @Field({ description: "TERYT code of the workplace's gmina (7 digits)." })
  municipalityCode!: string;

  @Field(() => DateScalar, { description: "When the place was created." })
  createdOn!: string;

  @Field({ description: "Fraction of full time, from \"0.10\" to \"1.00\"." })
  fullTimeEquivalent!: string;

  @Field({ description: "Receives the PFRON wage subsidy." })
  subsidised!: boolean;

  @Field({ description: "The workstation was adapted." })
  adaptedWorkstation!: boolean;

  @Field({ description: "Currently filled." })
  filled!: boolean;

  @Field(() => WageBand, { nullable: true, description: "Its pay against the minimum wage." })
  wageBand?: WageBand | null;

  @Field(() => MoneyScalar, { nullable: true, description: "The PFRON wage subsidy a month, in PLN; only for a subsidised post." })
  monthlySubsidy?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Its equipment was refunded under art. 26e (36 months' duty); false when omitted." })
  equipmentRefunded?: boolean | null;
}

@InputType({ description: "Changes to a job place." })
export class DisabilityJobPlaceChanges {
  @Field(() => Boolean, { nullable: true, description: "Currently filled." })
  filled?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Receives the PFRON wage subsidy." })
  subsidised?: boolean;

  @Field(() => Boolean, { nullable: true, description: "The workstation was adapted." })
  adaptedWorkstation?: boolean;

  @Field(() => DateScalar, { nullable: true, description: "When the post ended: not before it was created, not in the future." })
  endedOn?: string | null;

  @Field(() => WageBand, { nullable: true, description: "Its pay against the minimum wage." })
  wageBand?: WageBand | null;

  @Field(() => MoneyScalar, { nullable: true, description: "The PFRON wage subsidy a month, in PLN; only for a subsidised post." })
  monthlySubsidy?: string | null;
}

/** The monthly PFRON subsidy of a post: only a subsidised one has one, an exact positive amount. */
function subsidyOf(subsidised: boolean, amount: string | null | undefined): string | null {
  if (amount == null) return null;
  if (!subsidised) throw HubError.badInput("monthlySubsidy", "only a subsidised post (`subsidised`) receives the PFRON wage subsidy");
  const value = checkAmount("monthlySubsidy", amount, 100_000);
  if (moneyCents(value) === 0n) throw HubError.badInput("monthlySubsidy", "more than 0");
  return value;
}

const JOB_PLACE: Audited<DisabilityJobPlace> = {
  type: "DisabilityJobPlace",
  audited: ["occupationCode", "municipalityCode", "createdOn", "fullTimeEquivalent", "subsidised", "adaptedWorkstation", "filled", "endedOn", "wageBand", "monthlySubsidy", "equipmentRefunded"],
  owner: (p) => p.employerId,
};

@Resolver(() => DisabilityJobPlace)
export class DisabilityJobPlaceMutations {
  @Authorized("partner")
  @Mutation(() => DisabilityJobPlace, { description: "Records a job place the caller's partner (the employer) created for a person with disabilities." })
  async createDisabilityJobPlace(@Arg("input", () => DisabilityJobPlaceInput, { description: "The job place." }) input: DisabilityJobPlaceInput, @Ctx() ctx: HubContext<Loaders>) {
    const employerId = callerPartnerId(ctx);
    if (input.occupationCode != null && !/^\d{6}$/.test(input.occupationCode)) throw HubError.badInput("occupationCode", "must be a 6-digit KZiS code");
    const fte = Number(input.fullTimeEquivalent);
    if (!/^\d(\.\d{1,2})?$/.test(input.fullTimeEquivalent) || fte < 0.1 || fte > 1) throw HubError.badInput("fullTimeEquivalent", "must be from 0.10 to 1.00");
    const programmeId = input.programmeId ? checkId("programmeId", input.programmeId) : null;
    const employer = ctx.register ? await ctx.register(employerId) : null;
    if (!ctx.register) ctx.log.warn("no partner register configured (REGISTER_URL): the job place is recorded without the employer's sector");
    const data = {
      employerId, employerSector: employer?.sector ?? null, occupationCode: input.occupationCode ?? null, municipalityCode: checkGmina("municipalityCode", input.municipalityCode),
      createdOn: input.createdOn, fullTimeEquivalent: fte.toFixed(2), subsidised: input.subsidised, adaptedWorkstation: input.adaptedWorkstation, filled: input.filled,
      wageBand: input.wageBand ?? null, monthlySubsidy: subsidyOf(input.subsidised, input.monthlySubsidy), equipmentRefunded: input.equipmentRefunded ?? false,
    };
    return write(ctx, async (w) => {
      const programme = programmeId ? await w.tx.findOne(ActivationProgramme, { id: programmeId }) : null;
      if (programmeId && !programme) throw HubError.badInput("programmeId", "no such activation programme");
      return w.create(DisabilityJobPlace, { ...data, programme }, JOB_PLACE);
    });
  }

  @Authorized("partner")
  @Mutation(() => DisabilityJobPlace, { description: "Changes a job place of the caller's partner; `version` must be the version read." })
  updateDisabilityJobPlace(
    @Arg("id", () => ID, { description: "Job place id." }) id: string,
    @Arg("version", () => Int, { description: "The version the change is based on." }) version: number,
    @Arg("changes", () => DisabilityJobPlaceChanges, { description: "Fields to change." }) changes: DisabilityJobPlaceChanges,
    @Ctx() ctx: HubContext<Loaders>,
  ) {
    const fields = Object.fromEntries(Object.entries(changes).filter(([k, v]) => v != null && k !== "endedOn" && k !== "monthlySubsidy")) as Partial<DisabilityJobPlace>;
    if (changes.endedOn !== undefined) {
      if (changes.endedOn !== null && changes.endedOn > today()) throw HubError.badInput("endedOn", "not in the future");
      fields.endedOn = changes.endedOn;
    }
    return write(ctx, async (w) => {
      const place = await w.loadOwned(DisabilityJobPlace, checkId("id", id), { ...JOB_PLACE, version });
      if (fields.endedOn) checkOrder("createdOn", place.createdOn, "endedOn", fields.endedOn);
      if (changes.monthlySubsidy !== undefined) fields.monthlySubsidy = subsidyOf(fields.subsidised ?? place.subsidised, changes.monthlySubsidy);
      else if (fields.subsidised === false) fields.monthlySubsidy = null;
      return w.update(place, fields, JOB_PLACE);
    });
  }
}
