import { readFileSync } from "node:fs";
import { buildSchema, GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import { AgeBand, SupportForm, TargetGroup } from "../vocabulary.js";
import { LABELS, LAWS } from "../labels/labels.js";
import { ESF_INDICATORS, EsfIndicatorKind } from "./esf-indicators.js";
import { AGE_BANDS, SUPPORT_FORMS, SupportFormKind, TARGET_GROUPS, TargetGroupKind, inForceOn } from "./definitions.js";

/**
 * Each vocabulary against its source list (issue #16): the lists in
 * `sources/` name where they come from; the definitions, the labels' legal
 * terms and the committed API's deprecations must agree with them.
 */
const source = (name: string) => JSON.parse(readFileSync(new URL(`./sources/${name}.json`, import.meta.url), "utf8"));
const api = buildSchema(readFileSync(new URL("../../../../schema/api-schema.graphql", import.meta.url), "utf8"));
const deprecated = (enumName: string) => (api.getType(enumName) as GraphQLEnumType).getValues().filter((v) => v.deprecationReason).map((v) => v.name).sort();

describe("target groups", () => {
  const art69 = source("labour-market-act-2025-art-69");
  const art49 = source("employment-promotion-act-2004-art-49");

  it("define every value of the enum, in its order", () => {
    expect(TARGET_GROUPS.map((d) => d.value)).toEqual(Object.values(TargetGroup));
  });

  it("mark exactly the seven priority groups of art. 69 of the 2025 act, with its terms", () => {
    expect(art69.source).toContain("Dz.U. 2025 poz. 620");
    const priority = TARGET_GROUPS.filter((d) => d.priorityGroup);
    expect(priority.map((d) => d.value).sort()).toEqual(art69.priorityGroups.map((g: { value: string }) => g.value).sort());
    for (const d of priority) {
      expect(d.kind).toBe(TargetGroupKind.PRIORITY_GROUP);
      expect(d.legalBasis).toBe(`art. 69 ${LAWS.LABOUR_MARKET_2025.replace(/^ustawa /, "ustawy ")}`);
      expect(inForceOn(d, art69.inForceFrom)).toBe(true);
    }
    for (const g of art69.priorityGroups) expect(LABELS.TargetGroup![g.value]!.legal?.term, g.value).toBe(g.term);
  });

  it("keep the 2004 act's categories as repealed, in force until the day before the 2025 act, and deprecated in the API", () => {
    const repealed = TARGET_GROUPS.filter((d) => d.kind === TargetGroupKind.REPEALED_CATEGORY);
    expect(repealed.map((d) => d.value).sort()).toEqual(art49.categoriesNotContinued.map((g: { value: string }) => g.value).sort());
    for (const d of repealed) {
      expect(d.inForceUntil).toBe(art49.inForceUntil);
      expect(inForceOn(d, art49.inForceUntil)).toBe(true);
      expect(inForceOn(d, art69.inForceFrom)).toBe(false);
      expect(d.legalBasis).toMatch(/^art\. 49 ustawy z dnia 20 kwietnia 2004/);
    }
    for (const g of art49.categoriesNotContinued) expect(LABELS.TargetGroup![g.value]!.legal?.term, g.value).toBe(g.term);
    expect(deprecated("TargetGroup")).toEqual(repealed.map((d) => d.value).sort());
  });

  it("treat carers and job seekers as eligibility categories, not priority groups", () => {
    for (const value of [TargetGroup.CARERS_OF_PERSONS_WITH_DISABILITIES, TargetGroup.JOB_SEEKERS]) {
      expect(TARGET_GROUPS.find((d) => d.value === value)).toMatchObject({ kind: TargetGroupKind.ELIGIBILITY, priorityGroup: false });
    }
  });
});

describe("age bands", () => {
  const { limits, source: named } = source("age-band-limits");

  it("define every value of the enum, in its order", () => {
    expect(named).toContain("2021/1057");
    expect(AGE_BANDS.map((d) => d.value)).toEqual(Object.values(AgeBand));
  });

  it("of the current split cover every age once, split exactly at the source's limits", () => {
    const current = AGE_BANDS.filter((d) => !d.legacy).sort((a, b) => a.fromAge - b.fromAge);
    expect(current[0]!.fromAge).toBe(0);
    expect(current.at(-1)!.toAge).toBeNull();
    current.slice(1).forEach((d, i) => expect(d.fromAge, d.value).toBe(current[i]!.toAge! + 1));
    expect(current.slice(1).map((d) => d.fromAge)).toEqual(limits);
  });

  it("of the earlier split are deprecated; each lies inside the band it was migrated to, or straddles a limit", () => {
    const legacy = AGE_BANDS.filter((d) => d.legacy);
    expect(deprecated("AgeBand")).toEqual(legacy.map((d) => d.value).sort());
    for (const d of legacy) {
      if (d.migratedTo) {
        const into = AGE_BANDS.find((b) => b.value === d.migratedTo)!;
        expect(into.legacy).toBe(false);
        expect(d.fromAge).toBeGreaterThanOrEqual(into.fromAge);
        expect(into.toAge === null || (d.toAge !== null && d.toAge <= into.toAge)).toBe(true);
      } else {
        expect(limits.some((l: number) => d.fromAge < l && d.toAge !== null && l <= d.toAge), d.value).toBe(true);
      }
    }
  });
});

describe("forms of support", () => {
  const list = source("support-forms");

  it("define every value of the enum, in its order", () => {
    expect(SUPPORT_FORMS.map((d) => d.value)).toEqual(Object.values(SupportForm));
  });

  it("are the source's services and instruments, each instrument of its type", () => {
    const services = SUPPORT_FORMS.filter((d) => d.kind === SupportFormKind.SERVICE);
    expect(services.map((d) => d.value).sort()).toEqual([...list.services].sort());
    for (const d of services) expect(d.instrumentType).toBeNull();
    const byType: Record<string, string[]> = {};
    for (const d of SUPPORT_FORMS.filter((f) => f.kind === SupportFormKind.INSTRUMENT)) (byType[d.instrumentType!] ??= []).push(d.value);
    expect(Object.fromEntries(Object.entries(byType).map(([k, v]) => [k, v.sort()]))).toEqual(Object.fromEntries(Object.entries(list.instruments as Record<string, string[]>).map(([k, v]) => [k, [...v].sort()])));
  });

  it("are in force as the 2025 act says: its new forms from 1 June 2025, the 2004 voucher until the day before", () => {
    for (const value of list.newIn2025) expect(SUPPORT_FORMS.find((d) => d.value === value)!.inForceFrom, value).toBe("2025-06-01");
    for (const [value, until] of Object.entries(list.repealed)) expect(SUPPORT_FORMS.find((d) => d.value === value)!.inForceUntil, value).toBe(until);
    expect(deprecated("SupportForm")).toEqual(Object.keys(list.repealed).sort());
  });
});

describe("ESF+ common indicators", () => {
  const list = source("esf-plus-common-indicators");

  it("are the source's participant indicators, with its names, outputs and results apart", () => {
    expect(list.source).toContain("2021/1057");
    const expected = [...Object.entries(list.outputs).map(([code, name]) => ({ code, name, kind: EsfIndicatorKind.OUTPUT })), ...Object.entries(list.results).map(([code, name]) => ({ code, name, kind: EsfIndicatorKind.RESULT }))];
    expect(ESF_INDICATORS.map(({ code, name, kind }) => ({ code, name, kind }))).toEqual(expected);
  });

  it("computed ones name one breakdown and at least one category", () => {
    const computed = ESF_INDICATORS.filter((i) => i.computedAs);
    expect(computed.map((i) => i.code)).toEqual(["EECO01", "EECO02", "EECO03", "EECO04", "EECO05", "EECO06", "EECO07", "EECO08", "EECO09", "EECO10", "EECO11", "EECR01", "EECR02", "EECR04", "EECR05"]);
    for (const i of computed) expect(i.computedAs!.categories.length, i.code).toBeGreaterThan(0);
  });
});
