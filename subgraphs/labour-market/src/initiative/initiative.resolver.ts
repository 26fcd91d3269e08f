import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/postgresql";
import {
  ConnectionType, MoneyScalar, PageArgs, centsToMoney, moneyCents, checkId, checkIds, checkList, paginate, partnerRef, searchPattern, sumMoney, territoryScope, unitRef, type HubContext, type PartnerRef as PartnerRefShape, type TerritorialUnitRef as TerritorialUnitRefShape,
} from "@bdp/kit/server";
import { FundingSource, MissionArea } from "@bdp/kit/domain";
import { PartnerRef, TerritorialUnitRef } from "../references/reference.types.js";
import { AgreementParticipant, Initiative, InitiativeStatus, PartStatus } from "./initiative.entity.js";
import { AgreementAnnex, Expenditure, FundingShare } from "./money.entity.js";
import { FundingApplication } from "./funding.entity.js";
import { coverage } from "./lifecycle.js";
import { LabourMarketIssue } from "../issue/issue.entity.js";
import { Indicator } from "../indicator/indicator.entity.js";
import type { Loaders } from "../loaders.js";

export const InitiativeConnection = ConnectionType(Initiative, "Initiative", "initiatives");

@ObjectType({ description: "How an initiative's budget is covered and spent, in PLN, exact to the grosz. Only confirmed parts' contributions count." })
export class InitiativeBudget {
  @Field(() => MoneyScalar, { description: "The total budget." })
  totalBudget!: string;

  @Field(() => MoneyScalar, { description: "Sum of the funding shares." })
  fundingShares!: string;

  @Field(() => MoneyScalar, { description: "Sum of the confirmed parts' cash contributions." })
  cashContributions!: string;

  @Field(() => MoneyScalar, { description: "Sum of the confirmed parts' in-kind contributions." })
  inKindContributions!: string;

  @Field(() => MoneyScalar, { description: "Funding shares plus contributions." })
  covered!: string;

  @Field(() => MoneyScalar, { description: "The budget less what covers it: 0.00 when covered exactly (required to sign and after every annex), positive when short, negative when over." })
  gap!: string;

  @Field(() => MoneyScalar, { description: "Spending recorded so far." })
  spent!: string;

  @Field(() => MoneyScalar, { description: "The budget less the spending." })
  left!: string;
}

@InputType({ description: "Conditions an initiative must meet to be listed; all given conditions apply together." })
export class InitiativeFilter {
  @Field(() => [InitiativeStatus], { nullable: true, description: "Any of these statuses." })
  statuses?: InitiativeStatus[];

  @Field(() => [ID], { nullable: true, description: "With any of these partners in its executive agreement." })
  partnerIds?: string[];

  @Field(() => [ID], { nullable: true, description: "Addressing any of these issues." })
  issueIds?: string[];

  @Field(() => MissionArea, { nullable: true, description: "Serving this mission line." })
  missionArea?: MissionArea;

  @Field(() => [FundingSource], { nullable: true, description: "Funded mainly from any of these sources." })
  fundingSources?: FundingSource[];

  @Field(() => String, { nullable: true, description: "Active in this TERYT unit or a unit inside it." })
  municipalityCode?: string;

  @Field(() => String, { nullable: true, description: "Title contains this text (case-insensitive, at most 100 characters)." })
  search?: string;
}

@Resolver(() => Initiative)
export class InitiativeResolver {
  @Query(() => Initiative, { nullable: true, description: "An initiative by id; null when there is none." })
  initiative(@Arg("id", () => ID, { description: "Initiative id." }) id: string, @Ctx() ctx: HubContext<Loaders>) {
    return ctx.loaders.initiative.load(checkId("id", id));
  }

  @Query(() => InitiativeConnection, { description: "Joint initiatives and projects, newest first, paginated by cursor." })
  initiatives(
    @Ctx() ctx: HubContext<Loaders>,
    @Args() page: PageArgs,
    @Arg("filter", () => InitiativeFilter, { nullable: true, description: "Which initiatives." }) filter?: InitiativeFilter,
  ) {
    const where: Record<string, unknown> = {};
    const statuses = checkList("filter.statuses", filter?.statuses);
    if (statuses?.length) where.status = { $in: statuses };
    const partners = checkIds("filter.partnerIds", filter?.partnerIds);
    if (partners) where.id = { $in: ctx.em.createQueryBuilder(AgreementParticipant, "ap").select("ap.initiative_id").where({ partnerId: { $in: partners } }).getKnexQuery() };
    const issues = checkIds("filter.issueIds", filter?.issueIds);
    if (issues) where.issue = { $in: issues };
    if (filter?.missionArea) where.missionAreas = { $contains: [filter.missionArea] };
    const sources = checkList("filter.fundingSources", filter?.fundingSources);
    if (sources?.length) where.fundingSource = { $in: sources };
    const scope = territoryScope("filter.municipalityCode", filter?.municipalityCode);
    if (scope) where.municipalityCodes = { $overlap: scope };
    const pattern = searchPattern("filter.search", filter?.search);
    if (pattern) where.title = { $ilike: pattern };
    return paginate(ctx.em, Initiative, where as FilterQuery<Initiative>, { startsOn: "desc" }, page);
  }

