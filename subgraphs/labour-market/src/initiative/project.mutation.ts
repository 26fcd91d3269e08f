import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from "type-graphql";
import {
  AuditAction, DateScalar, HubError, MoneyScalar, callerPartnerId, centsToMoney, checkAmount, checkGmina, checkId, checkNotFuture, checkOrder, checkSet, checkText, isoDay, moneyCents, optionalText, today, write,
  type Audited, type HubContext, type Writer,
} from "@bdp/kit/server";
import { FundingSource, MissionArea } from "@bdp/kit/domain";
import { AgreementParticipant, Initiative, InitiativeStatus, ParticipantRole, PartStatus } from "./initiative.entity.js";
import { AgreementAnnex, Expenditure, FundingShare } from "./money.entity.js";
import { CHANGEABLE, STATUS_CHANGES, coverage, requireCovered, requireStatus } from "./lifecycle.js";
import { INITIATIVE, PART, ledBy } from "./initiative.mutation.js";
import { LabourMarketIssue } from "../issue/issue.entity.js";
import type { Loaders } from "../loaders.js";

/**
 * Projects with their money (issue #15, item 2): an initiative's lifecycle,
 * its signed agreement and annexes, funding shares reconciled with the budget,
 * parts declined or withdrawn, and spending against the budget. The rules of
 * what may change when are in lifecycle.ts.
 */

@InputType({ description: "Changes to an initiative; fields left out stay. Dates, budget and main funding source change only while PLANNED (after signing, by `amendAgreement`)." })
export class InitiativeChanges {
  @Field(() => String, { nullable: true, description: "Title, 5 to 300 characters." })
  title?: string | null;

  @Field(() => String, { nullable: true, description: "What it does, at most 10,000 characters; an empty text clears it." })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "The issue it addresses." })
  issueId?: string | null;

  @Field(() => [MissionArea], { nullable: true, description: "1 to 11 mission lines." })
  missionAreas?: MissionArea[] | null;

  @Field(() => [String], { nullable: true, description: "1 to 20 TERYT gmina codes." })
  municipalityCodes?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: "Start date." })
  startsOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "End date." })
  endsOn?: string | null;

  @Field(() => FundingSource, { nullable: true, description: "Main funding source." })
  fundingSource?: FundingSource | null;

  @Field(() => MoneyScalar, { nullable: true, description: "Total budget in PLN." })
  totalBudget?: string | null;
}

@InputType({ description: "One source's share in the budget." })
export class FundingShareInput {
  @Field(() => FundingSource, { description: "The fund." })
  source!: FundingSource;

  @Field({ description: "Programme or budget line, 3 to 300 characters." })
  programme!: string;

  @Field(() => String, { nullable: true, description: "Call for proposals or decision, at most 100 characters." })
  callReference?: string | null;

  @Field(() => MoneyScalar, { description: "Amount in PLN, more than 0." })
  amount!: string;
}

@InputType({ description: "An annex to a signed agreement: at least one of the end date, the budget and the funding shares changes." })
export class AgreementAnnexInput {
  @Field(() => DateScalar, { description: "When the annex was signed; not in the future." })
  signedOn!: string;

  @Field({ description: "What it changes and why, 10 to 2,000 characters." })
  summary!: string;

  @Field(() => DateScalar, { nullable: true, description: "The new end date." })
  endsOn?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: "The new total budget in PLN; not below what was spent." })
  totalBudget?: string | null;

  @Field(() => [FundingShareInput], { nullable: true, description: "The funding shares from now on, replacing the old ones." })
  fundingShares?: FundingShareInput[] | null;
}

@InputType({ description: "Money spent on an initiative by the caller's partner." })
export class ExpenditureInput {
  @Field(() => DateScalar, { description: "When it was spent: from the start date, not in the future." })
  spentOn!: string;

  @Field(() => MoneyScalar, { description: "Amount in PLN, more than 0." })
  amount!: string;

  @Field({ description: "Budget category, 3 to 100 characters." })
  category!: string;

