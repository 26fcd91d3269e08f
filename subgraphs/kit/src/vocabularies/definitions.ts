import "reflect-metadata";
import { registerEnumType } from "type-graphql";
import { AgeBand, SupportForm, TargetGroup } from "../vocabulary.js";
import { ESF_PLUS_ANNEX_I, LAWS, basis } from "../labels/labels.js";

/**
 * The vocabularies' meaning as data (issue #16): for each value, what kind of
 * category it is, the provision it comes from and when it is in force. The
 * enums say which values exist; these tables say what they mean, and the
 * writes refuse a value that is not in force on the record's date. Each
 * table is checked against its source list in `sources/` by a unit test.
 */

/** ISO dates; null: no bound (in force before the hub's oldest records, or still in force). */
export interface Validity {
  inForceFrom: string | null;
  inForceUntil: string | null;
}
const validityOf = (v: Partial<Validity>): Validity => ({ inForceFrom: v.inForceFrom ?? null, inForceUntil: v.inForceUntil ?? null });

export enum TargetGroupKind {
  PRIORITY_GROUP = "PRIORITY_GROUP",
  REPEALED_CATEGORY = "REPEALED_CATEGORY",
  ELIGIBILITY = "ELIGIBILITY",
  ESF_PLUS_CHARACTERISTIC = "ESF_PLUS_CHARACTERISTIC",
  AUDIENCE = "AUDIENCE",
}

registerEnumType(TargetGroupKind, {
  name: "TargetGroupKind",
  description: "What kind of category a target group is.",
  valuesConfig: {
    PRIORITY_GROUP: { description: "One of the seven priority groups of art. 69 of the 2025 labour-market act (osoby w szczególnej sytuacji na rynku pracy)." },
    REPEALED_CATEGORY: { description: "A category of the repealed 2004 act (art. 49) that the 2025 act does not continue: valid on records made before 1 June 2025." },
    ELIGIBILITY: { description: "A category entitled to labour-market services or instruments that is not a priority group (carers, job seekers)." },
    ESF_PLUS_CHARACTERISTIC: { description: "A participant characteristic of ESF+ reporting (Regulation (EU) 2021/1057)." },
    AUDIENCE: { description: "An audience of programmes with no legal category of its own (employers, employees, school leavers)." },
  },
});

export interface TargetGroupDefinition extends Validity {
  value: TargetGroup;
  kind: TargetGroupKind;
  /** One of the seven priority groups of art. 69 of the 2025 act. */
  priorityGroup: boolean;
  /** The provision, in Polish; null for an audience that is no legal category. */
  legalBasis: string | null;
}

const ACT_2025 = LAWS.LABOUR_MARKET_2025;
const ART_69 = basis(ACT_2025, "69");
const ART_49_2004 = basis(LAWS.EMPLOYMENT_PROMOTION_2004, "49");
const IN_FORCE_2025 = "2025-06-01";
const REPEALED_ON = "2025-05-31";

const priority = (value: TargetGroup): TargetGroupDefinition => ({ value, kind: TargetGroupKind.PRIORITY_GROUP, priorityGroup: true, legalBasis: ART_69, inForceFrom: null, inForceUntil: null });
const group = (value: TargetGroup, kind: TargetGroupKind, legalBasis: string | null, validity: Partial<Validity> = {}): TargetGroupDefinition => ({
  value, kind, priorityGroup: false, legalBasis, ...validityOf(validity),
});

