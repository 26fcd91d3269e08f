import type { EntityManager } from "@mikro-orm/postgresql";
import { write } from "@bdp/kit/server";
import { parseTeryt } from "@bdp/kit/domain";
import { StatisticSource, UnemploymentStatistic } from "./unemployment.entity.js";

/**
 * Registered-unemployment series from Statistics Poland's Local Data Bank
 * (BDL), read from a file — offline — in the shape the BDL API gives
 * (`data/by-variable/<id>`): JSON `{ variableId, results: [{ id, name,
 * values: [{ year, val, attrId }] }] }`, or CSV with the columns `id;name;year;
 * val;attrId` (`;` or `,`; a `variableId` column, or the file's variable
 * given by the caller). Annual values land on December of their year.
 *
 * Which BDL variable fills which column, and which BDL unit is which TERYT
 * unit, is data below: *unverified* where marked, to correct without code
 * (`--map 60270=rate`, `--unit 011212401000=2401`).
 */
export type Column = "registeredUnemployed" | "rate";

/** BDL variable → column. 60270 is the registered unemployment rate (shared/DOMAIN.md); the count's id is unverified. */
export const BDL_VARIABLES: Record<string, Column> = {
  "60270": "rate",
  "10514": "registeredUnemployed", // unverified: "bezrobotni zarejestrowani ogółem"
};

/**
 * BDL unit id (12 characters) → TERYT code of the territory. Unverified:
 * built from the BDL id scheme (level, region, voivodeship 24, subregion,
 * powiat, gmina, kind); a row whose id is already a TERYT code is taken as is.
 */
export const BDL_UNITS: Record<string, string> = {
  "012400000000": "24",
  "051214201000": "2401",
  "061214201011": "2401011",
  "061214201021": "2401021",
  "061214201031": "2401031",
  "061214201042": "2401042",
  "061214201052": "2401052",
  "061214201062": "2401062",
  "061214201073": "2401073",
  "061214201081": "2401081",
  "051214265000": "2465",
  "061214265011": "2465011",
};

export interface BdlValue {
  variableId: string;
  unitId: string;
  unitName: string;
  year: number;
  /** null where BDL withholds the value (statistical confidentiality) or has none. */
  value: number | null;
  attrId: number | null;
}

export interface ImportOptions {
  /** The file's variable, when the file does not say. */
  variableId?: string;
  variables?: Record<string, Column>;
  units?: Record<string, string>;
  progress?: (line: string) => void;
}

export interface ImportReport {
  read: number;
  written: number;
  unchanged: number;
  /** Values BDL withholds (or lacks): not imported, never guessed. */
  withheld: number;
  skipped: { reason: string; count: number }[];
}

