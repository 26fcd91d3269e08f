import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { DateScalar, MoneyScalar, SortDirection } from "@bdp/kit/server";
import { ContractType, OfferKind, SalaryPeriod, TargetGroup, WorkingTime } from "@bdp/kit/domain";

@InputType({ description: "Offers that state a pay of at least this much (their maximum, or their minimum when they give no maximum), in this currency and for this period." })
export class SalaryFilter {
  @Field(() => MoneyScalar, { description: "The least pay wanted, gross." })
  atLeast!: string;

  @Field({ defaultValue: "PLN", description: "Currency, ISO 4217." })
  currency: string = "PLN";

  @Field(() => SalaryPeriod, { defaultValue: SalaryPeriod.MONTH, description: "The period the amount is for." })
  period: SalaryPeriod = SalaryPeriod.MONTH;
}

@InputType({ description: "Conditions an offer must meet to be listed; all given conditions apply together." })
export class OfferFilter {
  @Field(() => [OfferKind], { nullable: true, description: "Any of these kinds." })
  kinds?: OfferKind[];

  @Field(() => [TargetGroup], { nullable: true, description: "Meant for any of these groups." })
  targetGroups?: TargetGroup[];

  @Field(() => String, { nullable: true, description: "In this TERYT unit or a unit inside it (the county `2401` includes its gminas)." })
  municipalityCode?: string;

  @Field(() => [ID], { nullable: true, description: "Offered by any of these partners." })
  partnerIds?: string[];

  @Field(() => [String], { nullable: true, description: "Published by any of these plugins (slugs)." })
  pluginSlugs?: string[];

  @Field(() => DateScalar, { nullable: true, description: "Open on this day: valid from it or earlier, and through it or later (or open-ended)." })
  validOn?: string;

  @Field(() => String, { nullable: true, description: "Words in the title or description (case-insensitive), at most 100 characters." })
  text?: string;

  @Field(() => SalaryFilter, { nullable: true, description: "Stating a pay of at least this much; offers that state none are left out." })
  salary?: SalaryFilter;

  @Field(() => [ContractType], { nullable: true, description: "Any of these forms of work." })
  contractTypes?: ContractType[];

  @Field(() => [WorkingTime], { nullable: true, description: "Any of these working times." })
  workingTimes?: WorkingTime[];
}

export enum OfferSortField {
  VALID_FROM = "validFrom",
  TITLE = "title",
}
registerEnumType(OfferSortField, {
  name: "OfferSortField",
  description: "What a list of offers can be sorted by.",
  valuesConfig: { VALID_FROM: { description: "The first day the offer is open." }, TITLE: { description: "Title, alphabetically." } },
});

@InputType({ description: "Sort order of a list of offers." })
export class OfferOrder {
  @Field(() => OfferSortField, { defaultValue: OfferSortField.VALID_FROM, description: "Sort key." })
  field: OfferSortField = OfferSortField.VALID_FROM;

  @Field(() => SortDirection, { defaultValue: SortDirection.DESC, description: "Direction." })
  direction: SortDirection = SortDirection.DESC;
}
