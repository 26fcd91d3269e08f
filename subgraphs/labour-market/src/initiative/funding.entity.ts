import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from "@mikro-orm/core";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, HubRecord, MoneyScalar } from "@bdp/kit/server";
import { FundingSource } from "@bdp/kit/domain";
import { Initiative } from "./initiative.entity.js";

/**
 * Raising funds (issue #15, item 2): calls for funding and the partnership's
 * applications to them. A call is recorded by the partner that runs it (a
 * labour office's KFS or Labour Fund call) or, for an outside funder's call
 * (an ESF+ managing authority), by the partner that applies; the partner that
 * recorded it records the decisions on it.
 */

export enum FundingApplicationStatus {
  SUBMITTED = "SUBMITTED",
  GRANTED = "GRANTED",
  REJECTED = "REJECTED",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(FundingApplicationStatus, {
  name: "FundingApplicationStatus",
  description: "Where an application for funding stands.",
  valuesConfig: {
    SUBMITTED: { description: "Submitted, waiting for the decision." },
    GRANTED: { description: "Granted (`granted` says how much, at most what was asked)." },
    REJECTED: { description: "Rejected, with the reason." },
    WITHDRAWN: { description: "Withdrawn by the applicant before the decision." },
  },
});

@Entity({ tableName: "funding_call" })
@Index({ properties: ["closesOn"] })
@ObjectType({ description: "A call for funding (nabór): who funds, under which programme, when it is open and how much it has." })
export class FundingCall extends HubRecord<"available"> {
  @Property({ length: 100 })
  @Unique()
  @Field({ description: "The call's reference (e.g. FESL.07.03-IP.02-001/27, KFS/1/2027)." })
  reference!: string;

  @Property({ length: 300 })
  @Field({ description: "Title." })
  title!: string;

  @Enum({ items: () => FundingSource })
  @Field(() => FundingSource, { description: "The fund." })
  source!: FundingSource;

  @Property({ length: 300 })
  @Field({ description: "The programme or budget line." })
  programme!: string;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "First day applications are taken." })
  opensOn!: string;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "Last day applications are taken." })
  closesOn!: string;

  @Property({ type: "decimal", precision: 14, scale: 2, nullable: true })
  @Field(() => MoneyScalar, { nullable: true, description: "What the call has to give, in PLN; null when not stated. Grants never add up to more." })
  available: string | null = null;

  @Property({ type: "uuid" })
  @Index()
  ownerPartnerId!: string;
}

@Entity({ tableName: "funding_application" })
@Unique({ properties: ["call", "initiative"] })
@ObjectType({ description: "An initiative's application to a call for funding, and its decision." })
export class FundingApplication extends HubRecord<"status" | "granted" | "decidedOn" | "decisionReason"> {
  @ManyToOne(() => FundingCall, { index: true, deleteRule: "cascade" })
  call!: Rel<FundingCall>;

  @ManyToOne(() => Initiative, { index: true, deleteRule: "cascade" })
  initiative!: Rel<Initiative>;

  @Property({ type: "decimal", precision: 14, scale: 2 })
  @Field(() => MoneyScalar, { description: "What was asked for, in PLN." })
  requested!: string;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "When it was submitted." })
  submittedOn!: string;

  @Enum({ items: () => FundingApplicationStatus })
  @Index()
  @Field(() => FundingApplicationStatus, { description: "Submitted, granted, rejected or withdrawn." })
  status: FundingApplicationStatus = FundingApplicationStatus.SUBMITTED;

  @Property({ type: "decimal", precision: 14, scale: 2, nullable: true })
  @Field(() => MoneyScalar, { nullable: true, description: "What was granted, in PLN." })
  granted: string | null = null;

  @Property({ columnType: "date", type: "string", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "When it was decided or withdrawn." })
  decidedOn: string | null = null;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The decision's reason, or why it was withdrawn." })
  decisionReason: string | null = null;
}
