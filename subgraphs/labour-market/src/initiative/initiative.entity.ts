import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from "@mikro-orm/core";
import { Directive, Field, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, HubRecord, MoneyScalar } from "@bdp/kit/server";
import { FundingSource, MissionArea } from "@bdp/kit/domain";
import { LabourMarketIssue } from "../issue/issue.entity.js";

export enum InitiativeStatus {
  PLANNED = "PLANNED",
  AGREED = "AGREED",
  RUNNING = "RUNNING",
  COMPLETED = "COMPLETED",
  CANCELLED = "CANCELLED",
}
registerEnumType(InitiativeStatus, {
  name: "InitiativeStatus",
  description: "Where an initiative stands: PLANNED → AGREED (the executive agreement signed) → RUNNING → COMPLETED, or CANCELLED from any of the first three.",
  valuesConfig: {
    PLANNED: { description: "Being prepared: parts proposed and confirmed, funding put together; everything may still change." },
    AGREED: { description: "The executive agreement is signed (number, date); dates and budget change only by an annex." },
    RUNNING: { description: "Under way: spending is recorded against the budget." },
    COMPLETED: { description: "Finished and closed." },
    CANCELLED: { description: "Abandoned, with the reason in the audit trail." },
  },
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

export enum PartStatus {
  PROPOSED = "PROPOSED",
  CONFIRMED = "CONFIRMED",
  DECLINED = "DECLINED",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(PartStatus, {
  name: "AgreementPartStatus",
  description: "Where a partner's part in an executive agreement stands.",
  valuesConfig: {
    PROPOSED: { description: "Proposed by the lead; the partner has not answered." },
    CONFIRMED: { description: "Confirmed by the partner with its contribution." },
    DECLINED: { description: "Declined by the partner before the agreement was signed." },
    WITHDRAWN: { description: "Withdrawn by the partner after confirming it; its contribution no longer counts." },
  },
});

@Entity({ tableName: "initiative" })
@Index({ properties: ["startsOn", "id"] })
@Directive('@key(fields: "id")')
@ObjectType({ description: "A joint initiative or project of partners, governed by an executive agreement (porozumienie wykonawcze)." })
export class Initiative extends HubRecord<"issue" | "status" | "description" | "agreementNumber" | "agreementSignedOn"> {
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

  @Property({ length: 60, nullable: true })
  @Field(() => String, { nullable: true, description: "The executive agreement's number, once signed (e.g. PW/3/2026)." })
  agreementNumber: string | null = null;

  @Property({ columnType: "date", type: "string", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "When the executive agreement was signed; null before." })
  agreementSignedOn: string | null = null;
}

@Entity({ tableName: "agreement_participant" })
@Unique({ properties: ["initiative", "partnerId"] })
@ObjectType({ description: "One partner's part in an executive agreement: role, tasks, responsibilities and individual financial contribution." })
export class AgreementParticipant extends HubRecord<"confirmedOn" | "inKindDescription" | "status" | "leftOn" | "leftReason" | "partnerSector"> {
  @ManyToOne(() => Initiative, { index: true, deleteRule: "cascade" })
  initiative!: Rel<Initiative>;

  @Property({ type: "uuid" })
  @Index()
  partnerId!: string;

  /**
   * The partner's sector in the register when its part was proposed (a
   * copy, as job places keep their employer's), so that contributions are
   * counted by sector in SQL (issue #15, item 6); null where the register
   * was not asked (parts recorded before the copy was kept).
   */
  @Property({ type: "text", nullable: true })
  partnerSector: string | null = null;

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

  @Enum({ items: () => PartStatus })
  @Field(() => PartStatus, { description: "Proposed, confirmed, declined or withdrawn." })
  status: PartStatus = PartStatus.PROPOSED;

  @Property({ columnType: "date", type: "string", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "When the partner declined or withdrew its part." })
  leftOn: string | null = null;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The partner's reason for declining or withdrawing." })
  leftReason: string | null = null;
}