  @Field(() => String, { nullable: true, description: "What it paid for, at most 2,000 characters." })
  description?: string | null;
}

const SHARE: Audited<FundingShare> = { type: "FundingShare", audited: ["source", "programme", "callReference", "amount"], owner: (s) => s.initiative.leadPartnerId };
const ANNEX: Audited<AgreementAnnex> = { type: "AgreementAnnex", audited: ["number", "signedOn", "newEndsOn", "newTotalBudget"], owner: (a) => a.initiative.leadPartnerId };
const EXPENDITURE: Audited<Expenditure> = { type: "Expenditure", audited: ["spentOn", "amount", "category"], owner: (e) => e.partnerId };
const OPEN = [InitiativeStatus.PLANNED, InitiativeStatus.AGREED, InitiativeStatus.RUNNING];

/** Checked shares: 1 to 10, each more than 0, no fund and programme twice. */
function checkShares(field: string, shares: readonly FundingShareInput[]) {
  if (shares.length > 10) throw HubError.badInput(field, "at most 10 funding shares", { max: 10 });
  const checked = shares.map((s, i) => ({
    source: s.source,
    programme: checkText(`${field}[${i}].programme`, s.programme, 3, 300),
    callReference: optionalText(`${field}[${i}].callReference`, s.callReference, 100),
    amount: positive(`${field}[${i}].amount`, s.amount),
  }));
  const keys = checked.map((s) => `${s.source}\u0000${s.programme.toLowerCase()}`);
  const twice = keys.findIndex((k, i) => keys.indexOf(k) !== i);
  if (twice >= 0) throw HubError.badInput(`${field}[${twice}]`, "the same fund and programme twice: give one share with the sum");
  return checked;
}

function positive(field: string, value: string): string {
  const amount = checkAmount(field, value);
  if (moneyCents(amount) === 0n) throw HubError.badInput(field, "must be more than 0");
  return amount;
}


/** What was spent on the initiative so far, in grosze, read in the write's transaction. */
async function spentOn(w: Writer, initiative: Initiative): Promise<bigint> {
  return (await w.tx.find(Expenditure, { initiative }, { fields: ["amount"] })).reduce((s, e) => s + moneyCents(e.amount), 0n);
}

/** The initiative's parts and shares, read in the write's transaction. */
async function moneyOf(w: Writer, initiative: Initiative) {
  const [parts, shares] = await Promise.all([w.tx.find(AgreementParticipant, { initiative }), w.tx.find(FundingShare, { initiative })]);
  return { parts, shares };
}

/** Replaces the initiative's funding shares; the shares alone may not exceed the budget. */
async function replaceShares(w: Writer, initiative: Initiative, shares: ReturnType<typeof checkShares>, totalBudget: string, field: string): Promise<void> {
  const sum = shares.reduce((s, x) => s + moneyCents(x.amount), 0n);
  if (sum > moneyCents(totalBudget)) throw HubError.badInput(field, `the funding shares add up to ${centsToMoney(sum)} PLN, more than the budget of ${totalBudget} PLN`);
  // a fund and programme kept is the same row, changed; one dropped is removed; one new is created (no key is ever taken twice)
  const key = (s: { source: FundingSource; programme: string }) => `${s.source}\u0000${s.programme}`;
  const old = new Map((await w.tx.find(FundingShare, { initiative })).map((s) => [key(s), s]));
  for (const share of shares) {
    const kept = old.get(key(share));
    old.delete(key(share));
    if (!kept) w.create(FundingShare, { ...share, initiative }, SHARE);
    else if (kept.amount !== share.amount || kept.callReference !== share.callReference) w.update(kept, { amount: share.amount, callReference: share.callReference }, SHARE);
  }
  for (const dropped of old.values()) w.remove(dropped, SHARE);
}

