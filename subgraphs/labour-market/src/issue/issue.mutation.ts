import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from "type-graphql";
import {
  AuditAction, HubError, callerPartnerId, checkGmina, checkId, checkInt, checkSet, checkTargetGroups, checkText, optionalText, requireCoordinator, today, write, type Audited, type HubContext,
} from "@bdp/kit/server";
import { MissionArea, TargetGroup } from "@bdp/kit/domain";
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

  @Field(() => [TargetGroup], { description: "1 to 18 affected groups, in force today." })
  affectedGroups!: TargetGroup[];

  @Field(() => [String], { description: "1 to 20 TERYT gmina codes it concerns." })
  municipalityCodes!: string[];
}

const ISSUE: Audited<LabourMarketIssue> = { type: "LabourMarketIssue", audited: ["title", "area", "affectedGroups", "municipalityCodes", "status"], owner: (i) => i.raisedById };
const VOTE: Audited<PriorityVote> = { type: "PriorityVote", audited: ["priority"], owner: (v) => v.partnerId };

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
      affectedGroups: checkTargetGroups("affectedGroups", input.affectedGroups, 1, 18, today()),
      municipalityCodes: checkSet("municipalityCodes", input.municipalityCodes, 1, 20).map((c, i) => checkGmina(`municipalityCodes[${i}]`, c)),
      status: IssueStatus.PROPOSED,
      raisedById,
      raisedOn: today(),
    };
    return write(ctx, async (w) => w.create(LabourMarketIssue, data, ISSUE));
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
    return write(ctx, async (w) => {
      const issue = await w.load(LabourMarketIssue, issueId, ISSUE);
      w.version(issue, version, ISSUE.type);
      return w.update(issue, { status }, { ...ISSUE, audited: ["status"], action: AuditAction.DECIDE, reason: why });
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
    return write(ctx, async (w) => {
      const issue = await w.load(LabourMarketIssue, id, ISSUE);
      if (issue.status === IssueStatus.RESOLVED || issue.status === IssueStatus.DROPPED) throw new HubError("CONFLICT", `The issue is ${issue.status.toLowerCase()}: votes are closed`);
      // one vote per partner: cast, or changed
      const vote = await w.tx.findOne(PriorityVote, { issue, partnerId });
      return vote ? w.update(vote, { priority: value, votedOn: today() }, VOTE) : w.create(PriorityVote, { issue, partnerId, priority: value, votedOn: today() }, VOTE);
    });
  }
}
