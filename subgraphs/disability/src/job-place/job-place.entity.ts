import { Entity, Index, ManyToOne, Property, type Rel } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { DateScalar, HubRecord } from "@bdp/kit/server";
import { ActivationProgramme } from "../programme/programme.entity.js";

@Entity({ tableName: "disability_job_place" })
@Index({ properties: ["createdOn", "id"] })
@ObjectType({ description: "A job place created for a person with disabilities by an employer partner (stanowisko pracy dla osoby z niepełnosprawnością)." })
export class DisabilityJobPlace extends HubRecord<"programme" | "occupationCode" | "employerSector"> {
  @Property({ type: "uuid" })
  @Index()
  employerId!: string;

  @ManyToOne(() => ActivationProgramme, { nullable: true, index: true, deleteRule: "set null" })
  programme: Rel<ActivationProgramme> | null = null;

  @Property({ length: 6, nullable: true })
  @Field(() => String, { nullable: true, description: "KZiS occupation code of the post." })
  occupationCode: string | null = null;

  /**
   * The employer's sector in the partner register when the place was
   * recorded: a copy, so job places can be counted by sector in SQL
   * (`TerritorialUnit.disabilityJobPlacesCreated`). Null where the register
   * was not asked (places recorded before the copy was kept).
   */
  @Property({ type: "text", nullable: true })
  employerSector: string | null = null;

  @Property({ length: 7 })
  @Index()
  municipalityCode!: string;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "When the place was created." })
  createdOn!: string;

  @Property({ type: "decimal", precision: 4, scale: 2 })
  @Field({ description: "Working time as a fraction of full time, e.g. \"0.50\"." })
  fullTimeEquivalent!: string;

  @Property({ type: "boolean" })
  @Field({ description: "Whether the post receives the PFRON wage subsidy." })
  subsidised!: boolean;

  @Property({ type: "boolean" })
  @Field({ description: "Whether the workstation was adapted to the person's needs." })
  adaptedWorkstation!: boolean;

  @Property({ type: "boolean" })
  @Field({ description: "Whether the place is currently filled." })
  filled!: boolean;
}
