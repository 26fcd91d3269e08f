import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { partnerRef, type HubContext, type PartnerRef as PartnerRefShape } from "@bdp/kit";
import { PartnerRef } from "../references/reference.types.js";
import { PluginRegistration } from "./plugin.entity.js";
import type { Loaders } from "../loaders.js";

@Resolver(() => PluginRegistration)
export class PluginResolver {
  @Query(() => [PluginRegistration], { description: "The plugins admitted into the hub, by slug, with how their last offer refresh went." })
  plugins(@Ctx() ctx: HubContext<Loaders>): Promise<PluginRegistration[]> {
    return ctx.em.find(PluginRegistration, {}, { orderBy: { slug: "asc" } });
  }

  @FieldResolver(() => PartnerRef, { nullable: true, description: "The partner that owns the plugin and every offer it publishes." })
  owner(@Root() plugin: PluginRegistration): PartnerRefShape {
    return partnerRef(plugin.ownerPartnerId);
  }
}