  @FieldResolver(() => [AgreementParticipant], { description: "The executive agreement: each participating partner's role, tasks and contribution." })
  agreement(@Root() initiative: Initiative, @Ctx() ctx: HubContext<Loaders>): Promise<AgreementParticipant[]> {
    return ctx.loaders.participantsByInitiative.load(initiative.id);
  }

  @FieldResolver(() => MoneyScalar, { description: "Sum of the confirmed parts' cash contributions (PLN)." })
  async cashContributionTotal(@Root() initiative: Initiative, @Ctx() ctx: HubContext<Loaders>): Promise<string> {
    return sumMoney((await confirmedParts(initiative, ctx)).map((p) => p.cashContribution));
  }

  @FieldResolver(() => MoneyScalar, { description: "Sum of the confirmed parts' in-kind contributions (PLN)." })
  async inKindContributionTotal(@Root() initiative: Initiative, @Ctx() ctx: HubContext<Loaders>): Promise<string> {
    return sumMoney((await confirmedParts(initiative, ctx)).map((p) => p.inKindContribution));
  }

  @FieldResolver(() => [FundingShare], { description: "Where the budget comes from besides the partners' contributions, largest first." })
  fundingShares(@Root() initiative: Initiative, @Ctx() ctx: HubContext<Loaders>): Promise<FundingShare[]> {
    return ctx.loaders.fundingSharesByInitiative.load(initiative.id);
  }

  @FieldResolver(() => [FundingApplication], { description: "Its applications to calls for funding, newest first." })
  fundingApplications(@Root() initiative: Initiative, @Ctx() ctx: HubContext<Loaders>): Promise<FundingApplication[]> {
    return ctx.loaders.applicationsByInitiative.load(initiative.id);
  }

  @FieldResolver(() => [AgreementAnnex], { description: "Annexes to the signed agreement, in order." })
  annexes(@Root() initiative: Initiative, @Ctx() ctx: HubContext<Loaders>): Promise<AgreementAnnex[]> {
    return ctx.loaders.annexesByInitiative.load(initiative.id);
  }

  @FieldResolver(() => [Expenditure], { description: "Spending recorded against the budget, newest first." })
  spending(@Root() initiative: Initiative, @Ctx() ctx: HubContext<Loaders>): Promise<Expenditure[]> {
    return ctx.loaders.spendingByInitiative.load(initiative.id);
  }

  @FieldResolver(() => InitiativeBudget, { description: "How the budget is covered (funding shares and confirmed contributions) and spent." })
  async budget(@Root() initiative: Initiative, @Ctx() ctx: HubContext<Loaders>): Promise<InitiativeBudget> {
    const [parts, shares, { spent }] = await Promise.all([
      ctx.loaders.participantsByInitiative.load(initiative.id), ctx.loaders.fundingSharesByInitiative.load(initiative.id), ctx.loaders.spentByInitiative.load(initiative.id),
    ]);
    const c = coverage(initiative.totalBudget, shares.map((s) => s.amount), parts);
    return { ...c, spent: centsToMoney(moneyCents(spent)), left: centsToMoney(moneyCents(initiative.totalBudget) - moneyCents(spent)) };
  }

  @FieldResolver(() => PartnerRef, { nullable: true, description: "The lead partner." })
  leadPartner(@Root() initiative: Initiative): PartnerRefShape {
    return partnerRef(initiative.leadPartnerId);
  }

  @FieldResolver(() => [TerritorialUnitRef], { nullable: true, description: "Gminas where it is active." })
  municipalities(@Root() initiative: Initiative): TerritorialUnitRefShape[] {
    return initiative.municipalityCodes.map(unitRef);
  }

  @FieldResolver(() => LabourMarketIssue, { nullable: true, description: "The issue it addresses, if any." })
  issue(@Root() initiative: Initiative, @Ctx() ctx: HubContext<Loaders>) {
    return initiative.issue ? ctx.loaders.issue.load(initiative.issue.id) : null;
  }

  @FieldResolver(() => [Indicator], { description: "Its output and result indicators." })
  indicators(@Root() initiative: Initiative, @Ctx() ctx: HubContext<Loaders>): Promise<Indicator[]> {
    return ctx.loaders.indicatorsByInitiative.load(initiative.id);
  }
}

async function confirmedParts(initiative: Initiative, ctx: HubContext<Loaders>): Promise<AgreementParticipant[]> {
  return (await ctx.loaders.participantsByInitiative.load(initiative.id)).filter((p) => p.status === PartStatus.CONFIRMED);
}

@Resolver(() => Expenditure)
export class ExpenditureResolver {
  @FieldResolver(() => PartnerRef, { nullable: true, description: "The partner that spent it." })
  partner(@Root() expenditure: Expenditure): PartnerRefShape {
    return partnerRef(expenditure.partnerId);
  }
}

@Resolver(() => AgreementParticipant)
export class AgreementParticipantResolver {
  @FieldResolver(() => PartnerRef, { nullable: true, description: "The participating partner." })
  partner(@Root() participant: AgreementParticipant): PartnerRefShape {
    return partnerRef(participant.partnerId);
  }

  @FieldResolver(() => Initiative, { description: "The initiative." })
  async initiative(@Root() participant: AgreementParticipant, @Ctx() ctx: HubContext<Loaders>): Promise<Initiative> {
    return (await ctx.loaders.initiative.load(participant.initiative.id))!;
  }
}
