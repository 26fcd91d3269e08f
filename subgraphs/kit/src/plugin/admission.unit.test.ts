import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { apiChanges } from "./api-diff.js";
import { checkNamespace, checkPluginOffline, coreShape, readCoreSdls } from "./admission.js";
import type { PluginManifest } from "./plugin.js";

/**
 * The admission rules on hostile SDL, offline against the committed core
 * (issue #11): each way a plugin could take, hide or change what is not its
 * own is refused with its code. The red-team suite (test/red-team) plays the
 * same against a running hub with real plugin processes.
 */
const core = readCoreSdls(new URL("../../../../schema/subgraphs/", import.meta.url));
const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@override", "@inaccessible", "@tag", "@external", "@provides", "@requires", "@composeDirective"])';
const manifest = (slug: string): PluginManifest => ({ slug, name: slug, ownerPartnerId: "00000000-0000-4000-8000-000000000001", url: "http://plugin.example/graphql", contact: "a@b.pl", version: "1" });
const codes = (slug: string, sdl: string) => [...new Set(checkPluginOffline(manifest(slug), `${LINK}\n${sdl}`, core).map((v) => v.code))].sort();

describe("admission refuses a plugin that", () => {
  it.each([
    ["renames its root types to take core mutations", "evil", `schema { query: EvilQuery mutation: EvilMutation }
      type EvilQuery { evilHello: String }
      type EvilMutation { deleteEnrolment(id: ID!): ID @override(from: "training") deleteActivationParticipant(id: ID!): ID @override(from: "disability") }`, ["PLUGIN_OVERRIDE", "PLUGIN_ROOT_RENAMED"]],
    ["overrides a core root field", "evil", `type Query { evilHello: String offer(id: ID!): String @override(from: "offers") }`, ["PLUGIN_NOT_NAMESPACED", "PLUGIN_OVERRIDE"]],
    ["overrides under an imported alias", "evil", `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: [{ name: "@override", as: "@take" }])
      type Query { evilOffer: String @take(from: "offers") }`, ["PLUGIN_OVERRIDE"]],
    ["overrides under the federation prefix", "evil", `type Query { evilOffer: String @federation__override(from: "offers") }`, ["PLUGIN_OVERRIDE"]],
    ["hides a field of a shared value type", "evil", `type PageInfo @shareable { hasNextPage: Boolean! @inaccessible hasPreviousPage: Boolean! startCursor: String endCursor: String }
      type Query { evilHello: String }`, ["PLUGIN_REDEFINES_CORE_TYPE"]],
    ["repeats a core enum with fewer values", "evil", `enum OfferKind { JOB }
      type Query { evilHello(kind: OfferKind): String }`, ["PLUGIN_REDEFINES_CORE_TYPE"]],
    ["repeats a core input with fewer fields (inputs compose by intersection)", "evil", `input OfferFilter { kinds: [OfferKind!] }
      enum OfferKind { JOB TRAINEESHIP TRAINING_PLACE SERVICE EVENT VOLUNTEERING }
      type Query { evilHello(filter: OfferFilter): String }`, ["PLUGIN_REDEFINES_CORE_TYPE"]],
    ["hides a core entity's key", "evil", `type Partner @key(fields: "id") { id: ID! @inaccessible evilScore: Int }
      type Query { evilHello: String }`, ["PLUGIN_FOREIGN_DIRECTIVE"]],
    ["tags a core entity", "evil", `type Offer @key(fields: "id") @tag(name: "internal") { id: ID! evilX: Int }
      type Query { evilHello: String }`, ["PLUGIN_FOREIGN_DIRECTIVE"]],
    ["composes a directive into the supergraph", "evil", `extend schema @composeDirective(name: "@custom")
      type Query { evilHello: String }`, ["PLUGIN_FOREIGN_DIRECTIVE"]],
    ["keys a core entity by a field that is not the core's key (key fields are shareable)", "evil", `type Partner @key(fields: "name") { name: String! evilX: Int }
      type Query { evilHello: String }`, ["PLUGIN_TOUCHES_CORE_FIELD"]],
    ["declares a core field as external to provide it", "evil", `type Partner @key(fields: "id") { id: ID! name: String! @external }
      type EvilThing { partner: Partner @provides(fields: "name") }
      type Query { evilThing: EvilThing }`, ["PLUGIN_FOREIGN_DIRECTIVE", "PLUGIN_TOUCHES_CORE_FIELD"]],
    ["requires a core field", "evil", `type Partner @key(fields: "id") { id: ID! evilX: Int @requires(fields: "name") }
      type Query { evilHello: String }`, ["PLUGIN_FOREIGN_DIRECTIVE"]],
    ["adds an interface to a core entity", "evil", `interface EvilThing { id: ID! }
      type Partner implements EvilThing @key(fields: "id") { id: ID! }
      type Query { evilHello: String }`, ["PLUGIN_TOUCHES_CORE_FIELD"]],
    ["adds an un-namespaced field to a core entity", "evil", `type Offer @key(fields: "id") { id: ID! title: String }
      type Query { evilHello: String }`, ["PLUGIN_TOUCHES_CORE_FIELD"]],
  ])("%s", (_, slug, sdl, expected) => {
    expect(codes(slug, sdl)).toEqual(expected);
  });

  it("is a prefix of another plugin's namespace, or has one as its prefix, or reads as a core name", () => {
    const shape = coreShape(core);
    expect(checkNamespace("pup", shape, ["pup-bedzin-jobs"]).map((v) => v.code)).toEqual(["PLUGIN_NAMESPACE_OVERLAP"]);
    expect(checkNamespace("pup-bedzin-jobs-extra", shape, ["pup-bedzin-jobs"]).map((v) => v.code)).toEqual(["PLUGIN_NAMESPACE_OVERLAP"]);
    expect(checkNamespace("offer", shape, []).map((v) => v.code)).toEqual(["PLUGIN_NAMESPACE_OVERLAP"]);
    expect(checkNamespace("partner-x", shape, []).map((v) => v.code)).toEqual(["PLUGIN_NAMESPACE_OVERLAP"]);
    expect(checkNamespace("ckz-bedzin-courses", shape, ["pup-bedzin-jobs"])).toEqual([]);
  });
});

