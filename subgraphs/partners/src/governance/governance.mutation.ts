import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from "type-graphql";
import {
  DateScalar, HubError, checkId, checkList, checkNotFuture, checkText, isoDay, optionalText, requireCoordinator, today, write, type Audited, type HubContext, type Writer,
} from "@bdp/kit/server";
import { Partner, PartnerStatus } from "../partner/partner.entity.js";
import { AccessionApplication } from "../application/application.entity.js";
import { decideApplicationIn } from "../application/application.mutation.js";
import { changeMembership } from "../membership/membership.mutation.js";
import { WebhookEventType } from "../webhook/webhook-event.js";
import {
  AgendaItem, AgendaSubject, Body, BodyKind, BodyMember, EFFECTS_ELSEWHERE, MajorityRule, Meeting, MeetingStatus, MemberRole, QuorumRule, Resolution, ResolutionEffect, ResolutionEffectState, ResolutionVote, VoteChoice,
} from "./governance.entity.js";
import { isAdopted, quorumOf } from "./rules.js";
import type { Loaders } from "../loaders.js";

@InputType({ description: "A new body and its rules." })
export class BodyInput {
  @Field({ description: "Name, 3 to 200 characters, unique." })
  name!: string;

  @Field(() => BodyKind, { description: "Council or working group." })
  kind!: BodyKind;

  @Field(() => String, { nullable: true, description: "What it is for, at most 2,000 characters." })
  description?: string | null;

  @Field(() => QuorumRule, { description: "How many members must be present to decide." })
  quorum!: QuorumRule;

  @Field(() => MajorityRule, { description: "When a resolution is adopted." })
  majority!: MajorityRule;

  @Field(() => [ResolutionEffect], { description: "The effects its resolutions may take in the register, as its statute gives them." })
  powers!: ResolutionEffect[];

  @Field(() => DateScalar, { description: "When it was established; not in the future." })
  establishedOn!: string;
}

@InputType({ description: "A partner's seat in a body." })
export class BodyMemberInput {
  @Field(() => ID, { description: "The partner (active)." })
  partnerId!: string;

  @Field(() => MemberRole, { description: "Chair, deputy or member." })
  role!: MemberRole;

  @Field(() => String, { nullable: true, description: "Who represents it (an office held), at most 200 characters." })
  representative?: string | null;

  @Field(() => DateScalar, { description: "First day of the term." })
  termFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: "Last day of the term, if fixed." })
  termTo?: string | null;
}

@InputType({ description: "An item of the agenda." })
export class AgendaItemInput {
  @Field({ description: "Title, 3 to 300 characters." })
  title!: string;

  @Field(() => AgendaSubject, { description: "What it is about." })
  subjectType!: AgendaSubject;

  @Field(() => ID, { nullable: true, description: "The id of what it is about; required but for OTHER. An application or partner must exist in the register." })
  subjectId?: string | null;
}

@InputType({ description: "A meeting called with its agenda." })
export class MeetingInput {
  @Field(() => DateScalar, { description: "When it is held." })
  heldOn!: string;

  @Field({ description: "Where, 3 to 300 characters." })
  place!: string;

  @Field(() => [AgendaItemInput], { description: "1 to 30 items, in order." })
  agenda!: AgendaItemInput[];
}

@InputType({ description: "One member's vote." })
export class VoteInput {
  @Field(() => ID, { description: "The member partner (present at the meeting)." })
  partnerId!: string;

  @Field(() => VoteChoice, { description: "For, against or abstaining." })
  choice!: VoteChoice;
}

@InputType({ description: "A resolution put to the vote at a meeting, with every vote cast." })
export class ResolutionInput {
  @Field(() => Int, { nullable: true, description: "The agenda item it decides (its ordinal)." })
  agendaOrdinal?: number | null;

  @Field({ description: "Title, 5 to 300 characters." })
  title!: string;

  @Field({ description: "The reasons, 10 to 5,000 characters; public." })
  reasons!: string;

