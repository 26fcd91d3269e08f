import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from "type-graphql";
import {
  DateScalar, HubError, MoneyScalar, callerPartnerId, checkAmount, checkGmina, checkId, checkOrder, checkSet, checkText, moneyCents, optionalText, today, write, type Audited, type HubContext, type Writer,
} from "@bdp/kit/server";
import { ESF_INDICATORS, FundingSource, MissionArea } from "@bdp/kit/domain";
import { AgreementParticipant, Initiative, InitiativeStatus, ParticipantRole, PartStatus } from "./initiative.entity.js";
import { requireStatus } from "./lifecycle.js";
import { Indicator, IndicatorKind, IndicatorMeasurement } from "../indicator/indicator.entity.js";
import { LabourMarketIssue } from "../issue/issue.entity.js";
import type { Loaders } from "../loaders.js";

@InputType({ description: "A new initiative led by the caller's partner." })
export class InitiativeInput {
  @Field({ description: "Title, 5 to 300 characters." })
  title!: string;

  @Field(() => String, { nullable: true, description: "What it does, at most 10,000 characters." })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "The issue it addresses." })
  issueId?: string | null;

  @Field(() => [MissionArea], { description: "1 to 11 mission lines." })
  missionAreas!: MissionArea[];

  @Field(() => [String], { description: "1 to 20 TERYT gmina codes." })
  municipalityCodes!: string[];

  @Field(() => DateScalar, { description: "Start date." })
  startsOn!: string;

  @Field(() => DateScalar, { description: "End date." })
  endsOn!: string;

  @Field(() => FundingSource, { description: "Main funding source." })
  fundingSource!: FundingSource;

  @Field(() => MoneyScalar, { description: "Total budget in PLN." })
  totalBudget!: string;
}

@InputType({ description: "A partner's part in an executive agreement, as the lead proposes it; the partner confirms it." })
export class AgreementPartInput {
  @Field(() => ID, { description: "The participating partner." })
  partnerId!: string;

  @Field(() => ParticipantRole, { description: "Role (not LEAD: the lead is who created the initiative)." })
  role!: ParticipantRole;

  @Field(() => [String], { description: "1 to 20 tasks, each 3 to 300 characters." })
  tasks!: string[];

  @Field({ description: "What the partner answers for, 3 to 2,000 characters." })
  responsibilities!: string;
}

@InputType({ description: "A partner confirming its own part: its contribution." })
export class AgreementConfirmation {
  @Field(() => MoneyScalar, { description: "Cash contribution in PLN, 0 or more." })
  cashContribution!: string;

  @Field(() => MoneyScalar, { description: "Value of the in-kind contribution in PLN, 0 or more." })
  inKindContribution!: string;

  @Field(() => String, { nullable: true, description: "What the in-kind contribution is." })
  inKindDescription?: string | null;
}

const PART_FIELDS = ["partnerId", "role", "tasks", "responsibilities", "cashContribution", "inKindContribution", "inKindDescription", "confirmedOn", "status", "leftOn"] as const;

export const INITIATIVE: Audited<Initiative> = { type: "Initiative", audited: ["title", "totalBudget", "startsOn", "endsOn", "status", "fundingSource", "agreementNumber", "agreementSignedOn"], owner: (i) => i.leadPartnerId };
/** A part in the agreement is the lead's to propose (audited as the lead's) and the participant's to confirm (audited as its own). */
const PROPOSED_PART: Audited<AgreementParticipant> = { type: "AgreementParticipant", audited: PART_FIELDS, owner: (p) => p.initiative.leadPartnerId };
export const PART: Audited<AgreementParticipant> = { ...PROPOSED_PART, owner: (p) => p.partnerId };
export const INDICATOR: Audited<Indicator> = { type: "Indicator", audited: ["name", "kind", "unit", "baseline", "target", "targetOn"], owner: (i) => i.initiative?.leadPartnerId ?? null };
const MEASUREMENT: Audited<IndicatorMeasurement> = { type: "IndicatorMeasurement", audited: ["measuredOn", "value"], owner: (m) => m.indicator.initiative?.leadPartnerId ?? null };

