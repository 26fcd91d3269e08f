import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from "@mikro-orm/core";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, HubRecord } from "@bdp/kit/server";

/**
 * The partnership's bodies and their decisions (issue #15, item 1): the
 * council and working groups, their members and terms, meetings with agenda
 * and attendance, and resolutions with each member's vote. The coordinator
 * records them as a secretariat does; the hub counts the quorum and the
 * majority by the body's stated rules, and a resolution that is adopted takes
 * its effect in the same transaction. All of it is public.
 */

export enum BodyKind {
  COUNCIL = "COUNCIL",
  WORKING_GROUP = "WORKING_GROUP",
}
registerEnumType(BodyKind, {
  name: "BodyKind",
  description: "What kind of body.",
  valuesConfig: {
    COUNCIL: { description: "The partnership's council (rada partnerstwa): decides on membership and the partnership's own matters." },
    WORKING_GROUP: { description: "A working group (zespół roboczy) on one theme: prepares and recommends." },
  },
});

export enum QuorumRule {
  HALF = "HALF",
  TWO_THIRDS = "TWO_THIRDS",
}
registerEnumType(QuorumRule, {
  name: "QuorumRule",
  description: "How many of its members a body needs present to decide.",
  valuesConfig: { HALF: { description: "At least half of the members." }, TWO_THIRDS: { description: "At least two thirds of the members." } },
});

export enum MajorityRule {
  SIMPLE = "SIMPLE",
  ABSOLUTE = "ABSOLUTE",
  TWO_THIRDS = "TWO_THIRDS",
}
registerEnumType(MajorityRule, {
  name: "MajorityRule",
  description: "When a resolution is adopted.",
  valuesConfig: {
    SIMPLE: { description: "Simple majority: more votes for than against (abstentions do not count)." },
    ABSOLUTE: { description: "Absolute majority: more votes for than half of the members present." },
    TWO_THIRDS: { description: "At least two thirds of the members present vote for." },
  },
});

export enum ResolutionEffect {
  NONE = "NONE",
  ADMIT_APPLICANT = "ADMIT_APPLICANT",
  REJECT_APPLICANT = "REJECT_APPLICANT",
  SUSPEND_PARTNER = "SUSPEND_PARTNER",
  REINSTATE_PARTNER = "REINSTATE_PARTNER",
  PUT_ISSUE_ON_AGENDA = "PUT_ISSUE_ON_AGENDA",
  ADOPT_STRATEGY = "ADOPT_STRATEGY",
}
registerEnumType(ResolutionEffect, {
  name: "ResolutionEffect",
  description: "What an adopted resolution does: in the register in the same transaction, or in the subgraph that owns its subject once that subgraph takes it (`Resolution.effectState`). Only a body with the power to take it may.",
  valuesConfig: {
    NONE: { description: "A position, a plan or a report adopted: no change in the register." },
    ADMIT_APPLICANT: { description: "Approves an application to join (`subjectId`): the applicant becomes a partner." },
    REJECT_APPLICANT: { description: "Rejects an application to join (`subjectId`)." },
    SUSPEND_PARTNER: { description: "Suspends a partner's membership (`subjectId`)." },
    REINSTATE_PARTNER: { description: "Reinstates a suspended partner (`subjectId`)." },
    PUT_ISSUE_ON_AGENDA: { description: "Puts a proposed (or dropped) labour-market issue (`subjectId`) on the partnership's agenda: it becomes ACCEPTED. Taken by the labour-market subgraph." },
    ADOPT_STRATEGY: { description: "The partnership adopts a strategy (`subjectId`) as its own frame of work, recorded on the strategy. Taken by the labour-market subgraph." },
  },
});

/** The subgraph that owns the subject of each effect the register does not take itself. */
export const EFFECTS_ELSEWHERE: ReadonlySet<ResolutionEffect> = new Set([ResolutionEffect.PUT_ISSUE_ON_AGENDA, ResolutionEffect.ADOPT_STRATEGY]);

export enum ResolutionEffectState {
  NONE = "NONE",
  APPLIED = "APPLIED",
  PENDING = "PENDING",
  REFUSED = "REFUSED",
}
registerEnumType(ResolutionEffectState, {
  name: "ResolutionEffectState",
  description: "Where a resolution's effect stands.",
  valuesConfig: {
    NONE: { description: "Nothing to take: not adopted, or a resolution without an effect." },
    APPLIED: { description: "Taken: in the register in the resolution's own transaction, or by the subgraph that owns the subject (`effectSettledAt`)." },
    PENDING: { description: "Adopted; the subgraph that owns the subject has not taken it yet (it asks the register every few seconds)." },
    REFUSED: { description: "The owning subgraph could not take it (no such record, or its state does not allow it); `effectNote` says why." },
  },
});

