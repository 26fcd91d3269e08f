import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { buildClientSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, buildSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestHub, type TestHub } from "../src/hub.js";
import { print } from "graphql";
import { MunicipalityDashboardDocument, OffersNearbyDocument, type MunicipalityDashboardQuery } from "@bdp/schema/client";

/**
 * What front-end teams build on (issue #5): the committed public schema is
 * the one the gateway serves, and automatic persisted queries work through
 * the gateway (POST, and GET for caches).
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub("e2e_front_end");
});
afterAll(async () => {
  await hub?.close();
});

describe("the public schema", () => {
  it("schema/api-schema.graphql is what the gateway serves (codegen reads the file)", async () => {
    // with deprecated input fields too (a deprecated argument or input field is still served; introspection lists it only when asked)
    const { body } = await hub.query(getIntrospectionQuery({ inputValueDeprecation: true }));
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    const served = printSchema(lexicographicSortSchema(buildClientSchema(body.data)));
    const committed = printSchema(lexicographicSortSchema(buildSchema(readFileSync(new URL("../../schema/api-schema.graphql", import.meta.url), "utf8"))));
    expect(served).toBe(committed);
  });
});

describe("typed operations (pnpm codegen)", () => {
  it("the generated documents run against the gateway and answer in the shape their types say", async () => {
    const result: { data?: MunicipalityDashboardQuery; errors?: unknown } = (await hub.query(print(MunicipalityDashboardDocument), { code: "2465011", fromYear: 2019, toYear: 2026 })).body;
    expect(result.errors).toBeUndefined();
    const unit = result.data!.territorialUnit!;
    expect(unit.name).toBe("Dąbrowa Górnicza");
    expect(unit.unemployment!.periods).toHaveLength(8 * 12);
    for (const series of [unit.unemployment!, unit.placesOffered!, unit.placesTaken!, unit.trainingOutcomes!, unit.activation!]) {
      for (const line of [...series.series, series.total]) {
        expect(line.values).toHaveLength(series.periods.length);
        for (const v of line.values) expect(v.suppressed ? v.value === null && v.reason === "DISCLOSURE_CONTROL" : v.reason === null).toBe(true);
      }
    }
    expect(unit.activation!.series.some((l) => l.values.some((v) => v.suppressed))).toBe(true);
    const offers = (await hub.query(print(OffersNearbyDocument), { code: "2401", first: 5 })).body;
    expect(offers.errors).toBeUndefined();
  });
});

describe("introspection", () => {
  // regression (issue #5): the standard introspection query nests 14 deep, which the depth limit refused
  it("lets tools introspect, within a depth of its own, and refuses introspection nested past it", async () => {
    expect((await hub.query(getIntrospectionQuery())).body.errors).toBeUndefined();
    // (graphql-js itself refuses fields-of-types nesting past 3; `ofType` chains are what tools nest)
    const deep = `{ __type(name: "Partner") { ${"ofType { ".repeat(21)}name${" }".repeat(21)} } }`;
    const refused = await hub.query(deep);
    expect(refused.body.errors?.[0]?.extensions, refused.body.errors?.[0]?.message).toMatchObject({ code: "QUERY_TOO_DEEP", limit: 20, actual: 22 });
  });

});

describe("automatic persisted queries", () => {
  const query = `query TrainingTitles { trainingProgrammes(first: 3) { nodes { title } } }`;
  const sha256Hash = createHash("sha256").update(query).digest("hex");
  const persisted = { persistedQuery: { version: 1, sha256Hash } };
  const post = (body: unknown) =>
    fetch(hub.gateway.graphqlUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

  it("asks for the document once, then answers the hash alone, by POST and by GET", async () => {
    const unknown = await post({ extensions: persisted });
    expect(unknown.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const registered = await post({ query, extensions: persisted });
    expect(registered.body.errors).toBeUndefined();
    const byHash = await post({ extensions: persisted });
    expect(byHash.body).toEqual(registered.body);
    const url = `${hub.gateway.graphqlUrl}?extensions=${encodeURIComponent(JSON.stringify(persisted))}`;
    const byGet = await fetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(await byGet.json()).toEqual(registered.body);
  });

  it("refuses a document whose hash does not match", async () => {
    const wrong = await post({ query: `{ partners(first: 1) { totalCount } }`, extensions: persisted });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].extensions.code).toBe("BAD_REQUEST");
    expect(wrong.body.errors[0].message).toMatch(/sha/i);
  });
});

describe("labels (issue #17)", () => {
  it("enumLabels gives every enum of the API in Polish and English, with legal terms and their basis", async () => {
    const query = `query ($lang: Language!) { enumLabels(lang: $lang) { enum values { value label legalTerm legalBasis } } }`;
    const pl = await hub.query(query, { lang: "PL" });
    const en = await hub.query(query, { lang: "EN" });
    expect(pl.body.errors).toBeUndefined();
    const target = (body: any) => body.data.enumLabels.find((e: any) => e.enum === "TargetGroup").values.find((v: any) => v.value === "LONG_TERM_UNEMPLOYED");
    expect(target(pl.body)).toMatchObject({ label: "Długotrwale bezrobotni", legalTerm: "długotrwale bezrobotni" });
    expect(target(pl.body).legalBasis).toMatch(/^art\. 69 ustawy z dnia 20 marca 2025 r\. o rynku pracy i służbach zatrudnienia/);
    expect(target(en.body).label).toBe("Long-term unemployed");
    const names = pl.body.data!.enumLabels.map((e: any) => e.enum);
    expect(names).toEqual(expect.arrayContaining(["TargetGroup", "SupportForm", "DisabilityDegree", "TrainingOutcome", "UnemployedGroup"]));
    const only = await hub.query(`{ enumLabels(enums: ["Sector"]) { enum values { value label } } }`);
    expect(only.body.data.enumLabels).toHaveLength(1);
    const unknown = await hub.query(`{ enumLabels(enums: ["NoSuchEnum"]) { enum } }`);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("a statistic's lines carry their category's label in the language asked for", async () => {
    const { body } = await hub.query(`{ territorialUnit(code: "2401011") { trainingPlaces(fromYear: 2024, toYear: 2025) {
      dimension series { key pl: label en: label(lang: EN) } total { key label } } } }`);
    expect(body.errors).toBeUndefined();
    const series = body.data.territorialUnit.trainingPlaces;
    expect(series.dimension).toBe("TargetGroup");
    expect(series.series.find((l: any) => l.key === "OVER_50")).toEqual({ key: "OVER_50", pl: "Bezrobotni powyżej 50. roku życia", en: "Unemployed over 50" });
    expect(series.total).toEqual({ key: "TOTAL", label: "Ogółem" });
    expect(series.series.filter((l: any) => l.pl === l.key)).toEqual([]);
  });
});