describe("admission accepts", () => {
  it("a plugin that keeps to its namespace, with its own directives on its own things", () => {
    expect(codes("good", `type Offer @key(fields: "id") { id: ID! good: GoodDetails }
      type GoodDetails @key(fields: "id") { id: ID! note: String @tag(name: "public") old: String @deprecated(reason: "use note") }
      enum Sex { FEMALE MALE }
      type Query { goodThings(sex: Sex): [GoodDetails!]! }`)).toEqual([]);
  });
});

describe("the public API diff", () => {
  const before = buildSchema(`"The root." type Query { "Partners." partners(first: Int = 20): [Partner!]! }
    "A partner." type Partner { "Id." id: ID! "Name." name: String! kind: Kind }
    "Kinds." enum Kind { "A." A "B." B }
    "Filter." input Filter { "Name." name: String "Kind." kind: Kind }`);
  it("allows additions under the namespace only", () => {
    const after = buildSchema(`"The root." type Query { "Partners." partners(first: Int = 20): [Partner!]! goodList: [GoodThing!]! }
      "A partner." type Partner { "Id." id: ID! "Name." name: String! kind: Kind good: GoodThing }
      "Kinds." enum Kind { "A." A "B." B }
      "Filter." input Filter { "Name." name: String "Kind." kind: Kind }
      type GoodThing { x: Int }`);
    expect(apiChanges(before, after, "good")).toEqual([]);
  });

  it("refuses anything removed, changed or added outside the namespace, each named", () => {
    const after = buildSchema(`"The root." type Query { "Partners." partners(first: Int = 50): [Partner!]! rogue: Int }
      "A partner." type Partner { "Id." id: ID! "Name, says the plugin." name: String! }
      "Kinds." enum Kind { "A." A }
      "Filter." input Filter { "Name." name: String }
      type Rogue { x: Int }`);
    const [v] = apiChanges(before, after, "good");
    expect(v!.code).toBe("PLUGIN_CHANGES_API");
    for (const part of ["Query.partners(first) changed", "Query.rogue was added", "Partner.name: its description changed", "Partner.kind was removed", "Kind.B was removed", "Filter.kind was removed", "type Rogue was added"]) {
      expect(v!.message).toContain(part);
    }
  });
});
