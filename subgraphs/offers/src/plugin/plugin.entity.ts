import { Entity, Index, Property } from "@mikro-orm/core";
import { Field, Int, ObjectType } from "type-graphql";
import { HubRecord } from "@bdp/kit";

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
