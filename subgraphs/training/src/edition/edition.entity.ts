import { Entity, Enum, Index, ManyToOne, Property, type Rel } from "@mikro-orm/core";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, HubRecord } from "@bdp/kit/server";
import { TrainingProgramme } from "../programme/programme.entity.js";

export enum EditionStatus {
  PLANNED = "PLANNED",
  RECRUITING = "RECRUITING",
  IN_PROGRESS = "IN_PROGRESS",
  COMPLETED = "COMPLETED",
  CANCELLED = "CANCELLED",
}
registerEnumType(EditionStatus, {
  name: "EditionStatus",
  description: "Where an edition of a programme stands.",
  valuesConfig: {
    PLANNED: { description: "Scheduled, not yet recruiting." },
    RECRUITING: { description: "Taking enrolments." },
    IN_PROGRESS: { description: "Running." },
    COMPLETED: { description: "Finished; outcomes are being recorded." },
    CANCELLED: { description: "Will not run." },
  },
});

@Entity({ tableName: "training_edition" })
@Index({ properties: ["startsOn", "id"] })
@ObjectType({ description: "One run of a training programme: dates, place and capacity (edycja szkolenia)." })
export class TrainingEdition extends HubRecord<"status" | "venue"> {
  @ManyToOne(() => TrainingProgramme, { index: true, deleteRule: "cascade" })
  programme!: Rel<TrainingProgramme>;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "First day." })
  startsOn!: string;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "Last day." })
  endsOn!: string;

  @Property({ length: 7 })
  @Index()
  municipalityCode!: string;

  @Property({ length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: "Where it takes place." })
  venue: string | null = null;

  @Property()
  @Field(() => Int, { description: "Number of seats." })
  capacity!: number;

  @Enum({ items: () => EditionStatus })
  @Field(() => EditionStatus, { description: "Where the edition stands." })
  status: EditionStatus = EditionStatus.PLANNED;
}
