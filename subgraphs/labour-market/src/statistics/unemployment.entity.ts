import { Entity, Enum, Index, Property, Unique } from "@mikro-orm/core";
import { Field, Float, Int, ObjectType, registerEnumType } from "type-graphql";
import { HubRecord } from "@bdp/kit/server";

export enum StatisticSource {
  PUP_REPORT = "PUP_REPORT",
  GUS_BDL = "GUS_BDL",
  DEMO_ESTIMATE = "DEMO_ESTIMATE",
}
registerEnumType(StatisticSource, {
  name: "StatisticSource",
  description: "Where a figure comes from.",
  valuesConfig: {
    PUP_REPORT: { description: "A county labour office's monthly report (MRPiPS-01)." },
    GUS_BDL: { description: "Statistics Poland's Local Data Bank (BDL)." },
    DEMO_ESTIMATE: { description: "Demo data interpolated from published figures; not an official statistic." },
  },
});

@Entity({ tableName: "unemployment_statistic" })
@Unique({ properties: ["territoryCode", "year", "month"] })
@Index({ properties: ["territoryCode", "year", "month", "id"] })
@ObjectType({ description: "Registered unemployment in a unit of the territory at the end of a month." })
export class UnemploymentStatistic extends HubRecord<"women" | "longTermUnemployed" | "under30" | "over50" | "withDisabilities" | "rate"> {
  @Property({ length: 7 })
  territoryCode!: string;

  @Property({ type: "smallint" })
  @Field(() => Int, { description: "Year." })
  year!: number;

  @Property({ type: "smallint" })
  @Field(() => Int, { description: "Month, 1–12 (end of month)." })
  month!: number;

  @Property({ type: "integer" })
  @Field(() => Int, { description: "Registered unemployed persons." })
  registeredUnemployed!: number;

  @Property({ type: "integer", nullable: true })
  @Field(() => Int, { nullable: true, description: "Of which women." })
  women: number | null = null;

  @Property({ type: "integer", nullable: true })
  @Field(() => Int, { nullable: true, description: "Of which long-term unemployed." })
  longTermUnemployed: number | null = null;

  @Property({ type: "integer", nullable: true })
  @Field(() => Int, { nullable: true, description: "Of which under 30." })
  under30: number | null = null;

  @Property({ type: "integer", nullable: true })
  @Field(() => Int, { nullable: true, description: "Of which over 50." })
  over50: number | null = null;

  @Property({ type: "integer", nullable: true })
  @Field(() => Int, { nullable: true, description: "Of which persons with disabilities." })
  withDisabilities: number | null = null;

  @Property({ type: "decimal", precision: 4, scale: 1, nullable: true })
  @Field(() => Float, { nullable: true, description: "Registered unemployment rate in percent; published for counties and cities only." })
  rate: string | null = null;

  @Enum({ items: () => StatisticSource })
  @Field(() => StatisticSource, { description: "Where the figure comes from." })
  source!: StatisticSource;
}
