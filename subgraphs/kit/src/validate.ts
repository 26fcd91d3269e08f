import { HubError } from "./errors.js";
import { parseTeryt, unitAndDescendants } from "./territory/teryt.js";

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
