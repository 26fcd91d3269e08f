import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, Unique, type Rel } from "@mikro-orm/core";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar, HubRecord, MoneyScalar } from "@bdp/kit/server";
import { FundingSource, SupportForm, TargetGroup } from "@bdp/kit/domain";
import { CALL_INSTRUMENTS, DutyKind, type DutyTerm } from "./duties.js";

/**
 * Labour-market instruments as their own model (issue #16, item 2): grants,
 * refunds, subsidies, loans and works are not courses. A provider (a labour
 * office) announces a call with its budget and cap per agreement, signs
 * agreements with employers or persons, and follows the duties each
 * agreement carries until they are fulfilled or broken.
 */
export enum BeneficiaryKind {
  EMPLOYER = "EMPLOYER",
  PERSON = "PERSON",
}
registerEnumType(BeneficiaryKind, {
  name: "BeneficiaryKind",
  description: "Who an instrument's agreement is with.",
  valuesConfig: {
    EMPLOYER: { description: "An employer (pracodawca), named by its NIP: a refund, a subsidy, works." },
    PERSON: { description: "A person (osoba bezrobotna lub poszukująca pracy), named only by the provider's case reference, which only the provider sees: a grant, a loan." },
  },
});

export enum DutyStatus {
  RUNNING = "RUNNING",
  FULFILLED = "FULFILLED",
  BROKEN = "BROKEN",
}
registerEnumType(DutyStatus, {
  name: "DutyStatus",
  description: "Where a duty stands.",
  valuesConfig: {
    RUNNING: { description: "Its period runs (`dueOn` says until when; `overdue` once it is past and nothing was recorded)." },
    FULFILLED: { description: "Kept for the whole period, as the provider checked." },
    BROKEN: { description: "Not kept: the provider recorded when and the sum to be returned (zwrot)." },
  },
});

@ObjectType({ description: "A duty a call's agreements carry." })
export class DutyTermType implements DutyTerm {
  @Field(() => DutyKind, { description: "What the beneficiary undertakes." })
  kind!: DutyKind;

  @Field(() => Int, { description: "For how many months from the agreement's start." })
  months!: number;
}

@Entity({ tableName: "instrument_call" })
@Index({ properties: ["closesOn", "id"] })
@ObjectType({ description: "A labour office's call for applications for an instrument (nabór wniosków): what it gives, from which fund, how much in all and at most per agreement, when, and for whom." })
export class InstrumentCall extends HubRecord<"description"> {
  @Property({ type: "uuid" })
  @Index()
  providerId!: string;

  @Property({ length: 100 })
  @Unique()
  @Field({ description: "The call's reference, unique (e.g. PUP-BDZ/DJ/1/2027)." })
  reference!: string;

  @Property({ length: 300 })
  @Field({ description: "Title." })
  title!: string;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Conditions, documents, how to apply." })
  description: string | null = null;

  @Enum({ items: [...CALL_INSTRUMENTS] })
  @Field(() => SupportForm, { description: `The instrument: one of ${CALL_INSTRUMENTS.join(", ")}.` })
  instrument!: SupportForm;

  @Enum({ items: () => FundingSource })
  @Field(() => FundingSource, { description: "The fund it is paid from." })
  fundingSource!: FundingSource;

  @Property({ type: "decimal", precision: 14, scale: 2 })
  @Field(() => MoneyScalar, { description: "What the call has in all, in PLN: its agreements never add up to more." })
  budget!: string;

  @Property({ type: "decimal", precision: 12, scale: 2 })
  @Field(() => MoneyScalar, { description: "The most one agreement may give, in PLN." })
  capPerAgreement!: string;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "First day applications are taken." })
  opensOn!: string;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "Last day applications are taken." })
  closesOn!: string;

  @Enum({ items: () => TargetGroup, array: true })
  @Field(() => [TargetGroup], { description: "Who may apply (for employers: whom they employ)." })
  targetGroups!: TargetGroup[];

  @Property({ type: "text[]" })
  municipalityCodes!: string[];

  @Property({ type: "json" })
  @Field(() => [DutyTermType], { description: "The duties its agreements carry: at least those the law attaches to the instrument." })
  dutyTerms!: DutyTerm[];

  @OneToMany(() => InstrumentAgreement, (a) => a.call)
  agreements = new Collection<Rel<InstrumentAgreement>>(this);
}

@Entity({ tableName: "instrument_agreement" })
@Unique({ properties: ["call", "number"] })
@Index({ properties: ["signedOn", "id"] })
@ObjectType({ description: "An agreement under a call (umowa): with an employer or a person, the sum given, and the duties it carries." })
export class InstrumentAgreement extends HubRecord<"employerNip" | "caseReference" | "postsCreated"> {
  @ManyToOne(() => InstrumentCall, { index: true, deleteRule: "cascade" })
  call!: Rel<InstrumentCall>;

  @Property({ length: 60 })
  @Field({ description: "Its number, unique in the call." })
  number!: string;

  @Enum({ items: () => BeneficiaryKind })
  @Field(() => BeneficiaryKind, { description: "With an employer or a person." })
  beneficiaryKind!: BeneficiaryKind;

  @Property({ length: 10, nullable: true })
  @Field(() => String, { nullable: true, description: "The employer's NIP (public: an employer's agreement with public money); null for a person." })
  employerNip: string | null = null;

  /** The provider's case reference of a person: shown to the provider only (a person's support is personal data). */
  @Property({ length: 60, nullable: true })
  caseReference: string | null = null;

  @Property({ length: 7 })
  @Index()
  municipalityCode!: string;

  @Property({ type: "decimal", precision: 12, scale: 2 })
  @Field(() => MoneyScalar, { description: "The sum given, in PLN." })
  amount!: string;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "When it was signed." })
  signedOn!: string;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "When its duties start (the business registered, the post filled)." })
  dutiesFrom!: string;

  @Property({ type: "smallint", nullable: true })
  @Field(() => Int, { nullable: true, description: "Posts it creates or equips, for an employer's agreement." })
  postsCreated: number | null = null;

  @OneToMany(() => InstrumentDuty, (d) => d.agreement)
  duties = new Collection<Rel<InstrumentDuty>>(this);
}

@Entity({ tableName: "instrument_duty" })
@Index({ properties: ["status", "dueOn"] })
@ObjectType({ description: "A duty an agreement carries, with its period and whether it was kept." })
export class InstrumentDuty extends HubRecord<"status" | "settledOn" | "refund" | "note"> {
  @ManyToOne(() => InstrumentAgreement, { index: true, deleteRule: "cascade" })
  agreement!: Rel<InstrumentAgreement>;

  @Enum({ items: () => DutyKind })
  @Field(() => DutyKind, { description: "What the beneficiary undertook." })
  kind!: DutyKind;

  @Property({ type: "smallint" })
  @Field(() => Int, { description: "For how many months." })
  months!: number;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "The last day of its period." })
  dueOn!: string;

  @Enum({ items: () => DutyStatus })
  @Field(() => DutyStatus, { description: "Running, fulfilled or broken." })
  status: DutyStatus = DutyStatus.RUNNING;

  @Property({ columnType: "date", type: "string", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "When it was found kept, or broken." })
  settledOn: string | null = null;

  @Property({ type: "decimal", precision: 12, scale: 2, nullable: true })
  @Field(() => MoneyScalar, { nullable: true, description: "For a broken duty, the sum to be returned, in PLN." })
  refund: string | null = null;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The provider's note: how it was checked, or how it was broken." })
  note: string | null = null;
}
