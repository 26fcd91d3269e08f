import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";
import { Field, ID, ObjectType } from "type-graphql";
import { DateScalar, newId } from "@bdp/kit/server";
import { PartnerStatus } from "../partner/partner.entity.js";

/**
 * One step of a partner's membership (issue #15, item 4): accession,
 * withdrawal, suspension, reinstatement, with its date, reason and the
 * decision it follows. Public, as the partnership's decisions are.
 */
@Entity({ tableName: "membership_change" })
@Index({ properties: ["partnerId", "on", "recordedAt"] })
@ObjectType({ description: "A change of a partner's membership status, with its date, reason and the decision it follows." })
export class MembershipChange {
  [OptionalProps]?: "id" | "recordedAt" | "decisionReference";

  @PrimaryKey({ type: "uuid" })
  @Field(() => ID, { description: "Change id." })
  id: string = newId();

  @Property({ type: "uuid" })
  @Field(() => ID, { description: "The partner." })
  partnerId!: string;

  @Enum({ items: () => PartnerStatus })
  @Field(() => PartnerStatus, { description: "The status from this date on." })
  status!: PartnerStatus;

  @Property({ columnType: "date", type: "string" })
  @Field(() => DateScalar, { description: "The date it takes effect." })
  on!: string;

  @Property({ type: "text" })
  @Field({ description: "The reason, as given." })
  reason!: string;

  @Property({ length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: "The decision it follows (e.g. the number of the council's resolution); null for a partner's own withdrawal." })
  decisionReference: string | null = null;

  @Property({ type: "timestamptz" })
  @Field({ description: "When it was recorded." })
  recordedAt: Date = new Date();
}
