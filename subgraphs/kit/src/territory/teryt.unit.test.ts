import { describe, expect, it } from "vitest";
import { GMINA_CODES, parseGminaAnywhere, parseTeryt, territorialUnit, unitAndDescendants } from "./teryt.js";

describe("TERYT territory", () => {
  it("knows the county, the city and the gminas, with the gmina kind in the 7th digit", () => {
    expect(territorialUnit("2401")?.name).toBe("powiat będziński");
    expect(territorialUnit("2465011")?.name).toBe("Dąbrowa Górnicza");
    const kinds: Record<string, string> = { "1": "URBAN_GMINA", "2": "RURAL_GMINA", "3": "URBAN_RURAL_GMINA", "4": "TOWN_PART", "5": "RURAL_PART" };
    for (const code of ["2401011", "2401042", "2401073", "2401074", "2401075"]) expect(territorialUnit(code)?.kind).toBe(kinds[code[6]!]);
    expect(GMINA_CODES).toHaveLength(9);
  });

  it("a county includes its gminas and the parts of its urban-rural gmina", () => {
    const county = unitAndDescendants("2401");
    expect(county).toContain("2401081");
    expect(county).toContain("2401075");
    expect(county).not.toContain("2465011");
  });

  it("refuses malformed codes and codes outside the territory", () => {
    expect(parseTeryt("2401011")).toEqual({ ok: true, value: "2401011" });
    expect(parseTeryt("240101").ok).toBe(false);
    expect(parseTeryt("abc").ok).toBe(false);
    expect(parseTeryt("2402011").ok).toBe(false);
  });
});

describe("a gmina anywhere in Poland (issue #15: applicants seated outside the territory)", () => {
  it.each([
    ["2469011", false], // Katowice
    ["1465011", false], // Warszawa
    ["1465108", false], // a district of Warsaw
    ["2401011", true], // Będzin
    ["2401073", true], // Siewierz, urban-rural
  ])("%s is a gmina (in the territory: %s)", (code, inTerritory) => {
    expect(parseGminaAnywhere(code)).toEqual({ ok: true, value: code, inTerritory });
  });

  it.each([
    ["9901011", "names no voivodeship"],
    ["2400011", "no county or gmina number"],
    ["2401001", "no county or gmina number"],
    ["2401074", "not a whole gmina"], // the town part of Siewierz
    ["240101", "7 digits"],
  ])("%s is refused: %s", (code, reason) => {
    const parsed = parseGminaAnywhere(code);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toContain(reason);
  });
});
