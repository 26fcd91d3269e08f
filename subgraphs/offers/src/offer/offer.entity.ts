import { Entity, Index, Property } from "@mikro-orm/core";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar, MoneyScalar } from "@bdp/kit/server";
import { ContractType, OfferKind, SalaryPeriod, TargetGroup, WorkingTime } from "@bdp/kit/domain";

@ObjectType({ description: "The pay an offer states, gross (brutto): at least one bound. Pay transparency applies from 24 December 2025." })
export class SalaryRange {
  @Field(() => MoneyScalar, { nullable: true, description: "Lowest pay offered; null when only a maximum is stated." })
  min!: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: "Highest pay offered; null when only a minimum is stated." })
  max!: string | null;

  @Field({ description: "Currency, ISO 4217 (PLN)." })
  currency!: string;

  @Field(() => SalaryPeriod, { description: "The period the amounts are for." })
  period!: SalaryPeriod;
}

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

  @Property({ type: "decimal", precision: 12, scale: 2, nullable: true })
  salaryMin: string | null = null;

  @Property({ type: "decimal", precision: 12, scale: 2, nullable: true })
  salaryMax: string | null = null;

  @Property({ length: 3, nullable: true })
  salaryCurrency: string | null = null;

  @Property({ type: "text", nullable: true })
  salaryPeriod: SalaryPeriod | null = null;

  @Field(() => SalaryRange, { nullable: true, description: "The pay offered, gross; null when the offer does not state it." })
  get salary(): SalaryRange | null {
    if (!this.salaryCurrency || !this.salaryPeriod || (this.salaryMin === null && this.salaryMax === null)) return null;
    return { min: this.salaryMin, max: this.salaryMax, currency: this.salaryCurrency, period: this.salaryPeriod };
  }

  @Property({ type: "text", nullable: true })
  @Field(() => ContractType, { nullable: true, description: "The legal form of the work (umowa o pracę, zlecenia…); null when not stated." })
  contractType: ContractType | null = null;

  @Property({ type: "text", nullable: true })
  @Field(() => WorkingTime, { nullable: true, description: "How much of the week the work takes; null when not stated." })
  workingTime: WorkingTime | null = null;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "What a candidate needs: qualifications, experience, documents (schema.org `qualifications`)." })
  requirements: string | null = null;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "How accessible the place and the work are to persons with disabilities." })
  accessibility: string | null = null;

  @Property({ type: "timestamptz" })
  @Field(() => Date, { description: "When the catalogue last read this offer from its plugin: offers stay listed while a plugin is down." })
  refreshedAt!: Date;
}