  @Field(() => ResolutionEffect, { description: "What it does in the register if adopted." })
  effect!: ResolutionEffect;

  @Field(() => ID, { nullable: true, description: "The application (ADMIT_APPLICANT, REJECT_APPLICANT) or partner (SUSPEND_PARTNER, REINSTATE_PARTNER) it is about." })
  subjectId?: string | null;

  @Field(() => [VoteInput], { description: "Every vote cast, one per member present; a member present who did not vote is left out." })
  votes!: VoteInput[];
}

const BODY: Audited<Body> = { type: "Body", audited: ["name", "kind", "quorum", "majority", "powers"], owner: () => null };
const MEMBER: Audited<BodyMember> = { type: "BodyMember", audited: ["partnerId", "role", "termFrom", "termTo"], owner: () => null };
const MEETING: Audited<Meeting> = { type: "Meeting", audited: ["number", "heldOn", "status", "presentPartnerIds"], owner: () => null };
const AGENDA: Audited<AgendaItem> = { type: "AgendaItem", audited: ["ordinal", "title", "subjectType", "subjectId"], owner: () => null };
const RESOLUTION: Audited<Resolution> = { type: "Resolution", audited: ["number", "title", "effect", "subjectId", "votesFor", "votesAgainst", "abstentions", "adopted", "effectState", "effectNote"], owner: () => null };
const VOTE: Audited<ResolutionVote> = { type: "ResolutionVote", audited: ["partnerId", "choice"], owner: () => null };

/** The body's members on a date: their seats whose term covers it. */
export async function membersOn(w: Pick<Writer, "tx">, body: Body, on: string): Promise<BodyMember[]> {
  return w.tx.find(BodyMember, { body, termFrom: { $lte: on }, $or: [{ termTo: null }, { termTo: { $gte: on } }] });
}

/** What an adopted resolution does to the register, as the decision's own step would. */
async function takeEffect(w: Writer, resolution: Resolution, reference: string): Promise<void> {
  const why = `${reference}: ${resolution.reasons}`;
  switch (resolution.effect) {
    case ResolutionEffect.NONE:
      return;
    case ResolutionEffect.ADMIT_APPLICANT:
    case ResolutionEffect.REJECT_APPLICANT: {
      const application = await w.load(AccessionApplication, resolution.subjectId!, { type: "AccessionApplication", lock: true });
      decideApplicationIn(w, application, resolution.effect === ResolutionEffect.ADMIT_APPLICANT, why.slice(0, 2000));
      return;
    }
    case ResolutionEffect.SUSPEND_PARTNER:
    case ResolutionEffect.REINSTATE_PARTNER: {
      const partner = await w.load(Partner, resolution.subjectId!, { type: "Partner", lock: true });
      await changeMembership(w, resolution.effect === ResolutionEffect.SUSPEND_PARTNER ? "suspend" : "reinstate", partner, partner.version, resolution.reasons.slice(0, 2000), reference.slice(0, 100));
      return;
    }
    case ResolutionEffect.PUT_ISSUE_ON_AGENDA:
    case ResolutionEffect.ADOPT_STRATEGY:
      // the labour market owns issues and strategies: it takes the effect when it next asks (resolution-effects.route.ts)
      return;
  }
}

/** What the subject of each effect is, as an agenda item names it. */
const EFFECT_SUBJECT: Record<ResolutionEffect, AgendaSubject | null> = {
  [ResolutionEffect.NONE]: null,
  [ResolutionEffect.ADMIT_APPLICANT]: AgendaSubject.APPLICATION,
  [ResolutionEffect.REJECT_APPLICANT]: AgendaSubject.APPLICATION,
  [ResolutionEffect.SUSPEND_PARTNER]: AgendaSubject.PARTNER,
  [ResolutionEffect.REINSTATE_PARTNER]: AgendaSubject.PARTNER,
  [ResolutionEffect.PUT_ISSUE_ON_AGENDA]: AgendaSubject.ISSUE,
  [ResolutionEffect.ADOPT_STRATEGY]: AgendaSubject.STRATEGY,
};

