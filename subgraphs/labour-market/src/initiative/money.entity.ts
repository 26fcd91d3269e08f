import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar, HubRecord, MoneyScalar } from "@bdp/kit/server";
import { FundingSource } from "@bdp/kit/domain";
import { Initiative } from "./initiative.entity.js";

/**
 * An initiative's money (issue #15, item 2): where the budget comes from
 * besides the partners' own contributions, what was spent, and the annexes
 * that changed the signed agreement.
 */
@Entity({ tableName: "funding_share" })
@Unique({ properties: ["initiative", "source", "programme"] })
@ObjectType({ description: "One source's share in an initiative's budget (co-financing): a fund, its programme and call, and the amount." })
export class FundingShare extends HubRecord<"callReference"> {
  @ManyToOne(() => Initiative, { index: true, deleteRule: "cascade" })
  initiative!: Rel<Initiative>;

  @Enum({ items: () => FundingSource })
  @Field(() => FundingSource, { description: "The fund." })
  source!: FundingSource;

  @Property({ length: 300 })
  @Field({ description: "The programme or budget line (e.g. FE SL 2021–2027, działanie 7.1; PFRON „Aktywny samorząd”; budżet powiatu)." })
  programme!: string;

  @Property({ length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: "The call for proposals or the decision it comes from (e.g. FESL.07.01-IP.01-001/25)." })
  callReference: string | null = null;

  @Property({ type: "decimal", precision: 14, scale: 2 })
  @Field(() => MoneyScalar, { description: "Amount in PLN." })
  amount!: string;
}

@Entity({ tableName: "expenditure" })
@Index({ properties: ["initiative", "spentOn"] })
@ObjectType({ description: "Money a participating partner spent on an initiative, recorded against its budget." })
export class Expenditure extends HubRecord<"description"> {
  @ManyToOne(() => Initiative, { index: true, deleteRule: "cascade" })
  initiative!: Rel<Initiative>;

  @Property({ type: "uuid" })
  @Index()
  partnerId!: string;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "When it was spent." })
  spentOn!: string;

  @Property({ type: "decimal", precision: 14, scale: 2 })
  @Field(() => MoneyScalar, { description: "Amount in PLN." })
  amount!: string;

  @Property({ length: 100 })
  @Field({ description: "Budget category (e.g. wynagrodzenia, szkolenia, stypendia stażowe, promocja)." })
  category!: string;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "What it paid for." })
  description: string | null = null;
}

@Entity({ tableName: "agreement_annex" })
@Unique({ properties: ["initiative", "number"] })
@ObjectType({ description: "An annex to a signed executive agreement: what it changed, the old and new values side by side." })
export class AgreementAnnex extends HubRecord<"newEndsOn" | "previousEndsOn" | "newTotalBudget" | "previousTotalBudget"> {
  @ManyToOne(() => Initiative, { index: true, deleteRule: "cascade" })
  initiative!: Rel<Initiative>;

  @Property({ type: "smallint" })
  @Field(() => Int, { description: "Annex number, 1 for the first." })
  number!: number;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "When it was signed." })
  signedOn!: string;

  @Property({ type: "text" })
  @Field({ description: "What it changes and why." })
  summary!: string;

  @Property({ columnType: "date", type: "string", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "The end date before the annex, where it changed it." })
  previousEndsOn: string | null = null;

  @Property({ columnType: "date", type: "string", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "The end date it set." })
  newEndsOn: string | null = null;

  @Property({ type: "decimal", precision: 14, scale: 2, nullable: true })
  @Field(() => MoneyScalar, { nullable: true, description: "The budget before the annex, where it changed it." })
  previousTotalBudget: string | null = null;

  @Property({ type: "decimal", precision: 14, scale: 2, nullable: true })
  @Field(() => MoneyScalar, { nullable: true, description: "The budget it set." })
  newTotalBudget: string | null = null;
}
