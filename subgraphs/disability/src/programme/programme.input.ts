import { Field, ID, InputType } from "type-graphql";
import { FundingSource } from "@bdp/kit/domain";
import { ActivationProgrammeStatus } from "./programme.entity.js";
import { Instrument } from "../vocabulary.js";

@InputType({ description: "Conditions an activation programme must meet to be listed; all given conditions apply together." })
export class ActivationProgrammeFilter {
  @Field(() => [ID], { nullable: true, description: "Run by any of these partners." })
  operatorIds?: string[];

  @Field(() => [Instrument], { nullable: true, description: "Using any of these instruments." })
  instruments?: Instrument[];

  @Field(() => [FundingSource], { nullable: true, description: "Funded from any of these sources." })
  fundingSources?: FundingSource[];

  @Field(() => [ActivationProgrammeStatus], { nullable: true, description: "Any of these statuses." })
  statuses?: ActivationProgrammeStatus[];

  @Field(() => String, { nullable: true, description: "Serving this TERYT unit or a unit inside it." })
  municipalityCode?: string;

  @Field(() => String, { nullable: true, description: "Name contains this text (case-insensitive, at most 100 characters)." })
  search?: string;
}
