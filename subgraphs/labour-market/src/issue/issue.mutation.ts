import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from "type-graphql";
import {
  AuditAction, HubError, MissionArea, TargetGroup, audit, callerPartnerId, checkGmina, checkId, checkInt, checkSet, checkText, checkVersion, createOwned,
  optionalText, requireCoordinator, writeTransaction, type HubContext,
} from "@bdp/kit";
import { IssueStatus, LabourMarketIssue, PriorityVote } from "./issue.entity.js";
import type { Loaders } from "../loaders.js";

@InputType({ description: "A labour-market issue a partner proposes for the partnership's agenda." })
export class IssueProposalInput {
  @Field({ description: "Short statement, 5 to 300 characters." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Diagnosis, at most 10,000 characters." })
  description?: string | null;

  @Field(() => MissionArea, { description: "Mission line." })
  area!: MissionArea;

  @Field(() => [TargetGroup], { description: "1 to 14 affected groups." })
  affectedGroups!: TargetGroup[];

  @Field(() => [String], { description: "1 to 20 TERYT gmina codes it concerns." })
  municipalityCodes!: string[];
}

const today = () => new Date().toISOString().slice(0, 10);

@Resolver(() => LabourMarketIssue)
export class LabourMarketIssueMutations {
  @Authorized("partner")
  @Mutation(() => LabourMarketIssue, { description: "Proposes an issue; the caller's partner is recorded as having raised it." })
  proposeIssue(@Arg("input", () => IssueProposalInput, { description: "The proposal." }) input: IssueProposalInput, @Ctx() ctx: HubContext<Loaders>) {
    const raisedById = callerPartnerId(ctx);
    const data = {
      title: checkText("title", input.title, 5, 300),
      description: optionalText("description", input.description, 10_000),
      area: input.area,
      affectedGroups: checkSet("affectedGroups", input.affectedGroups, 1, 14),
      municipalityCodes: checkSet("municipalityCodes", input.municipalityCodes, 1, 20).map((c, i) => checkGmina(`municipalityCodes[${i}]`, c)),
      status: IssueStatus.PROPOSED,
      raisedById,
      raisedOn: today(),
    };
    return createOwned(ctx, { entity: LabourMarketIssue, type: "LabourMarketIssue", audited: ["title", "area", "affectedGroups", "municipalityCodes", "status"], ownerPartnerId: raisedById, data });
  }

  @Authorized("coordinator")
  @Mutation(() => LabourMarketIssue, { description: "The coordinator moves an issue on the agenda (accepts, resolves, drops it), with a reason." })
  async setIssueStatus(
    @Arg("id", () => ID, { description: "Issue id." }) id: string,
    @Arg("version", () => Int, { description: "The version the decision is based on." }) version: number,
    @Arg("status", () => IssueStatus, { description: "New status." }) status: IssueStatus,
    @Arg("reason", { description: "Why, 5 to 2,000 characters." }) reason: string,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<LabourMarketIssue> {
    requireCoordinator(ctx);
    const issueId = checkId("id", id);
    const why = checkText("reason", reason, 5, 2000);
    return writeTransaction(ctx.em, async (tx) => {
      const issue = await tx.findOne(LabourMarketIssue, { id: issueId });
      if (!issue) throw HubError.notFound("LabourMarketIssue", issueId);
      checkVersion(issue, version, "LabourMarketIssue");
      const before = issue.status;
      issue.status = status;
      await tx.flush();
      audit(tx, ctx, { action: AuditAction.DECIDE, entityType: "LabourMarketIssue", entityId: issue.id, ownerPartnerId: issue.raisedById, changes: { status: [before, status] }, reason: why });
      return issue;
    });
  }

  @Authorized("partner")
  @Mutation(() => PriorityVote, { description: "Casts or changes the caller's partner's priority vote on an issue (1 low – 5 most urgent)." })
  async castPriorityVote(
    @Arg("issueId", () => ID, { description: "Issue id." }) issueId: string,
    @Arg("priority", () => Int, { description: "1 (low) to 5 (most urgent)." }) priority: number,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<PriorityVote> {
    const partnerId = callerPartnerId(ctx);
    const id = checkId("issueId", issueId);
    const value = checkInt("priority", priority, 1, 5);
    return writeTransaction(ctx.em, async (tx) => {
      const issue = await tx.findOne(LabourMarketIssue, { id });
      if (!issue) throw HubError.notFound("LabourMarketIssue", id);
      if (issue.status === IssueStatus.RESOLVED || issue.status === IssueStatus.DROPPED) throw new HubError("CONFLICT", `The issue is ${issue.status.toLowerCase()}: votes are closed`);
      let vote = await tx.findOne(PriorityVote, { issue, partnerId });
      const before = vote?.priority ?? null;
      if (vote) tx.assign(vote, { priority: value, votedOn: today() });
      else vote = tx.create(PriorityVote, { issue, partnerId, priority: value, votedOn: today() });
      await tx.flush();
      audit(tx, ctx, { action: before === null ? AuditAction.CREATE : AuditAction.UPDATE, entityType: "PriorityVote", entityId: vote.id, ownerPartnerId: partnerId, changes: { priority: [before, value] } });
      return vote;
    });
  }
}
