/**
 * The partnership's territory as TERYT TERC units, as of 2024-01-01
 * (shared/DOMAIN.md, "Territory"). Data, not code: correct a line here and
 * every subgraph, the validators and the seed follow.
 */
export type UnitKind =
  | "VOIVODESHIP"
  | "COUNTY"
  | "CITY_WITH_COUNTY_RIGHTS"
  | "URBAN_GMINA"
  | "RURAL_GMINA"
  | "URBAN_RURAL_GMINA"
  | "TOWN_PART"
  | "RURAL_PART";

export interface TerritorialUnit {
  /** TERYT TERC code: 2 digits voivodeship, 4 county, 7 gmina (the 7th is the gmina kind). */
  code: string;
  name: string;
  kind: UnitKind;
  /** The code of the unit this one lies in. */
  parent: string | null;
  /** Population and the year it was counted; null where we have no figure we trust. */
  population: number | null;
  populationYear: number | null;
  /** Seat of the county, where the unit is a county. */
  seat?: string;
}

export const TERRITORY: readonly TerritorialUnit[] = [
  { code: "24", name: "Śląskie", kind: "VOIVODESHIP", parent: null, population: null, populationYear: null },
  { code: "2401", name: "powiat będziński", kind: "COUNTY", parent: "24", population: 148089, populationYear: 2019, seat: "Będzin" },
  { code: "2401011", name: "Będzin", kind: "URBAN_GMINA", parent: "2401", population: 58538, populationYear: 2006 },
  { code: "2401021", name: "Czeladź", kind: "URBAN_GMINA", parent: "2401", population: 34076, populationYear: 2006 },
  { code: "2401031", name: "Wojkowice", kind: "URBAN_GMINA", parent: "2401", population: 9396, populationYear: 2006 },
  { code: "2401042", name: "Bobrowniki", kind: "RURAL_GMINA", parent: "2401", population: 11248, populationYear: 2006 },
  { code: "2401052", name: "Mierzęcice", kind: "RURAL_GMINA", parent: "2401", population: 7358, populationYear: 2006 },
  { code: "2401062", name: "Psary", kind: "RURAL_GMINA", parent: "2401", population: 11329, populationYear: 2006 },
  { code: "2401073", name: "Siewierz", kind: "URBAN_RURAL_GMINA", parent: "2401", population: 12226, populationYear: 2006 },
  { code: "2401074", name: "Siewierz – miasto", kind: "TOWN_PART", parent: "2401073", population: null, populationYear: null },
  { code: "2401075", name: "Siewierz – obszar wiejski", kind: "RURAL_PART", parent: "2401073", population: null, populationYear: null },
  { code: "2401081", name: "Sławków", kind: "URBAN_GMINA", parent: "2401", population: 6853, populationYear: 2006 },
  // population about 116–120 thousand: unverified (DOMAIN.md), so left out
  { code: "2465", name: "Dąbrowa Górnicza", kind: "CITY_WITH_COUNTY_RIGHTS", parent: "24", population: null, populationYear: null },
  { code: "2465011", name: "Dąbrowa Górnicza", kind: "URBAN_GMINA", parent: "2465", population: null, populationYear: null },
];

const BY_CODE = new Map(TERRITORY.map((u) => [u.code, u]));

export function territorialUnit(code: string): TerritorialUnit | undefined {
  return BY_CODE.get(code);
}

/** Whole gminas only (no town/rural parts): what seeds and statistics iterate over. */
export const GMINA_CODES: readonly string[] = TERRITORY.filter(
  (u) => u.code.length === 7 && u.kind !== "TOWN_PART" && u.kind !== "RURAL_PART",
).map((u) => u.code);

/** The codes of `code` and every unit inside it (county 2401 → its gminas and parts). */
export function unitAndDescendants(code: string): string[] {
  const out = [code];
  for (let i = 0; i < out.length; i++) {
    for (const u of TERRITORY) if (u.parent === out[i]) out.push(u.code);
  }
  return out;
}

/** A TERYT code of this territory, or a reason why not. */
export function parseTeryt(input: string): { ok: true; value: string } | { ok: false; reason: string } {
  const code = input.trim();
  if (!/^\d{2}(\d{2}(\d{3})?)?$/.test(code)) return { ok: false, reason: "TERYT code must have 2, 4 or 7 digits" };
  if (!BY_CODE.has(code)) return { ok: false, reason: `TERYT code ${code} is not a unit of the partnership's territory` };
  return { ok: true, value: code };
}

/** The sixteen voivodeships' TERYT codes (02 Dolnośląskie … 32 Zachodniopomorskie). */
const VOIVODESHIPS = new Set(["02", "04", "06", "08", "10", "12", "14", "16", "18", "20", "22", "24", "26", "28", "30", "32"]);

/**
 * A gmina's 7-digit TERYT TERC code anywhere in Poland, checked for its form:
 * a voivodeship that exists, a county and a gmina number (01–99), and a
 * gmina kind (1 urban, 2 rural, 3 urban-rural, 8 a district of Warsaw).
 * The hub keeps the units of its own territory only (TERRITORY), so a code
 * outside it cannot be checked against the register itself: an applicant
 * seated elsewhere (issue #15, "any interested entity may join") states it.
 */
export function parseGminaAnywhere(input: string): { ok: true; value: string; inTerritory: boolean } | { ok: false; reason: string } {
  const code = input.trim();
  if (!/^\d{7}$/.test(code)) return { ok: false, reason: "a gmina's TERYT code has 7 digits" };
  if (!VOIVODESHIPS.has(code.slice(0, 2))) return { ok: false, reason: `TERYT code ${code} names no voivodeship (${code.slice(0, 2)})` };
  if (code.slice(2, 4) === "00" || code.slice(4, 6) === "00") return { ok: false, reason: `TERYT code ${code} has no county or gmina number` };
  if (!"1238".includes(code[6]!)) return { ok: false, reason: `TERYT code ${code} is not a whole gmina (its last digit is the gmina's kind: 1, 2, 3 or 8)` };
  return { ok: true, value: code, inTerritory: BY_CODE.has(code) };
}
