import { readFileSync } from "node:fs";
import { buildSchema, isEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { API_SCHEMA_FILE } from "@bdp/schema";
import { LABELS, registeredEnums } from "@bdp/kit/domain";
import { CORE } from "./hub.js";

/**
 * Labels (issue #17): every enum value of the public API, and of every enum
 * a subgraph registers (statistics' dimensions among them), has a Polish
 * and an English label; a legal term comes with its basis.
 */
const api = buildSchema(readFileSync(API_SCHEMA_FILE, "utf8"));
const apiEnums = Object.values(api.getTypeMap()).filter((t) => isEnumType(t) && !t.name.startsWith("__")).map((t) => t as import("graphql").GraphQLEnumType);

describe("labels of enum values", () => {
  it.each(apiEnums.map((e) => [e.name, e] as const))("%s (public API): every value has a Polish and an English label", (name, type) => {
    const missing = type.getValues().filter((v) => !LABELS[name]?.[v.name]?.pl?.trim() || !LABELS[name]?.[v.name]?.en?.trim()).map((v) => v.name);
    expect(missing).toEqual([]);
  });

  it("every enum a core subgraph registers (a statistic's dimension too) has labels for every value", () => {
    expect(CORE.length).toBe(5);
    const registered = registeredEnums();
    expect(registered.length).toBeGreaterThan(apiEnums.length);
    const missing = registered.flatMap((e) => e.values.filter((v) => !LABELS[e.name]?.[v]).map((v) => `${e.name}.${v}`));
    expect(missing).toEqual([]);
  });

  it("labels only what exists: no label for an enum or a value the hub does not have", () => {
    const registered = new Map(registeredEnums().map((e) => [e.name, new Set(e.values)]));
    const stray = Object.entries(LABELS).flatMap(([name, values]) => Object.keys(values).filter((v) => !registered.get(name)?.has(v)).map((v) => `${name}.${v}`));
    expect(stray).toEqual([]);
  });

  it("a legal term names its basis (an act, an EU regulation or official guidelines, with the article where there is one)", () => {
    const incomplete = Object.entries(LABELS).flatMap(([name, values]) => Object.entries(values).filter(([, l]) => l.legal && (!l.legal.term.trim() || !/ustaw|rozporządzeni|[Ww]ytyczn/.test(l.legal.basis))).map(([v]) => `${name}.${v}`));
    expect(incomplete).toEqual([]);
  });
});
