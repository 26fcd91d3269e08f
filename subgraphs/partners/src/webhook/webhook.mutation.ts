import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from "type-graphql";
import { HubError, callerPartnerId, checkId, checkSet, newWebhookSecret, optionalText, sqlRows, write, type Audited, type HubContext } from "@bdp/kit/server";
import { WebhookSubscription } from "./webhook.entity.js";
import { WebhookEventType } from "./webhook-event.js";
import type { Loaders } from "../loaders.js";

/** A partner keeps a handful of receivers, not a fleet. */
export const MAX_SUBSCRIPTIONS_PER_PARTNER = 10;
const EVENT_TYPES = Object.keys(WebhookEventType).length;

@InputType({ description: "A new webhook subscription." })
export class WebhookSubscriptionInput {
  @Field({ description: "Where deliveries are posted: an https (or http) URL of at most 500 characters, without user or password. Loopback, link-local and private addresses are refused when delivering unless the operator allowed them (WEBHOOK_ALLOWED_ADDRESSES)." })
  url!: string;

  @Field(() => [WebhookEventType], { description: "The events to deliver, at least one." })
  events!: WebhookEventType[];

  @Field(() => String, { nullable: true, description: "What it is for, at most 200 characters." })
  description?: string | null;
}

@InputType({ description: "Changes to a webhook subscription: only the fields given change." })
export class WebhookSubscriptionChanges {
  @Field(() => String, { nullable: true, description: "Where deliveries are posted (checked as when made)." })
  url?: string;

  @Field(() => [WebhookEventType], { nullable: true, description: "The events to deliver, at least one." })
  events?: WebhookEventType[];

  @Field(() => String, { nullable: true, description: "What it is for, at most 200 characters." })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: "False to pause deliveries (events meanwhile are not delivered to it), true to resume." })
  active?: boolean;
}

@ObjectType({ description: "A webhook subscription with its signing secret: the only time the secret is shown." })
export class WebhookSubscriptionWithSecret {
  @Field(() => WebhookSubscription, { description: "The subscription." })
  subscription!: WebhookSubscription;

  @Field({ description: "The secret that signs deliveries (`whsec_…`, Standard Webhooks): keep it; it is not shown again." })
  secret!: string;
}

/** A URL the hub may be asked to post to; the address itself is checked on every connection when delivering. */
export function checkWebhookUrl(field: string, value: string): string {
  const text = value.trim();
  if (text.length > 500) throw HubError.badInput(field, "at most 500 characters", { max: 500 });
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw HubError.badInput(field, "is not a URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw HubError.badInput(field, "must be an https or http URL");
  if (url.username || url.password) throw HubError.badInput(field, "must not carry a user or password: deliveries are signed instead");
  if (url.hash) throw HubError.badInput(field, "must not have a #fragment");
  return url.toString();
}

export const SUBSCRIPTION: Audited<WebhookSubscription> = { type: "WebhookSubscription", audited: ["url", "events", "description", "active"], owner: (s) => s.partnerId };

/** A partner's webhooks: its own to make, change, pause, rotate and remove. */
@Resolver(() => WebhookSubscription)
export class WebhookSubscriptionMutations {
  @Authorized("partner")
  @Mutation(() => WebhookSubscriptionWithSecret, { description: `Subscribes the caller's partner to events; at most ${MAX_SUBSCRIPTIONS_PER_PARTNER} subscriptions a partner. Events from now on are delivered.` })
  async createWebhookSubscription(
    @Arg("input", () => WebhookSubscriptionInput, { description: "The subscription." }) input: WebhookSubscriptionInput,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<WebhookSubscriptionWithSecret> {
    const partnerId = callerPartnerId(ctx);
    const fields = {
      partnerId,
      url: checkWebhookUrl("url", input.url),
      events: checkSet("events", input.events, 1, EVENT_TYPES),
      description: optionalText("description", input.description, 200),
      secret: newWebhookSecret(),
    };
    return write(ctx, async (w) => {
      // counted under a lock of the partner's subscriptions, so two concurrent creations cannot both pass the limit
      await sqlRows(w.tx, "select pg_advisory_xact_lock(hashtext('webhook_subscription:' || ?))", [partnerId]);
      const [{ count }] = await sqlRows<{ count: number }[]>(w.tx, "select count(*)::int as count from webhook_subscription where partner_id = ?", [partnerId]);
      if (count >= MAX_SUBSCRIPTIONS_PER_PARTNER) throw HubError.badInput("input", `a partner keeps at most ${MAX_SUBSCRIPTIONS_PER_PARTNER} webhook subscriptions`, { max: MAX_SUBSCRIPTIONS_PER_PARTNER });
      const subscription = w.create(WebhookSubscription, fields, SUBSCRIPTION);
      return { subscription, secret: fields.secret };
    });
  }

  @Authorized("partner")
  @Mutation(() => WebhookSubscription, { description: "Changes one of the caller's subscriptions; `version` must be the version read, else CONFLICT." })
  async updateWebhookSubscription(
    @Arg("id", () => ID, { description: "Subscription id." }) id: string,
    @Arg("version", () => Int, { description: "The version the change is based on." }) version: number,
    @Arg("changes", () => WebhookSubscriptionChanges, { description: "Fields to change." }) changes: WebhookSubscriptionChanges,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<WebhookSubscription> {
    const subscriptionId = checkId("id", id);
    const fields: Partial<WebhookSubscription> = {};
    if (changes.url != null) fields.url = checkWebhookUrl("url", changes.url);
    if (changes.events != null) fields.events = checkSet("events", changes.events, 1, EVENT_TYPES);
    if (changes.description !== undefined) fields.description = optionalText("description", changes.description, 200);
    if (changes.active != null) fields.active = changes.active;
    return write(ctx, async (w) => w.update(await w.loadOwned(WebhookSubscription, subscriptionId, { ...SUBSCRIPTION, version }), fields, SUBSCRIPTION));
  }

  @Authorized("partner")
  @Mutation(() => WebhookSubscriptionWithSecret, { description: "Gives one of the caller's subscriptions a new secret; deliveries from now on are signed with it." })
  async rotateWebhookSecret(
    @Arg("id", () => ID, { description: "Subscription id." }) id: string,
    @Arg("version", () => Int, { description: "The version the change is based on." }) version: number,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<WebhookSubscriptionWithSecret> {
    const subscriptionId = checkId("id", id);
    const secret = newWebhookSecret();
    return write(ctx, async (w) => {
      const subscription = w.update(await w.loadOwned(WebhookSubscription, subscriptionId, { ...SUBSCRIPTION, version }), { secret }, { ...SUBSCRIPTION, reason: "secret rotated" });
      return { subscription, secret };
    });
  }

  @Authorized("partner")
  @Mutation(() => ID, { description: "Removes one of the caller's subscriptions with its deliveries; returns the id." })
  async deleteWebhookSubscription(
    @Arg("id", () => ID, { description: "Subscription id." }) id: string,
    @Arg("version", () => Int, { description: "The version read." }) version: number,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<string> {
    const subscriptionId = checkId("id", id);
    return write(ctx, async (w) => {
      const subscription = await w.loadOwned(WebhookSubscription, subscriptionId, { ...SUBSCRIPTION, version });
      await sqlRows(w.tx, "delete from webhook_delivery where subscription_id = ?", [subscription.id]);
      return w.remove(subscription, SUBSCRIPTION);
    });
  }
}