/** An initiative the caller's partner leads (at the version read, where one is given): only the lead changes it and adds parts and indicators to it. */
export function ledBy(w: Writer, initiativeId: string, version?: number, lock = false): Promise<Initiative> {
  return w.loadOwned(Initiative, checkId("initiativeId", initiativeId), { ...INITIATIVE, version, lock });
}

/**
 * The partner's sector in the register, copied onto its part so that
 * contributions are counted by sector (issue #15, item 6); a partner the
 * register does not know gets no part. Without a register (a subgraph run
 * alone) the part is recorded without it.
 */
async function sectorOf(ctx: HubContext<Loaders>, partnerId: string, field: string): Promise<string | null> {
  if (!ctx.register) {
    ctx.log.warn("no partner register configured (REGISTER_URL): the agreement part is recorded without the partner's sector");
    return null;
  }
  const partner = await ctx.register(partnerId);
  if (!partner) throw HubError.badInput(field, "no such partner in the register");
  return partner.sector;
}

@Resolver(() => Initiative)
export class InitiativeMutations {
  @Authorized("partner")
  @Mutation(() => Initiative, { description: "Starts an initiative led by the caller's partner; its own part in the agreement is created as LEAD." })
  async createInitiative(@Arg("input", () => InitiativeInput, { description: "The initiative." }) input: InitiativeInput, @Ctx() ctx: HubContext<Loaders>): Promise<Initiative> {
    const leadPartnerId = callerPartnerId(ctx);
    checkOrder("startsOn", input.startsOn, "endsOn", input.endsOn);
    const issue = input.issueId ? await ctx.em.findOne(LabourMarketIssue, { id: checkId("issueId", input.issueId) }) : null;
    if (input.issueId && !issue) throw HubError.badInput("issueId", "no such issue");
    const data = {
      title: checkText("title", input.title, 5, 300),
      description: optionalText("description", input.description, 10_000),
      issue,
      missionAreas: checkSet("missionAreas", input.missionAreas, 1, 11),
      municipalityCodes: checkSet("municipalityCodes", input.municipalityCodes, 1, 20).map((c, i) => checkGmina(`municipalityCodes[${i}]`, c)),
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      status: InitiativeStatus.PLANNED,
      fundingSource: input.fundingSource,
      totalBudget: checkAmount("totalBudget", input.totalBudget),
      leadPartnerId,
    };
    const partnerSector = await sectorOf(ctx, leadPartnerId, "leadPartnerId");
    return write(ctx, async (w) => {
      const initiative = w.create(Initiative, data, INITIATIVE);
      // the lead's own part is created with the initiative; the lead confirms it like any partner
      w.create(AgreementParticipant, { initiative, partnerId: leadPartnerId, partnerSector, role: ParticipantRole.LEAD, tasks: ["koordynacja"], responsibilities: "Koordynacja, rozliczenie i sprawozdawczość.", cashContribution: "0.00", inKindContribution: "0.00" }, PART);
      return initiative;
    });
  }

