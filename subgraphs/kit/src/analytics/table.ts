import { GMINA_CODES, TERRITORY, territorialUnit } from "../territory/teryt.js";
import { protectTable, type Relation } from "./protect.js";
import { writeGeneration } from "../db/write-generation.js";
import { MAX_YEARS } from "./period.js";
import { TOTAL, type SourceCell } from "./series.js";

/**
 * The units statistics are published for: every whole gmina, the county and
 * the city with county rights. Town and rural parts of a gmina are counted
 * in their gmina; the voivodeship is not published, because the
 * partnership's territory is a small part of it.
 */
export const STATISTIC_UNITS: readonly string[] = [
  ...GMINA_CODES,
  ...TERRITORY.filter((u) => u.kind === "COUNTY" || u.kind === "CITY_WITH_COUNTY_RIGHTS").map((u) => u.code),
];

const CHILDREN = new Map(
  STATISTIC_UNITS.filter((c) => c.length === 4).map((parent) => [parent, GMINA_CODES.filter((g) => territorialUnit(g)?.parent === parent)]),
);

/** The whole gmina a 7-digit code counts in (a town or rural part counts in its gmina), or null outside the territory. */
export function gminaOf(code: string): string | null {
  if (GMINA_CODES.includes(code)) return code;
  const unit = territorialUnit(code);
  return unit?.parent && GMINA_CODES.includes(unit.parent) ? unit.parent : null;
}

/** The statistic units a record coded `code` counts in: its whole gmina and the county or city that gmina lies in; none outside the territory. */
export function unitsCounting(code: string): readonly string[] {
  const gmina = gminaOf(code);
  return gmina ? [gmina, territorialUnit(gmina)!.parent!] : [];
}

export function isStatisticUnit(code: string): boolean {
  return STATISTIC_UNITS.includes(code);
}

/** A row of an aggregate query, at gmina level. */
export interface CountRow {
  code: string;
  period: string;
  category: string;
  /** Null where a source has no figure. */
  count: number | null;
}

/**
 * Cells of a statistic that is not about people: the SQL gives gmina-level
 * counts; a county or city is the sum of its gminas. Keys are
 * `unit|period|category`.
 */
export function rollUp(rows: readonly CountRow[]): Map<string, number> {
  const cells = new Map<string, number>();
  for (const row of rows) {
    for (const unit of unitsCounting(row.code)) {
      const key = `${unit}|${row.period}|${row.category}`;
      cells.set(key, (cells.get(key) ?? 0) + (row.count ?? 0));
    }
  }
  return cells;
}

export interface Dimension {
  /** The enum's name, as the API shows it in `dimension`. */
  name: string;
  categories: readonly string[];
  /** Every record falls in exactly one category, so the categories add up to the total. */
  partition: boolean;
}

/** A sum of cells everyone knows from elsewhere (seats taken per edition, say): public, never hidden. */
export interface KnownSum {
  name: string;
  /** `dimension|category` of the cells it adds up. */
  parts: readonly string[];
}

export interface PeopleTableSpec {
  dimensions: readonly Dimension[];
  known?: readonly KnownSum[];
}

/** A row of a people-count query: one gmina, one year, one category (or TOTAL|TOTAL), one holder. */
export interface PeopleRow {
  year: number;
  code: string;
  dimension: string;
  category: string;
  count: number;
  /** The partner holding these records (training provider, programme operator): what an insider knows of the cell. */
  holder?: string | null;
}

/**
 * The published table of a count of people for one year, over every
 * statistic unit and every dimension at once, protected as a whole (see
 * protect.ts). Keys are `unit|dimension|category`; the total is
 * `unit|TOTAL|TOTAL`.
 */
export function protectPeopleTable(rows: readonly PeopleRow[], spec: PeopleTableSpec, threshold: number): Map<string, SourceCell> {
  const suffixes = [`${TOTAL}|${TOTAL}`, ...spec.dimensions.flatMap((d) => d.categories.map((c) => `${d.name}|${c}`))];
  const counts = new Map<string, number>();
  const contributions = new Map<string, Map<string, number>>();
  const contribute = (id: string, holder: string | null | undefined, n: number) => {
    if (!holder) return;
    const shares = contributions.get(id) ?? new Map<string, number>();
    shares.set(holder, (shares.get(holder) ?? 0) + n);
    contributions.set(id, shares);
  };
  for (const unit of STATISTIC_UNITS) for (const s of suffixes) counts.set(`${unit}|${s}`, 0);
  for (const row of rows) {
    const key = `${row.dimension}|${row.category}`;
    for (const unit of unitsCounting(row.code)) {
      if (!counts.has(`${unit}|${key}`)) continue;
      counts.set(`${unit}|${key}`, counts.get(`${unit}|${key}`)! + row.count);
      contribute(`${unit}|${key}`, row.holder, row.count);
    }
  }
  const publicCells = new Set<string>();
  const knownSuffixes: string[] = [];
  const relations: Relation[] = [];
  for (const unit of STATISTIC_UNITS) {
    for (const d of spec.dimensions) {
      if (d.partition) relations.push({ total: `${unit}|${TOTAL}|${TOTAL}`, parts: d.categories.map((c) => `${unit}|${d.name}|${c}`) });
    }
    for (const k of spec.known ?? []) {
      const id = `${unit}|known|${k.name}`;
      const parts = k.parts.map((p) => `${unit}|${p}`);
      counts.set(id, parts.reduce((s, p) => s + (counts.get(p) ?? 0), 0));
      for (const p of parts) for (const [holder, n] of contributions.get(p) ?? []) contribute(id, holder, n);
      publicCells.add(id);
      relations.push({ total: id, parts });
    }
  }
  for (const k of spec.known ?? []) knownSuffixes.push(`known|${k.name}`);
  for (const [parent, children] of CHILDREN) {
    for (const s of [...suffixes, ...knownSuffixes]) relations.push({ total: `${parent}|${s}`, parts: children.map((g) => `${g}|${s}`) });
  }
  const hidden = protectTable({ cells: counts, relations, threshold, publicCells, contributions });
  const out = new Map<string, SourceCell>();
  for (const [id, count] of counts) if (!id.includes("|known|")) out.set(id, { count, hidden: hidden.has(id) });
  return out;
}

