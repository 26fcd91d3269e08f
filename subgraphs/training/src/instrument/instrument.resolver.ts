import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { FilterQuery } from "@mikro-orm/postgresql";
import {
  ConnectionType, DateScalar, MoneyScalar, PageArgs, centsToMoney, checkId, checkIds, checkList, isHolder, isoDay, moneyCents, openOn, paginate, partnerRef, territoryScope, today, unitRef,
  type HubContext, type PartnerRef as PartnerRefShape, type TerritorialUnitRef as TerritorialUnitRefShape,
} from "@bdp/kit/server";
import { SupportForm } from "@bdp/kit/domain";
import { PartnerRef, TerritorialUnitRef } from "../references/reference.types.js";
import { DutyStatus, InstrumentAgreement, InstrumentCall, InstrumentDuty } from "./instrument.entity.js";
import type { Loaders } from "../loaders.js";

export const InstrumentCallConnection = ConnectionType(InstrumentCall, "InstrumentCall", "instrument calls");

@InputType({ description: "Which calls; all given conditions apply together." })
export class InstrumentCallFilter {
  @Field(() => Boolean, { nullable: true, description: "Open on the day asked (`openOn`, today by default): true for open calls, false for the others." })
  open?: boolean;

  @Field(() => DateScalar, { nullable: true, description: "The day `open` is about." })
  openOn?: string;

  @Field(() => [SupportForm], { nullable: true, description: "Of any of these instruments." })
  instruments?: SupportForm[];

  @Field(() => [ID], { nullable: true, description: "Of any of these providers." })
  providerIds?: string[];

  @Field(() => String, { nullable: true, description: "For this gmina, or a gmina of this county or city (TERYT)." })
  municipalityCode?: string;
}

@ObjectType({ description: "What a call has given and has left." })
export class InstrumentCallUse {
  @Field(() => Int, { description: "Agreements signed." })
  agreements!: number;

  @Field(() => MoneyScalar, { description: "Their sums together, in PLN." })
  committed!: string;

  @Field(() => MoneyScalar, { description: "What the call has left, in PLN." })
  left!: string;
}

function callWhere(filter: InstrumentCallFilter | undefined): FilterQuery<InstrumentCall> {
  const where: Record<string, unknown> = {};
  if (!filter) return where;
  if (filter.open != null) Object.assign(where, openOn(filter.open, filter.openOn ?? today()));
  const instruments = checkList("filter.instruments", filter.instruments, 20);
  if (instruments?.length) where.instrument = { $in: instruments };
  const providers = checkIds("filter.providerIds", filter.providerIds);
  if (providers) where.providerId = { $in: providers };
  const scope = territoryScope("filter.municipalityCode", filter.municipalityCode);
  if (scope) where.municipalityCodes = { $overlap: scope };
  return where as FilterQuery<InstrumentCall>;
}

@Resolver(() => InstrumentCall)
export class InstrumentCallResolver {
  @Query(() => InstrumentCall, { nullable: true, description: "A call for an instrument by id; null when there is none. Open to anyone, as the call is public." })
  instrumentCall(@Arg("id", () => ID, { description: "Call id." }) id: string, @Ctx() ctx: HubContext<Loaders>) {
    return ctx.loaders.instrumentCall.load(checkId("id", id));
  }

  @Query(() => InstrumentCallConnection, { description: "Labour offices' calls for instruments (grants, refunds, subsidies, loans, works): filtered, latest closing first, paginated by cursor. Open to anyone." })
  instrumentCalls(
    @Ctx() ctx: HubContext<Loaders>,
    @Args() page: PageArgs,
    @Arg("filter", () => InstrumentCallFilter, { nullable: true, description: "Which calls." }) filter?: InstrumentCallFilter,
  ) {
    return paginate(ctx.em, InstrumentCall, callWhere(filter), { closesOn: "desc" }, page);
  }

  @FieldResolver(() => PartnerRef, { description: "The labour office (or other partner) that runs it." })
  provider(@Root() call: InstrumentCall): PartnerRefShape {
    return partnerRef(call.providerId);
  }

  @FieldResolver(() => [TerritorialUnitRef], { description: "The gminas it is for." })
  municipalities(@Root() call: InstrumentCall): TerritorialUnitRefShape[] {
    return call.municipalityCodes.map(unitRef);
  }

  @FieldResolver(() => Boolean, { description: "Whether it takes applications today." })
  open(@Root() call: InstrumentCall): boolean {
    const on = today();
    return isoDay(call.opensOn) <= on && on <= isoDay(call.closesOn);
  }

  @FieldResolver(() => InstrumentCallUse, { description: "What it has given and has left: public, as the use of public money is." })
  async use(@Root() call: InstrumentCall, @Ctx() ctx: HubContext<Loaders>): Promise<InstrumentCallUse> {
    const { committed, agreements } = await ctx.loaders.callCommitted.load(call.id);
    return { agreements, committed: centsToMoney(moneyCents(committed)), left: centsToMoney(moneyCents(call.budget) - moneyCents(committed)) };
  }

  @FieldResolver(() => [InstrumentAgreement], { description: "Its agreements, in the order signed. Employers' agreements are public; a person's shows its case reference to the provider only." })
  agreements(@Root() call: InstrumentCall, @Ctx() ctx: HubContext<Loaders>): Promise<InstrumentAgreement[]> {
    return ctx.loaders.agreementsByCall.load(call.id);
  }
}

@Resolver(() => InstrumentAgreement)
export class InstrumentAgreementResolver {
  @FieldResolver(() => InstrumentCall, { description: "The call it was signed under." })
  async call(@Root() agreement: InstrumentAgreement, @Ctx() ctx: HubContext<Loaders>): Promise<InstrumentCall> {
    return (await ctx.loaders.instrumentCall.load(agreement.call.id))!;
  }

  @FieldResolver(() => TerritorialUnitRef, { description: "The gmina where the support is used." })
  municipality(@Root() agreement: InstrumentAgreement): TerritorialUnitRefShape {
    return unitRef(agreement.municipalityCode);
  }

  @FieldResolver(() => String, { nullable: true, description: "The provider's case reference of the person: for the provider holding the case; null for everyone else, and for an employer's agreement." })
  async caseReference(@Root() agreement: InstrumentAgreement, @Ctx() ctx: HubContext<Loaders>): Promise<string | null> {
    if (agreement.caseReference === null) return null;
    const call = await ctx.loaders.instrumentCall.load(agreement.call.id);
    return call && isHolder(ctx, call.providerId) ? agreement.caseReference : null;
  }

  @FieldResolver(() => [InstrumentDuty], { description: "The duties it carries, earliest due first." })
  duties(@Root() agreement: InstrumentAgreement, @Ctx() ctx: HubContext<Loaders>): Promise<InstrumentDuty[]> {
    return ctx.loaders.dutiesByAgreement.load(agreement.id);
  }
}

@Resolver(() => InstrumentDuty)
export class InstrumentDutyResolver {
  @FieldResolver(() => Boolean, { description: "Still RUNNING after its last day: the provider has a check to make." })
  overdue(@Root() duty: InstrumentDuty): boolean {
    return duty.status === DutyStatus.RUNNING && isoDay(duty.dueOn) < today();
  }
}