/** Where an adopted resolution's effect stands when it is recorded. */
function effectStateOf(effect: ResolutionEffect, adopted: boolean): ResolutionEffectState {
  if (!adopted || effect === ResolutionEffect.NONE) return ResolutionEffectState.NONE;
  return EFFECTS_ELSEWHERE.has(effect) ? ResolutionEffectState.PENDING : ResolutionEffectState.APPLIED;
}

/** A called meeting (not held or cancelled), at the version read where one is given. */
async function openMeeting(w: Writer, id: string, doing: string, version?: number): Promise<Meeting> {
  const meeting = await w.load(Meeting, checkId("meetingId", id), { type: "Meeting", lock: true });
  await w.tx.populate(meeting, ["body"]);
  if (version !== undefined) w.version(meeting, version, "Meeting");
  if (meeting.status !== MeetingStatus.CALLED) throw new HubError("CONFLICT", `The meeting is ${meeting.status}: ${doing} needs it CALLED`, { reason: "MEETING_STATUS", status: meeting.status });
  return meeting;
}

/**
 * The partnership's bodies and decisions (issue #15, item 1). The coordinator
 * records, as a secretariat does, what the bodies did: their members, the
 * meetings called with their agenda, who came, each vote cast, the minutes.
 * The decision itself is the body's: the hub counts the quorum and the
 * majority by the body's rules and refuses what they do not allow.
 */
@Resolver(() => Body)
export class GovernanceMutations {
  @Authorized("coordinator")
  @Mutation(() => Body, { description: "The coordinator records a body of the partnership with its rules (quorum, majority) and powers." })
  createBody(@Arg("input", () => BodyInput, { description: "The body." }) input: BodyInput, @Ctx() ctx: HubContext<Loaders>): Promise<Body> {
    requireCoordinator(ctx);
    const data = {
      name: checkText("input.name", input.name, 3, 200), kind: input.kind, description: optionalText("input.description", input.description, 2000),
      quorum: input.quorum, majority: input.majority, powers: [...new Set(checkList("input.powers", input.powers, 10) ?? [])].filter((p) => p !== ResolutionEffect.NONE),
      establishedOn: checkNotFuture("input.establishedOn", input.establishedOn),
    };
    return write(ctx, async (w) => w.create(Body, data, BODY));
  }

