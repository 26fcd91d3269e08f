import "reflect-metadata";
import { Entity, Index, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";
import { newId } from "../ids.js";

/**
 * An event worth telling partners (issue #15, item 5): written by the write
 * pipeline in the same transaction as the change it tells of, so there is
 * never a change without its event nor an event without its change. The
 * subgraph's dispatcher hands it on (webhook deliveries, the public feed) and
 * marks it dispatched; its id is the idempotency key receivers see.
 */
@Entity({ tableName: "outbox_event" })
@Index({ properties: ["dispatchedAt", "occurredAt"] })
@Index({ properties: ["public", "occurredAt"] })
export class OutboxEvent {
  [OptionalProps]?: "id" | "occurredAt" | "dispatchedAt" | "partnerIds" | "public";

  @PrimaryKey({ type: "uuid" })
  id: string = newId();

  /** What happened, a value of the subgraph's event vocabulary (e.g. `PARTNER_SUSPENDED`). */
  @Property({ length: 60 })
  type!: string;

  @Property({ type: "timestamptz" })
  occurredAt: Date = new Date();

  /** The GraphQL type of the record it is about. */
  @Property({ length: 60 })
  subjectType!: string;

  @Property({ type: "uuid" })
  subjectId!: string;

  /** Public news: every subscriber may receive it and the feed shows it. */
  @Property()
  public: boolean = false;

  /** Partners it is addressed to besides the public (a part proposed to them, their own suspension). */
  @Property({ type: "uuid[]" })
  partnerIds: string[] = [];

  /** One line for people: the feed's title. */
  @Property({ type: "text" })
  title!: string;

  /** What receivers need, without personal data. */
  @Property({ type: "json" })
  data!: Record<string, unknown>;

  /** When the dispatcher handed it on; null while it waits. */
  @Property({ type: "timestamptz", nullable: true })
  dispatchedAt: Date | null = null;
}

/** What a mutation tells, through `Writer.publish`. */
export interface PublishedEvent {
  type: string;
  subjectType: string;
  subjectId: string;
  title: string;
  public?: boolean;
  partnerIds?: readonly string[];
  /** Read after the change is flushed, so ids and versions are final. */
  data: Record<string, unknown> | (() => Record<string, unknown>);
}
