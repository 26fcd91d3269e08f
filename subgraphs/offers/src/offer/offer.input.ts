import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { DateScalar, SortDirection } from "@bdp/kit/server";
import { OfferKind, TargetGroup } from "@bdp/kit/domain";

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
