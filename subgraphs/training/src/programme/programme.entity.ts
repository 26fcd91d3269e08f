import { Collection, Entity, Enum, Index, OneToMany, Property, type Rel } from "@mikro-orm/core";
import { Directive, Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { HubRecord, MoneyScalar } from "@bdp/kit/server";
import { FundingSource, SupportForm, TargetGroup } from "@bdp/kit/domain";
import { TrainingEdition } from "../edition/edition.entity.js";

export enum ProgrammeStatus {
  DRAFT = "DRAFT",
  PUBLISHED = "PUBLISHED",
  ARCHIVED = "ARCHIVED",
}
registerEnumType(ProgrammeStatus, {
  name: "ProgrammeStatus",
  description: "Publication status of a training programme.",
  valuesConfig: {
    DRAFT: { description: "Being prepared by its provider." },
    PUBLISHED: { description: "Offered: editions may recruit." },
    ARCHIVED: { description: "No longer offered; kept for statistics." },
  },
});

/** Shaped after schema.org EducationalOccupationalProgram. */
@Entity({ tableName: "training_programme" })
@Index({ properties: ["title", "id"] })
@Index({ properties: ["createdAt", "id"] })
@Directive('@key(fields: "id")')
@ObjectType({ description: "A training programme offered by a partner (program szkoleniowy); its runs are editions." })
export class TrainingProgramme extends HubRecord<"status" | "occupationCode" | "certificate" | "description"> {
  @Property({ type: "uuid" })
  @Index()
  providerId!: string;

  @Property({ length: 300 })
  @Field({ description: "Title of the programme." })
  title!: string;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "What participants learn and how." })
  description: string | null = null;

  @Enum({ items: () => TargetGroup, array: true })
  @Field(() => [TargetGroup], { description: "Who the programme is for." })
  targetGroups!: TargetGroup[];

  @Property({ length: 6, nullable: true })
  @Index()
  @Field(() => String, { nullable: true, description: "Occupation the programme prepares for: 6-digit code of the Polish classification of occupations (KZiS, ISCO-08 based)." })
  occupationCode: string | null = null;

  @Enum({ items: () => SupportForm })
  @Field(() => SupportForm, { description: "Form of support." })
  form!: SupportForm;

  @Enum({ items: () => FundingSource })
  @Field(() => FundingSource, { description: "Who pays for it." })
  fundingSource!: FundingSource;

  @Property()
  @Field(() => Int, { description: "Length in teaching hours." })
  hours!: number;

  @Property({ type: "decimal", precision: 12, scale: 2 })
  @Field(() => MoneyScalar, { description: "Cost per participant in PLN." })
  costPerParticipant!: string;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Certificate or qualification obtained on completion." })
  certificate: string | null = null;

  @Enum({ items: () => ProgrammeStatus })
  @Index()
  @Field(() => ProgrammeStatus, { description: "Publication status." })
  status: ProgrammeStatus = ProgrammeStatus.PUBLISHED;

  @OneToMany(() => TrainingEdition, (e) => e.programme)
  editions = new Collection<Rel<TrainingEdition>>(this);
}
