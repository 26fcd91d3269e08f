import "reflect-metadata";
import { Entity, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { newId } from "../ids.js";

/**
 * What every stored record has: a UUID, a version for optimistic locking
 * (a stale version is refused with CONFLICT, never silently overwritten),
 * and creation/update times. `Optional` names the subclass's properties
 * that have defaults, so `em.create` does not ask for them.
 */
@Entity({ abstract: true })
// type-graphql copies these fields into each subclass's type; the abstract
// class itself is not reachable from any resolver, so it is not printed.
@ObjectType({ description: "Fields every stored record has." })
export abstract class HubRecord<Optional extends string = never> {
  [OptionalProps]?: "version" | "createdAt" | "updatedAt" | Optional;

  @PrimaryKey({ type: "uuid" })
  @Field(() => ID, { description: "Stable identifier (UUID)." })
  id: string = newId();

  @Property({ version: true })
  @Field(() => Int, { description: "Version of the record, raised by every change; updates must name the version they read." })
  version!: number;

  @Property({ type: "timestamptz" })
  @Field({ description: "When the record was created." })
  createdAt: Date = new Date();

  @Property({ type: "timestamptz", onUpdate: () => new Date() })
  @Field({ description: "When the record last changed." })
  updatedAt: Date = new Date();
}
