import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from "type-graphql";
import {
  AuditAction, DateScalar, HubError, MoneyScalar, callerPartnerId, centsToMoney, checkAmount, checkGmina, checkId, checkInt, checkList, checkOrder, checkSet, checkSupportForm,
  checkTargetGroups, checkText, isoDay, lastDayOf, moneyCents, optionalText, today, write, type Audited, type HubContext,
} from "@bdp/kit/server";
import { FundingSource, SupportForm, TargetGroup, parseNip } from "@bdp/kit/domain";
import { BeneficiaryKind, DutyStatus, InstrumentAgreement, InstrumentCall, InstrumentDuty } from "./instrument.entity.js";
import { CALL_INSTRUMENTS, DUTY_RULES, DutyKind, type DutyTerm } from "./duties.js";
import type { Loaders } from "../loaders.js";

@InputType({ description: "A duty a call's agreements carry." })
export class DutyTermInput {
  @Field(() => DutyKind, { description: "What the beneficiary undertakes." })
  kind!: DutyKind;

  @Field(() => Int, { description: "For how many months, 1 to 120: at least what the law attaches to the instrument." })
  months!: number;
}

@InputType({ description: "A call for applications for an instrument." })
export class InstrumentCallInput {
  @Field({ description: "The call's reference, 3 to 100 characters, unique." })
  reference!: string;

  @Field({ description: "Title, 5 to 300 characters." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Conditions, documents, how to apply; at most 10,000 characters." })
  description?: string | null;

  @Field(() => SupportForm, { description: `The instrument: one of ${CALL_INSTRUMENTS.join(", ")}, in force on the day the call opens.` })
  instrument!: SupportForm;

  @Field(() => FundingSource, { description: "The fund it is paid from." })
  fundingSource!: FundingSource;

  @Field(() => MoneyScalar, { description: "What the call has in all, in PLN." })
  budget!: string;

  @Field(() => MoneyScalar, { description: "The most one agreement may give, in PLN: at most the budget." })
  capPerAgreement!: string;

  @Field(() => DateScalar, { description: "First day applications are taken." })
  opensOn!: string;

  @Field(() => DateScalar, { description: "Last day applications are taken." })
  closesOn!: string;

  @Field(() => [TargetGroup], { description: "1 to 18 groups who may apply, in force on the day the call opens." })
  targetGroups!: TargetGroup[];

  @Field(() => [String], { description: "1 to 20 TERYT gmina codes it is for." })
  municipalityCodes!: string[];

  @Field(() => [DutyTermInput], { nullable: true, description: "The duties its agreements carry; the law's for the instrument when omitted (`DutyKind`). A duty the law attaches cannot be left out or shortened." })
  duties?: DutyTermInput[] | null;
}

@InputType({ description: "An agreement under a call, as signed." })
export class InstrumentAgreementInput {
  @Field({ description: "Its number, 1 to 60 characters, unique in the call." })
  number!: string;

  @Field(() => BeneficiaryKind, { description: "With an employer or a person." })
  beneficiaryKind!: BeneficiaryKind;

  @Field(() => String, { nullable: true, description: "The employer's NIP (checksum checked); for an employer only." })
  employerNip?: string | null;

  @Field(() => String, { nullable: true, description: "The provider's case reference of the person, 3 to 60 characters; for a person only, never a name or PESEL. Only the provider sees it." })
  caseReference?: string | null;

  @Field({ description: "TERYT gmina code where the support is used (the business, the post); one of the call's." })
  municipalityCode!: string;

  @Field(() => MoneyScalar, { description: "The sum given, in PLN: at most the call's cap, and what the call has left." })
  amount!: string;

  @Field(() => DateScalar, { description: "When it was signed: on or after the call opened." })
  signedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: "When its duties start; the day it was signed when omitted." })
  dutiesFrom?: string | null;

  @Field(() => Int, { nullable: true, description: "Posts it creates or equips, 1 to 100; for an employer only." })
  postsCreated?: number | null;
}

const CALL: Audited<InstrumentCall> = { type: "InstrumentCall", audited: ["reference", "title", "instrument", "fundingSource", "budget", "capPerAgreement", "opensOn", "closesOn"], owner: (c) => c.providerId };
/** A person's agreement is personal data: audited as such, seen in the trail by its provider only. */
const AGREEMENT: Audited<InstrumentAgreement> = { type: "InstrumentAgreement", audited: ["number", "beneficiaryKind", "employerNip", "amount", "signedOn", "dutiesFrom"], owner: (a) => a.call.providerId, personal: true };
const DUTY: Audited<InstrumentDuty> = { type: "InstrumentDuty", audited: ["status", "settledOn", "refund"], owner: (d) => d.agreement.call.providerId, personal: true };

