import { Field, ID, InputType, Int, registerEnumType } from "type-graphql";
import { MoneyScalar, SortDirection } from "@bdp/kit/server";
import { FundingSource, SupportForm, TargetGroup } from "@bdp/kit/domain";
import { ProgrammeStatus } from "./programme.entity.js";

@InputType({ description: "Conditions a training programme must meet to be listed; all given conditions apply together." })
export class TrainingProgrammeFilter {
  @Field(() => [ID], { nullable: true, description: "Offered by any of these partners." })
  providerIds?: string[];

  @Field(() => [TargetGroup], { nullable: true, description: "For any of these target groups." })
  targetGroups?: TargetGroup[];

  @Field(() => [SupportForm], { nullable: true, description: "Any of these forms of support." })
  forms?: SupportForm[];

  @Field(() => [FundingSource], { nullable: true, description: "Funded from any of these sources." })
  fundingSources?: FundingSource[];

  @Field(() => [ProgrammeStatus], { nullable: true, description: "Any of these statuses (default: all)." })
  statuses?: ProgrammeStatus[];

  @Field(() => String, { nullable: true, description: "KZiS occupation code (6 digits) or its prefix (e.g. 7 for craft workers)." })
  occupationCode?: string;

  @Field(() => String, { nullable: true, description: "Has an edition in this TERYT unit or a unit inside it." })
  municipalityCode?: string;

  @Field(() => String, { nullable: true, description: "Title contains this text (case-insensitive, at most 100 characters)." })
  search?: string;
}

export enum TrainingProgrammeSortField {
  TITLE = "title",
  HOURS = "hours",
  COST = "costPerParticipant",
  CREATED_AT = "createdAt",
}
registerEnumType(TrainingProgrammeSortField, {
  name: "TrainingProgrammeSortField",
  description: "What a list of training programmes can be sorted by.",
  valuesConfig: {
    TITLE: { description: "Title, alphabetically." },
    HOURS: { description: "Length in hours." },
    COST: { description: "Cost per participant." },
    CREATED_AT: { description: "When the record was created." },
  },
});

@InputType({ description: "Sort order of a list of training programmes." })
export class TrainingProgrammeOrder {
  @Field(() => TrainingProgrammeSortField, { defaultValue: TrainingProgrammeSortField.TITLE, description: "Sort key." })
  field: TrainingProgrammeSortField = TrainingProgrammeSortField.TITLE;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: "Direction." })
  direction: SortDirection = SortDirection.ASC;
}

@InputType({ description: "A new training programme; the provider is the caller's partner." })
export class TrainingProgrammeInput {
  @Field({ description: "Title, 3 to 300 characters." })
  title!: string;

  @Field(() => String, { nullable: true, description: "Description, at most 5,000 characters." })
  description?: string | null;

  @Field(() => [TargetGroup], { description: "1 to 18 target groups, in force today (see `vocabulary`)." })
  targetGroups!: TargetGroup[];

  @Field(() => String, { nullable: true, description: "KZiS occupation code, 6 digits." })
  occupationCode?: string | null;

  @Field(() => SupportForm, { description: "Form of support." })
  form!: SupportForm;

  @Field(() => FundingSource, { description: "Funding source." })
  fundingSource!: FundingSource;

  @Field(() => Int, { description: "Length in teaching hours, 1 to 2,000." })
  hours!: number;

  @Field(() => MoneyScalar, { description: "Cost per participant in PLN, 0 to 1,000,000." })
  costPerParticipant!: string;

  @Field(() => String, { nullable: true, description: "Certificate obtained, at most 300 characters." })
  certificate?: string | null;

  @Field(() => ProgrammeStatus, { nullable: true, description: "Publication status; DRAFT when omitted." })
  status?: ProgrammeStatus;
}

@InputType({ description: "Changes to a training programme: only the fields given change." })
export class TrainingProgrammeChanges {
  @Field(() => String, { nullable: true, description: "Title, 3 to 300 characters." })
  title?: string;

  @Field(() => String, { nullable: true, description: "Description, at most 5,000 characters." })
  description?: string | null;

  @Field(() => [TargetGroup], { nullable: true, description: "1 to 18 target groups, in force today (see `vocabulary`)." })
  targetGroups?: TargetGroup[];

  @Field(() => String, { nullable: true, description: "KZiS occupation code, 6 digits." })
  occupationCode?: string | null;

  @Field(() => SupportForm, { nullable: true, description: "Form of support." })
  form?: SupportForm;

  @Field(() => FundingSource, { nullable: true, description: "Funding source." })
  fundingSource?: FundingSource;

  @Field(() => Int, { nullable: true, description: "Length in teaching hours, 1 to 2,000." })
  hours?: number;

  @Field(() => MoneyScalar, { nullable: true, description: "Cost per participant in PLN." })
  costPerParticipant?: string;

  @Field(() => String, { nullable: true, description: "Certificate obtained." })
  certificate?: string | null;

  @Field(() => ProgrammeStatus, { nullable: true, description: "Publication status." })
  status?: ProgrammeStatus;
}
