import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { isHolder, partnerRef, type HubContext, type PartnerRef as PartnerRefShape } from "@bdp/kit/server";
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

  @FieldResolver(() => String, { nullable: true, description: "The plugin's GraphQL endpoint: for the coordinator and the owning partner, null for everyone else (an address is where to aim)." })
  url(@Root() plugin: PluginRegistration, @Ctx() ctx: HubContext<Loaders>): string | null {
    return mayAdminister(ctx, plugin) ? plugin.url : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Who to contact about the plugin (email): for the coordinator and the owning partner, null for everyone else." })
  contact(@Root() plugin: PluginRegistration, @Ctx() ctx: HubContext<Loaders>): string | null {
    return mayAdminister(ctx, plugin) ? plugin.contact : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Why the last refresh failed, when it did (one of the hub's fixed reasons, never the plugin's own words); the offers read before stay listed. For the coordinator and the owning partner.",
  })
  lastRefreshError(@Root() plugin: PluginRegistration, @Ctx() ctx: HubContext<Loaders>): string | null {
    return mayAdminister(ctx, plugin) ? plugin.lastRefreshError : null;
  }
}

function mayAdminister(ctx: HubContext<Loaders>, plugin: PluginRegistration): boolean {
  return ctx.identity.kind === "coordinator" || isHolder(ctx, plugin.ownerPartnerId);
}
