import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar, SortDirection } from "@bdp/kit/server";
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

@InputType({ description: "A new edition of a programme." })
export class TrainingEditionInput {
  @Field(() => DateScalar, { description: "First day." })
  startsOn!: string;

  @Field(() => DateScalar, { description: "Last day, not before the first." })
  endsOn!: string;

  @Field({ description: "TERYT code of the gmina where it takes place (7 digits)." })
  municipalityCode!: string;

  @Field(() => String, { nullable: true, description: "Where it takes place, at most 300 characters." })
  venue?: string | null;

  @Field(() => Int, { description: "Number of seats, 1 to 1,000." })
  capacity!: number;

  @Field(() => EditionStatus, { nullable: true, description: "Status; PLANNED when omitted." })
  status?: EditionStatus;
}

@InputType({ description: "Changes to an edition: only the fields given change." })
export class TrainingEditionChanges {
  @Field(() => DateScalar, { nullable: true, description: "First day." })
  startsOn?: string;

  @Field(() => DateScalar, { nullable: true, description: "Last day." })
  endsOn?: string;

  @Field(() => String, { nullable: true, description: "TERYT code of the gmina (7 digits)." })
  municipalityCode?: string;

  @Field(() => String, { nullable: true, description: "Where it takes place." })
  venue?: string | null;

  @Field(() => Int, { nullable: true, description: "Number of seats; never below the seats taken." })
  capacity?: number;

  @Field(() => EditionStatus, { nullable: true, description: "Status." })
  status?: EditionStatus;
}