function parseNumber(text: unknown): number | null {
  if (text == null || text === "") return null;
  const n = typeof text === "number" ? text : Number(String(text).replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

/** Reads a BDL JSON or CSV export; throws with a readable message when it is neither. */
export function parseBdl(text: string, fileVariableId?: string): BdlValue[] {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    const documents = ([] as unknown[]).concat(JSON.parse(trimmed));
    return documents.flatMap((doc) => {
      const d = doc as { variableId?: unknown; results?: unknown };
      if (!Array.isArray(d.results)) throw new Error("not a BDL JSON export: no `results` list");
      const variableId = String(d.variableId ?? fileVariableId ?? "");
      if (!variableId) throw new Error("the JSON does not name its variable (`variableId`); pass --variable");
      return (d.results as { id: string; name: string; values?: { year: string | number; val: unknown; attrId?: unknown }[] }[]).flatMap((unit) =>
        (unit.values ?? []).map((v) => ({ variableId, unitId: String(unit.id), unitName: String(unit.name ?? ""), year: Number(v.year), value: parseNumber(v.val), attrId: parseNumber(v.attrId) })),
      );
    });
  }
  const lines = trimmed.split(/\r?\n/).filter((l) => l.trim().length > 0);
  const separator = lines[0]!.includes(";") ? ";" : ",";
  const header = lines[0]!.split(separator).map((h) => h.trim().replace(/^"|"$/g, ""));
  const at = (name: string) => header.findIndex((h) => h.toLowerCase() === name.toLowerCase());
  const [id, name, year, val, attr, variable] = [at("id"), at("name"), at("year"), at("val"), at("attrId"), at("variableId")];
  if (id < 0 || year < 0 || val < 0) throw new Error(`not a BDL CSV export: expected the columns id, name, year, val, attrId; found ${header.join(", ")}`);
  return lines.slice(1).map((line) => {
    const cells = line.split(separator).map((c) => c.trim().replace(/^"|"$/g, ""));
    const variableId = variable >= 0 ? cells[variable]! : fileVariableId;
    if (!variableId) throw new Error("the CSV does not name its variable (no `variableId` column); pass --variable");
    return { variableId, unitId: cells[id]!, unitName: name >= 0 ? cells[name]! : "", year: Number(cells[year]), value: parseNumber(cells[val]), attrId: attr >= 0 ? parseNumber(cells[attr]) : null };
  });
}

/**
 * Writes the values into `unemployment_statistic` (December of each year,
 * source GUS_BDL), in one transaction: importing the same file twice leaves
 * the data as after once. A rate needs the count of its unit and year, from
 * this file or from before: the row holds both.
 */
export async function importBdl(em: EntityManager, values: BdlValue[], options: ImportOptions = {}): Promise<ImportReport> {
  const variables = { ...BDL_VARIABLES, ...options.variables };
  const units = { ...BDL_UNITS, ...options.units };
  const progress = options.progress ?? (() => {});
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  let withheld = 0;
  // one row per unit and year, the columns of every variable merged
  const rows = new Map<string, { territoryCode: string; year: number } & Partial<Record<Column, number>>>();
  for (const v of values) {
    const column = variables[v.variableId];
    if (!column) {
      skip(`variable ${v.variableId} is not mapped to a column`);
      continue;
    }
    const teryt = units[v.unitId] ?? (parseTeryt(v.unitId).ok ? v.unitId : undefined);
    if (!teryt || !parseTeryt(teryt).ok) {
      skip(`unit ${v.unitId}${v.unitName ? ` (${v.unitName})` : ""} is not in the territory`);
      continue;
    }
    if (!Number.isInteger(v.year) || v.year < 1990 || v.year > 2100) {
      skip("a year outside 1990–2100");
      continue;
    }
    if (v.value === null) {
      withheld++;
      continue;
    }
    const key = `${teryt}/${v.year}`;
    const row = rows.get(key) ?? { territoryCode: teryt, year: v.year };
    row[column] = v.value;
    rows.set(key, row);
  }
  let written = 0;
  let unchanged = 0;
  const all = [...rows.values()];
  // an import of official figures, not a partner's record: one transaction, nothing to audit per row
  await write({ em, identity: { kind: "coordinator", userId: "bdl-import" } }, async ({ tx }) => {
    const existing = await tx.find(UnemploymentStatistic, { $or: all.map((r) => ({ territoryCode: r.territoryCode, year: r.year, month: 12 })) });
    const byKey = new Map(existing.map((e) => [`${e.territoryCode}/${e.year}`, e]));
    all.forEach((row, i) => {
      const found = byKey.get(`${row.territoryCode}/${row.year}`);
      const count = row.registeredUnemployed ?? found?.registeredUnemployed;
      if (count === undefined) {
        skip("a rate with no count of registered unemployed for its unit and year");
        return;
      }
      const rate = row.rate !== undefined ? row.rate.toFixed(1) : (found?.rate ?? null);
      if (found && found.registeredUnemployed === count && found.rate === rate && found.source === StatisticSource.GUS_BDL) {
        unchanged++;
      } else if (found) {
        tx.assign(found, { registeredUnemployed: Math.round(count), rate, source: StatisticSource.GUS_BDL });
        written++;
      } else {
        tx.create(UnemploymentStatistic, { territoryCode: row.territoryCode, year: row.year, month: 12, registeredUnemployed: Math.round(count), rate, source: StatisticSource.GUS_BDL });
        written++;
      }
      if ((i + 1) % 100 === 0 || i === all.length - 1) progress(`  ${i + 1} of ${all.length} unit-years`);
    });
  });
  return { read: values.length, written, unchanged, withheld, skipped: [...skipped].map(([reason, count]) => ({ reason, count })) };
}