export enum MemberRole {
  CHAIR = "CHAIR",
  VICE_CHAIR = "VICE_CHAIR",
  MEMBER = "MEMBER",
}
registerEnumType(MemberRole, {
  name: "BodyMemberRole",
  description: "A member's role in a body.",
  valuesConfig: { CHAIR: { description: "Chairs it (przewodniczący)." }, VICE_CHAIR: { description: "Deputy chair (wiceprzewodniczący)." }, MEMBER: { description: "Member." } },
});

export enum MeetingStatus {
  CALLED = "CALLED",
  HELD = "HELD",
  CANCELLED = "CANCELLED",
}
registerEnumType(MeetingStatus, {
  name: "MeetingStatus",
  description: "Where a meeting stands.",
  valuesConfig: { CALLED: { description: "Called with its agenda; attendance and resolutions are recorded." }, HELD: { description: "Held and closed with its minutes." }, CANCELLED: { description: "Called off." } },
});

export enum AgendaSubject {
  APPLICATION = "APPLICATION",
  PARTNER = "PARTNER",
  ISSUE = "ISSUE",
  CONSULTATION = "CONSULTATION",
  INITIATIVE = "INITIATIVE",
  STRATEGY = "STRATEGY",
  OTHER = "OTHER",
}
registerEnumType(AgendaSubject, {
  name: "AgendaSubject",
  description: "What an agenda item is about.",
  valuesConfig: {
    APPLICATION: { description: "An application to join (the register's)." },
    PARTNER: { description: "A partner (its membership)." },
    ISSUE: { description: "A labour-market issue." },
    CONSULTATION: { description: "A consultation." },
    INITIATIVE: { description: "An initiative and its agreement." },
    STRATEGY: { description: "A strategy." },
    OTHER: { description: "Anything else (reports, plans, organisation)." },
  },
});

export enum VoteChoice {
  FOR = "FOR",
  AGAINST = "AGAINST",
  ABSTAIN = "ABSTAIN",
}
registerEnumType(VoteChoice, {
  name: "VoteChoice",
  description: "A member's vote.",
  valuesConfig: { FOR: { description: "For (za)." }, AGAINST: { description: "Against (przeciw)." }, ABSTAIN: { description: "Abstains (wstrzymuje się)." } },
});

@Entity({ tableName: "body" })
@ObjectType({ description: "A body of the partnership (the council, a working group), with its rules for deciding." })
export class Body extends HubRecord<"description"> {
  @Property({ length: 200 })
  @Unique()
  @Field({ description: "Name." })
  name!: string;

  @Enum({ items: () => BodyKind })
  @Field(() => BodyKind, { description: "Council or working group." })
  kind!: BodyKind;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "What it is for." })
  description: string | null = null;

  @Enum({ items: () => QuorumRule })
  @Field(() => QuorumRule, { description: "How many members must be present to decide." })
  quorum!: QuorumRule;

  @Enum({ items: () => MajorityRule })
  @Field(() => MajorityRule, { description: "When a resolution is adopted." })
  majority!: MajorityRule;

  @Enum({ items: () => ResolutionEffect, array: true })
  @Field(() => [ResolutionEffect], { description: "The effects its resolutions may take in the register (the council's statute gives it membership; a working group has none)." })
  powers!: ResolutionEffect[];

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "When it was established." })
  establishedOn!: string;
}

@Entity({ tableName: "body_member" })
@Index({ properties: ["body", "partnerId"] })
@ObjectType({ description: "A partner's seat in a body for a term, and who represents it there." })
export class BodyMember extends HubRecord<"representative" | "termTo"> {
  @ManyToOne(() => Body, { index: true, deleteRule: "cascade" })
  body!: Rel<Body>;

  @Property({ type: "uuid" })
  partnerId!: string;

  @Enum({ items: () => MemberRole })
  @Field(() => MemberRole, { description: "Chair, deputy or member." })
  role!: MemberRole;

  @Property({ length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: "The person representing the partner in the body (an office held, public)." })
  representative: string | null = null;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "First day of the term." })
  termFrom!: string;

  @Property({ columnType: "date", type: "string", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Last day of the term; null while it lasts." })
  termTo: string | null = null;
}

@Entity({ tableName: "meeting" })
@Unique({ properties: ["body", "number"] })
@Index({ properties: ["heldOn"] })
@ObjectType({ description: "A meeting of a body: its agenda, who was present, its resolutions and minutes." })
export class Meeting extends HubRecord<"status" | "minutes" | "presentPartnerIds"> {
  @ManyToOne(() => Body, { index: true, deleteRule: "cascade" })
  body!: Rel<Body>;

  @Property({ type: "smallint" })
  @Field(() => Int, { description: "The body's meeting number, 1 for the first." })
  number!: number;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "When it is (was) held." })
  heldOn!: string;

  @Property({ length: 300 })
  @Field({ description: "Where." })
  place!: string;

  @Enum({ items: () => MeetingStatus })
  @Field(() => MeetingStatus, { description: "Called, held or cancelled." })
  status: MeetingStatus = MeetingStatus.CALLED;

  @Property({ type: "uuid[]" })
  presentPartnerIds: string[] = [];

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The minutes (protokół), once held." })
  minutes: string | null = null;
}

