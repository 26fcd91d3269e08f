import { readFileSync } from "node:fs";
import { buildSchema, GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { LABELS, LAWS } from "@bdp/kit/domain";
import { EMPLOYMENT_DUTY_MONTHS, Instrument, LEGACY_INSTRUMENTS } from "./vocabulary.js";

/**
 * The PFRON instruments against their source list (issue #16, item 4): each
 * named with the 1997 act's article and term; the merged value of before
 * deprecated in the committed API and split in two.
 */
const source = JSON.parse(readFileSync(new URL("./sources/rehabilitation-act-1997.json", import.meta.url), "utf8")) as {
  source: string;
  instruments: { value: string; article: string; term: string; employmentMonths?: number }[];
  mergedBefore: { value: string; splitInto: string[] };
};
const api = buildSchema(readFileSync(new URL("../../../schema/api-schema.graphql", import.meta.url), "utf8"));

describe("activation instruments", () => {
  it("name every PFRON instrument of the source with its article and the act's term", () => {
    expect(source.source).toContain(LAWS.REHABILITATION_1997);
    for (const i of source.instruments) {
      expect(Object.values(Instrument), i.value).toContain(i.value);
      expect(LABELS.ActivationInstrument![i.value]!.legal, i.value).toEqual({ term: i.term, basis: `art. ${i.article} ${LAWS.REHABILITATION_1997.replace(/^ustawa /, "ustawy ")}` });
    }
  });

  it("bind the employer as the act does (art. 26e: 36 months), and no instrument the source does not", () => {
    const withDuty = source.instruments.filter((i) => i.employmentMonths).map((i) => [i.value, i.employmentMonths]);
    expect(Object.entries(EMPLOYMENT_DUTY_MONTHS)).toEqual(withDuty);
  });

  it("keep the merged value of before only as deprecated, split into the two it merged", () => {
    expect([...LEGACY_INSTRUMENTS]).toEqual([source.mergedBefore.value]);
    for (const v of source.mergedBefore.splitInto) expect(Object.values(Instrument)).toContain(v);
    const deprecated = (api.getType("ActivationInstrument") as GraphQLEnumType).getValues().filter((v) => v.deprecationReason).map((v) => v.name);
    expect(deprecated).toEqual([source.mergedBefore.value]);
  });
});
