import { Field, ID, InputType } from "type-graphql";
import { DateScalar, SortDirection } from "@bdp/kit";
import { EditionStatus } from "./edition.entity.js";

@InputType({ description: "Conditions an edition must meet to be listed; all given conditions apply together." })
export class TrainingEditionFilter {
  @Field(() => [ID], { nullable: true, description: "Editions of any of these programmes." })
  programmeIds?: string[];

  @Field(() => String, { nullable: true, description: "Taking place in this TERYT unit or a unit inside it." })
  municipalityCode?: string;

  @Field(() => DateScalar, { nullable: true, description: "Starting on or after this date." })
  startsFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: "Starting on or before this date." })
  startsTo?: string;

  @Field(() => [EditionStatus], { nullable: true, description: "Any of these statuses." })
  statuses?: EditionStatus[];
}

@InputType({ description: "Sort order of a list of editions: by start date." })
export class TrainingEditionOrder {
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: "Earliest (ASC) or latest (DESC) start first." })
  direction: SortDirection = SortDirection.ASC;
}
