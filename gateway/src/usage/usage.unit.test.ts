import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { breakingChanges, breaks } from "@bdp/kit/composition";
import { coordinatesOf } from "./usage.js";

const before = buildSchema(`
  enum Kind { JOB TRAINING }
  input Filter { kind: Kind text: String }
  type Offer { id: ID! kind: Kind! salary: String title(lang: String): String }
  type Query { offers(filter: Filter, first: Int): [Offer!]! hello: String }
`);

describe("the coordinates an operation uses", () => {
  it("are its fields, arguments, enum literals and input fields, introspection left out", () => {
    const doc = parse(`query ($n: Int) { offers(first: $n, filter: { kind: JOB }) { id title(lang: "pl") ...F } __typename __schema { types { name } } }
      fragment F on Offer { salary }`);
    expect(coordinatesOf(before, doc).sort()).toEqual(
      ["Filter.kind", "Kind.JOB", "Offer.id", "Offer.salary", "Offer.title", "Offer.title(lang:)", "Query.offers", "Query.offers(filter:)", "Query.offers(first:)"].sort(),
    );
  });
});

describe("breaking changes of the public API", () => {
  const after = buildSchema(`
    enum Kind { JOB }
    input Filter { kind: Kind text: String! }
    type Offer { id: ID! kind: Kind! title: String! extra: String }
    type Query { offers(filter: Filter, first: Int, region: String!): [Offer!]! hello: String }
  `);
  const changes = breakingChanges(before, after);

  it("are removals, narrowed inputs, new required arguments and changed types; additions are not", () => {
    expect(changes.map((c) => c.change).sort()).toEqual([
      "Filter.text changed type from String to String!",
      "Kind.TRAINING was removed",
      "Offer.salary was removed",
      "Offer.title(lang:) was removed",
      "Query.offers gained a required argument region",
    ].sort());
    // a field becoming non-null is compatible for readers
    expect(changes.some((c) => c.coordinate === "Offer.title")).toBe(false);
  });

  it("break a client's use of the coordinate, what is under it, and fields of a lost enum value's type", () => {
    const salary = changes.find((c) => c.coordinate === "Offer.salary")!;
    expect(breaks(salary, "Offer.salary", before)).toBe(true);
    expect(breaks(salary, "Offer.id", before)).toBe(false);
    const training = changes.find((c) => c.coordinate === "Kind.TRAINING")!;
    expect(breaks(training, "Offer.kind", before)).toBe(true);
    expect(breaks(training, "Kind.JOB", before)).toBe(false);
    const region = changes.find((c) => c.coordinate === "Query.offers")!;
    expect(breaks(region, "Query.offers(first:)", before)).toBe(true);
    expect(breaks(region, "Query.hello", before)).toBe(false);
    expect(breakingChanges(before, before)).toEqual([]);
  });
});
