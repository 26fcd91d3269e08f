import { Arg, Args, Ctx, Field, FieldResolver, Float, ID, InputType, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/postgresql";
import { ConnectionType, DateScalar, PageArgs, checkDateRange, checkId, isoDay, paginate, today, type HubContext } from "@bdp/kit/server";
import { Partner } from "../partner/partner.entity.js";
import { AgendaItem, Body, BodyMember, Meeting, Resolution, ResolutionEffect, ResolutionVote } from "./governance.entity.js";
import type { Loaders } from "../loaders.js";

export const ResolutionConnection = ConnectionType(Resolution, "Resolution", "resolutions");

@InputType({ description: "Which resolutions; all given conditions apply together." })
export class ResolutionFilter {
  @Field(() => ID, { nullable: true, description: "Of this body." })
  bodyId?: string;

  @Field(() => Boolean, { nullable: true, description: "Adopted (true) or not (false)." })
  adopted?: boolean;

  @Field(() => ResolutionEffect, { nullable: true, description: "With this effect." })
  effect?: ResolutionEffect;

  @Field(() => DateScalar, { nullable: true, description: "Voted on this day or later." })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: "Voted on this day or earlier." })
  to?: string;
}

@ObjectType({ description: "A body's year: its meetings, decisions and attendance (issue #15), computed in SQL." })
export class BodyYear {
  @Field(() => Int, { description: "The year." })
  year!: number;

  @Field(() => Int, { description: "Meetings held." })
  meetingsHeld!: number;

  @Field(() => Int, { description: "Meetings called off." })
  meetingsCancelled!: number;

  @Field(() => Int, { description: "Resolutions voted on." })
  resolutions!: number;

  @Field(() => Int, { description: "Of which adopted." })
  adopted!: number;

  @Field(() => Float, { nullable: true, description: "Members present at the meetings held, as a share of the members on each meeting's date (0 to 1, 3 places); null without a meeting held." })
  attendance!: number | null;
}

@Resolver(() => Body)
export class BodyResolver {
  @FieldResolver(() => [BodyYear], { description: "Year by year, oldest first: meetings held and called off, resolutions voted on and adopted, attendance." })
  yearly(@Root() body: Body, @Ctx() ctx: HubContext<Loaders>): Promise<BodyYear[]> {
    return ctx.loaders.bodyYears.load(body.id);
  }

  @Query(() => [Body], { description: "The partnership's bodies: the council first, then working groups by name." })
  bodies(@Ctx() ctx: HubContext<Loaders>): Promise<Body[]> {
    return ctx.em.find(Body, {}, { orderBy: { kind: "asc", name: "asc" } });
  }

  @Query(() => Body, { nullable: true, description: "A body by id; null when there is none." })
  body(@Arg("id", () => ID, { description: "Body id." }) id: string, @Ctx() ctx: HubContext<Loaders>) {
    return ctx.loaders.body.load(checkId("id", id));
  }

  @FieldResolver(() => [BodyMember], { description: "Its members: by default those whose term covers today; `all: true` for every term, past ones too." })
  async members(@Root() body: Body, @Ctx() ctx: HubContext<Loaders>, @Arg("all", () => Boolean, { nullable: true, defaultValue: false, description: "Past terms too." }) all: boolean = false): Promise<BodyMember[]> {
    const seats = await ctx.loaders.membersByBody.load(body.id);
    const on = today();
    return all ? seats : seats.filter((s) => isoDay(s.termFrom) <= on && (s.termTo === null || isoDay(s.termTo) >= on));
  }

  @FieldResolver(() => [Meeting], { description: "Its meetings, newest first." })
  meetings(@Root() body: Body, @Ctx() ctx: HubContext<Loaders>): Promise<Meeting[]> {
    return ctx.loaders.meetingsByBody.load(body.id);
  }
}

