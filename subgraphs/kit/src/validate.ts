import { HubError } from "./errors.js";
import { parseGminaAnywhere, parseTeryt, unitAndDescendants } from "./territory/teryt.js";
import type { AgeBand, SupportForm, TargetGroup } from "./vocabulary.js";
import { ageBandDefinition, inForceOn, supportFormDefinition, targetGroupDefinition, type Validity } from "./vocabularies/definitions.js";

/** A TERYT code of the partnership's territory, or BAD_USER_INPUT naming the field. */
export function checkTeryt(field: string, code: string): string {
  const parsed = parseTeryt(code);
  if (!parsed.ok) throw HubError.badInput(field, parsed.reason);
  return parsed.value;
}

/** The unit and every unit inside it: a county filter matches its gminas. */
export function territoryScope(field: string, code: string | null | undefined): string[] | undefined {
  return code == null ? undefined : unitAndDescendants(checkTeryt(field, code));
}

/** A free-text search term, trimmed, at most `max` characters, as an ILIKE pattern. */
export function searchPattern(field: string, text: string | null | undefined, max = 100): string | undefined {
  if (text == null) return undefined;
  const term = text.trim();
  if (term.length === 0) return undefined;
  if (term.length > max) throw HubError.badInput(field, `at most ${max} characters`, { max });
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function checkRange(field: string, value: number | null | undefined, min: number, max: number): number | undefined {
  if (value == null) return undefined;
  if (!Number.isFinite(value) || value < min || value > max) throw HubError.badInput(field, `must be between ${min} and ${max}`, { min, max });
  return value;
}

/** An inclusive date range whose end is not before its start. */
export function checkDateRange(fromField: string, from: string | null | undefined, toField: string, to: string | null | undefined): void {
  if (from && to && from > to) throw HubError.badInput(toField, `must not be before ${fromField}`);
}

/** A list argument with at most `max` entries. */
export function checkList<T>(field: string, values: readonly T[] | null | undefined, max = 50): T[] | undefined {
  if (values == null) return undefined;
  if (values.length > max) throw HubError.badInput(field, `at most ${max} values`, { max });
  return [...values];
}

/** The direction for MikroORM from our SortDirection enum. */
export function orderOf(direction: "ASC" | "DESC" | undefined | null): "asc" | "desc" {
  return direction === "DESC" ? "desc" : "asc";
}

/** `{ $gte: from, $lte: to }` with only the bounds given, or undefined when neither is. */
export function between<T>(from: T | null | undefined, to: T | null | undefined): { $gte?: T; $lte?: T } | undefined {
  if (from == null && to == null) return undefined;
  return { ...(from != null ? { $gte: from } : {}), ...(to != null ? { $lte: to } : {}) };
}

/**
 * Records open on a day (`opensOn` ≤ day ≤ `closesOn`: a call taking
 * applications), or, with `open` false, those not open that day: the
 * condition to add to a query's.
 */
export function openOn(open: boolean, day: string): Record<string, unknown> {
  return open ? { opensOn: { $lte: day }, closesOn: { $gte: day } } : { $or: [{ opensOn: { $gt: day } }, { closesOn: { $lt: day } }] };
}

/** A required text: trimmed, between `min` and `max` characters. */
export function checkText(field: string, value: string | null | undefined, min: number, max: number): string {
  const text = (value ?? "").trim();
  if (text.length < min || text.length > max) throw HubError.badInput(field, min > 0 ? `must have ${min} to ${max} characters` : `at most ${max} characters`, { min, max });
  return text;
}

/** An optional text: null when empty, at most `max` characters. */
export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  if (value == null) return null;
  const text = value.trim();
  if (text.length > max) throw HubError.badInput(field, `at most ${max} characters`, { max });
  return text.length ? text : null;
}

/** A whole number in a range. */
export function checkInt(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw HubError.badInput(field, `must be a whole number from ${min} to ${max}`, { min, max });
  return value;
}

/** A non-negative amount in PLN, at most `max`. */
export function checkAmount(field: string, value: string, max = 100_000_000): string {
  const n = Number(value);
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(value) || n > max) throw HubError.badInput(field, `must be an amount from 0 to ${max} PLN with at most 2 decimals`);
  return Number(value).toFixed(2);
}

/** A TERYT code of a gmina (7 digits) of the territory. */
export function checkGmina(field: string, code: string): string {
  const value = checkTeryt(field, code);
  if (value.length !== 7) throw HubError.badInput(field, "must be a gmina's 7-digit TERYT code");
  return value;
}

/**
 * Where an organisation is seated and where it acts (issue #15): the seat is a
 * gmina anywhere in Poland; a seat outside the territory must come with an
 * activity area in it (its gminas, the county or the city), which otherwise
 * defaults to the seat.
 */
