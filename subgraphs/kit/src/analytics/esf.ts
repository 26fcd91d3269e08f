import { registerEnumType } from "type-graphql";
import { peopleCountSql, type PeopleCountSql } from "./people-sql.js";
import type { PeopleStatistic } from "./statistic.js";
import type { PeopleRow } from "./table.js";

/**
 * The ESF+ common indicators of participants (Regulation (EU) 2021/1057,
 * Annex I) computed from the records (issue #16), as five partitions of the
 * participants who entered in the year and live in the unit. Each category
 * is one indicator (EECO…, EECR…, in its description) or what is left of the
 * partition, so the table is protected as a whole like every count of people.
 */
export enum EsfBreakdown {
  STATUS_ON_ENTRY = "STATUS_ON_ENTRY",
  AGE = "AGE",
  EDUCATION = "EDUCATION",
  ON_LEAVING = "ON_LEAVING",
  AFTER_6_MONTHS = "AFTER_6_MONTHS",
}
registerEnumType(EsfBreakdown, {
  name: "EsfBreakdown",
  description: "Which ESF+ common indicators of participants to break the total (EECO01, all participants) down by.",
  valuesConfig: {
    STATUS_ON_ENTRY: { description: "Labour-market status on entry: EECO02 is UNEMPLOYED plus LONG_TERM_UNEMPLOYED, EECO03, EECO04, EECO05." },
    AGE: { description: "Age on entry: EECO06 (below 18), EECO07 (18–29), EECO08 (55 and over)." },
    EDUCATION: { description: "Education on entry: EECO09, EECO10, EECO11." },
    ON_LEAVING: { description: "Immediate results: EECR01, EECR02, EECR04 (EECR03, a qualification, is the certificate)." },
    AFTER_6_MONTHS: { description: "Longer-term result: EECR05, in employment six months after leaving." },
  },
});

export enum EsfStatusOnEntry { EMPLOYED = "EMPLOYED", UNEMPLOYED = "UNEMPLOYED", LONG_TERM_UNEMPLOYED = "LONG_TERM_UNEMPLOYED", INACTIVE = "INACTIVE", NOT_RECORDED = "NOT_RECORDED" }
export enum EsfAge { UNDER_18 = "UNDER_18", AGE_18_29 = "AGE_18_29", AGE_30_54 = "AGE_30_54", AGE_55_PLUS = "AGE_55_PLUS" }
export enum EsfEducation { ISCED_0_2 = "ISCED_0_2", ISCED_3_4 = "ISCED_3_4", ISCED_5_8 = "ISCED_5_8", NOT_RECORDED = "NOT_RECORDED" }
export enum EsfOnLeaving { IN_EMPLOYMENT = "IN_EMPLOYMENT", JOB_SEARCHING = "JOB_SEARCHING", IN_EDUCATION_OR_TRAINING = "IN_EDUCATION_OR_TRAINING", OTHER = "OTHER", NOT_RECORDED = "NOT_RECORDED", NOT_LEFT = "NOT_LEFT" }
export enum EsfAfter6Months { IN_EMPLOYMENT = "IN_EMPLOYMENT", NOT_IN_EMPLOYMENT = "NOT_IN_EMPLOYMENT", NOT_KNOWN = "NOT_KNOWN" }
const NOT_RECORDED = { description: "Not recorded on the record (records made before issue #16)." };
registerEnumType(EsfStatusOnEntry, {
  name: "EsfStatusOnEntry",
  description: "Participants by labour-market status on entry (ESF+).",
  valuesConfig: {
    EMPLOYED: { description: "EECO05: employed, including self-employed." },
    UNEMPLOYED: { description: "Unemployed, not long-term (with LONG_TERM_UNEMPLOYED: EECO02)." },
    LONG_TERM_UNEMPLOYED: { description: "EECO03: long-term unemployed." },
    INACTIVE: { description: "EECO04: inactive." },
    NOT_RECORDED,
  },
});
registerEnumType(EsfAge, {
  name: "EsfAge",
  description: "Participants by age on entry, in the ESF+ groups (from the age band; every band of either split falls in one).",
  valuesConfig: {
    UNDER_18: { description: "EECO06: below 18." },
    AGE_18_29: { description: "EECO07: 18 to 29." },
    AGE_30_54: { description: "30 to 54 (no indicator of its own)." },
    AGE_55_PLUS: { description: "EECO08: 55 and over." },
  },
});
registerEnumType(EsfEducation, {
  name: "EsfEducation",
  description: "Participants by education on entry (ESF+).",
  valuesConfig: {
    ISCED_0_2: { description: "EECO09: ISCED 0–2." },
    ISCED_3_4: { description: "EECO10: ISCED 3–4." },
    ISCED_5_8: { description: "EECO11: ISCED 5–8." },
    NOT_RECORDED,
  },
});
registerEnumType(EsfOnLeaving, {
  name: "EsfOnLeaving",
  description: "Participants by where they stood on leaving (ESF+ immediate results).",
  valuesConfig: {
    IN_EMPLOYMENT: { description: "EECR04: in employment, including self-employment, upon leaving." },
    JOB_SEARCHING: { description: "EECR01: engaged in job searching upon leaving." },
    IN_EDUCATION_OR_TRAINING: { description: "EECR02: in education or training upon leaving." },
    OTHER: { description: "Left, none of these." },
    NOT_RECORDED: { description: "Left; the situation is not recorded." },
    NOT_LEFT: { description: "Not left yet (still enrolled, still taking part)." },
  },
});
registerEnumType(EsfAfter6Months, {
  name: "EsfAfter6Months",
  description: "Participants by employment six months after leaving (ESF+ longer-term result).",
  valuesConfig: {
    IN_EMPLOYMENT: { description: "EECR05: in employment six months after leaving." },
    NOT_IN_EMPLOYMENT: { description: "Not in employment six months after leaving." },
    NOT_KNOWN: { description: "Not left, left less than six months ago, or not recorded." },
  },
});