/** Every TargetGroup value, in the enum's order. */
export const TARGET_GROUPS: readonly TargetGroupDefinition[] = [
  // the priority groups continue categories of the 2004 act (art. 49), so they carry no start date
  priority(TargetGroup.UNDER_30),
  priority(TargetGroup.LONG_TERM_UNEMPLOYED),
  priority(TargetGroup.OVER_50),
  priority(TargetGroup.PERSONS_WITH_DISABILITIES),
  priority(TargetGroup.NO_VOCATIONAL_QUALIFICATIONS),
  priority(TargetGroup.SINGLE_PARENTS),
  group(TargetGroup.PARENTS_OF_CHILD_UNDER_6, TargetGroupKind.REPEALED_CATEGORY, ART_49_2004, { inForceUntil: REPEALED_ON }),
  priority(TargetGroup.LARGE_FAMILY_CARD_HOLDERS),
  group(TargetGroup.SOCIAL_ASSISTANCE_RECIPIENTS, TargetGroupKind.REPEALED_CATEGORY, ART_49_2004, { inForceUntil: REPEALED_ON }),
  group(TargetGroup.CARERS_OF_PERSONS_WITH_DISABILITIES, TargetGroupKind.ELIGIBILITY, ACT_2025),
  group(TargetGroup.SCHOOL_LEAVERS, TargetGroupKind.AUDIENCE, null),
  group(TargetGroup.JOB_SEEKERS, TargetGroupKind.ELIGIBILITY, ACT_2025),
  group(TargetGroup.EMPLOYEES, TargetGroupKind.AUDIENCE, null),
  group(TargetGroup.EMPLOYERS, TargetGroupKind.AUDIENCE, null),
  group(TargetGroup.ECONOMICALLY_INACTIVE, TargetGroupKind.ESF_PLUS_CHARACTERISTIC, ESF_PLUS_ANNEX_I),
  group(TargetGroup.NEET, TargetGroupKind.ESF_PLUS_CHARACTERISTIC, LAWS.ESF_PLUS_2021),
  group(TargetGroup.FOREIGNERS, TargetGroupKind.ESF_PLUS_CHARACTERISTIC, ESF_PLUS_ANNEX_I),
  group(TargetGroup.AT_RISK_OF_SOCIAL_EXCLUSION, TargetGroupKind.ESF_PLUS_CHARACTERISTIC, LAWS.ESF_PLUS_GUIDELINES),
];

export interface AgeBandDefinition {
  value: AgeBand;
  /** First year of age in the band. */
  fromAge: number;
  /** Last year of age in the band; null: open-ended. */
  toAge: number | null;
  /** A band of the earlier split (before issue #16): refused on new records. */
  legacy: boolean;
  /** Where stored values of a legacy band went, when it lay inside one new band. */
  migratedTo: AgeBand | null;
}

const band = (value: AgeBand, fromAge: number, toAge: number | null, migratedTo: AgeBand | null = null, legacy = false): AgeBandDefinition => ({
  value, fromAge, toAge, legacy, migratedTo,
});

/** Every AgeBand value, in the enum's order. */
export const AGE_BANDS: readonly AgeBandDefinition[] = [
  band(AgeBand.AGE_UNDER_18, 0, 17),
  band(AgeBand.AGE_18_24, 18, 24),
  band(AgeBand.AGE_25_29, 25, 29),
  band(AgeBand.AGE_30_49, 30, 49),
  band(AgeBand.AGE_50_54, 50, 54),
  band(AgeBand.AGE_55_59, 55, 59),
  band(AgeBand.AGE_60_PLUS, 60, null),
  band(AgeBand.AGE_30_44, 30, 44, AgeBand.AGE_30_49, true),
  band(AgeBand.AGE_45_54, 45, 54, null, true),
  band(AgeBand.AGE_55_64, 55, 64, null, true),
  band(AgeBand.AGE_65_PLUS, 65, null, AgeBand.AGE_60_PLUS, true),
];

export enum SupportFormKind {
  SERVICE = "SERVICE",
  INSTRUMENT = "INSTRUMENT",
}

export enum InstrumentType {
  GRANT = "GRANT",
  REFUND = "REFUND",
  SUBSIDY = "SUBSIDY",
  LOAN = "LOAN",
  WORKS = "WORKS",
  TRAINEESHIP = "TRAINEESHIP",
  VOUCHER = "VOUCHER",
}

