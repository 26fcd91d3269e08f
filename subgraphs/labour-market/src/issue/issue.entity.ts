import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from "@mikro-orm/core";
import { Directive, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, HubRecord } from "@bdp/kit/server";
import { MissionArea, TargetGroup } from "@bdp/kit/domain";

export enum IssueStatus {
  PROPOSED = "PROPOSED",
  ACCEPTED = "ACCEPTED",
  IN_PROGRESS = "IN_PROGRESS",
  RESOLVED = "RESOLVED",
  DROPPED = "DROPPED",
}
registerEnumType(IssueStatus, {
  name: "IssueStatus",
  description: "Where a labour-market issue stands in the partnership's agenda.",
  valuesConfig: {
    PROPOSED: { description: "Raised by a partner, not yet accepted." },
    ACCEPTED: { description: "Accepted as a key issue to solve." },
    IN_PROGRESS: { description: "Initiatives address it." },
    RESOLVED: { description: "Its targets were met." },
    DROPPED: { description: "No longer pursued." },
  },
});

@Entity({ tableName: "labour_market_issue" })
@Index({ properties: ["raisedOn", "id"] })
@Index({ properties: ["title", "id"] })
@Directive('@key(fields: "id")')
@ObjectType({ description: "A key local labour-market issue the partnership chose to solve (kluczowy problem rynku pracy)." })
export class LabourMarketIssue extends HubRecord<"status" | "description" | "acceptedBy"> {
  @Property({ length: 300 })
  @Field({ description: "Short statement of the issue." })
  title!: string;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Diagnosis: causes, scale, evidence." })
  description: string | null = null;

  @Enum({ items: () => MissionArea })
  @Field(() => MissionArea, { description: "The mission line it belongs to." })
  area!: MissionArea;

  @Enum({ items: () => TargetGroup, array: true })
  @Field(() => [TargetGroup], { description: "Groups affected." })
  affectedGroups!: TargetGroup[];

  @Property({ type: "text[]" })
  @Index({ type: "gin" })
  municipalityCodes!: string[];

  @Enum({ items: () => IssueStatus })
  @Index()
  @Field(() => IssueStatus, { description: "Where the issue stands." })
  status: IssueStatus = IssueStatus.PROPOSED;

  @Property({ type: "uuid" })
  @Index()
  raisedById!: string;

  @Property({ length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: "The resolution that put it on the partnership's agenda (e.g. \"Uchwała nr 2/2026 (Rada Partnerstwa)\"), when a body did; null when the coordinator accepted it or it is not on the agenda." })
  acceptedBy: string | null = null;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "When it was raised." })
  raisedOn!: string;
}

@Entity({ tableName: "priority_vote" })
@Unique({ properties: ["issue", "partnerId"] })
@ObjectType({ description: "A partner's priority vote on an issue: 1 (low) to 5 (most urgent)." })
export class PriorityVote extends HubRecord {
  @ManyToOne(() => LabourMarketIssue, { index: true, deleteRule: "cascade" })
  issue!: Rel<LabourMarketIssue>;

  @Property({ type: "uuid" })
  @Index()
  partnerId!: string;

  @Property({ type: "smallint" })
  @Field(() => Int, { description: "Priority, 1 (low) to 5 (most urgent)." })
  priority!: number;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "When the vote was cast." })
  votedOn!: string;
}
