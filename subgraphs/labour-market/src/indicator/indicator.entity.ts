import { Entity, Enum, ManyToOne, Property, Unique, type Rel } from "@mikro-orm/core";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, HubRecord } from "@bdp/kit/server";
import { Initiative } from "../initiative/initiative.entity.js";
import { LabourMarketIssue } from "../issue/issue.entity.js";
import { StrategyGoal } from "../strategy/strategy.entity.js";

export enum IndicatorKind {
  OUTPUT = "OUTPUT",
  RESULT = "RESULT",
}
registerEnumType(IndicatorKind, {
  name: "IndicatorKind",
  description: "Output (wskaźnik produktu) or result (wskaźnik rezultatu) indicator.",
  valuesConfig: { OUTPUT: { description: "Output: what was delivered (wskaźnik produktu)." }, RESULT: { description: "Result: the effect on people (wskaźnik rezultatu)." } },
});

@Entity({ tableName: "indicator" })
@ObjectType({ description: "A measurable effect of an initiative, an issue or a strategy goal: unit, baseline, target (and the date to reach it) and measured values (ESF+ common indicators where they fit)." })
export class Indicator extends HubRecord<"initiative" | "issue" | "strategyGoal" | "code" | "targetOn"> {
  @ManyToOne(() => Initiative, { nullable: true, index: true, deleteRule: "cascade" })
  initiative: Rel<Initiative> | null = null;

  @ManyToOne(() => LabourMarketIssue, { nullable: true, index: true, deleteRule: "cascade" })
  issue: Rel<LabourMarketIssue> | null = null;

  @ManyToOne(() => StrategyGoal, { nullable: true, index: true, deleteRule: "cascade" })
  strategyGoal: Rel<StrategyGoal> | null = null;

  @Property({ length: 20, nullable: true })
  @Field(() => String, { nullable: true, description: "Code of a common indicator, e.g. EECO02 (ESF+, Regulation 2021/1057 Annex I)." })
  code: string | null = null;

  @Property({ length: 300 })
  @Field({ description: "Name of the indicator." })
  name!: string;

  @Enum({ items: () => IndicatorKind })
  @Field(() => IndicatorKind, { description: "Output or result." })
  kind!: IndicatorKind;

  @Property({ length: 40 })
  @Field({ description: "Unit of measure (persons, %, places, PLN…)." })
  unit!: string;

  @Property({ type: "decimal", precision: 14, scale: 2 })
  @Field({ description: "Value before the intervention, as a decimal string." })
  baseline!: string;

  @Property({ type: "decimal", precision: 14, scale: 2 })
  @Field({ description: "Value to reach, as a decimal string." })
  target!: string;

  @Property({ type: "boolean" })
  @Field({ description: "Whether values are broken down by sex." })
  bySex!: boolean;

  @Property({ columnType: "date", type: "string", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "When the target is to be reached; null when not set." })
  targetOn: string | null = null;
}

@Entity({ tableName: "indicator_measurement" })
@Unique({ properties: ["indicator", "measuredOn"] })
@ObjectType({ description: "A measured value of an indicator." })
export class IndicatorMeasurement extends HubRecord<"women" | "men"> {
  @ManyToOne(() => Indicator, { index: true, deleteRule: "cascade" })
  indicator!: Rel<Indicator>;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "End of the period measured." })
  measuredOn!: string;

  @Property({ type: "decimal", precision: 14, scale: 2 })
  @Field({ description: "Value, as a decimal string." })
  value!: string;

  @Property({ type: "decimal", precision: 14, scale: 2, nullable: true })
  @Field(() => String, { nullable: true, description: "Of which women, where broken down by sex." })
  women: string | null = null;

  @Property({ type: "decimal", precision: 14, scale: 2, nullable: true })
  @Field(() => String, { nullable: true, description: "Of which men, where broken down by sex." })
  men: string | null = null;
}