/** The call's duties: those given (each kind once), none of the law's left out or shortened; the law's when none are given. */
function dutyTerms(instrument: SupportForm, given: readonly DutyTermInput[] | null | undefined): DutyTerm[] {
  const law = DUTY_RULES[instrument] ?? [];
  if (given == null) return law.map(({ kind, months }) => ({ kind, months }));
  const terms = (checkList("input.duties", given, 5) ?? []).map((d, i) => ({ kind: d.kind, months: checkInt(`input.duties[${i}].months`, d.months, 1, 120) }));
  const twice = terms.findIndex((t, i) => terms.findIndex((u) => u.kind === t.kind) !== i);
  if (twice >= 0) throw HubError.badInput(`input.duties[${twice}]`, "each kind of duty once");
  for (const rule of law) {
    const term = terms.find((t) => t.kind === rule.kind);
    if (!term || term.months < rule.months) throw HubError.badInput("input.duties", `${instrument} carries ${rule.kind} for at least ${rule.months} months (${rule.legalBasis})`);
  }
  return terms;
}

@Resolver(() => InstrumentCall)
export class InstrumentMutations {
  @Authorized("partner")
  @Mutation(() => InstrumentCall, { description: "The caller's partner (a labour office) announces a call for an instrument, with its budget, cap per agreement, dates, groups, places and duties." })
  async announceInstrumentCall(@Arg("input", () => InstrumentCallInput, { description: "The call." }) input: InstrumentCallInput, @Ctx() ctx: HubContext<Loaders>): Promise<InstrumentCall> {
    const providerId = callerPartnerId(ctx);
    if (!CALL_INSTRUMENTS.includes(input.instrument)) throw HubError.badInput("input.instrument", `an instrument given under an agreement: one of ${CALL_INSTRUMENTS.join(", ")}`);
    checkOrder("input.opensOn", input.opensOn, "input.closesOn", input.closesOn);
    const budget = checkAmount("input.budget", input.budget, 1e11);
    const cap = checkAmount("input.capPerAgreement", input.capPerAgreement, 1e9);
    if (moneyCents(cap) === 0n || moneyCents(cap) > moneyCents(budget)) throw HubError.badInput("input.capPerAgreement", "from 0.01 to the budget");
    const data = {
      providerId,
      reference: checkText("input.reference", input.reference, 3, 100),
      title: checkText("input.title", input.title, 5, 300),
      description: optionalText("input.description", input.description, 10_000),
      instrument: checkSupportForm("input.instrument", input.instrument, input.opensOn),
      fundingSource: input.fundingSource,
      budget,
      capPerAgreement: cap,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      targetGroups: checkTargetGroups("input.targetGroups", input.targetGroups, 1, 18, input.opensOn),
      municipalityCodes: checkSet("input.municipalityCodes", input.municipalityCodes, 1, 20).map((c, i) => checkGmina(`input.municipalityCodes[${i}]`, c)),
      dutyTerms: dutyTerms(input.instrument, input.duties),
    };
    return write(ctx, async (w) => {
      if (await w.tx.count(InstrumentCall, { reference: data.reference })) throw HubError.badInput("input.reference", "another call has this reference");
      return w.create(InstrumentCall, data, CALL);
    });
  }