@Resolver(() => Initiative)
export class ProjectMutations {
  @Authorized("partner")
  @Mutation(() => Initiative, { description: "The lead changes its initiative: anything while PLANNED; after signing, not the dates, budget or main funding source (those change by `amendAgreement`); nothing once COMPLETED or CANCELLED." })
  async updateInitiative(
    @Arg("id", () => ID, { description: "The initiative." }) id: string,
    @Arg("version", () => Int, { description: "The version the change is based on." }) version: number,
    @Arg("changes", () => InitiativeChanges, { description: "What changes." }) changes: InitiativeChanges,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Initiative> {
    const given = Object.entries(changes).filter(([, v]) => v !== undefined && v !== null).map(([k]) => k);
    if (changes.description === null) given.push("description");
    if (!given.length) throw HubError.badInput("changes", "nothing to change");
    return write(ctx, async (w) => {
      const initiative = await ledBy(w, id, version);
      const refused = given.filter((f) => !CHANGEABLE[initiative.status].includes(f));
      if (refused.length) {
        throw new HubError("CONFLICT", `The initiative is ${initiative.status}: ${refused.join(", ")} may not change${initiative.status === InitiativeStatus.AGREED || initiative.status === InitiativeStatus.RUNNING ? " but by an annex (amendAgreement)" : ""}`, { reason: "INITIATIVE_STATUS", status: initiative.status, fields: refused });
      }
      const data: Partial<Initiative> = {};
      if (changes.title != null) data.title = checkText("changes.title", changes.title, 5, 300);
      if (changes.description !== undefined) data.description = optionalText("changes.description", changes.description, 10_000);
      if (changes.issueId != null) {
        const issue = await w.tx.findOne(LabourMarketIssue, { id: checkId("changes.issueId", changes.issueId) });
        if (!issue) throw HubError.badInput("changes.issueId", "no such issue");
        data.issue = issue;
      }
      if (changes.missionAreas != null) data.missionAreas = checkSet("changes.missionAreas", changes.missionAreas, 1, 11);
      if (changes.municipalityCodes != null) data.municipalityCodes = checkSet("changes.municipalityCodes", changes.municipalityCodes, 1, 20).map((c, i) => checkGmina(`changes.municipalityCodes[${i}]`, c));
      if (changes.startsOn != null) data.startsOn = changes.startsOn;
      if (changes.endsOn != null) data.endsOn = changes.endsOn;
      checkOrder("startsOn", data.startsOn ?? initiative.startsOn, "changes.endsOn", data.endsOn ?? initiative.endsOn);
      if (changes.fundingSource != null) data.fundingSource = changes.fundingSource;
      if (changes.totalBudget != null) {
        data.totalBudget = checkAmount("changes.totalBudget", changes.totalBudget);
        const shares = await w.tx.find(FundingShare, { initiative });
        const sum = shares.reduce((s, x) => s + moneyCents(x.amount), 0n);
        if (sum > moneyCents(data.totalBudget)) throw HubError.badInput("changes.totalBudget", `the funding shares already add up to ${centsToMoney(sum)} PLN`);
      }
      return w.update(initiative, data, INITIATIVE);
    });
  }

  @Authorized("partner")
  @Mutation(() => Initiative, { description: "The lead sets the funding shares of a PLANNED initiative, replacing those it had (co-financing: e.g. PFRON plus the county). The shares alone may not exceed the budget; with the confirmed parts' contributions they must cover it exactly before the agreement is signed." })
  async setFundingShares(
    @Arg("initiativeId", () => ID, { description: "The initiative." }) initiativeId: string,
    @Arg("version", () => Int, { description: "The initiative's version the shares are based on." }) version: number,
    @Arg("shares", () => [FundingShareInput], { description: "0 to 10 shares." }) shares: FundingShareInput[],
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Initiative> {
    const checked = checkShares("shares", shares);
    return write(ctx, async (w) => {
      const initiative = await ledBy(w, initiativeId, version);
      requireStatus(initiative.status, [InitiativeStatus.PLANNED], "setting the funding shares");
      await replaceShares(w, initiative, checked, initiative.totalBudget, "shares");
      // the shares are part of the initiative: its version moves with them, so two leads' edits cannot both land
      return w.update(initiative, { updatedAt: new Date() }, INITIATIVE);
    });
  }

  @Authorized("partner")
  @Mutation(() => Initiative, { description: "The lead records the signed executive agreement: PLANNED → AGREED. Every part must be answered (confirmed or declined), the lead's and at least one other confirmed, and the funding shares with the confirmed contributions must cover the budget exactly (BAD_USER_INPUT names the figures)." })
  async signAgreement(
    @Arg("initiativeId", () => ID, { description: "The initiative." }) initiativeId: string,
    @Arg("version", () => Int, { description: "The initiative's version." }) version: number,
    @Arg("number", { description: "The agreement's number, 1 to 60 characters." }) number: string,
    @Arg("signedOn", () => DateScalar, { description: "When it was signed; not in the future." }) signedOn: string,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Initiative> {
    const data = { agreementNumber: checkText("number", number, 1, 60), agreementSignedOn: checkNotFuture("signedOn", signedOn), status: InitiativeStatus.AGREED };
    return write(ctx, async (w) => {
      const initiative = await ledBy(w, initiativeId, version);
      requireStatus(initiative.status, [InitiativeStatus.PLANNED], "signing the agreement");
      const { parts, shares } = await moneyOf(w, initiative);
      const unanswered = parts.filter((p) => p.status === PartStatus.PROPOSED);
      if (unanswered.length) throw new HubError("CONFLICT", `${unanswered.length} part(s) of the agreement are not answered yet: each partner confirms or declines its own first`, { reason: "PARTS_UNANSWERED", parts: unanswered.map((p) => p.id) });
      const confirmed = parts.filter((p) => p.status === PartStatus.CONFIRMED);
      if (!confirmed.some((p) => p.role === ParticipantRole.LEAD)) throw new HubError("CONFLICT", "The lead has not confirmed its own part", { reason: "PARTS_UNANSWERED" });
      if (confirmed.length < 2) throw new HubError("CONFLICT", "An executive agreement needs at least one partner besides the lead", { reason: "PARTS_UNANSWERED" });
      requireCovered(coverage(initiative.totalBudget, shares.map((s) => s.amount), parts), "initiativeId", "the budget is not covered");
      w.publish({
        type: "AGREEMENT_SIGNED", subjectType: "Initiative", subjectId: initiative.id, public: true,
        title: `Porozumienie wykonawcze nr ${data.agreementNumber}: ${initiative.title}`,
        data: { initiativeId: initiative.id, title: initiative.title, number: data.agreementNumber, signedOn, totalBudget: initiative.totalBudget, partnerIds: parts.filter((p) => p.status === PartStatus.CONFIRMED).map((p) => p.partnerId) },
      });
      return w.update(initiative, data, { ...INITIATIVE, action: AuditAction.DECIDE, reason: `Porozumienie wykonawcze nr ${data.agreementNumber} z dnia ${signedOn}` });
    });
  }

  @Authorized("partner")
  @Mutation(() => AgreementAnnex, { description: "The lead records an annex to the signed agreement (AGREED or RUNNING): a new end date, budget or funding shares, kept side by side with the old values. After it the budget must again be covered exactly, and not below what was spent." })
  async amendAgreement(
    @Arg("initiativeId", () => ID, { description: "The initiative." }) initiativeId: string,
    @Arg("version", () => Int, { description: "The initiative's version." }) version: number,
    @Arg("input", () => AgreementAnnexInput, { description: "The annex." }) input: AgreementAnnexInput,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<AgreementAnnex> {
    const signedOn = checkNotFuture("input.signedOn", input.signedOn);
    const summary = checkText("input.summary", input.summary, 10, 2000);
    const totalBudget = input.totalBudget == null ? null : checkAmount("input.totalBudget", input.totalBudget);
    const shares = input.fundingShares == null ? null : checkShares("input.fundingShares", input.fundingShares);
    if (input.endsOn == null && totalBudget === null && shares === null) throw HubError.badInput("input", "an annex changes the end date, the budget or the funding shares");
    return write(ctx, async (w) => {
      const initiative = await ledBy(w, initiativeId, version, true);
      requireStatus(initiative.status, [InitiativeStatus.AGREED, InitiativeStatus.RUNNING], "an annex");
      if (initiative.agreementSignedOn && signedOn < isoDay(initiative.agreementSignedOn)) throw HubError.badInput("input.signedOn", `must not be before the agreement (${isoDay(initiative.agreementSignedOn)})`);
      if (input.endsOn != null) checkOrder("startsOn", initiative.startsOn, "input.endsOn", input.endsOn);
      if (totalBudget !== null) {
        const spent = await spentOn(w, initiative);
        if (moneyCents(totalBudget) < spent) throw HubError.badInput("input.totalBudget", `${centsToMoney(spent)} PLN is already spent`);
      }
      const budget = totalBudget ?? initiative.totalBudget;
      if (shares) await replaceShares(w, initiative, shares, budget, "input.fundingShares");
      const { parts, shares: after } = await moneyOf(w, initiative);
      requireCovered(coverage(budget, after.map((s) => s.amount), parts), "input", "after the annex the budget is not covered");
      const previous = await w.tx.count(AgreementAnnex, { initiative });
      const annex = w.create(AgreementAnnex, {
        initiative, number: previous + 1, signedOn, summary,
        previousEndsOn: input.endsOn == null ? null : initiative.endsOn, newEndsOn: input.endsOn ?? null,
        previousTotalBudget: totalBudget === null ? null : initiative.totalBudget, newTotalBudget: totalBudget,
      }, ANNEX);
      w.update(initiative, { endsOn: input.endsOn ?? initiative.endsOn, totalBudget: budget, updatedAt: new Date() }, { ...INITIATIVE, action: AuditAction.DECIDE, reason: `Aneks nr ${previous + 1}: ${summary}` });
      return annex;
    });
  }

  @Authorized("partner")
  @Mutation(() => Initiative, { description: "The lead moves its initiative on: AGREED → RUNNING, RUNNING → COMPLETED, or to CANCELLED from PLANNED, AGREED or RUNNING. The reason is kept in the audit trail." })
  async changeInitiativeStatus(
    @Arg("id", () => ID, { description: "The initiative." }) id: string,
    @Arg("version", () => Int, { description: "The version the change is based on." }) version: number,
    @Arg("status", () => InitiativeStatus, { description: "The new status." }) status: InitiativeStatus,
    @Arg("reason", { description: "Why, 3 to 2,000 characters." }) reason: string,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Initiative> {
    const text = checkText("reason", reason, 3, 2000);
    if (status === InitiativeStatus.AGREED) throw HubError.badInput("status", "an agreement is signed with signAgreement, which checks the parts and the money");
    return write(ctx, async (w) => {
      const initiative = await ledBy(w, id, version);
      requireStatus(initiative.status, Object.entries(STATUS_CHANGES).filter(([, to]) => to.includes(status)).map(([from]) => from as InitiativeStatus), `moving to ${status}`);
      w.publish({
        type: "INITIATIVE_STATUS_CHANGED", subjectType: "Initiative", subjectId: initiative.id, public: true,
        title: `${initiative.title}: ${status}`,
        data: { initiativeId: initiative.id, title: initiative.title, from: initiative.status, status, reason: text },
      });
      return w.update(initiative, { status }, { ...INITIATIVE, action: AuditAction.DECIDE, reason: text });
    });
  }

  @Authorized("partner")
  @Mutation(() => AgreementParticipant, { description: "A partner declines the part proposed to it, before the agreement is signed; the reason is kept." })
  async declineAgreementPart(
    @Arg("id", () => ID, { description: "The agreement part." }) id: string,
    @Arg("version", () => Int, { description: "The version read." }) version: number,
    @Arg("reason", { description: "Why, 3 to 2,000 characters." }) reason: string,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<AgreementParticipant> {
    return leavePart(ctx, id, version, reason, PartStatus.DECLINED);
  }

  @Authorized("partner")
  @Mutation(() => AgreementParticipant, { description: "A partner withdraws the part it confirmed (not the lead); its contribution no longer counts, so the lead covers the budget again by an annex. Not once the initiative is COMPLETED or CANCELLED." })
  async withdrawAgreementPart(
    @Arg("id", () => ID, { description: "The agreement part." }) id: string,
    @Arg("version", () => Int, { description: "The version read." }) version: number,
    @Arg("reason", { description: "Why, 3 to 2,000 characters." }) reason: string,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<AgreementParticipant> {
    return leavePart(ctx, id, version, reason, PartStatus.WITHDRAWN);
  }

  @Authorized("partner")
  @Mutation(() => Expenditure, { description: "A partner with a confirmed part records money it spent on a RUNNING initiative. The spending of all partners may not exceed the budget (CONFLICT, reason BUDGET_EXCEEDED): the initiative's row is locked while it is checked, so two partners spending at once cannot both pass." })
  async recordSpending(
    @Arg("initiativeId", () => ID, { description: "The initiative." }) initiativeId: string,
    @Arg("input", () => ExpenditureInput, { description: "The spending." }) input: ExpenditureInput,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Expenditure> {
    const partnerId = callerPartnerId(ctx);
    const data = {
      spentOn: checkNotFuture("input.spentOn", input.spentOn), amount: positive("input.amount", input.amount),
      category: checkText("input.category", input.category, 3, 100), description: optionalText("input.description", input.description, 2000),
    };
    return write(ctx, async (w) => {
      const initiative = await w.load(Initiative, checkId("initiativeId", initiativeId), { type: "Initiative", lock: true });
      const part = await w.tx.findOne(AgreementParticipant, { initiative, partnerId });
      if (part?.status !== PartStatus.CONFIRMED) throw new HubError("FORBIDDEN", "Only a partner with a confirmed part in the agreement records spending on it");
      requireStatus(initiative.status, [InitiativeStatus.RUNNING], "recording spending");
      if (data.spentOn < isoDay(initiative.startsOn)) throw HubError.badInput("input.spentOn", `must not be before the start (${isoDay(initiative.startsOn)})`);
      const spent = await spentOn(w, initiative);
      const left = moneyCents(initiative.totalBudget) - spent;
      if (moneyCents(data.amount) > left) {
        throw new HubError("CONFLICT", `${data.amount} PLN is more than the ${centsToMoney(left)} PLN left of the budget (${initiative.totalBudget} PLN, ${centsToMoney(spent)} spent)`, { reason: "BUDGET_EXCEEDED", left: centsToMoney(left) });
      }
      return w.create(Expenditure, { ...data, initiative, partnerId }, EXPENDITURE);
    });
  }
}

/** A part declined (while proposed, before signing) or withdrawn (once confirmed, while the initiative is open), by its own partner. */
async function leavePart(ctx: HubContext<Loaders>, id: string, version: number, reason: string, to: PartStatus.DECLINED | PartStatus.WITHDRAWN): Promise<AgreementParticipant> {
  const text = checkText("reason", reason, 3, 2000);
  return write(ctx, async (w) => {
    const part = await w.loadOwned(AgreementParticipant, checkId("id", id), { ...PART, version, populate: ["initiative"] });
    if (part.role === ParticipantRole.LEAD) throw new HubError("CONFLICT", "The lead cannot leave its own initiative: it cancels it instead", { reason: "INITIATIVE_STATUS" });
    const declining = to === PartStatus.DECLINED;
    if (part.status !== (declining ? PartStatus.PROPOSED : PartStatus.CONFIRMED)) {
      throw new HubError("CONFLICT", declining ? `The part is ${part.status}: only a proposed part is declined (a confirmed one is withdrawn)` : `The part is ${part.status}: only a confirmed part is withdrawn`, { reason: "PART_STATUS", status: part.status });
    }
    requireStatus(part.initiative.status, declining ? [InitiativeStatus.PLANNED] : OPEN, declining ? "declining a part" : "withdrawing a part");
    return w.update(part, { status: to, leftOn: today(), leftReason: text }, { ...PART, action: AuditAction.DECIDE, reason: text });
  });
}
