import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from "type-graphql";
import { MoneyScalar, type HubContext, type PartnerRef as PartnerRefShape, type TerritorialUnitRef as TerritorialUnitRefShape } from "@bdp/kit/server";
import { PartnerRef, TerritorialUnitRef } from "./reference.types.js";
import { LabourMarketIssue } from "../issue/issue.entity.js";
import { AgreementParticipant, Initiative } from "../initiative/initiative.entity.js";
import { ConsultationPosition } from "../consultation/consultation.entity.js";
import { UnemploymentStatistic } from "../statistics/unemployment.entity.js";
import { checkYears } from "../statistics/unemployment.resolver.js";
import type { Loaders } from "../loaders.js";

@ObjectType({ description: "What a partner brings to the partnership's initiatives: its confirmed parts in executive agreements, in PLN." })
export class PartnerContributions {
  @Field(() => Int, { description: "Initiatives in which its part is confirmed." })
  initiatives!: number;

  @Field(() => MoneyScalar, { description: "Its cash contributions." })
  cash!: string;

  @Field(() => MoneyScalar, { description: "The value of its in-kind contributions." })
  inKind!: string;

  @Field(() => MoneyScalar, { description: "What it spent on initiatives (recorded spending)." })
  spent!: string;
}

@Resolver(() => PartnerRef)
export class PartnerLabourMarketResolver {
  @FieldResolver(() => PartnerContributions, { nullable: true, description: "Its contributions to the partnership's initiatives, summed in SQL over its confirmed parts (issue #15)." })
  async contributions(@Root() partner: PartnerRefShape, @Ctx() ctx: HubContext<Loaders>): Promise<PartnerContributions> {
    const { initiatives, cash, inKind, spent } = await ctx.loaders.contributionsByPartner.load(partner.id);
    return { initiatives, cash, inKind, spent };
  }

  @FieldResolver(() => [AgreementParticipant], { nullable: true, description: "This partner's parts in executive agreements: role, tasks, contribution, and the initiative." })
  agreements(@Root() partner: PartnerRefShape, @Ctx() ctx: HubContext<Loaders>): Promise<AgreementParticipant[]> {
    return ctx.loaders.participationsByPartner.load(partner.id);
  }

  @FieldResolver(() => [Initiative], { nullable: true, description: "Initiatives this partner takes part in." })
  async initiatives(@Root() partner: PartnerRefShape, @Ctx() ctx: HubContext<Loaders>): Promise<Initiative[]> {
    const parts = await ctx.loaders.participationsByPartner.load(partner.id);
    const initiatives = await ctx.loaders.initiative.loadMany(parts.map((p) => p.initiative.id));
    return initiatives.filter((i): i is Initiative => i instanceof Initiative);
  }

  @FieldResolver(() => [LabourMarketIssue], { nullable: true, description: "Labour-market issues this partner raised, newest first." })
  issuesRaised(@Root() partner: PartnerRefShape, @Ctx() ctx: HubContext<Loaders>): Promise<LabourMarketIssue[]> {
    return ctx.loaders.issuesRaisedBy.load(partner.id);
  }

  @FieldResolver(() => [ConsultationPosition], { nullable: true, description: "Positions this partner took in consultations, newest first." })
  consultationPositions(@Root() partner: PartnerRefShape, @Ctx() ctx: HubContext<Loaders>): Promise<ConsultationPosition[]> {
    return ctx.loaders.positionsByPartner.load(partner.id);
  }
}

@Resolver(() => TerritorialUnitRef)
export class TerritorialUnitLabourMarketResolver {
  @FieldResolver(() => [LabourMarketIssue], { nullable: true, description: "Labour-market issues concerning this unit, newest first." })
  labourMarketIssues(@Root() unit: TerritorialUnitRefShape, @Ctx() ctx: HubContext<Loaders>): Promise<LabourMarketIssue[]> {
    return ctx.loaders.issuesByMunicipality.load(unit.code);
  }

  @FieldResolver(() => [Initiative], { nullable: true, description: "Initiatives active in this unit, newest first." })
  initiatives(@Root() unit: TerritorialUnitRefShape, @Ctx() ctx: HubContext<Loaders>): Promise<Initiative[]> {
    return ctx.loaders.initiativesByMunicipality.load(unit.code);
  }

  @FieldResolver(() => [UnemploymentStatistic], { nullable: true, description: "Monthly registered unemployment in this unit, oldest first: a chart-ready series." })
  unemployment(
    @Root() unit: TerritorialUnitRefShape,
    @Ctx() ctx: HubContext<Loaders>,
    @Arg("fromYear", () => Int, { defaultValue: 2019, description: "First year." }) fromYear: number,
    @Arg("toYear", () => Int, { defaultValue: 2100, description: "Last year." }) toYear: number,
  ): Promise<UnemploymentStatistic[]> {
    const { from, to } = checkYears(fromYear, toYear);
    return ctx.loaders.unemploymentSeries.load(`${unit.code}:${from}:${to}`);
  }
}
