import { Args, Ctx, Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import { ConnectionType, OutboxEvent, PageArgs, paginate, type HubContext } from "@bdp/kit/server";
import { WebhookEventType } from "./webhook-event.js";
import type { Loaders } from "../loaders.js";

/**
 * The partnership's public news (issue #15, item 5: the declaration's line on
 * the media): the public events of the outbox, the same that webhooks carry,
 * newest first. The gateway serves them as a JSON Feed at `/feed.json`.
 */
@ObjectType({ description: "A piece of the partnership's public news: a public event, as webhooks deliver it." })
export class NewsItem {
  @Field(() => ID, { description: "The event's id (the `webhook-id` of its deliveries)." })
  id!: string;

  @Field(() => WebhookEventType, { description: "What happened." })
  type!: WebhookEventType;

  @Field({ description: "When it happened." })
  occurredAt!: Date;

  @Field({ description: "One line for people." })
  title!: string;

  @Field({ description: "The GraphQL type of the record it is about (Partner, AccessionApplication…)." })
  subjectType!: string;

  @Field(() => ID, { description: "The id of the record it is about." })
  subjectId!: string;

  @Field({ description: "The event's details as JSON: the `data` of its webhook payload." })
  details!: string;
}

const NewsConnection = ConnectionType(NewsItem, "NewsItem", "news items");

@Resolver()
export class NewsResolver {
  @Query(() => NewsConnection, { description: "The partnership's public news, newest first: accessions, withdrawals, suspensions, decisions with their reasons. Open to anyone." })
  async partnershipNews(@Ctx() ctx: HubContext<Loaders>, @Args() page: PageArgs) {
    const events = await paginate(ctx.em, OutboxEvent, { public: true }, { occurredAt: "desc" }, page);
    return {
      nodes: events.nodes.map(toNews),
      edges: events.edges.map((e) => ({ cursor: e.cursor, node: toNews(e.node) })),
      pageInfo: events.pageInfo,
      // counted only when asked for
      get totalCount() {
        return events.totalCount;
      },
    };
  }
}

function toNews(event: OutboxEvent): NewsItem {
  return Object.assign(new NewsItem(), {
    id: event.id,
    type: event.type as WebhookEventType,
    occurredAt: event.occurredAt,
    title: event.title,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    details: JSON.stringify(event.data),
  });
}
