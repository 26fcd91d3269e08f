import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import { AuditAction, HubError, checkId, checkText, requireCoordinator, requirePartner, today, write, type Audited, type HubContext, type Writer } from "@bdp/kit/server";
import { Partner, PartnerStatus } from "../partner/partner.entity.js";
import { MembershipChange } from "./membership.entity.js";
import { MEMBERSHIP_STEPS, membershipEvent, type MembershipStep } from "./membership-steps.js";
import type { Loaders } from "../loaders.js";

const MEMBERSHIP: Audited<Partner> = { type: "Partner", audited: ["status", "withdrewOn"], owner: (p) => p.id };

/**
 * Changes a partner's membership, records the step and tells it, in one
 * transaction: a stale version is CONFLICT, a step from a status it does not
 * start from is CONFLICT naming the status.
 */
export async function changeMembership(
  w: Writer,
  step: MembershipStep,
  partner: Partner,
  version: number,
  reason: string,
  decisionReference: string | null,
): Promise<Partner> {
  const { from, to } = MEMBERSHIP_STEPS[step];
  w.version(partner, version, "Partner");
  if (!(from as readonly PartnerStatus[]).includes(partner.status)) {
    throw new HubError("CONFLICT", `The partner is ${partner.status.toLowerCase()}: it cannot ${step} from there`, { status: partner.status });
  }
  const on = today();
  w.update(partner, { status: to, ...(to === PartnerStatus.WITHDRAWN ? { withdrewOn: on } : {}) }, { ...MEMBERSHIP, action: AuditAction.DECIDE, reason });
  w.tx.persist(w.tx.create(MembershipChange, { partnerId: partner.id, status: to, on, reason, decisionReference }));
  const told = membershipEvent(step, partner, { on, reason, decisionReference });
  // the version the step left, once flushed
  w.publish({ ...told, data: () => ({ ...told.data, version: partner.version }) });
  return partner;
}

/**
 * A partner's membership after accession: its own withdrawal, and its
 * suspension and reinstatement by a decision the coordinator records (the
 * resolution's reference is required). A withdrawn partner stays in the
 * register with its history; joining again is a new application.
 */
@Resolver(() => Partner)
export class MembershipMutations {
  @Authorized("partner")
  @Mutation(() => Partner, { description: "The caller's partner withdraws from the declaration (wystąpienie z porozumienia), with its reason. Final: joining again is a new application." })
  async withdrawFromPartnership(
    @Arg("id", () => ID, { description: "Partner id (the caller's)." }) id: string,
    @Arg("version", () => Int, { description: "The version read." }) version: number,
    @Arg("reason", { description: "The reason, 5 to 2,000 characters; public." }) reason: string,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Partner> {
    const partnerId = checkId("id", id);
    requirePartner(ctx, partnerId);
    const why = checkText("reason", reason, 5, 2000);
    return write(ctx, async (w) => changeMembership(w, "withdraw", await w.loadOwned(Partner, partnerId, { ...MEMBERSHIP, lock: true }), version, why, null));
  }

  @Authorized("coordinator")
  @Mutation(() => Partner, { description: "Records the suspension of a partner's membership decided by the partnership's body, with the decision's reference and reason." })
  async suspendPartner(
    @Arg("id", () => ID, { description: "Partner id." }) id: string,
    @Arg("version", () => Int, { description: "The version read." }) version: number,
    @Arg("reason", { description: "The reason, 5 to 2,000 characters; public." }) reason: string,
    @Arg("decisionReference", { description: "The decision it follows, e.g. the resolution's number, 1 to 100 characters." }) decisionReference: string,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Partner> {
    return this.decide(ctx, "suspend", id, version, reason, decisionReference);
  }

  @Authorized("coordinator")
  @Mutation(() => Partner, { description: "Records the reinstatement of a suspended partner decided by the partnership's body, with the decision's reference and reason." })
  async reinstatePartner(
    @Arg("id", () => ID, { description: "Partner id." }) id: string,
    @Arg("version", () => Int, { description: "The version read." }) version: number,
    @Arg("reason", { description: "The reason, 5 to 2,000 characters; public." }) reason: string,
    @Arg("decisionReference", { description: "The decision it follows, e.g. the resolution's number, 1 to 100 characters." }) decisionReference: string,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Partner> {
    return this.decide(ctx, "reinstate", id, version, reason, decisionReference);
  }

  private decide(ctx: HubContext<Loaders>, step: "suspend" | "reinstate", id: string, version: number, reason: string, decisionReference: string): Promise<Partner> {
    requireCoordinator(ctx);
    const partnerId = checkId("id", id);
    const why = checkText("reason", reason, 5, 2000);
    const decision = checkText("decisionReference", decisionReference, 1, 100);
    return write(ctx, async (w) => changeMembership(w, step, await w.load(Partner, partnerId, { type: "Partner", lock: true }), version, why, decision));
  }

  @FieldResolver(() => [MembershipChange], { description: "The partner's membership changes after accession (withdrawal, suspension, reinstatement), oldest first." })
  membershipHistory(@Root() partner: Partner, @Ctx() ctx: HubContext<Loaders>): Promise<MembershipChange[]> {
    return ctx.loaders.membershipByPartner.load(partner.id);
  }
}
