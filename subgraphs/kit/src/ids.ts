import { createHash, randomUUID } from "node:crypto";
import { HubError } from "./errors.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new record id. */
export const newId = (): string => randomUUID();

/**
 * A stable id derived from a name (UUID v5 layout over SHA-1). The seed of
 * every subgraph uses it, so that a partner seeded in the register and a
 * programme seeded in training refer to the same partner id without either
 * subgraph reading the other's database.
 */
export function stableId(name: string): string {
  const h = createHash("sha1").update(`bdp-hub:${name}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whether a value is a UUID. */
export const isUuid = (value: string): boolean => UUID.test(value);

/** An id argument: a UUID, or BAD_USER_INPUT naming the field. */
export function checkId(field: string, value: string): string {
  if (typeof value !== "string" || !UUID.test(value)) throw HubError.badInput(field, "must be a UUID");
  return value.toLowerCase();
}

export function checkIds(field: string, values: readonly string[] | null | undefined): string[] | undefined {
  if (values == null) return undefined;
  if (values.length > 100) throw HubError.badInput(field, "at most 100 ids");
  return values.map((v) => checkId(field, v));
}
