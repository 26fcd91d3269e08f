import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { canMerge, merge } from "./merge.js";

const part = (query: string, variables: Record<string, unknown>) => ({ query, document: parse(query), variables });
const partners = part(
  `query Offers__partners__1($representations: [_Any!]!) { _entities(representations: $representations) { ... on Partner { ...P } } } fragment P on Partner { name }`,
  { representations: [{ __typename: "Partner", id: "a" }] },
);
const units = part(`query Offers__partners__2($representations: [_Any!]!) { _entities(representations: $representations) { ... on TerritorialUnit { name } } }`, {
  representations: [{ __typename: "TerritorialUnit", code: "2401011" }],
});

describe("the parallel reads of a plan step merged into one request", () => {
  it("aliases each part's root fields and renames its variables and fragments, so the parts cannot meet", () => {
    const merged = merge([partners, units]);
    expect(merged.operationName).toBe("Offers__partners__1__merged_2");
    expect(merged.variables).toEqual({ representations_0: partners.variables.representations, representations_1: units.variables.representations });
    const document = parse(merged.query);
    expect(document.definitions.map((d) => d.kind)).toEqual(["OperationDefinition", "FragmentDefinition"]);
    expect(merged.query).toContain("_0__entities: _entities(representations: $representations_0)");
    expect(merged.query).toContain("_1__entities: _entities(representations: $representations_1)");
    expect(merged.query).toContain("...P_0");
    expect(merged.query).toContain("fragment P_0 on Partner");
  });

  it("splits the answer back, each part with its own data and the errors about it; an error about the whole request goes to each", () => {
    const merged = merge([partners, units]);
    const [first, second] = merged.split({
      data: { _0__entities: [{ name: "PUP Będzin" }], _1__entities: [null] },
      errors: [
        { message: "no such unit", path: ["_1__entities", 0, "name"], extensions: { code: "NOT_FOUND" } },
        { message: "slow", extensions: { code: "WARNING" } },
      ],
    });
    expect(first).toEqual({ data: { _entities: [{ name: "PUP Będzin" }] }, errors: [{ message: "slow", extensions: { code: "WARNING" } }] });
    expect(second).toEqual({
      data: { _entities: [null] },
      errors: [
        { message: "no such unit", path: ["_entities", 0, "name"], extensions: { code: "NOT_FOUND" } },
        { message: "slow", extensions: { code: "WARNING" } },
      ],
    });
    const failed = merged.split({ data: null, errors: [{ message: "down" }] });
    expect(failed).toEqual([
      { data: null, errors: [{ message: "down" }] },
      { data: null, errors: [{ message: "down" }] },
    ]);
  });

  it("merges queries only: never a mutation, nor an operation whose root is not all fields", () => {
    expect(canMerge(parse(`mutation { createTrainingProgramme(input: {}) { id } }`))).toBe(false);
    expect(canMerge(parse(`query { ... on Query { partners { totalCount } } }`))).toBe(false);
    expect(canMerge(parse(`query A { a } query B { b }`))).toBe(false);
    expect(canMerge(partners.document)).toBe(true);
  });
});
