import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from "@mikro-orm/core";
import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, HubRecord, MoneyScalar } from "@bdp/kit/server";
import { FundingSource, MissionArea } from "@bdp/kit/domain";
import { LabourMarketIssue } from "../issue/issue.entity.js";

export enum InitiativeStatus {
  PLANNED = "PLANNED",
  RUNNING = "RUNNING",
  COMPLETED = "COMPLETED",
  CANCELLED = "CANCELLED",
}
registerEnumType(InitiativeStatus, {
  name: "InitiativeStatus",
  description: "Where an initiative stands.",
  valuesConfig: { PLANNED: { description: "Agreed, not started." }, RUNNING: { description: "Under way." }, COMPLETED: { description: "Finished." }, CANCELLED: { description: "Abandoned." } },
});

export enum ParticipantRole {
  LEAD = "LEAD",
  PARTNER = "PARTNER",
  SUPPORTING = "SUPPORTING",
}
registerEnumType(ParticipantRole, {
  name: "AgreementRole",
  description: "A partner's role in an executive agreement.",
  valuesConfig: { LEAD: { description: "Leads the initiative (lider)." }, PARTNER: { description: "Carries out tasks (partner)." }, SUPPORTING: { description: "Supports it (partner wspierający)." } },
});

@Entity({ tableName: "initiative" })
@Index({ properties: ["startsOn", "id"] })
@Directive('@key(fields: "id")')
@ObjectType({ description: "A joint initiative or project of partners, governed by an executive agreement (porozumienie wykonawcze)." })
export class Initiative extends HubRecord<"issue" | "status" | "description"> {
  @Property({ length: 300 })
  @Field({ description: "Title of the initiative." })
  title!: string;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "What it does." })
  description: string | null = null;

  @ManyToOne(() => LabourMarketIssue, { nullable: true, index: true, deleteRule: "set null" })
  issue: Rel<LabourMarketIssue> | null = null;

  @Enum({ items: () => MissionArea, array: true })
  @Field(() => [MissionArea], { description: "Mission lines it serves." })
  missionAreas!: MissionArea[];

  @Property({ type: "text[]" })
  @Index({ type: "gin" })
  municipalityCodes!: string[];

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "Start date." })
  startsOn!: string;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "End date." })
  endsOn!: string;

  @Enum({ items: () => InitiativeStatus })
  @Index()
  @Field(() => InitiativeStatus, { description: "Where it stands." })
  status: InitiativeStatus = InitiativeStatus.PLANNED;

  @Enum({ items: () => FundingSource })
  @Field(() => FundingSource, { description: "Main funding source." })
  fundingSource!: FundingSource;

  @Property({ type: "decimal", precision: 14, scale: 2 })
  @Field(() => MoneyScalar, { description: "Total budget in PLN." })
  totalBudget!: string;

  @Property({ type: "uuid" })
  @Index()
  leadPartnerId!: string;
}

@Entity({ tableName: "agreement_participant" })
@Unique({ properties: ["initiative", "partnerId"] })
@ObjectType({ description: "One partner's part in an executive agreement: role, tasks, responsibilities and individual financial contribution." })
export class AgreementParticipant extends HubRecord<"confirmedOn" | "inKindDescription"> {
  @ManyToOne(() => Initiative, { index: true, deleteRule: "cascade" })
  initiative!: Rel<Initiative>;

  @Property({ type: "uuid" })
  @Index()
  partnerId!: string;

  @Enum({ items: () => ParticipantRole })
  @Field(() => ParticipantRole, { description: "Role in the agreement." })
  role!: ParticipantRole;

  @Property({ type: "text[]" })
  @Field(() => [String], { description: "Tasks the partner carries out." })
  tasks!: string[];

  @Property({ type: "text" })
  @Field({ description: "What the partner answers for." })
  responsibilities!: string;

  @Property({ type: "decimal", precision: 14, scale: 2 })
  @Field(() => MoneyScalar, { description: "Cash contribution in PLN." })
  cashContribution!: string;

  @Property({ type: "decimal", precision: 14, scale: 2 })
  @Field(() => MoneyScalar, { description: "Value of the in-kind contribution in PLN." })
  inKindContribution!: string;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "What the in-kind contribution is (rooms, staff time, equipment)." })
  inKindDescription: string | null = null;

  @Property({ columnType: "date", type: "string", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "When the partner confirmed its part; null while unconfirmed." })
  confirmedOn: string | null = null;
}
