import { Entity, Index, Property } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar, HubRecord } from "@bdp/kit/server";
import { OfferKind, TargetGroup } from "@bdp/kit/domain";

/**
 * The plugin's own record of an offer: the uniform fields the hub lists
 * (they go out in the feed) and the details only this plugin knows, which
 * clients reach as `Offer.ckzBedzinCourses` through the gateway.
 */
@Entity({ tableName: "ckz_bedzin_courses_offer" })
@Index({ properties: ["validFrom", "id"] })
@ObjectType("CkzBedzinCoursesOffer", { description: "An offer as this plugin keeps it, with the details only it knows." })
export class CkzBedzinCoursesOffer extends HubRecord<"description" | "validThrough" | "places" | "occupationCode" | "schedule" | "contactPerson"> {
  @Property({ type: "text" })
  @Field(() => OfferKind, { description: "What the offer is." })
  kind!: OfferKind;

  @Property({ length: 300 })
  @Field({ description: "Title." })
  title!: string;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "Description." })
  description: string | null = null;

  @Property({ length: 7 })
  @Field({ description: "TERYT code of the gmina where it takes place." })
  municipalityCode!: string;

  @Property({ type: "text[]" })
  @Field(() => [TargetGroup], { description: "Groups it is meant for." })
  targetGroups!: TargetGroup[];

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "First day it is open." })
  validFrom!: string;

  @Property({ columnType: "date", type: "string", nullable: true })
  @Field(() => DateScalar, { nullable: true, description: "Last day it is open; null when open-ended." })
  validThrough: string | null = null;

  @Property({ type: "int", nullable: true })
  @Field(() => Int, { nullable: true, description: "Places offered." })
  places: number | null = null;

  @Property({ type: "text" })
  @Field({ description: "How to apply." })
  howToApply!: string;

  @Property({ length: 6, nullable: true })
  @Field(() => String, { nullable: true, description: "KZiS occupation code." })
  occupationCode: string | null = null;

  // the plugin's own details: change these to what your offers need
  @Property({ length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: "When it takes place, in words (e.g. \"Tuesdays 16:00–19:00\")." })
  schedule: string | null = null;

  @Property({ type: "boolean" })
  @Field({ description: "Whether it is free of charge for participants." })
  freeOfCharge!: boolean;

  @Property({ length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: "Who answers questions about it (a role, not a private person's data)." })
  contactPerson: string | null = null;
}
