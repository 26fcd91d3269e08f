import { Entity, Enum, Index, ManyToOne, Property, type Rel } from "@mikro-orm/core";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, HubRecord } from "@bdp/kit/server";
import { LabourMarketIssue } from "../issue/issue.entity.js";

export enum StrategyLevel {
  MUNICIPAL = "MUNICIPAL",
  COUNTY = "COUNTY",
  PARTNERSHIP = "PARTNERSHIP",
}
registerEnumType(StrategyLevel, {
  name: "StrategyLevel",
  description: "Whose strategy it is.",
  valuesConfig: {
    MUNICIPAL: { description: "A gmina's or the city's development strategy." },
    COUNTY: { description: "The county's strategy (e.g. its labour-market programme)." },
    PARTNERSHIP: { description: "The partnership's own joint strategy." },
  },
});

@Entity({ tableName: "strategy" })
@Index({ properties: ["periodStart", "id"] })
@ObjectType({ description: "A local development strategy analysed by the partnership, with its goals." })
export class Strategy extends HubRecord<"documentUrl" | "partnershipAdoption" | "partnershipAdoptedOn"> {
  @Property({ length: 300 })
  @Field({ description: "Title of the strategy." })
  title!: string;

  @Enum({ items: () => StrategyLevel })
  @Field(() => StrategyLevel, { description: "Whose strategy it is." })
  level!: StrategyLevel;

  @Property({ length: 7 })
  @Index()
  territoryCode!: string;

  @Property({ type: "uuid" })
  adoptedById!: string;

  @Property({ type: "smallint" })
  @Field(() => Int, { description: "First year covered." })
  periodStart!: number;

  @Property({ type: "smallint" })
  @Field(() => Int, { description: "Last year covered." })
  periodEnd!: number;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "When it was adopted." })
  adoptedOn!: string;

  @Property({ length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: "Where the document is published." })
  documentUrl: string | null = null;

  @Property({ length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: "The partnership's resolution adopting it as the frame of the partnership's work (e.g. \"Uchwała nr 4/2026 (Rada Partnerstwa)\"); null until a body of the partnership adopts it. `adoptedOn` is its author's own adoption." })
  partnershipAdoption: string | null = null;

  @Property({ columnType: "date", type: "string", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "The day the partnership's body adopted it; null until then." })
  partnershipAdoptedOn: string | null = null;
}

@Entity({ tableName: "strategy_goal" })
@ObjectType({ description: "A goal of a strategy, possibly tied to a labour-market issue." })
export class StrategyGoal extends HubRecord<"issue" | "description"> {
  @ManyToOne(() => Strategy, { index: true, deleteRule: "cascade" })
  strategy!: Rel<Strategy>;

  @Property({ type: "smallint" })
  @Field(() => Int, { description: "Position of the goal in the strategy." })
  ordinal!: number;

  @Property({ length: 300 })
  @Field({ description: "The goal." })
  title!: string;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "What achieving it means." })
  description: string | null = null;

  @ManyToOne(() => LabourMarketIssue, { nullable: true, index: true, deleteRule: "set null" })
  issue: Rel<LabourMarketIssue> | null = null;
}