/**
 * How long a computed statistic is served without a recomputation behind it:
 * writers outside this process (an import) raise no generation here.
 */
export const STATISTICS_MAX_AGE_MS = 60_000;

type Entry = { generation: number; at: number; value: Promise<unknown>; refreshing?: boolean };
const computed = new WeakMap<object, Map<string, Entry>>();

function entriesOf(em: { config: object }): Map<string, Entry> {
  let entries = computed.get(em.config);
  if (!entries) computed.set(em.config, (entries = new Map()));
  return entries;
}

/** The kept entry while nothing was written since it was computed, and whether it is past its age. */
function lookup(em: { config: object }, key: string): { hit?: Entry; old: boolean } {
  const hit = entriesOf(em).get(key);
  if (!hit || hit.generation !== writeGeneration(em)) return { old: false };
  return { hit, old: Date.now() - hit.at >= STATISTICS_MAX_AGE_MS };
}

function keep<T>(em: { config: object }, key: string, value: Promise<T>, generation = writeGeneration(em)): Promise<T> {
  const entries = entriesOf(em);
  entries.set(key, { generation, at: Date.now(), value });
  value.catch(() => entries.get(key)?.value === value && entries.delete(key));
  return value;
}

/**
 * Recomputes kept entries in the background, serving them meanwhile: each
 * is replaced once its new value is in, and left for the next request to try
 * again if the computation fails. A write meanwhile makes the new values
 * stale as soon as they land (they carry the generation they started from).
 */
function refresh<T>(em: { config: object }, stale: Map<string, Entry>, compute: () => Promise<Map<string, T>>): void {
  const generation = writeGeneration(em);
  const entries = entriesOf(em);
  for (const entry of stale.values()) entry.refreshing = true;
  compute().then(
    (values) => {
      for (const [key, entry] of stale) if (entries.get(key) === entry && values.has(key)) keep(em, key, Promise.resolve(values.get(key)!), generation);
    },
    () => {
      for (const entry of stale.values()) entry.refreshing = false;
    },
  );
}

/**
 * A statistic computed once and shared by every request until the subgraph
 * writes (its write generation moves). Past a minute it is recomputed in the
 * background while the kept value is still served, so no request waits for
 * the recomputation; after a write the next request waits for a new value.
 * Statistics do not depend on who asks, so sharing them is safe; a
 * `territorialUnits` list shares one query and one protected table, and a
 * dashboard asking again costs no SQL. A failed computation is not kept.
 */
export function shared<T>(em: { config: object }, key: string, compute: () => Promise<T>): Promise<T> {
  const { hit, old } = lookup(em, key);
  if (!hit) return keep(em, key, compute());
  if (old && !hit.refreshing) refresh(em, new Map([[key, hit]]), async () => new Map([[key, await compute()]]));
  return hit.value as Promise<T>;
}

/**
 * Like `shared`, kept per year: on a miss, the missing years and the last
 * ten are computed in one go (`compute(from, to)` gives each year's value),
 * so ranges that overlap share their years; years past their age are served
 * and recomputed behind, in one go too.
 */
export async function sharedPerYear<T>(
  em: { config: object },
  key: string,
  fromYear: number,
  toYear: number,
  compute: (from: number, to: number) => Promise<Map<number, T>>,
): Promise<Map<number, T>> {
  const years = Array.from({ length: toYear - fromYear + 1 }, (_, i) => fromYear + i);
  const values = new Map<number, Promise<T>>();
  const old = new Map<string, Entry>();
  for (const y of years) {
    const found = lookup(em, `${key}|${y}`);
    if (!found.hit) continue;
    values.set(y, found.hit.value as Promise<T>);
    if (found.old && !found.hit.refreshing) old.set(`${key}|${y}`, found.hit);
  }
  const missing = years.filter((y) => !values.has(y));
  // One statement for the years needed and the last ten: most spans asked for lie inside
  // those, and a statement scans the table whatever the span, so concurrent requests for
  // different spans share one computation instead of each paying for its own years.
  const thisYear = new Date().getFullYear();
  const spanOf = (needed: number[]) => [Math.min(needed[0]!, thisYear - MAX_YEARS + 1), Math.max(needed.at(-1)!, thisYear)] as const;
  if (missing.length > 0) {
    const [from, to] = spanOf(missing);
    const span = compute(from, to);
    for (let y = from; y <= to; y++) {
      const year = y;
      values.set(year, keep(em, `${key}|${year}`, span.then((m) => m.get(year)!)));
    }
  } else if (old.size > 0) {
    const [from, to] = spanOf([...old.keys()].map((k) => Number(k.slice(key.length + 1))).sort((a, b) => a - b));
    refresh(em, old, async () => new Map([...(await compute(from, to))].map(([y, v]) => [`${key}|${y}`, v])));
  }
  return new Map(await Promise.all(years.map(async (y) => [y, await values.get(y)!] as const)));
}