/** One breakdown of the ESF+ participants: its dimension's name, categories and SQL over the record `n`. */
export interface EsfDimension {
  name: string;
  categories: string[];
  sql: string;
}

/**
 * The five ESF+ breakdowns over a record aliased `n` with the ESF+ columns
 * (`status_on_entry`, `age_band`, `education_level`, `situation_on_leaving`,
 * `employed_after6months`); `notLeft` says, in SQL, that the person has not
 * left yet (an enrolment ENROLLED, a participant IN_PROGRESS).
 */
export function esfDimensions(notLeft: string): Record<EsfBreakdown, EsfDimension> {
  return {
  STATUS_ON_ENTRY: { name: "EsfStatusOnEntry", categories: Object.values(EsfStatusOnEntry), sql: `coalesce(n.status_on_entry, 'NOT_RECORDED')` },
  AGE: {
    name: "EsfAge",
    categories: Object.values(EsfAge),
    sql: `case when n.age_band = 'AGE_UNDER_18' then 'UNDER_18' when n.age_band in ('AGE_18_24', 'AGE_25_29') then 'AGE_18_29'
               when n.age_band in ('AGE_55_59', 'AGE_60_PLUS', 'AGE_55_64', 'AGE_65_PLUS') then 'AGE_55_PLUS' else 'AGE_30_54' end`,
  },
  EDUCATION: { name: "EsfEducation", categories: Object.values(EsfEducation), sql: `coalesce(n.education_level, 'NOT_RECORDED')` },
  ON_LEAVING: { name: "EsfOnLeaving", categories: Object.values(EsfOnLeaving), sql: `case when ${notLeft} then 'NOT_LEFT' else coalesce(n.situation_on_leaving, 'NOT_RECORDED') end` },
  AFTER_6_MONTHS: {
    name: "EsfAfter6Months",
    categories: Object.values(EsfAfter6Months),
    sql: `case when n.employed_after6months then 'IN_EMPLOYMENT' when not n.employed_after6months then 'NOT_IN_EMPLOYMENT' else 'NOT_KNOWN' end`,
  },
  };
}

/**
 * The ESF+ participants of a kind of record as one protected table of people
 * (every breakdown a partition), counted where they live in the year they
 * entered: `source` says where the records are (aliased `n`), `notLeft` when
 * one has not left, and `rows` runs the SQL.
 */
export function esfStatistic(
  statistic: string,
  notLeft: string,
  source: Omit<PeopleCountSql, "dimensions">,
  rows: (sql: string, params: unknown[]) => Promise<PeopleRow[]>,
): PeopleStatistic & { dimensionOf(by: EsfBreakdown): string } {
  const dimensions = esfDimensions(notLeft);
  const dims = Object.values(dimensions);
  return {
    statistic,
    measure: "persons",
    table: { dimensions: dims.map((d) => ({ name: d.name, categories: d.categories, partition: true })) },
    query: (fromYear, toYear) => rows(peopleCountSql({ ...source, dimensions: dims }), [fromYear, toYear]),
    dimensionOf: (by) => dimensions[by].name,
  };
}
