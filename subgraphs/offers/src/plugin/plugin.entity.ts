import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";
import { HubRecord } from "@bdp/kit/server";

/**
 * A plugin the coordinator admitted (issue #4). The gateway writes it here
 * after the admission checks pass, and composes every registered plugin's
 * SDL into the supergraph; the catalogue reads each plugin's offer feed.
 * Registrations outlive restarts of the hub because they live here.
 */
@Entity({ tableName: "plugin_registration" })
@ObjectType("Plugin", { description: "A plugin subgraph a partner ships to publish its own offers, admitted into the hub by the coordinator." })
export class PluginRegistration extends HubRecord<"description" | "lastRefreshAt" | "lastRefreshError" | "offerCount"> {
  @Property({ length: 40, unique: true })
  @Field({ description: "The plugin's name in the hub (kebab-case); its types and fields carry it as their namespace." })
  slug!: string;

  @Property({ length: 200 })
  @Field({ description: "Human-readable name." })
  name!: string;

  @Property({ type: "text", nullable: true })
  @Field(() => String, { nullable: true, description: "What the plugin offers." })
  description: string | null = null;

  @Property({ type: "uuid" })
  @Index()
  ownerPartnerId!: string;

  /** The plugin's GraphQL endpoint: the coordinator's and the owner's to read (`Plugin.url`). */
  @Property({ length: 500 })
  url!: string;

  /** Who to contact about the plugin (email): the coordinator's and the owner's to read. */
  @Property({ length: 200 })
  contact!: string;

  @Property({ length: 40 })
  @Field({ description: "The plugin's own version, from its manifest." })
  pluginVersion!: string;

  @Property({ type: "text" })
  sdl!: string;

  /** The slug's generation when it was registered: its signing key is derived with it. */
  @Property({ type: "int", default: 0 })
  generation = 0;

  @Property({ type: "timestamptz", nullable: true })
  @Field(() => Date, { nullable: true, description: "When the catalogue last read the plugin's offers successfully." })
  lastRefreshAt: Date | null = null;

  /** Why the last refresh failed: one of the hub's fixed reasons, never the plugin's words (`Plugin.lastRefreshError`). */
  @Property({ type: "text", nullable: true })
  lastRefreshError: string | null = null;

  @Property({ type: "int" })
  @Field(() => Int, { description: "Offers the plugin lists now." })
  offerCount = 0;
}

/**
 * How many times each slug was freed (issue #11): a plugin's signing key is
 * derived with its slug's generation, so a plugin registered after another
 * of the same slug was removed gets a key the removed one never held.
 */
@Entity({ tableName: "plugin_slug" })
export class PluginSlug {
  @PrimaryKey({ length: 40 })
  slug!: string;

  @Property({ type: "int" })
  generation = 0;
}

/**
 * The composed supergraph, each version the hub served (issue #11): the
 * registry is the one source of truth for which plugins are in the graph
 * and what the graph is. Versions only grow; a change based on an older
 * version than the latest is refused (CONFLICT), so two gateways never
 * overwrite each other's admission.
 */
@Entity({ tableName: "supergraph_version" })
export class SupergraphVersion {
  @PrimaryKey({ type: "int", autoincrement: false })
  version!: number;

  @Property({ type: "text" })
  sdl!: string;

  /** What made it: `admit <slug>`, `update <slug>`, `remove <slug>`, `recompose`. */
  @Property({ length: 200 })
  change!: string;

  @Property({ type: "timestamptz" })
  createdAt: Date = new Date();
}