@Entity({ tableName: "agenda_item" })
@Unique({ properties: ["meeting", "ordinal"] })
@ObjectType({ description: "An item of a meeting's agenda." })
export class AgendaItem extends HubRecord<"subjectId"> {
  @ManyToOne(() => Meeting, { index: true, deleteRule: "cascade" })
  meeting!: Rel<Meeting>;

  @Property({ type: "smallint" })
  @Field(() => Int, { description: "Its place on the agenda, from 1." })
  ordinal!: number;

  @Property({ length: 300 })
  @Field({ description: "Title." })
  title!: string;

  @Enum({ items: () => AgendaSubject })
  @Field(() => AgendaSubject, { description: "What it is about." })
  subjectType!: AgendaSubject;

  @Property({ type: "uuid", nullable: true })
  @Field(() => String, { nullable: true, description: "The id of what it is about (an application, partner, issue, consultation, initiative or strategy)." })
  subjectId: string | null = null;
}

@Entity({ tableName: "resolution" })
@Unique({ properties: ["body", "number"] })
@ObjectType({ description: "A resolution (uchwała) put to the vote: the votes, the quorum and majority counted by the body's rules, whether it was adopted, and its effect. Public with its reasons and every member's vote." })
export class Resolution extends HubRecord<"agendaItem" | "subjectId" | "effectState" | "effectNote" | "effectSettledAt"> {
  @ManyToOne(() => Body, { index: true, deleteRule: "cascade" })
  body!: Rel<Body>;

  @ManyToOne(() => Meeting, { index: true, deleteRule: "cascade" })
  meeting!: Rel<Meeting>;

  @ManyToOne(() => AgendaItem, { nullable: true, deleteRule: "set null" })
  agendaItem: Rel<AgendaItem> | null = null;

  @Property({ length: 40 })
  @Field({ description: "Its number, per body and year (e.g. 3/2026)." })
  number!: string;

  @Property({ length: 300 })
  @Field({ description: "Title." })
  title!: string;

  @Property({ type: "text" })
  @Field({ description: "The reasons (uzasadnienie)." })
  reasons!: string;

  @Enum({ items: () => ResolutionEffect })
  @Field(() => ResolutionEffect, { description: "What it does if adopted." })
  effect!: ResolutionEffect;

  @Property({ type: "uuid", nullable: true })
  @Field(() => String, { nullable: true, description: "The record its effect is about: an application, a partner, an issue or a strategy." })
  subjectId: string | null = null;

  @Enum({ items: () => ResolutionEffectState, default: ResolutionEffectState.NONE })
  @Index()
  @Field(() => ResolutionEffectState, { description: "Where its effect stands: taken at once in the register, or pending until the subgraph that owns the subject takes it." })
  effectState: ResolutionEffectState = ResolutionEffectState.NONE;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "What the owning subgraph said when it took or refused the effect." })
  effectNote: string | null = null;

  @Property({ type: "timestamptz", nullable: true })
  @Field(() => Date, { nullable: true, description: "When the effect was taken or refused elsewhere; null for the register's own effects (taken with the resolution) and while pending." })
  effectSettledAt: Date | null = null;

  @Property({ type: "smallint" })
  @Field(() => Int, { description: "Members of the body on the meeting's date." })
  membersTotal!: number;

  @Property({ type: "smallint" })
  @Field(() => Int, { description: "Members present." })
  membersPresent!: number;

  @Property({ type: "smallint" })
  @Field(() => Int, { description: "Votes for." })
  votesFor!: number;

  @Property({ type: "smallint" })
  @Field(() => Int, { description: "Votes against." })
  votesAgainst!: number;

  @Property({ type: "smallint" })
  @Field(() => Int, { description: "Abstentions." })
  abstentions!: number;

  @Property()
  @Field({ description: "Whether it was adopted (by the body's majority rule)." })
  adopted!: boolean;
}

@Entity({ tableName: "resolution_vote" })
@Unique({ properties: ["resolution", "partnerId"] })
@ObjectType({ description: "One member's vote on a resolution (roll-call votes are public)." })
export class ResolutionVote extends HubRecord {
  @ManyToOne(() => Resolution, { index: true, deleteRule: "cascade" })
  resolution!: Rel<Resolution>;

  @Property({ type: "uuid" })
  partnerId!: string;

  @Enum({ items: () => VoteChoice })
  @Field(() => VoteChoice, { description: "For, against or abstaining." })
  choice!: VoteChoice;
}
