import { Entity, Enum, Index, ManyToOne, Property, type Rel } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { DateScalar, HubRecord, MoneyScalar } from "@bdp/kit/server";
import { WageBand } from "../vocabulary.js";
import { ActivationProgramme } from "../programme/programme.entity.js";

@Entity({ tableName: "disability_job_place" })
@Index({ properties: ["createdOn", "id"] })
@ObjectType({ description: "A job place created for a person with disabilities by an employer partner (stanowisko pracy dla osoby z niepełnosprawnością)." })
export class DisabilityJobPlace extends HubRecord<"programme" | "occupationCode" | "employerSector" | "endedOn" | "wageBand" | "monthlySubsidy" | "equipmentRefunded"> {
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

  // PFRON realism (issue #16, item 4): how long the post lasted, what it pays, what PFRON pays for it, and what binds the employer

  @Property({ columnType: "date", type: "string", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "When the post ended; null while it exists." })
  endedOn: string | null = null;

  @Enum({ items: () => WageBand, nullable: true })
  @Field(() => WageBand, { nullable: true, description: "Its pay against the minimum wage; null when not stated." })
  wageBand: WageBand | null = null;

  @Property({ type: "decimal", precision: 10, scale: 2, nullable: true })
  @Field(() => MoneyScalar, { nullable: true, description: "The PFRON wage subsidy for it a month (art. 26a), in PLN, as PFRON last paid it; null when not subsidised or not stated." })
  monthlySubsidy: string | null = null;

  @Property({ default: false })
  @Field({ description: "Its equipment was refunded under art. 26e: the employer must keep the post for 36 months (`retention`)." })
  equipmentRefunded: boolean = false;
}
