import { describe, expect, it } from "vitest";
import { deduplicate, spread } from "./representations.js";

const partner = (id: string) => ({ __typename: "Partner", id });

describe("each entity representation sent once", () => {
  it("sends the unique representations and spreads the answer back over every item, each with its own copy", () => {
    const sent = [partner("a"), partner("b"), partner("a"), partner("c"), partner("b")];
    const once = deduplicate(sent)!;
    expect(once.unique).toEqual([partner("a"), partner("b"), partner("c")]);
    expect(once.index).toEqual([0, 1, 0, 2, 1]);
    const answer = { data: { _entities: [{ name: "A", tags: ["x"] }, { name: "B", tags: [] }, null] } };
    const spreadOut = spread(answer, once);
    expect(spreadOut.data._entities).toEqual([{ name: "A", tags: ["x"] }, { name: "B", tags: [] }, { name: "A", tags: ["x"] }, null, { name: "B", tags: [] }]);
    // the executor merges later fetches into each item: no two items may share an object
    const items = spreadOut.data._entities as { tags: string[] }[];
    expect(items[0]).not.toBe(items[2]);
    items[0]!.tags.push("y");
    expect(items[2]!.tags).toEqual(["x"]);
  });

  it("reports an error about one representation at every item it stood for, and leaves other errors as they are", () => {
    const once = deduplicate([partner("a"), partner("b"), partner("a")])!;
    const answer = {
      data: { _entities: [null, { name: "B" }] },
      errors: [
        { message: "not found", path: ["_entities", 0, "name"] },
        { message: "whole fetch", extensions: { code: "FORBIDDEN" } },
      ],
    };
    expect(spread(answer, once).errors).toEqual([
      { message: "not found", path: ["_entities", 0, "name"] },
      { message: "not found", path: ["_entities", 2, "name"] },
      { message: "whole fetch", extensions: { code: "FORBIDDEN" } },
    ]);
  });

  it("changes nothing when no representation repeats (keys in the order the executor writes them)", () => {
    expect(deduplicate([partner("a"), partner("b")])).toBeUndefined();
    expect(deduplicate([{ __typename: "TerritorialUnit", code: "2401011" }, { __typename: "Partner", id: "2401011" }])).toBeUndefined();
  });
});
