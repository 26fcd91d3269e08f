import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from "@mikro-orm/core";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, HubRecord } from "@bdp/kit/server";
import { LabourMarketIssue } from "../issue/issue.entity.js";
import { Strategy } from "../strategy/strategy.entity.js";

export enum ConsultationStatus {
  PLANNED = "PLANNED",
  OPEN = "OPEN",
  CLOSED = "CLOSED",
}
registerEnumType(ConsultationStatus, {
  name: "ConsultationStatus",
  description: "Where a consultation stands.",
  valuesConfig: { PLANNED: { description: "Announced." }, OPEN: { description: "Taking positions." }, CLOSED: { description: "Closed; see the outcome." } },
});

export enum Stance {
  SUPPORT = "SUPPORT",
  SUPPORT_WITH_AMENDMENTS = "SUPPORT_WITH_AMENDMENTS",
  OPPOSE = "OPPOSE",
  ABSTAIN = "ABSTAIN",
}
registerEnumType(Stance, {
  name: "Stance",
  description: "A partner's position in a consultation.",
  valuesConfig: {
    SUPPORT: { description: "Supports the proposal as it is." },
    SUPPORT_WITH_AMENDMENTS: { description: "Supports it with the amendments in its statement." },
    OPPOSE: { description: "Opposes it." },
    ABSTAIN: { description: "Takes no position." },
  },
});

@Entity({ tableName: "consultation" })
@Index({ properties: ["opensOn", "id"] })
@ObjectType({ description: "A consultation among partners towards a common vision (konsultacje), with the positions taken and the outcome." })
export class Consultation extends HubRecord<"issue" | "strategy" | "outcome" | "status" | "description"> {
  @Property({ length: 300 })
  @Field({ description: "What is consulted." })
  subject!: string;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Background and questions." })
  description: string | null = null;

  @ManyToOne(() => LabourMarketIssue, { nullable: true, index: true, deleteRule: "set null" })
  issue: Rel<LabourMarketIssue> | null = null;

  @ManyToOne(() => Strategy, { nullable: true, index: true, deleteRule: "set null" })
  strategy: Rel<Strategy> | null = null;

  @Property({ type: "uuid" })
  organiserId!: string;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "First day positions are taken." })
  opensOn!: string;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "Last day positions are taken." })
  closesOn!: string;

  @Enum({ items: () => ConsultationStatus })
  @Field(() => ConsultationStatus, { description: "Where it stands." })
  status: ConsultationStatus = ConsultationStatus.PLANNED;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The outcome and its reasons, once closed." })
  outcome: string | null = null;
}

@Entity({ tableName: "consultation_position" })
@Unique({ properties: ["consultation", "partnerId"] })
@ObjectType({ description: "The position a partner took in a consultation." })
export class ConsultationPosition extends HubRecord {
  @ManyToOne(() => Consultation, { index: true, deleteRule: "cascade" })
  consultation!: Rel<Consultation>;

  @Property({ type: "uuid" })
  @Index()
  partnerId!: string;

  @Enum({ items: () => Stance })
  @Field(() => Stance, { description: "The stance taken." })
  stance!: Stance;

  @Property({ type: "text" })
  @Field({ description: "The partner's statement." })
  statement!: string;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "When it was submitted." })
  submittedOn!: string;
}
