import { Entity, ManyToOne, Property, type Rel } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";
import { HubRecord } from "@bdp/kit/server";
import { Partner } from "../partner/partner.entity.js";

@Entity({ tableName: "representative" })
@ObjectType({ description: "A person who acts for a partner in the partnership (przedstawiciel), with business contact details." })
export class Representative extends HubRecord {
  @ManyToOne(() => Partner, { index: true, deleteRule: "cascade" })
  partner!: Rel<Partner>;

  @Property({ length: 200 })
  @Field({ description: "Full name." })
  fullName!: string;

  @Property({ length: 200 })
  @Field({ description: "Position in the organisation or role in the partnership." })
  position!: string;

  @Property({ length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: "Business e-mail." })
  email: string | null = null;

  @Property({ length: 40, nullable: true })
  @Field(() => String, { nullable: true, description: "Business telephone." })
  phone: string | null = null;

  @Property()
  @Field({ description: "True for the partner's main contact." })
  primary: boolean = false;
}
