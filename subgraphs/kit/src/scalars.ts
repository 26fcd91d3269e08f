import { GraphQLScalarType, Kind } from "graphql";
import { HubError } from "./errors.js";

const MONEY = /^-?\d{1,12}(\.\d{1,2})?$/;

function parseMoney(value: unknown): string {
  const text = typeof value === "number" ? String(value) : value;
  if (typeof text !== "string" || !MONEY.test(text)) {
    throw new HubError("BAD_USER_INPUT", "Money must be a decimal string with at most 2 decimal places, e.g. \"1250.00\"");
  }
  return text;
}

/**
 * Exact amounts in PLN: a decimal string with two decimals ("1250.00"),
 * stored as `numeric(14,2)`. Never a float.
 */
export const MoneyScalar = new GraphQLScalarType({
  name: "Money",
  description: 'An exact amount in Polish złoty (PLN) as a decimal string with two decimals, e.g. "1250.00". Never a float.',
  serialize: (value) => {
    const n = typeof value === "string" ? value : String(value);
    const [int, frac = ""] = n.split(".");
    return `${int}.${frac.padEnd(2, "0").slice(0, 2)}`;
  },
  parseValue: parseMoney,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING && ast.kind !== Kind.INT && ast.kind !== Kind.FLOAT) parseMoney(undefined);
    return parseMoney((ast as { value: string }).value);
  },
});

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: unknown): string {
  const m = typeof value === "string" ? DATE.exec(value) : null;
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== value) {
    throw new HubError("BAD_USER_INPUT", "Date must be a calendar date YYYY-MM-DD");
  }
  return value as string;
}

/** A calendar date without time zone, stored as `date`. */
export const DateScalar = new GraphQLScalarType({
  name: "Date",
  description: "A calendar date in ISO 8601 form, YYYY-MM-DD, without time or time zone.",
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** A point in time, stored as `timestamptz` and given in UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  name: "DateTime",
  description: "A point in time in ISO 8601 form, in UTC, e.g. 2025-06-01T08:30:00.000Z.",
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: (value) => {
    const d = typeof value === "string" ? new Date(value) : null;
    if (!d || Number.isNaN(d.getTime())) throw new HubError("BAD_USER_INPUT", "DateTime must be an ISO 8601 timestamp");
    return d;
  },
  parseLiteral: (ast) => {
    const d = ast.kind === Kind.STRING ? new Date(ast.value) : null;
    if (!d || Number.isNaN(d.getTime())) throw new HubError("BAD_USER_INPUT", "DateTime must be an ISO 8601 timestamp");
    return d;
  },
});

/** A Money string in grosze, as BigInt: money is compared and added this way, never through floats. */
export function moneyCents(value: string): bigint {
  const negative = value.startsWith("-");
  const [int, frac = ""] = value.replace(/^-/, "").split(".");
  const cents = BigInt(int!) * 100n + BigInt(frac.padEnd(2, "0").slice(0, 2));
  return negative ? -cents : cents;
}

/** Grosze back to a Money string ("-12.05"). */
export function centsToMoney(cents: bigint): string {
  const negative = cents < 0n;
  const abs = negative ? -cents : cents;
  return `${negative ? "-" : ""}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}

/** Exact sum of Money strings. */
export function sumMoney(values: readonly string[]): string {
  return centsToMoney(values.reduce((sum, v) => sum + moneyCents(v), 0n));
}