  @Authorized("coordinator")
  @Mutation(() => BodyMember, { description: "The coordinator records an active partner's seat in a body for a term; one seat per partner at a time." })
  addBodyMember(
    @Arg("bodyId", () => ID, { description: "The body." }) bodyId: string,
    @Arg("input", () => BodyMemberInput, { description: "The seat." }) input: BodyMemberInput,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<BodyMember> {
    requireCoordinator(ctx);
    const partnerId = checkId("input.partnerId", input.partnerId);
    if (input.termTo && input.termTo < input.termFrom) throw HubError.badInput("input.termTo", "must not be before termFrom");
    return write(ctx, async (w) => {
      const body = await w.load(Body, checkId("bodyId", bodyId), { type: "Body", lock: true });
      const partner = await w.tx.findOne(Partner, { id: partnerId });
      if (!partner) throw HubError.badInput("input.partnerId", "no such partner");
      if (partner.status !== PartnerStatus.ACTIVE) throw HubError.badInput("input.partnerId", `the partner is ${partner.status.toLowerCase()}: only an active partner takes a seat`);
      const seats = await w.tx.find(BodyMember, { body, partnerId });
      const overlaps = seats.some((s) => isoDay(s.termFrom) <= (input.termTo ?? "9999-12-31") && (s.termTo === null || isoDay(s.termTo) >= input.termFrom));
      if (overlaps) throw new HubError("CONFLICT", "The partner already has a seat in this body for part of that term", { reason: "SEAT_TAKEN" });
      return w.create(BodyMember, { body, partnerId, role: input.role, representative: optionalText("input.representative", input.representative, 200), termFrom: input.termFrom, termTo: input.termTo ?? null }, MEMBER);
    });
  }

  @Authorized("coordinator")
  @Mutation(() => BodyMember, { description: "The coordinator records the end of a member's term." })
  endBodyMembership(
    @Arg("id", () => ID, { description: "The seat." }) id: string,
    @Arg("version", () => Int, { description: "The version read." }) version: number,
    @Arg("termTo", () => DateScalar, { description: "The last day of the term." }) termTo: string,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<BodyMember> {
    requireCoordinator(ctx);
    return write(ctx, async (w) => {
      const seat = await w.load(BodyMember, checkId("id", id), { type: "BodyMember" });
      w.version(seat, version, "BodyMember");
      if (termTo < isoDay(seat.termFrom)) throw HubError.badInput("termTo", "must not be before the term's first day");
      return w.update(seat, { termTo }, MEMBER);
    });
  }

  @Authorized("coordinator")
  @Mutation(() => Meeting, { description: "The coordinator calls a meeting of a body with its agenda; partners subscribed to MEETING_CALLED are told." })
  callMeeting(
    @Arg("bodyId", () => ID, { description: "The body." }) bodyId: string,
    @Arg("input", () => MeetingInput, { description: "Date, place and agenda." }) input: MeetingInput,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Meeting> {
    requireCoordinator(ctx);
    const place = checkText("input.place", input.place, 3, 300);
    if (input.agenda.length < 1 || input.agenda.length > 30) throw HubError.badInput("input.agenda", "1 to 30 items", { min: 1, max: 30 });
    const agenda = input.agenda.map((item, i) => {
      const subjectId = item.subjectId == null ? null : checkId(`input.agenda[${i}].subjectId`, item.subjectId);
      if (item.subjectType !== AgendaSubject.OTHER && !subjectId) throw HubError.badInput(`input.agenda[${i}].subjectId`, `an item about ${item.subjectType} names it`);
      return { ordinal: i + 1, title: checkText(`input.agenda[${i}].title`, item.title, 3, 300), subjectType: item.subjectType, subjectId };
    });
    return write(ctx, async (w) => {
      const body = await w.load(Body, checkId("bodyId", bodyId), { type: "Body", lock: true });
      for (const [i, item] of agenda.entries()) {
        // the register's own subjects must exist; the other subgraphs' are named by id
        const entity = item.subjectType === AgendaSubject.APPLICATION ? AccessionApplication : item.subjectType === AgendaSubject.PARTNER ? Partner : null;
        if (entity && !(await w.tx.findOne(entity as typeof Partner, { id: item.subjectId! }))) throw HubError.badInput(`input.agenda[${i}].subjectId`, `no such ${item.subjectType.toLowerCase()}`);
      }
      const number = (await w.tx.count(Meeting, { body })) + 1;
      const meeting = w.create(Meeting, { body, number, heldOn: input.heldOn, place }, MEETING);
      for (const item of agenda) w.create(AgendaItem, { ...item, meeting }, AGENDA);
      w.publish({
        type: WebhookEventType.MEETING_CALLED, subjectType: "Meeting", subjectId: meeting.id, public: true,
        title: `${body.name}: meeting ${number} called for ${input.heldOn}`,
        data: { bodyId: body.id, body: body.name, meetingId: meeting.id, number, heldOn: input.heldOn, place, agenda: agenda.map(({ ordinal, title, subjectType, subjectId }) => ({ ordinal, title, subjectType, subjectId })) },
      });
      return meeting;
    });
  }

  @Authorized("coordinator")
  @Mutation(() => Meeting, { description: "The coordinator records who was present at a called meeting: members of the body on its date only." })
  recordAttendance(
    @Arg("meetingId", () => ID, { description: "The meeting." }) meetingId: string,
    @Arg("version", () => Int, { description: "The version read." }) version: number,
    @Arg("presentPartnerIds", () => [ID], { description: "The member partners present." }) presentPartnerIds: string[],
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Meeting> {
    requireCoordinator(ctx);
    const present = [...new Set((checkList("presentPartnerIds", presentPartnerIds, 200) ?? []).map((id, i) => checkId(`presentPartnerIds[${i}]`, id)))];
    return write(ctx, async (w) => {
      const meeting = await openMeeting(w, meetingId, "recording attendance", version);
      held(meeting);
      const members = new Set((await membersOn(w, meeting.body, isoDay(meeting.heldOn))).map((m) => m.partnerId));
      const strangers = present.filter((id) => !members.has(id));
      if (strangers.length) throw HubError.badInput("presentPartnerIds", `not members of ${meeting.body.name} on ${isoDay(meeting.heldOn)}: ${strangers.join(", ")}`, { partnerIds: strangers });
      if (await w.tx.count(Resolution, { meeting })) throw new HubError("CONFLICT", "Resolutions were already voted on with the attendance recorded", { reason: "MEETING_STATUS", status: meeting.status });
      return w.update(meeting, { presentPartnerIds: present }, MEETING);
    });
  }

  @Authorized("coordinator")
  @Mutation(() => Resolution, { description: "The coordinator records a resolution put to the vote at a called meeting, with every vote cast. The hub refuses it without a quorum (CONFLICT, reason NO_QUORUM), counts the majority by the body's rule, numbers it, and, if adopted, takes its effect: in the register in the same transaction, or, for an issue or a strategy, in the labour-market subgraph once it asks (`effectState` PENDING until then, at most a few seconds while it runs). Public with its reasons and every vote." })
  recordResolution(
    @Arg("meetingId", () => ID, { description: "The meeting." }) meetingId: string,
    @Arg("input", () => ResolutionInput, { description: "The resolution and its votes." }) input: ResolutionInput,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Resolution> {
    requireCoordinator(ctx);
    const title = checkText("input.title", input.title, 5, 300);
    const reasons = checkText("input.reasons", input.reasons, 10, 5000);
    const subjectId = input.subjectId == null ? null : checkId("input.subjectId", input.subjectId);
    if (input.effect !== ResolutionEffect.NONE && !subjectId) throw HubError.badInput("input.subjectId", `a resolution to ${input.effect} names its subject`);
    const votes = (checkList("input.votes", input.votes, 200) ?? []).map((v, i) => ({ partnerId: checkId(`input.votes[${i}].partnerId`, v.partnerId), choice: v.choice }));
    const twice = votes.findIndex((v, i) => votes.findIndex((u) => u.partnerId === v.partnerId) !== i);
    if (twice >= 0) throw HubError.badInput(`input.votes[${twice}]`, "one vote per member");
    return write(ctx, async (w) => {
      const meeting = await openMeeting(w, meetingId, "a resolution");
      held(meeting);
      const body = meeting.body;
      if (input.effect !== ResolutionEffect.NONE && !body.powers.includes(input.effect)) {
        throw new HubError("FORBIDDEN", `${body.name} has no power to ${input.effect} (its powers: ${body.powers.join(", ") || "none"})`, { reason: "NOT_THE_BODYS_POWER" });
      }
      const members = await membersOn(w, body, isoDay(meeting.heldOn));
      const present = new Set(meeting.presentPartnerIds);
      const absent = votes.filter((v) => !present.has(v.partnerId));
      if (absent.length) throw HubError.badInput("input.votes", `only members present vote: ${absent.map((v) => v.partnerId).join(", ")} ${absent.length === 1 ? "was" : "were"} not recorded present`);
      const needed = quorumOf(body.quorum, members.length);
      if (present.size < needed) {
        throw new HubError("CONFLICT", `No quorum: ${present.size} of ${members.length} members present, ${body.name} needs ${needed} (${body.quorum})`, { reason: "NO_QUORUM", present: present.size, members: members.length, needed });
      }
      const agenda = await w.tx.find(AgendaItem, { meeting }, { orderBy: { ordinal: "asc" } });
      const agendaItem = input.agendaOrdinal == null ? null : agenda.find((item) => item.ordinal === input.agendaOrdinal) ?? null;
      if (input.agendaOrdinal != null && !agendaItem) throw HubError.badInput("input.agendaOrdinal", "no such item on the meeting's agenda");
      // a body decides on what it was called to decide: the subject of an effect is on the agenda
      if (input.effect !== ResolutionEffect.NONE && !(agendaItem ? [agendaItem] : agenda).some((item) => item.subjectId === subjectId && item.subjectType === EFFECT_SUBJECT[input.effect])) {
        throw HubError.badInput("input.subjectId", `not on the meeting's agenda as ${EFFECT_SUBJECT[input.effect]}${agendaItem ? ` under item ${agendaItem.ordinal}` : ""}: a body decides what it was called to decide`);
      }
      const tally = { for: votes.filter((v) => v.choice === VoteChoice.FOR).length, against: votes.filter((v) => v.choice === VoteChoice.AGAINST).length, present: present.size };
      const adopted = isAdopted(body.majority, tally);
      const year = isoDay(meeting.heldOn).slice(0, 4);
      const sameYear = await w.tx.count(Resolution, { body, number: { $like: `%/${year}` } });
      const resolution = w.create(Resolution, {
        body, meeting, agendaItem, number: `${sameYear + 1}/${year}`, title, reasons, effect: input.effect, subjectId,
        membersTotal: members.length, membersPresent: present.size, votesFor: tally.for, votesAgainst: tally.against, abstentions: votes.length - tally.for - tally.against, adopted,
        effectState: effectStateOf(input.effect, adopted),
      }, RESOLUTION);
      for (const vote of votes) w.create(ResolutionVote, { resolution, ...vote }, VOTE);
      const reference = `Uchwała nr ${resolution.number} (${body.name})`;
      if (adopted) await takeEffect(w, resolution, reference);
      w.publish({
        type: WebhookEventType.RESOLUTION_ADOPTED, subjectType: "Resolution", subjectId: resolution.id, public: true,
        title: `${reference} ${adopted ? "adopted" : "not adopted"}: ${title}`,
        data: { bodyId: body.id, meetingId: meeting.id, number: resolution.number, title, reasons, adopted, effect: input.effect, subjectId, votes: { for: tally.for, against: tally.against, abstentions: resolution.abstentions, present: present.size, members: members.length } },
      });
      return resolution;
    });
  }

  @Authorized("coordinator")
  @Mutation(() => Meeting, { description: "The coordinator closes a called meeting with its minutes (HELD), or calls it off (CANCELLED, the minutes saying why)." })
  closeMeeting(
    @Arg("meetingId", () => ID, { description: "The meeting." }) meetingId: string,
    @Arg("version", () => Int, { description: "The version read." }) version: number,
    @Arg("minutes", { description: "The minutes, or why it was called off; 10 to 20,000 characters." }) minutes: string,
    @Ctx() ctx: HubContext<Loaders>,
    @Arg("cancelled", () => Boolean, { nullable: true, defaultValue: false, description: "True if it was called off." }) cancelled: boolean = false,
  ): Promise<Meeting> {
    requireCoordinator(ctx);
    const text = checkText("minutes", minutes, 10, 20_000);
    return write(ctx, async (w) => {
      const meeting = await openMeeting(w, meetingId, "closing", version);
      if (cancelled && (await w.tx.count(Resolution, { meeting }))) throw new HubError("CONFLICT", "A meeting that voted was held: close it with its minutes", { reason: "MEETING_STATUS", status: meeting.status });
      if (!cancelled) held(meeting);
      return w.update(meeting, { status: cancelled ? MeetingStatus.CANCELLED : MeetingStatus.HELD, minutes: text }, MEETING);
    });
  }
}

/** Attendance and votes are of a meeting that took place. */
function held(meeting: Meeting): void {
  if (isoDay(meeting.heldOn) > today()) throw HubError.badInput("meetingId", `the meeting is on ${isoDay(meeting.heldOn)}: attendance and votes are recorded once it is held`);
}