  @Authorized("partner")
  @Mutation(() => AgreementParticipant, { description: "The lead proposes a partner's part (role, tasks, responsibilities); the partner then confirms it with its contribution." })
  async proposeAgreementPart(
    @Arg("initiativeId", () => ID, { description: "The initiative." }) initiativeId: string,
    @Arg("input", () => AgreementPartInput, { description: "The part." }) input: AgreementPartInput,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<AgreementParticipant> {
    if (input.role === ParticipantRole.LEAD) throw HubError.badInput("role", "an initiative has one lead: the partner that created it");
    const partnerId = checkId("partnerId", input.partnerId);
    const data = {
      partnerId,
      partnerSector: await sectorOf(ctx, partnerId, "partnerId"),
      role: input.role,
      tasks: checkSet("tasks", input.tasks.map((t, i) => checkText(`tasks[${i}]`, t, 3, 300)), 1, 20),
      responsibilities: checkText("responsibilities", input.responsibilities, 3, 2000),
      cashContribution: "0.00",
      inKindContribution: "0.00",
    };
    return write(ctx, async (w) => {
      const initiative = await ledBy(w, initiativeId);
      requireStatus(initiative.status, [InitiativeStatus.PLANNED], "proposing a part (after signing, the agreement changes by an annex)");
      const earlier = await w.tx.findOne(AgreementParticipant, { initiative, partnerId: data.partnerId });
      // a partner that declined or withdrew may be asked again: the same part, proposed anew
      if (earlier && earlier.status !== PartStatus.DECLINED && earlier.status !== PartStatus.WITHDRAWN) throw new HubError("CONFLICT", "The partner already has a part in this agreement", { reason: "PART_STATUS", status: earlier.status });
      const part = earlier
        ? w.update(earlier, { ...data, status: PartStatus.PROPOSED, confirmedOn: null, leftOn: null, leftReason: null }, PROPOSED_PART)
        : w.create(AgreementParticipant, { ...data, initiative }, PROPOSED_PART);
      // told to that partner only: its answer is its own to give
      w.publish({
        type: "AGREEMENT_PART_PROPOSED", subjectType: "AgreementParticipant", subjectId: part.id, public: false, partnerIds: [data.partnerId],
        title: `Propozycja udziału w porozumieniu: ${initiative.title}`,
        data: () => ({ partId: part.id, version: part.version, initiativeId: initiative.id, initiative: initiative.title, leadPartnerId: initiative.leadPartnerId, role: data.role, tasks: data.tasks, responsibilities: data.responsibilities }),
      });
      return part;
    });
  }

  @Authorized("partner")
  @Mutation(() => AgreementParticipant, { description: "A participating partner confirms its own part and its individual contribution (again, to change it) while the initiative is PLANNED; `version` must be the version read." })
  confirmAgreementPart(
    @Arg("id", () => ID, { description: "The agreement part." }) id: string,
    @Arg("version", () => Int, { description: "The version the confirmation is based on." }) version: number,
    @Arg("input", () => AgreementConfirmation, { description: "The contribution." }) input: AgreementConfirmation,
    @Ctx() ctx: HubContext<Loaders>,
  ) {
    const fields = {
      cashContribution: checkAmount("cashContribution", input.cashContribution),
      inKindContribution: checkAmount("inKindContribution", input.inKindContribution),
      inKindDescription: optionalText("inKindDescription", input.inKindDescription, 2000),
      confirmedOn: today(),
      status: PartStatus.CONFIRMED,
    };
    return write(ctx, async (w) => {
      const part = await w.loadOwned(AgreementParticipant, checkId("id", id), { ...PART, version, populate: ["initiative"] });
      if (part.status === PartStatus.DECLINED || part.status === PartStatus.WITHDRAWN) throw new HubError("CONFLICT", `The part is ${part.status}: the lead proposes it again if the partner changes its mind`, { reason: "PART_STATUS", status: part.status });
      requireStatus(part.initiative.status, [InitiativeStatus.PLANNED], "confirming a part (after signing, contributions change by an annex)");
      return w.update(part, fields, PART);
    });
  }

  @Authorized("partner")
  @Mutation(() => Indicator, { description: "The lead adds an output or result indicator to its initiative." })
  async addIndicator(
    @Arg("initiativeId", () => ID, { description: "The initiative." }) initiativeId: string,
    @Arg("name", { description: "Name, 3 to 300 characters." }) name: string,
    @Arg("kind", () => IndicatorKind, { description: "Output or result." }) kind: IndicatorKind,
    @Arg("unit", { description: "Unit, 1 to 40 characters." }) unit: string,
    @Arg("baseline", { description: "Baseline, a decimal string." }) baseline: string,
    @Arg("target", { description: "Target, a decimal string." }) target: string,
    @Arg("code", () => String, { nullable: true, description: "ESF+ common indicator code (Regulation 2021/1057, Annex I), e.g. EECO02: one of `vocabulary { esfIndicators }`." }) code: string | null,
    @Ctx() ctx: HubContext<Loaders>,
    @Arg("bySex", () => Boolean, { nullable: true, defaultValue: false, description: "Whether measurements give women and men apart, as ESF+ reports indicators about people (issue #15)." }) bySex: boolean = false,
    @Arg("targetOn", () => DateScalar, { nullable: true, description: "When the target is to be reached." }) targetOn: string | null = null,
  ): Promise<Indicator> {
    const data = indicatorData({ code, name, kind, unit, baseline, target, bySex, targetOn });
    return write(ctx, async (w) => w.create(Indicator, { ...data, initiative: await ledBy(w, initiativeId) }, INDICATOR));
  }

  @Authorized("partner")
  @Mutation(() => IndicatorMeasurement, { description: "The lead records a measured value of one of its indicators; one per date." })
  async recordMeasurement(
    @Arg("indicatorId", () => ID, { description: "The indicator." }) indicatorId: string,
    @Arg("measuredOn", () => DateScalar, { description: "End of the period measured." }) measuredOn: string,
    @Arg("value", { description: "Value, a decimal string." }) value: string,
    @Ctx() ctx: HubContext<Loaders>,
    @Arg("women", () => String, { nullable: true, description: "Of which women: required for an indicator given by sex, with `men`; the two add up to `value`." }) women?: string | null,
    @Arg("men", () => String, { nullable: true, description: "Of which men: required for an indicator given by sex, with `women`." }) men?: string | null,
  ): Promise<IndicatorMeasurement> {
    const measured = checkMeasurement(value, women, men);
    return write(ctx, async (w) => {
      const indicator = await w.load(Indicator, checkId("indicatorId", indicatorId), { ...INDICATOR, populate: ["initiative"] });
      // only an initiative's indicators take measurements from its lead
      if (!indicator.initiative) throw HubError.notFound("Indicator", indicatorId);
      w.own(indicator.initiative.leadPartnerId);
      return measure(w, indicator, measuredOn, measured);
    });
  }
}

export interface IndicatorFields {
  code?: string | null;
  name: string;
  kind: IndicatorKind;
  unit: string;
  baseline: string;
  target: string;
  bySex?: boolean | null;
  targetOn?: string | null;
}

/** An indicator's fields, checked: the same for an initiative's and the partnership's own. */
export function indicatorData(input: IndicatorFields) {
  return {
    code: checkEsfCode(input.code), name: checkText("name", input.name, 3, 300), kind: input.kind, unit: checkText("unit", input.unit, 1, 40),
    baseline: checkAmount("baseline", input.baseline, 1e9), target: checkAmount("target", input.target, 1e9), bySex: input.bySex ?? false, targetOn: input.targetOn ?? null,
  };
}

/** A measured value, checked; women and men given together or not at all. */
export function checkMeasurement(value: string, women?: string | null, men?: string | null) {
  const amount = checkAmount("value", value, 1e9);
  const split = women == null && men == null ? null : { women: checkAmount("women", women ?? "", 1e9), men: checkAmount("men", men ?? "", 1e9) };
  return { amount, split };
}

/** Records a measurement of `indicator`: by sex exactly when the indicator is, the two adding up to the value to the grosz. */
export function measure(w: Writer, indicator: Indicator, measuredOn: string, { amount, split }: ReturnType<typeof checkMeasurement>): IndicatorMeasurement {
  if (indicator.bySex && !split) throw HubError.badInput("women", "the indicator is given by sex: give women and men");
  if (!indicator.bySex && split) throw HubError.badInput("women", "the indicator is not given by sex: give the value alone");
  if (split && moneyCents(split.women) + moneyCents(split.men) !== moneyCents(amount)) {
    throw HubError.badInput("men", `women and men must add up to the value (${split.women} + ${split.men} ≠ ${amount})`);
  }
  return w.create(IndicatorMeasurement, { indicator, measuredOn, value: amount, ...(split ?? {}) }, MEASUREMENT);
}

/** An ESF+ common indicator's code, from the list kept as data (kit/src/vocabularies/esf-indicators.ts); none for the partnership's own indicators. */
function checkEsfCode(code: string | null | undefined): string | null {
  const text = optionalText("code", code, 20);
  if (text === null) return null;
  const upper = text.toUpperCase();
  if (!ESF_INDICATORS.some((i) => i.code === upper)) throw HubError.badInput("code", `${text} is not an ESF+ common indicator code (vocabulary { esfIndicators } lists them)`);
  return upper;
}
