import { Arg, Args, Authorized, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/postgresql";
import {
  AuditAction, ConnectionType, DateScalar, HubError, MoneyScalar, PageArgs, callerPartnerId, centsToMoney, checkAmount, checkId, checkList, checkOrder, checkText, isoDay, moneyCents, openOn,
  paginate, partnerRef, today, write, type Audited, type HubContext, type PartnerRef as PartnerRefShape,
} from "@bdp/kit/server";
import { FundingSource } from "@bdp/kit/domain";
import { PartnerRef } from "../references/reference.types.js";
import { Initiative, InitiativeStatus } from "./initiative.entity.js";
import { FundingApplication, FundingApplicationStatus, FundingCall } from "./funding.entity.js";
import { requireStatus } from "./lifecycle.js";
import { ledBy } from "./initiative.mutation.js";
import type { Loaders } from "../loaders.js";

export const FundingCallConnection = ConnectionType(FundingCall, "FundingCall", "fundingCalls");

@InputType({ description: "A call for funding, as its funder announced it." })
export class FundingCallInput {
  @Field({ description: "The call's reference, 3 to 100 characters, unique." })
  reference!: string;

  @Field({ description: "Title, 5 to 300 characters." })
  title!: string;

  @Field(() => FundingSource, { description: "The fund." })
  source!: FundingSource;

  @Field({ description: "The programme or budget line, 3 to 300 characters." })
  programme!: string;

  @Field(() => DateScalar, { description: "First day applications are taken." })
  opensOn!: string;

  @Field(() => DateScalar, { description: "Last day applications are taken." })
  closesOn!: string;

  @Field(() => MoneyScalar, { nullable: true, description: "What the call has to give, in PLN." })
  available?: string | null;
}

@InputType({ description: "Which calls; all given conditions apply together." })
export class FundingCallFilter {
  @Field(() => Boolean, { nullable: true, description: "Open on the day asked (`openOn`, today by default): true for open calls, false for the others." })
  open?: boolean;

  @Field(() => DateScalar, { nullable: true, description: "The day `open` is about." })
  openOn?: string;

  @Field(() => [FundingSource], { nullable: true, description: "Of any of these funds." })
  sources?: FundingSource[];
}

const CALL: Audited<FundingCall> = { type: "FundingCall", audited: ["reference", "source", "opensOn", "closesOn", "available"], owner: (c) => c.ownerPartnerId };
/** An application is the lead's to submit and withdraw, and the call's recorder's to decide. */
const APPLICATION: Audited<FundingApplication> = { type: "FundingApplication", audited: ["requested", "status", "granted"], owner: (a) => a.initiative.leadPartnerId };
const DECISION: Audited<FundingApplication> = { ...APPLICATION, owner: (a) => a.call.ownerPartnerId };

@Resolver(() => FundingCall)
export class FundingMutations {
  @Authorized("partner")
  @Mutation(() => FundingCall, { description: "A partner records a call for funding: one it runs (a labour office's KFS call), or an outside funder's that it applies to. It records the decisions on the call's applications." })
  announceFundingCall(@Arg("input", () => FundingCallInput, { description: "The call." }) input: FundingCallInput, @Ctx() ctx: HubContext<Loaders>): Promise<FundingCall> {
    const ownerPartnerId = callerPartnerId(ctx);
    checkOrder("input.opensOn", input.opensOn, "input.closesOn", input.closesOn);
    const data = {
      reference: checkText("input.reference", input.reference, 3, 100), title: checkText("input.title", input.title, 5, 300), source: input.source,
      programme: checkText("input.programme", input.programme, 3, 300), opensOn: input.opensOn, closesOn: input.closesOn,
      available: input.available == null ? null : checkAmount("input.available", input.available, 1e11), ownerPartnerId,
    };
    return write(ctx, async (w) => {
      const call = w.create(FundingCall, data, CALL);
      w.publish({
        type: "FUNDING_CALL_ANNOUNCED", subjectType: "FundingCall", subjectId: call.id, public: true,
        title: `Nabór ${data.reference}: ${data.title} (${data.opensOn} – ${data.closesOn})`,
        data: () => ({ callId: call.id, reference: data.reference, source: data.source, programme: data.programme, opensOn: data.opensOn, closesOn: data.closesOn, available: data.available }),
      });
      return call;
    });
  }

  @Authorized("partner")
  @Mutation(() => FundingApplication, { description: "The lead applies to an open call for its initiative (not COMPLETED or CANCELLED), once per call, for at most its budget and what the call has." })
  applyForFunding(
    @Arg("callId", () => ID, { description: "The call." }) callId: string,
    @Arg("initiativeId", () => ID, { description: "The initiative." }) initiativeId: string,
    @Arg("requested", () => MoneyScalar, { description: "What is asked for, in PLN, more than 0." }) requested: string,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<FundingApplication> {
    const amount = checkAmount("requested", requested, 1e11);
    if (moneyCents(amount) === 0n) throw HubError.badInput("requested", "must be more than 0");
    return write(ctx, async (w) => {
      const initiative: Initiative = await ledBy(w, initiativeId);
      requireStatus(initiative.status, [InitiativeStatus.PLANNED, InitiativeStatus.AGREED, InitiativeStatus.RUNNING], "applying for funding");
      const call = await w.load(FundingCall, checkId("callId", callId), { type: "FundingCall" });
      const on = today();
      if (on < isoDay(call.opensOn) || on > isoDay(call.closesOn)) {
        throw new HubError("CONFLICT", `The call takes applications from ${isoDay(call.opensOn)} to ${isoDay(call.closesOn)}`, { reason: "CALL_CLOSED" });
      }
      if (moneyCents(amount) > moneyCents(initiative.totalBudget)) throw HubError.badInput("requested", `more than the initiative's budget (${initiative.totalBudget} PLN)`);
      if (call.available !== null && moneyCents(amount) > moneyCents(call.available)) throw HubError.badInput("requested", `more than the call has (${call.available} PLN)`);
      return w.create(FundingApplication, { call, initiative, requested: amount, submittedOn: on }, APPLICATION);
    });
  }

  @Authorized("partner")
  @Mutation(() => FundingApplication, { description: "The partner that recorded the call records the decision on an application: granted (at most what was asked; all grants of a call at most what it has: CONFLICT, reason CALL_EXHAUSTED) or rejected (`granted` null), with the reason." })
  decideFundingApplication(
    @Arg("id", () => ID, { description: "The application." }) id: string,
    @Arg("version", () => Int, { description: "The version read." }) version: number,
    @Arg("granted", () => MoneyScalar, { nullable: true, description: "What is granted, in PLN; null to reject." }) granted: string | null,
    @Arg("reason", { description: "The reason, 5 to 2,000 characters." }) reason: string,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<FundingApplication> {
    const why = checkText("reason", reason, 5, 2000);
    const amount = granted == null ? null : checkAmount("granted", granted, 1e11);
    return write(ctx, async (w) => {
      const application = await w.loadOwned(FundingApplication, checkId("id", id), { ...DECISION, version, populate: ["call", "initiative"] });
      if (application.status !== FundingApplicationStatus.SUBMITTED) throw new HubError("CONFLICT", `The application was already ${application.status.toLowerCase()}`, { reason: "APPLICATION_STATUS", status: application.status });
      if (amount !== null) {
        if (moneyCents(amount) === 0n || moneyCents(amount) > moneyCents(application.requested)) throw HubError.badInput("granted", `from 0.01 to what was asked (${application.requested} PLN)`);
        // the call's row is locked while its grants are added up: two decisions at once cannot both pass
        const call = await w.load(FundingCall, application.call.id, { type: "FundingCall", lock: true });
        if (call.available !== null) {
          const grants = await w.tx.find(FundingApplication, { call, status: FundingApplicationStatus.GRANTED }, { fields: ["granted"] });
          const left = moneyCents(call.available) - grants.reduce((s, g) => s + moneyCents(g.granted!), 0n);
          if (moneyCents(amount) > left) throw new HubError("CONFLICT", `${amount} PLN is more than the ${centsToMoney(left)} PLN left in the call`, { reason: "CALL_EXHAUSTED", left: centsToMoney(left) });
        }
      }
      const status = amount === null ? FundingApplicationStatus.REJECTED : FundingApplicationStatus.GRANTED;
      w.publish({
        type: "FUNDING_APPLICATION_DECIDED", subjectType: "FundingApplication", subjectId: application.id, public: true, partnerIds: [application.initiative.leadPartnerId],
        title: `${application.call.reference}: ${application.initiative.title} – ${status === FundingApplicationStatus.GRANTED ? `przyznano ${amount} PLN` : "wniosek odrzucony"}`,
        data: { applicationId: application.id, callId: application.call.id, reference: application.call.reference, initiativeId: application.initiative.id, status, requested: application.requested, granted: amount, reason: why },
      });
      return w.update(application, { status, granted: amount, decidedOn: today(), decisionReason: why }, { ...DECISION, action: AuditAction.DECIDE, reason: why });
    });
  }

  @Authorized("partner")
  @Mutation(() => FundingApplication, { description: "The lead withdraws its application before the decision, with the reason." })
  withdrawFundingApplication(
    @Arg("id", () => ID, { description: "The application." }) id: string,
    @Arg("version", () => Int, { description: "The version read." }) version: number,
    @Arg("reason", { description: "Why, 5 to 2,000 characters." }) reason: string,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<FundingApplication> {
    const why = checkText("reason", reason, 5, 2000);
    return write(ctx, async (w) => {
      const application = await w.loadOwned(FundingApplication, checkId("id", id), { ...APPLICATION, version, populate: ["initiative"] });
      if (application.status !== FundingApplicationStatus.SUBMITTED) throw new HubError("CONFLICT", `The application was already ${application.status.toLowerCase()}`, { reason: "APPLICATION_STATUS", status: application.status });
      return w.update(application, { status: FundingApplicationStatus.WITHDRAWN, decidedOn: today(), decisionReason: why }, { ...APPLICATION, action: AuditAction.DECIDE, reason: why });
    });
  }
}

@Resolver(() => FundingCall)
export class FundingCallResolver {
  @Query(() => FundingCallConnection, { description: "Calls for funding the partners recorded, closing last first, paginated by cursor." })
  fundingCalls(@Ctx() ctx: HubContext<Loaders>, @Args() page: PageArgs, @Arg("filter", () => FundingCallFilter, { nullable: true, description: "Which calls." }) filter?: FundingCallFilter) {
    const where: Record<string, unknown> = {};
    const sources = checkList("filter.sources", filter?.sources);
    if (sources?.length) where.source = { $in: sources };
    if (filter?.open != null) Object.assign(where, openOn(filter.open, filter.openOn ?? today()));
    return paginate(ctx.em, FundingCall, where as FilterQuery<FundingCall>, { closesOn: "desc" }, page);
  }

  @FieldResolver(() => PartnerRef, { nullable: true, description: "The partner that recorded the call and records its decisions." })
  recordedBy(@Root() call: FundingCall): PartnerRefShape {
    return partnerRef(call.ownerPartnerId);
  }

  @FieldResolver(() => [FundingApplication], { description: "The partnership's applications to it." })
  applications(@Root() call: FundingCall, @Ctx() ctx: HubContext<Loaders>): Promise<FundingApplication[]> {
    return ctx.loaders.applicationsByCall.load(call.id);
  }
}

@Resolver(() => FundingApplication)
export class FundingApplicationResolver {
  @FieldResolver(() => FundingCall, { description: "The call." })
  async call(@Root() application: FundingApplication, @Ctx() ctx: HubContext<Loaders>): Promise<FundingCall> {
    return (await ctx.loaders.fundingCall.load(application.call.id))!;
  }

  @FieldResolver(() => Initiative, { description: "The initiative it is for." })
  async initiative(@Root() application: FundingApplication, @Ctx() ctx: HubContext<Loaders>): Promise<Initiative> {
    return (await ctx.loaders.initiative.load(application.initiative.id))!;
  }
}
