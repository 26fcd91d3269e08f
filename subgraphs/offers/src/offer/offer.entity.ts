import { Entity, Index, Property } from "@mikro-orm/core";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@bdp/kit/server";
import { OfferKind, TargetGroup } from "@bdp/kit/domain";

/**
 * One offer in the hub's catalogue, in the uniform shape (field names after
 * schema.org JobPosting and EducationalOccupationalProgram). The catalogue
 * copies offers from each plugin's feed; the plugin adds its own typed
 * details to them under its namespace (`Offer.<namespace>`).
 */
@Entity({ tableName: "offer" })
@Index({ properties: ["validFrom", "id"] })
@Index({ properties: ["title", "id"] })
@Directive('@key(fields: "id")')
@ObjectType("Offer", { description: "An offer published by a partner through a plugin: a job, traineeship, training place, service, event or volunteering." })
export class CatalogueOffer {
  @Property({ type: "uuid", primary: true })
  @Field(() => ID, { description: "Stable identifier (UUID), given by the publishing plugin." })
  id!: string;

  @Property({ length: 40 })
  @Index()
  pluginSlug!: string;

  @Property({ type: "uuid" })
  @Index()
  partnerId!: string;

  @Property({ type: "text" })
  @Index()
  @Field(() => OfferKind, { description: "What the offer is." })
  kind!: OfferKind;

  @Property({ length: 300 })
  @Field({ description: "Title (schema.org `title` / `name`)." })
  title!: string;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Description." })
  description: string | null = null;

  @Property({ length: 7 })
  @Index()
  municipalityCode!: string;

  @Property({ type: "text[]" })
  @Field(() => [TargetGroup], { description: "Groups the offer is meant for." })
  targetGroups!: TargetGroup[];

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "First day the offer is open (schema.org `datePosted` / `startDate`)." })
  validFrom!: string;

  @Property({ columnType: "date", type: "string", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Last day the offer is open (schema.org `validThrough`); null when open-ended." })
  validThrough: string | null = null;

  @Property({ type: "int", nullable: true })
  @Field(() => Int, { nullable: true, description: "Places or positions offered (schema.org `totalJobOpenings` / `maximumEnrollment`), when counted." })
  places: number | null = null;

  @Property({ type: "text" })
  @Field({ description: "How to apply or sign up." })
  howToApply!: string;

  @Property({ length: 6, nullable: true })
  @Field(() => String, { nullable: true, description: "KZiS occupation code (schema.org `occupationalCategory`)." })
  occupationCode: string | null = null;

  @Property({ length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: "The offer's own page." })
  url: string | null = null;

  @Property({ type: "timestamptz" })
  @Field(() => Date, { description: "When the catalogue last read this offer from its plugin: offers stay listed while a plugin is down." })
  refreshedAt!: Date;
}
