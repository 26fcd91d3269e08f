import { Entity, PrimaryKey, Property } from "@mikro-orm/core";

/**
 * Which schema coordinates clients used, per day (issue #17): `Type.field`,
 * `Type.field(arg:)`, `Enum.VALUE`, `Input.field`, with how many requests
 * used each. The gateways record it; a schema change that would break a
 * coordinate used in the last 30 days needs the coordinator's approval.
 * Bounded: the schema's coordinates × at most 200 clients a day × 90 days.
 */
@Entity({ tableName: "schema_usage" })
export class SchemaUsage {
  @PrimaryKey({ type: "date" })
  day!: string;

  /** The client's name (`apollographql-client-name`, or the trusted document's client), `unknown` without one. */
  @PrimaryKey({ length: 60 })
  client!: string;

  @PrimaryKey({ length: 300 })
  coordinate!: string;

  @Property({ type: "int" })
  requests!: number;
}
