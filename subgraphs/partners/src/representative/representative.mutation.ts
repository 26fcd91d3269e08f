import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from "type-graphql";
import { checkEmail, checkId, checkText, optionalText, requirePartner, write, type Audited, type HubContext } from "@bdp/kit/server";
import { Partner } from "../partner/partner.entity.js";
import { PROFILE } from "../partner/partner.mutation.js";
import { Representative } from "./representative.entity.js";
import type { Loaders } from "../loaders.js";

@InputType({ description: "A person acting for a partner." })
export class RepresentativeInput {
  @Field({ description: "Full name, 3 to 200 characters." })
  fullName!: string;

  @Field({ description: "Position, 2 to 200 characters." })
  position!: string;

  @Field(() => String, { nullable: true, description: "Business e-mail." })
  email?: string | null;

  @Field(() => String, { nullable: true, description: "Business telephone." })
  phone?: string | null;

  @Field({ defaultValue: false, description: "Main contact." })
  primary!: boolean;
}

const REPRESENTATIVE: Audited<Representative> = { type: "Representative", audited: ["fullName", "position"], owner: (r) => r.partner.id };

/** The people acting for a partner: the partner's own to add and remove. */
@Resolver(() => Representative)
export class RepresentativeMutations {
  @Authorized("partner")
  @Mutation(() => Representative, { description: "Adds a person acting for the caller's partner." })
  async addRepresentative(
    @Arg("partnerId", () => ID, { description: "Partner id (the caller's)." }) partnerId: string,
    @Arg("input", () => RepresentativeInput, { description: "The representative." }) input: RepresentativeInput,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Representative> {
    const id = checkId("partnerId", partnerId);
    requirePartner(ctx, id);
    const fields = {
      fullName: checkText("fullName", input.fullName, 3, 200),
      position: checkText("position", input.position, 2, 200),
      email: checkEmail("email", input.email),
      phone: optionalText("phone", input.phone, 40),
      primary: input.primary,
    };
    return write(ctx, async (w) => w.create(Representative, { ...fields, partner: await w.loadOwned(Partner, id, PROFILE) }, REPRESENTATIVE));
  }

  @Authorized("partner")
  @Mutation(() => ID, { description: "Removes a person acting for the caller's partner; returns the id." })
  async removeRepresentative(@Arg("id", () => ID, { description: "Representative id." }) id: string, @Ctx() ctx: HubContext<Loaders>): Promise<string> {
    const representativeId = checkId("id", id);
    return write(ctx, async (w) => w.remove(await w.loadOwned(Representative, representativeId, REPRESENTATIVE), REPRESENTATIVE));
  }
}
