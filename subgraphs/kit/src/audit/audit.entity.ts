import "reflect-metadata";
import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { newId } from "../ids.js";

export enum AuditAction {
  CREATE = "CREATE",
  UPDATE = "UPDATE",
  DELETE = "DELETE",
  DECIDE = "DECIDE",
}
registerEnumType(AuditAction, {
  name: "AuditAction",
  description: "What a write did.",
  valuesConfig: {
    CREATE: { description: "Created the record." },
    UPDATE: { description: "Changed the record." },
    DELETE: { description: "Deleted the record (e.g. a data subject's request)." },
    DECIDE: { description: "A decision with its reason (applications, consultations)." },
  },
});

@Directive("@shareable")
@ObjectType({ description: "One changed field of an audited write." })
export class AuditChange {
  @Field({ description: "The field." })
  field!: string;

  @Field(() => String, { nullable: true, description: "Value before, as JSON; null when created, or withheld for records about people." })
  before!: string | null;

  @Field(() => String, { nullable: true, description: "Value after, as JSON; null when deleted, or withheld for records about people." })
  after!: string | null;
}

/**
 * One write: who (user, partner, role), when, what record, what changed.
 * Every subgraph keeps its own trail in its own database. For records about
 * people, `changes` names the fields without their values.
 */
@Entity({ tableName: "audit_entry" })
@Index({ properties: ["entityType", "entityId", "at"] })
@Index({ properties: ["ownerPartnerId", "at"] })
@Directive("@shareable")
@ObjectType({ description: "One write in the audit trail: who, when, what record and what changed." })
export class AuditEntry {
  [OptionalProps]?: "changedFields" | "at" | "actingPartnerId" | "ownerPartnerId" | "reason";

  @PrimaryKey({ type: "uuid" })
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  id: string = newId();

  @Property({ type: "timestamptz" })
  @Field({ description: "When the write was committed." })
  at: Date = new Date();

  @Property({ length: 200 })
  @Field({ description: "The user who wrote." })
  userId!: string;

  @Property({ length: 20 })
  @Field({ description: "The user's role: partner or coordinator." })
  role!: string;

  @Property({ type: "uuid", nullable: true })
  @Field(() => ID, { nullable: true, description: "The partner the user acted for." })
  actingPartnerId: string | null = null;

  @Property({ type: "uuid", nullable: true })
  @Field(() => ID, { nullable: true, description: "The partner that owns the record." })
  ownerPartnerId: string | null = null;

  @Enum({ items: () => AuditAction })
  @Field(() => AuditAction, { description: "What the write did." })
  action!: AuditAction;

  @Property({ length: 60 })
  @Field({ description: "Type of the record, e.g. TrainingProgramme." })
  entityType!: string;

  @Property({ type: "uuid" })
  @Field(() => ID, { description: "Id of the record." })
  entityId!: string;

  /** `{ field: [before, after] }`, or `{ field: null }` where values are personal. */
  @Property({ type: "json" })
  changes!: Record<string, [unknown, unknown] | null>;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "The reason given with a decision." })
  reason: string | null = null;

  @Field(() => [AuditChange], { description: "The fields the write changed." })
  get changedFields(): AuditChange[] {
    return Object.entries(this.changes).map(([field, values]) => ({
      field,
      before: values ? JSON.stringify(values[0]) : null,
      after: values ? JSON.stringify(values[1]) : null,
    }));
  }
}