  @Authorized("partner")
  @Mutation(() => InstrumentAgreement, { description: "The call's provider records an agreement it signed under the call; its duties start with it. Its sum is at most the cap, and the call's agreements never add up past its budget (CONFLICT, reason CALL_EXHAUSTED, with what is left)." })
  async signInstrumentAgreement(
    @Arg("callId", () => ID, { description: "The call." }) callId: string,
    @Arg("input", () => InstrumentAgreementInput, { description: "The agreement." }) input: InstrumentAgreementInput,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<InstrumentAgreement> {
    const employer = input.beneficiaryKind === BeneficiaryKind.EMPLOYER;
    const nip = input.employerNip ? parseNip(input.employerNip) : null;
    if (employer && !nip) throw HubError.badInput("input.employerNip", "an employer's agreement names the employer's NIP");
    if (nip && !nip.ok) throw HubError.badInput("input.employerNip", nip.reason);
    if (!employer && nip) throw HubError.badInput("input.employerNip", "a person's agreement names no employer");
    if (employer && input.caseReference) throw HubError.badInput("input.caseReference", "an employer's agreement is public: no case reference");
    if (!employer && input.postsCreated != null) throw HubError.badInput("input.postsCreated", "for an employer's agreement only");
    const amount = checkAmount("input.amount", input.amount, 1e9);
    if (moneyCents(amount) === 0n) throw HubError.badInput("input.amount", "more than 0");
    const dutiesFrom = input.dutiesFrom ?? input.signedOn;
    checkOrder("input.signedOn", input.signedOn, "input.dutiesFrom", dutiesFrom);
    if (input.signedOn > today()) throw HubError.badInput("input.signedOn", "not in the future: an agreement is recorded once signed");
    const data = {
      number: checkText("input.number", input.number, 1, 60),
      beneficiaryKind: input.beneficiaryKind,
      employerNip: nip?.ok ? nip.value : null,
      caseReference: employer ? null : checkText("input.caseReference", input.caseReference ?? "", 3, 60),
      municipalityCode: checkGmina("input.municipalityCode", input.municipalityCode),
      amount,
      signedOn: input.signedOn,
      dutiesFrom,
      postsCreated: input.postsCreated == null ? null : checkInt("input.postsCreated", input.postsCreated, 1, 100),
    };
    return write(ctx, async (w) => {
      // the call's row is locked while its agreements are added up: two signed at once cannot both pass the budget
      const call = await w.loadOwned(InstrumentCall, checkId("callId", callId), { ...CALL, lock: true });
      if (data.signedOn < isoDay(call.opensOn)) throw HubError.badInput("input.signedOn", `on or after the call opened (${isoDay(call.opensOn)})`);
      if (!call.municipalityCodes.includes(data.municipalityCode)) throw HubError.badInput("input.municipalityCode", `one of the call's: ${call.municipalityCodes.join(", ")}`);
      if (moneyCents(amount) > moneyCents(call.capPerAgreement)) throw HubError.badInput("input.amount", `at most the call's cap (${call.capPerAgreement} PLN)`);
      if (await w.tx.count(InstrumentAgreement, { call, number: data.number })) throw HubError.badInput("input.number", "another agreement of the call has this number");
      const signed = await w.tx.find(InstrumentAgreement, { call }, { fields: ["amount"] });
      const left = moneyCents(call.budget) - signed.reduce((s, a) => s + moneyCents(a.amount), 0n);
      if (moneyCents(amount) > left) throw new HubError("CONFLICT", `${amount} PLN is more than the ${centsToMoney(left)} PLN left in the call`, { reason: "CALL_EXHAUSTED", left: centsToMoney(left) });
      const agreement = w.create(InstrumentAgreement, { ...data, call }, AGREEMENT);
      for (const term of call.dutyTerms) {
        w.create(InstrumentDuty, { agreement, kind: term.kind, months: term.months, dueOn: lastDayOf(dutiesFrom, term.months) }, DUTY);
      }
      return agreement;
    });
  }

  @Authorized("partner")
  @Mutation(() => InstrumentDuty, { description: "The call's provider records how a duty ended: FULFILLED (on or after its last day), or BROKEN (on the day it was found, with the sum to be returned, at most the agreement's). A settled duty is not settled again (CONFLICT, reason DUTY_SETTLED)." })
  async settleInstrumentDuty(
    @Arg("id", () => ID, { description: "The duty." }) id: string,
    @Arg("version", () => Int, { description: "The version read." }) version: number,
    @Arg("status", () => DutyStatus, { description: "FULFILLED or BROKEN." }) status: DutyStatus,
    @Arg("on", () => DateScalar, { description: "The day it was found kept or broken." }) on: string,
    @Ctx() ctx: HubContext<Loaders>,
    @Arg("refund", () => MoneyScalar, { nullable: true, description: "For a broken duty, the sum to be returned, in PLN." }) refund?: string | null,
    @Arg("note", () => String, { nullable: true, description: "How it was checked or broken, at most 2,000 characters." }) note?: string | null,
  ): Promise<InstrumentDuty> {
    if (status === DutyStatus.RUNNING) throw HubError.badInput("status", "FULFILLED or BROKEN");
    if (on > today()) throw HubError.badInput("on", "not in the future");
    const returned = refund == null ? null : checkAmount("refund", refund, 1e9);
    if (status === DutyStatus.FULFILLED && returned !== null) throw HubError.badInput("refund", "a kept duty returns nothing");
    if (status === DutyStatus.BROKEN && returned === null) throw HubError.badInput("refund", "a broken duty states the sum to be returned (0.00 when none)");
    const text = optionalText("note", note, 2000);
    return write(ctx, async (w) => {
      const duty = await w.loadOwned(InstrumentDuty, checkId("id", id), { ...DUTY, version, populate: ["agreement", "agreement.call"] });
      if (duty.status !== DutyStatus.RUNNING) throw new HubError("CONFLICT", `The duty was already found ${duty.status.toLowerCase()} on ${duty.settledOn}`, { reason: "DUTY_SETTLED", status: duty.status });
      if (on < isoDay(duty.agreement.dutiesFrom)) throw HubError.badInput("on", `on or after the duty started (${isoDay(duty.agreement.dutiesFrom)})`);
      if (status === DutyStatus.FULFILLED && on < isoDay(duty.dueOn)) throw HubError.badInput("on", `a duty is kept once its period is over (${isoDay(duty.dueOn)})`);
      if (returned !== null && moneyCents(returned) > moneyCents(duty.agreement.amount)) throw HubError.badInput("refund", `at most the agreement's ${duty.agreement.amount} PLN`);
      return w.update(duty, { status, settledOn: on, refund: returned, note: text }, { ...DUTY, action: AuditAction.DECIDE, reason: text });
    });
  }
}