@Resolver(() => BodyMember)
export class BodyMemberResolver {
  @FieldResolver(() => Partner, { nullable: true, description: "The member partner." })
  partner(@Root() seat: BodyMember, @Ctx() ctx: HubContext<Loaders>) {
    return ctx.loaders.partner.load(seat.partnerId);
  }
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => Meeting, { nullable: true, description: "A meeting by id; null when there is none." })
  meeting(@Arg("id", () => ID, { description: "Meeting id." }) id: string, @Ctx() ctx: HubContext<Loaders>) {
    return ctx.loaders.meeting.load(checkId("id", id));
  }

  @FieldResolver(() => Body, { description: "The body that met." })
  async body(@Root() meeting: Meeting, @Ctx() ctx: HubContext<Loaders>): Promise<Body> {
    return (await ctx.loaders.body.load(meeting.body.id))!;
  }

  @FieldResolver(() => [AgendaItem], { description: "The agenda, in order." })
  agenda(@Root() meeting: Meeting, @Ctx() ctx: HubContext<Loaders>): Promise<AgendaItem[]> {
    return ctx.loaders.agendaByMeeting.load(meeting.id);
  }

  @FieldResolver(() => [Partner], { description: "The member partners present (attendance)." })
  async present(@Root() meeting: Meeting, @Ctx() ctx: HubContext<Loaders>): Promise<Partner[]> {
    return (await ctx.loaders.partner.loadMany(meeting.presentPartnerIds)).filter((p): p is Partner => p instanceof Partner);
  }

  @FieldResolver(() => [Resolution], { description: "Resolutions voted on, in order." })
  resolutions(@Root() meeting: Meeting, @Ctx() ctx: HubContext<Loaders>): Promise<Resolution[]> {
    return ctx.loaders.resolutionsByMeeting.load(meeting.id);
  }
}

@Resolver(() => Resolution)
export class ResolutionResolver {
  @Query(() => ResolutionConnection, { description: "Resolutions of the partnership's bodies, newest first, paginated by cursor: public with their reasons and votes." })
  resolutions(@Ctx() ctx: HubContext<Loaders>, @Args() page: PageArgs, @Arg("filter", () => ResolutionFilter, { nullable: true, description: "Which resolutions." }) filter?: ResolutionFilter) {
    const where: Record<string, unknown> = {};
    if (filter?.bodyId) where.body = checkId("filter.bodyId", filter.bodyId);
    if (filter?.adopted != null) where.adopted = filter.adopted;
    if (filter?.effect) where.effect = filter.effect;
    checkDateRange("filter.from", filter?.from, "filter.to", filter?.to);
    if (filter?.from || filter?.to) where.meeting = { heldOn: { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lte: filter.to } : {}) } };
    return paginate(ctx.em, Resolution, where as FilterQuery<Resolution>, { createdAt: "desc" }, page);
  }

  @FieldResolver(() => Body, { description: "The body." })
  async body(@Root() resolution: Resolution, @Ctx() ctx: HubContext<Loaders>): Promise<Body> {
    return (await ctx.loaders.body.load(resolution.body.id))!;
  }

  @FieldResolver(() => Meeting, { description: "The meeting it was voted at." })
  async meeting(@Root() resolution: Resolution, @Ctx() ctx: HubContext<Loaders>): Promise<Meeting> {
    return (await ctx.loaders.meeting.load(resolution.meeting.id))!;
  }

  @FieldResolver(() => AgendaItem, { nullable: true, description: "The agenda item it decides." })
  async agendaItem(@Root() resolution: Resolution, @Ctx() ctx: HubContext<Loaders>): Promise<AgendaItem | null> {
    if (!resolution.agendaItem) return null;
    return (await ctx.loaders.agendaByMeeting.load(resolution.meeting.id)).find((a) => a.id === resolution.agendaItem!.id) ?? null;
  }

  @FieldResolver(() => [ResolutionVote], { description: "Every member's vote." })
  votes(@Root() resolution: Resolution, @Ctx() ctx: HubContext<Loaders>): Promise<ResolutionVote[]> {
    return ctx.loaders.votesByResolution.load(resolution.id);
  }
}

@Resolver(() => ResolutionVote)
export class ResolutionVoteResolver {
  @FieldResolver(() => Partner, { nullable: true, description: "The member that voted." })
  partner(@Root() vote: ResolutionVote, @Ctx() ctx: HubContext<Loaders>) {
    return ctx.loaders.partner.load(vote.partnerId);
  }
}
