import { Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { AgeBand, SupportForm, TargetGroup } from "../vocabulary.js";
import {
  AGE_BANDS, InstrumentType, SUPPORT_FORMS, SupportFormKind, TARGET_GROUPS, TargetGroupKind,
  type AgeBandDefinition, type SupportFormDefinition, type TargetGroupDefinition,
} from "../vocabularies/definitions.js";
import { DateScalar } from "../scalars.js";
import { ESF_INDICATORS, EsfIndicator } from "../vocabularies/esf-indicators.js";

@ObjectType({ description: "What a target group is, where the law defines it and when it is in force." })
class TargetGroupEntry implements TargetGroupDefinition {
  @Field(() => TargetGroup, { description: "The value, as the API takes and returns it." })
  value!: TargetGroup;

  @Field(() => TargetGroupKind, { description: "What kind of category it is." })
  kind!: TargetGroupKind;

  @Field({ description: "Whether it is one of the seven priority groups of art. 69 of the 2025 labour-market act." })
  priorityGroup!: boolean;

  @Field(() => String, { nullable: true, description: "The provision it comes from, in Polish; null for an audience with no legal category." })
  legalBasis!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "First day in force; null: in force before the hub's oldest records." })
  inForceFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day in force; null: in force. Records dated later are refused with BAD_USER_INPUT." })
  inForceUntil!: string | null;
}

@ObjectType({ description: "The ages an age band covers." })
class AgeBandEntry implements AgeBandDefinition {
  @Field(() => AgeBand, { description: "The value." })
  value!: AgeBand;

  @Field(() => Int, { description: "First year of age in the band." })
  fromAge!: number;

  @Field(() => Int, { nullable: true, description: "Last year of age in the band; null: open-ended." })
  toAge!: number | null;

  @Field({ description: "A band of the earlier split: kept on records made before, refused on new ones." })
  legacy!: boolean;

  @Field(() => AgeBand, { nullable: true, description: "Where the stored values of a legacy band were migrated, when it lay inside one new band." })
  migratedTo!: AgeBand | null;
}

@ObjectType({ description: "Whether a form of support is a service or an instrument, its legal basis and when it is in force." })
class SupportFormEntry implements SupportFormDefinition {
  @Field(() => SupportForm, { description: "The value." })
  value!: SupportForm;

  @Field(() => SupportFormKind, { description: "Service or instrument." })
  kind!: SupportFormKind;

  @Field(() => InstrumentType, { nullable: true, description: "What an instrument gives; null for a service." })
  instrumentType!: InstrumentType | null;

  @Field({ description: "The provision it comes from, in Polish." })
  legalBasis!: string;

  @Field(() => DateScalar, { nullable: true, description: "First day in force; null: in force before the hub's oldest records." })
  inForceFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day in force; null: in force. Records dated later are refused with BAD_USER_INPUT." })
  inForceUntil!: string | null;
}

@ObjectType({ description: "The meaning of the partnership's vocabularies, kept as data with their legal basis (issue #16)." })
class Vocabulary {
  @Field(() => [TargetGroupEntry], { description: "Every target group, in the enum's order." })
  targetGroups!: TargetGroupEntry[];

  @Field(() => [AgeBandEntry], { description: "Every age band, in the enum's order." })
  ageBands!: AgeBandEntry[];

  @Field(() => [SupportFormEntry], { description: "Every form of support, in the enum's order." })
  supportForms!: SupportFormEntry[];

  @Field(() => [EsfIndicator], { description: "The ESF+ common indicators of participants, with how the hub computes each from the records: training enrolments (`TerritorialUnit.esfParticipants`) and activation participants (`TerritorialUnit.activationEsfParticipants`), by the same breakdowns." })
  esfIndicators!: EsfIndicator[];
}

/** `vocabulary`: what each value of the shared vocabularies means in law, and when it is in force. */
@Resolver()
export class VocabularyResolver {
  @Query(() => Vocabulary, { description: "The meaning of the shared vocabularies: each target group's kind, legal basis and validity (art. 69 priority groups marked), the ages of each age band, each form of support as a service or an instrument, and the ESF+ common indicators with how they are computed. Labels are in `enumLabels`." })
  vocabulary(): Vocabulary {
    return { targetGroups: [...TARGET_GROUPS], ageBands: [...AGE_BANDS], supportForms: [...SUPPORT_FORMS], esfIndicators: [...ESF_INDICATORS] };
  }
}
