/**
 * Polish organisation identifiers (see shared/DOMAIN.md, "Organisation
 * identifiers"). Each `parseX` returns the canonical digits or a reason why
 * the input is not valid; nothing here throws.
 */
export type Parsed = { ok: true; value: string } | { ok: false; reason: string };

const fail = (reason: string): Parsed => ({ ok: false, reason });

function weightedSum(digits: string, weights: readonly number[]): number {
  return weights.reduce((sum, w, i) => sum + w * Number(digits[i]), 0);
}

/** NIP: 10 digits; a leading `PL`, spaces and hyphens are accepted and stripped. */
export function parseNip(input: string): Parsed {
  const digits = input.trim().replace(/^PL/i, "").replace(/[\s-]/g, "");
  if (!/^\d{10}$/.test(digits)) return fail("NIP must have 10 digits");
  const check = weightedSum(digits, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
  if (check === 10 || check !== Number(digits[9])) return fail("NIP check digit does not match");
  return { ok: true, value: digits };
}

/** NIP as printed on documents: XXX-XXX-XX-XX. */
export function formatNip(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`;
}

const REGON9_WEIGHTS = [8, 9, 2, 3, 4, 5, 6, 7];
const REGON14_WEIGHTS = [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8];

/** REGON: 9 digits (a unit) or 14 digits (a local unit whose first 9 are a valid REGON). */
export function parseRegon(input: string): Parsed {
  const digits = input.replace(/[\s-]/g, "");
  if (!/^(\d{9}|\d{14})$/.test(digits)) return fail("REGON must have 9 or 14 digits");
  const check9 = (weightedSum(digits, REGON9_WEIGHTS) % 11) % 10;
  if (check9 !== Number(digits[8])) return fail("REGON check digit does not match");
  if (digits.length === 14) {
    const check14 = (weightedSum(digits, REGON14_WEIGHTS) % 11) % 10;
    if (check14 !== Number(digits[13])) return fail("REGON (14-digit) check digit does not match");
  }
  return { ok: true, value: digits };
}

/** KRS: up to 10 digits, stored zero padded to 10; it has no check digit. */
export function parseKrs(input: string): Parsed {
  const digits = input.replace(/[\s-]/g, "");
  if (!/^\d{1,10}$/.test(digits) || /^0+$/.test(digits)) return fail("KRS must be 1 to 10 digits, not all zero");
  return { ok: true, value: digits.padStart(10, "0") };
}

/** Appends the NIP check digit to 9 digits, or returns null when none exists (sum mod 11 = 10). */
export function nipCheckDigit(nine: string): number | null {
  const c = weightedSum(nine, [6, 5, 7, 2, 3, 4, 5, 6, 7]) % 11;
  return c === 10 ? null : c;
}

/** Appends the REGON-9 check digit to 8 digits. */
export function regonCheckDigit(eight: string): number {
  return (weightedSum(eight, REGON9_WEIGHTS) % 11) % 10;
}