registerEnumType(SupportFormKind, {
  name: "SupportFormKind",
  description: "Whether a form of support is a service or an instrument of the labour market.",
  valuesConfig: {
    SERVICE: { description: "A labour-market service (usługa rynku pracy): training, job placement, career guidance." },
    INSTRUMENT: { description: "A labour-market instrument (instrument rynku pracy): money or a placement given under an agreement." },
  },
});
registerEnumType(InstrumentType, {
  name: "InstrumentType",
  description: "What a labour-market instrument gives.",
  valuesConfig: {
    GRANT: { description: "A grant (dofinansowanie, dotacja): money given, e.g. to start a business." },
    REFUND: { description: "A refund of costs the employer bore (refundacja)." },
    SUBSIDY: { description: "A subsidy of wages paid over months (dofinansowanie wynagrodzenia)." },
    LOAN: { description: "A loan to be repaid (pożyczka)." },
    WORKS: { description: "Subsidised works: intervention or public works." },
    TRAINEESHIP: { description: "A traineeship with an employer, paid as a stipend (staż)." },
    VOUCHER: { description: "A voucher the person spends on training or education (bon)." },
  },
});

export interface SupportFormDefinition extends Validity {
  value: SupportForm;
  kind: SupportFormKind;
  /** What an instrument gives; null for a service. */
  instrumentType: InstrumentType | null;
  legalBasis: string;
}

const service = (value: SupportForm): SupportFormDefinition => ({ value, kind: SupportFormKind.SERVICE, instrumentType: null, legalBasis: ACT_2025, ...validityOf({}) });
const instrument = (value: SupportForm, instrumentType: InstrumentType, validity: Partial<Validity> = {}, legalBasis: string = ACT_2025): SupportFormDefinition => ({
  value, kind: SupportFormKind.INSTRUMENT, instrumentType, legalBasis, ...validityOf(validity),
});

/** Every SupportForm value, in the enum's order. */
export const SUPPORT_FORMS: readonly SupportFormDefinition[] = [
  service(SupportForm.TRAINING),
  instrument(SupportForm.TRAINEESHIP, InstrumentType.TRAINEESHIP),
  instrument(SupportForm.INTERVENTION_WORKS, InstrumentType.WORKS),
  instrument(SupportForm.PUBLIC_WORKS, InstrumentType.WORKS),
  instrument(SupportForm.START_UP_GRANT, InstrumentType.GRANT),
  instrument(SupportForm.WORKSTATION_EQUIPMENT_REFUND, InstrumentType.REFUND),
  instrument(SupportForm.TRAINING_VOUCHER, InstrumentType.VOUCHER, { inForceUntil: REPEALED_ON }, basis(LAWS.EMPLOYMENT_PROMOTION_2004, "66k")),
  instrument(SupportForm.LIFELONG_LEARNING_VOUCHER, InstrumentType.VOUCHER, { inForceFrom: IN_FORCE_2025 }),
  instrument(SupportForm.EDUCATION_LOAN, InstrumentType.LOAN, { inForceFrom: IN_FORCE_2025 }),
  instrument(SupportForm.WAGE_SUBSIDY_50_PLUS, InstrumentType.SUBSIDY, { inForceFrom: IN_FORCE_2025 }),
  service(SupportForm.KFS_EMPLOYER_TRAINING),
  service(SupportForm.JOB_PLACEMENT),
  service(SupportForm.CAREER_GUIDANCE),
];

/** Whether a value is in force on an ISO date. */
export function inForceOn(definition: Validity, date: string): boolean {
  return (definition.inForceFrom === null || definition.inForceFrom <= date) && (definition.inForceUntil === null || date <= definition.inForceUntil);
}

const TARGET_GROUP_BY_VALUE = new Map(TARGET_GROUPS.map((d) => [d.value, d]));
const SUPPORT_FORM_BY_VALUE = new Map(SUPPORT_FORMS.map((d) => [d.value, d]));
const AGE_BAND_BY_VALUE = new Map(AGE_BANDS.map((d) => [d.value, d]));

export const targetGroupDefinition = (value: TargetGroup) => TARGET_GROUP_BY_VALUE.get(value)!;
export const supportFormDefinition = (value: SupportForm) => SUPPORT_FORM_BY_VALUE.get(value)!;
export const ageBandDefinition = (value: AgeBand) => AGE_BAND_BY_VALUE.get(value)!;
