import { Field, ObjectType, registerEnumType } from "type-graphql";

/**
 * The ESF+ common indicators of participants as data (issue #16), with how
 * the hub computes each from training enrolments: the categories of a
 * breakdown of `TerritorialUnit.esfParticipants` that add up to it. Checked
 * against `sources/esf-plus-common-indicators.json` by a unit test, and
 * against the statistic's categories by an end-to-end test.
 */
export enum EsfIndicatorKind {
  OUTPUT = "OUTPUT",
  RESULT = "RESULT",
}
registerEnumType(EsfIndicatorKind, {
  name: "EsfIndicatorKind",
  description: "Whether an ESF+ indicator counts participants on entry (output, produkt) or what became of them (result, rezultat).",
  valuesConfig: { OUTPUT: { description: "An output indicator (wskaźnik produktu): participants on entry." }, RESULT: { description: "A result indicator (wskaźnik rezultatu): participants on or after leaving." } },
});

@ObjectType({ description: "How an ESF+ indicator is computed from the records: the sum of these categories of one breakdown of `TerritorialUnit.esfParticipants`." })
export class EsfComputation {
  @Field({ description: "The `EsfBreakdown` to ask for; TOTAL for the total." })
  breakdown!: string;

  @Field(() => [String], { description: "The categories (series keys) that add up to the indicator; TOTAL for the total line." })
  categories!: string[];
}

@ObjectType({ description: "An ESF+ common indicator of participants (Regulation (EU) 2021/1057, Annex I)." })
export class EsfIndicator {
  @Field({ description: "Its code, e.g. EECO02." })
  code!: string;

  @Field(() => EsfIndicatorKind, { description: "Output or result." })
  kind!: EsfIndicatorKind;

  @Field({ description: "What it counts, in the Regulation's English words." })
  name!: string;

  @Field(() => EsfComputation, { nullable: true, description: "How the hub computes it from training enrolments; null where the records do not hold what it needs (e.g. minorities, homelessness)." })
  computedAs!: EsfComputation | null;
}

const of = (breakdown: string, ...categories: string[]): EsfComputation => ({ breakdown, categories });

/** Code → how it is computed (codes absent here are not computed). */
const COMPUTED: Record<string, EsfComputation> = {
  EECO01: of("STATUS_ON_ENTRY", "TOTAL"),
  EECO02: of("STATUS_ON_ENTRY", "UNEMPLOYED", "LONG_TERM_UNEMPLOYED"),
  EECO03: of("STATUS_ON_ENTRY", "LONG_TERM_UNEMPLOYED"),
  EECO04: of("STATUS_ON_ENTRY", "INACTIVE"),
  EECO05: of("STATUS_ON_ENTRY", "EMPLOYED"),
  EECO06: of("AGE", "UNDER_18"),
  EECO07: of("AGE", "AGE_18_29"),
  EECO08: of("AGE", "AGE_55_PLUS"),
  EECO09: of("EDUCATION", "ISCED_0_2"),
  EECO10: of("EDUCATION", "ISCED_3_4"),
  EECO11: of("EDUCATION", "ISCED_5_8"),
  EECR01: of("ON_LEAVING", "JOB_SEARCHING"),
  EECR02: of("ON_LEAVING", "IN_EDUCATION_OR_TRAINING"),
  EECR04: of("ON_LEAVING", "IN_EMPLOYMENT"),
  EECR05: of("AFTER_6_MONTHS", "IN_EMPLOYMENT"),
};

const NAMES: [string, string][] = [
  ["EECO01", "total number of participants"], ["EECO02", "unemployed, including long-term unemployed"], ["EECO03", "long-term unemployed"],
  ["EECO04", "inactive"], ["EECO05", "employed, including self-employed"], ["EECO06", "children below 18 years of age"],
  ["EECO07", "young people between 18 and 29 years of age"], ["EECO08", "participants 55 years of age and above"],
  ["EECO09", "participants with lower secondary education or less (ISCED 0-2)"], ["EECO10", "participants with upper secondary (ISCED 3) or post-secondary education (ISCED 4)"],
  ["EECO11", "participants with tertiary education (ISCED 5 to 8)"], ["EECO12", "participants with disabilities"], ["EECO13", "third-country nationals"],
  ["EECO14", "participants with a foreign background"], ["EECO15", "minorities (including marginalised communities such as the Roma)"],
  ["EECO16", "homeless or affected by housing exclusion"], ["EECO17", "participants from rural areas"],
  ["EECR01", "participants engaged in job searching upon leaving"], ["EECR02", "participants in education or training upon leaving"],
  ["EECR03", "participants gaining a qualification upon leaving"], ["EECR04", "participants in employment, including self-employment, upon leaving"],
  ["EECR05", "participants in employment six months after leaving"], ["EECR06", "participants with an improved labour market situation six months after leaving"],
];

export const ESF_INDICATORS: readonly EsfIndicator[] = NAMES.map(([code, name]) => ({
  code, name, kind: code.startsWith("EECO") ? EsfIndicatorKind.OUTPUT : EsfIndicatorKind.RESULT, computedAs: COMPUTED[code] ?? null,
}));
