import { Entity, Enum, Index, Property } from "@mikro-orm/core";
import { Directive, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, HubRecord } from "@bdp/kit/server";
import { FundingSource } from "@bdp/kit/domain";
import { Instrument } from "../vocabulary.js";

export enum ActivationProgrammeStatus {
  PLANNED = "PLANNED",
  ACTIVE = "ACTIVE",
  CLOSED = "CLOSED",
}
registerEnumType(ActivationProgrammeStatus, {
  name: "ActivationProgrammeStatus",
  description: "Where an activation programme stands.",
  valuesConfig: { PLANNED: { description: "Not started." }, ACTIVE: { description: "Taking or supporting participants." }, CLOSED: { description: "Finished." } },
});

@Entity({ tableName: "activation_programme" })
@Index({ properties: ["name", "id"] })
@Directive('@key(fields: "id")')
@ObjectType({ description: "A programme activating persons with disabilities, run by an operator partner (program aktywizacji osób z niepełnosprawnościami)." })
export class ActivationProgramme extends HubRecord<"status" | "endsOn" | "description"> {
  @Property({ type: "uuid" })
  @Index()
  operatorId!: string;

  @Property({ length: 300 })
  @Field({ description: "Name of the programme." })
  name!: string;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "What the programme offers." })
  description: string | null = null;

  @Enum({ items: () => Instrument })
  @Index()
  @Field(() => Instrument, { description: "The activation instrument." })
  instrument!: Instrument;

  @Property({ type: "text[]" })
  @Index({ type: "gin" })
  municipalityCodes!: string[];

  @Enum({ items: () => FundingSource })
  @Field(() => FundingSource, { description: "Who pays for it." })
  fundingSource!: FundingSource;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "Start date." })
  startsOn!: string;

  @Property({ columnType: "date", type: "string", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "End date; null when open-ended (e.g. a ZAZ)." })
  endsOn: string | null = null;

  @Property({ type: "integer" })
  @Field(() => Int, { description: "Number of participant places." })
  capacity!: number;

  @Enum({ items: () => ActivationProgrammeStatus })
  @Field(() => ActivationProgrammeStatus, { description: "Where the programme stands." })
  status: ActivationProgrammeStatus = ActivationProgrammeStatus.ACTIVE;
}
