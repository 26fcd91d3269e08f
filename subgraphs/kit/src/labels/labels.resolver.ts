import { Arg, Field, ObjectType, Query, Resolver } from "type-graphql";
import { HubError } from "../errors.js";
import { LABELS, Language } from "./labels.js";

@ObjectType({ description: "How to name one enum value to people." })
class EnumValueLabel {
  @Field({ description: "The enum value, as the API returns it (e.g. LONG_TERM_UNEMPLOYED)." })
  value!: string;

  @Field({ description: "Its label in the language asked for (e.g. Długotrwale bezrobotni)." })
  label!: string;

  @Field(() => String, { nullable: true, description: "The term the law uses for it, in Polish, when the law names it (e.g. długotrwale bezrobotni)." })
  legalTerm!: string | null;

  @Field(() => String, { nullable: true, description: "Where the law defines that term (article and act), in Polish; null without a legal term." })
  legalBasis!: string | null;
}

@ObjectType({ description: "The labels of one enum's values." })
class EnumLabels {
  @Field({ name: "enum", description: "The enum's name in the schema (e.g. TargetGroup), or a statistic's dimension (StatisticSeries.dimension)." })
  enumName!: string;

  @Field(() => [EnumValueLabel], { description: "Every value of the enum, in the enum's order." })
  values!: EnumValueLabel[];
}

/**
 * `enumLabels`: the labels of the API's enum values in Polish or English,
 * with the Polish legal term and its basis (issue #17), so front-ends show
 * the hub's words instead of raw values and keep no copy of their own.
 */
@Resolver()
export class EnumLabelsResolver {
  @Query(() => [EnumLabels], { description: "Labels of enum values for people, in Polish (the default) or English, with the legal term where the law names one. Every enum of the API, and every statistic's dimension, has them." })
  enumLabels(
    @Arg("lang", () => Language, { defaultValue: Language.PL, description: "The language of the labels." }) lang: Language,
    @Arg("enums", () => [String], { nullable: true, description: "Only these enums, by name (at most 100); all when left out." }) enums?: string[] | null,
  ): EnumLabels[] {
    if (enums && enums.length > 100) throw HubError.badInput("enums", "at most 100 names");
    const unknown = (enums ?? []).filter((name) => !Object.hasOwn(LABELS, name));
    if (unknown.length) throw HubError.badInput("enums", `no labels for ${unknown.slice(0, 5).join(", ")}: an enum's name as in the schema (e.g. TargetGroup)`);
    return (enums ?? Object.keys(LABELS)).map((name) => ({
      enumName: name,
      values: Object.entries(LABELS[name]!).map(([value, label]) => ({ value, label: lang === Language.EN ? label.en : label.pl, legalTerm: label.legal?.term ?? null, legalBasis: label.legal?.basis ?? null })),
    }));
  }
}
