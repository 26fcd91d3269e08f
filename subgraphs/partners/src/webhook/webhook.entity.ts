import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { HubRecord, newId } from "@bdp/kit/server";
import { WebhookDeliveryStatus, WebhookEventType } from "./webhook-event.js";

/**
 * A partner's webhook: where the hub posts the events the partner chose.
 * Only the partner sees and changes its subscriptions; the secret is shown
 * once, when made or rotated, and signs every delivery.
 */
@Entity({ tableName: "webhook_subscription" })
@ObjectType({ description: "A partner's webhook subscription: the events it receives and where. Seen only by the partner that made it." })
export class WebhookSubscription extends HubRecord<"description" | "active"> {
  @Property({ type: "uuid" })
  @Index()
  @Field(() => ID, { description: "The partner whose subscription it is." })
  partnerId!: string;

  @Property({ length: 500 })
  @Field({ description: "Where deliveries are posted (https, or http on an address the operator allowed)." })
  url!: string;

  @Enum({ items: () => WebhookEventType, array: true })
  @Field(() => [WebhookEventType], { description: "The events delivered." })
  events!: WebhookEventType[];

  @Property({ length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: "What the subscription is for, for the partner's own people." })
  description: string | null = null;

  @Property()
  @Field({ description: "False while paused: events that come meanwhile are not delivered to it." })
  active: boolean = true;

  /** Signs deliveries; never a GraphQL field. */
  @Property({ length: 100 })
  secret!: string;
}

/**
 * One event for one subscription. Delivered at least once: a delivery is
 * claimed for a lease before it is sent, so one interrupted by a crash is
 * sent again after the lease, with the same `webhook-id`.
 */
@Entity({ tableName: "webhook_delivery" })
@Unique({ properties: ["subscriptionId", "eventId"] })
@Index({ properties: ["status", "nextAttemptAt"] })
@Index({ properties: ["subscriptionId", "createdAt"] })
@ObjectType({ description: "One event sent, or to be sent, to one webhook subscription, with how its attempts went." })
export class WebhookDelivery {
  [OptionalProps]?: "id" | "status" | "attempts" | "createdAt" | "nextAttemptAt" | "lastAttemptAt" | "lastResponseStatus" | "lastError" | "deliveredAt";

  @PrimaryKey({ type: "uuid" })
  @Field(() => ID, { description: "Delivery id." })
  id: string = newId();

  @Property({ type: "uuid" })
  subscriptionId!: string;

  @Property({ type: "uuid" })
  @Field(() => ID, { description: "The event's id: the `webhook-id` header and the payload's `id`, the same on every attempt (the idempotency key)." })
  eventId!: string;

  @Enum({ items: () => WebhookEventType })
  @Field(() => WebhookEventType, { description: "The event's type." })
  eventType!: WebhookEventType;

  @Enum({ items: () => WebhookDeliveryStatus })
  @Field(() => WebhookDeliveryStatus, { description: "Where the delivery stands." })
  status: WebhookDeliveryStatus = WebhookDeliveryStatus.PENDING;

  @Property()
  @Field(() => Int, { description: "Attempts made so far." })
  attempts: number = 0;

  @Property({ type: "timestamptz" })
  @Field({ description: "When the event was handed to this subscription." })
  createdAt: Date = new Date();

  @Property({ type: "timestamptz" })
  @Field({ description: "When the next attempt is due (while pending)." })
  nextAttemptAt: Date = new Date();

  @Property({ type: "timestamptz", nullable: true })
  @Field(() => Date, { nullable: true, description: "When the last attempt was made." })
  lastAttemptAt: Date | null = null;

  @Property({ type: "integer", nullable: true })
  @Field(() => Int, { nullable: true, description: "The HTTP status of the last answer; null when none came." })
  lastResponseStatus: number | null = null;

  @Property({ length: 300, nullable: true })
  @Field(() => String, { nullable: true, description: "Why the last attempt failed." })
  lastError: string | null = null;

  @Property({ type: "timestamptz", nullable: true })
  @Field(() => Date, { nullable: true, description: "When the receiver answered 2xx." })
  deliveredAt: Date | null = null;
}
