import { Arg, Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { ConnectionType, PageArgs, callerPartnerId, paginate, requirePartner, type HubContext } from "@bdp/kit/server";
import { WebhookDelivery, WebhookSubscription } from "./webhook.entity.js";
import { WebhookDeliveryStatus } from "./webhook-event.js";
import type { Loaders } from "../loaders.js";

export const WebhookDeliveryConnection = ConnectionType(WebhookDelivery, "WebhookDelivery", "webhook deliveries");

@Resolver(() => WebhookSubscription)
export class WebhookSubscriptionResolver {
  @Authorized("partner")
  @Query(() => [WebhookSubscription], { description: "The caller's partner's webhook subscriptions, oldest first." })
  async webhookSubscriptions(@Ctx() ctx: HubContext<Loaders>): Promise<WebhookSubscription[]> {
    return ctx.em.find(WebhookSubscription, { partnerId: callerPartnerId(ctx) }, { orderBy: { createdAt: "asc", id: "asc" } });
  }

  @FieldResolver(() => WebhookDeliveryConnection, { description: "The subscription's deliveries, newest first, with their status and attempts." })
  async deliveries(
    @Root() subscription: WebhookSubscription,
    @Ctx() ctx: HubContext<Loaders>,
    @Args() page: PageArgs,
    @Arg("status", () => WebhookDeliveryStatus, { nullable: true, description: "Only deliveries in this status." }) status?: WebhookDeliveryStatus,
  ) {
    // reached only through the owner's own list today; checked here too, where the data leaves
    requirePartner(ctx, subscription.partnerId);
    return paginate(ctx.em, WebhookDelivery, { subscriptionId: subscription.id, ...(status ? { status } : {}) }, { createdAt: "desc" }, page);
  }
}