export function checkSeatAndArea(
  seatField: string,
  seat: string,
  areaField: string,
  area: readonly string[] | null | undefined,
): { municipalityCode: string; activityArea: string[] } {
  const parsed = parseGminaAnywhere(seat);
  if (!parsed.ok) throw HubError.badInput(seatField, parsed.reason);
  const codes = [...new Set((area ?? []).map((c) => checkTeryt(areaField, c)))];
  if (codes.length > 20) throw HubError.badInput(areaField, "at most 20 units", { max: 20 });
  if (!parsed.inTerritory && codes.length === 0) {
    throw HubError.badInput(areaField, "is required when the seat is outside the partnership's territory: name the gminas, the county (2401) or the city (2465) where you act");
  }
  return { municipalityCode: parsed.value, activityArea: codes.length ? codes : [parsed.value] };
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;
export function checkEmail(field: string, value: string | null | undefined, required = false): string | null {
  if (value == null || value.trim() === "") {
    if (required) throw HubError.badInput(field, "is required");
    return null;
  }
  if (!EMAIL.test(value.trim())) throw HubError.badInput(field, "is not an e-mail address");
  return value.trim().toLowerCase();
}

/** `from` on or before `to`. */
export function checkOrder(fromField: string, from: string | Date, toField: string, to: string | Date): void {
  if (isoDay(from) > isoDay(to)) throw HubError.badInput(toField, `must not be before ${fromField}`);
}

/**
 * A date as YYYY-MM-DD. A `date` column a record was loaded with may hold a
 * Date (PGlite's and node-postgres' parsers make one) where a new record or an
 * argument holds the text: compare dates through this, never `<` on both.
 */
export function isoDay(value: string | Date): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
}

/**
 * The last day of a period of `months` that starts on (and counts) `from`:
 * the day before the same date `months` later, or, where that month has no
 * such date, its last day (as art. 112 of the Civil Code ends a period).
 * A duty to keep a post or a business runs to it.
 */
export function lastDayOf(from: string, months: number): string {
  const start = new Date(`${from}T00:00:00Z`);
  const day = start.getUTCDate();
  const year = start.getUTCFullYear();
  const month = start.getUTCMonth() + months;
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const end = day > lastOfMonth ? new Date(Date.UTC(year, month, lastOfMonth)) : new Date(Date.UTC(year, month, day - 1));
  return end.toISOString().slice(0, 10);
}

/** A non-empty list of distinct values, at most `max`. */
export function checkSet<T>(field: string, values: readonly T[], min: number, max: number): T[] {
  const unique = [...new Set(values)];
  if (unique.length < min || unique.length > max) throw HubError.badInput(field, `must list ${min} to ${max} distinct values`, { min, max });
  return unique;
}

/** Today's date, in UTC, for records whose date is their writing. */
export const today = () => new Date().toISOString().slice(0, 10);

/** A date that has come: today or earlier (a signature, a spending, a body's establishment). */
export function checkNotFuture(field: string, date: string): string {
  if (date > today()) throw HubError.badInput(field, "must not be in the future");
  return date;
}

function checkValidity(field: string, value: string, validity: Validity, date: string): void {
  if (inForceOn(validity, date)) return;
  const when = validity.inForceUntil && date > validity.inForceUntil ? `was in force until ${validity.inForceUntil}` : `is in force from ${validity.inForceFrom}`;
  throw HubError.badInput(field, `${value} ${when}, not on ${date} (see vocabulary)`, { value, inForceFrom: validity.inForceFrom, inForceUntil: validity.inForceUntil });
}

/**
 * A set of target groups in force on the record's date (issue #16): the
 * categories of the repealed 2004 act are refused on records from June 2025.
 */
export function checkTargetGroups(field: string, values: readonly TargetGroup[], min: number, max: number, date: string): TargetGroup[] {
  const unique = checkSet(field, values, min, max);
  for (const value of unique) checkValidity(field, value, targetGroupDefinition(value), date);
  return unique;
}

/** A form of support in force on the record's date: the 2004 act's training voucher is refused from June 2025, the 2025 act's forms before it. */
export function checkSupportForm(field: string, value: SupportForm, date: string): SupportForm {
  checkValidity(field, value, supportFormDefinition(value), date);
  return value;
}

/** An age band of the current split: the legacy bands (before issue #16) stay on old records only. */
export function checkAgeBand(field: string, value: AgeBand): AgeBand {
  const band = ageBandDefinition(value);
  if (band.legacy) throw HubError.badInput(field, `${value} is a band of the earlier split: use ${band.migratedTo ?? "the bands split at 18, 25, 30, 50, 55 and 60"}`, { value });
  return value;
}
