import { GraphQLError, type GraphQLFormattedError } from "graphql";

/**
 * Every error the hub returns on purpose carries one of these codes in
 * `extensions.code`. Clients branch on the code, never on the message.
 * The registry is the one place that lists them (README "Error codes").
 */
export const ErrorCodes = {
  BAD_USER_INPUT: "An argument or input field is invalid; `extensions.field` names it.",
  NOT_FOUND: "The record asked for by id does not exist.",
  UNAUTHENTICATED: "The request carries no valid identity and the operation needs one.",
  FORBIDDEN: "The caller's identity may not do this.",
  CONFLICT: "The record changed since the version the caller read.",
  GRAPHQL_PARSE_FAILED: "The document is not valid GraphQL syntax.",
  GRAPHQL_VALIDATION_FAILED: "The document does not match the schema.",
  SUBGRAPH_UNAVAILABLE: "A subgraph behind the gateway did not answer.",
  DATABASE_UNAVAILABLE:
    "A subgraph could not reach its database (restarting, or down); retry later. A write that failed this way was not acknowledged: read before you repeat it.",
  BAD_REQUEST: "The HTTP request is malformed (e.g. a body that is not JSON).",
  REQUEST_TOO_LARGE: "The request body is over the size limit.",
  QUERY_TOO_LONG: "The document has more tokens than the limit.",
  QUERY_TOO_DEEP: "Fields are nested deeper than the limit.",
  TOO_MANY_ALIASES: "The operation uses more aliases than the limit.",
  QUERY_TOO_COMPLEX: "The estimated cost (fields × page sizes) is over the limit.",
  RATE_LIMITED: "Too many requests from this caller; retry after `extensions.retryAfterSeconds`.",
  PLUGIN_ANSWER_REJECTED: "A plugin answered with data it was not asked for or does not own; the gateway dropped it (`extensions.subgraph`, `extensions.reasons`).",
  PLUGIN_ERROR: "A plugin reported an error of its own; its message is the plugin's, bounded in size.",
  INTERNAL_SERVER_ERROR: "An unexpected failure; details are in the server log under the request id.",
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

/** An error thrown on purpose: it reaches the client as it is. */
export class HubError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
    this.name = "HubError";
  }

  static badInput(field: string, message: string, extra: Record<string, unknown> = {}): HubError {
    return new HubError("BAD_USER_INPUT", `${field}: ${message}`, { field, ...extra });
  }

  static notFound(type: string, id: string): HubError {
    return new HubError("NOT_FOUND", `${type} ${id} does not exist`, { type, id });
  }
}

/** Codes that graphql-js, Apollo Server and our own code raise on purpose. */
const PUBLIC_CODES = new Set<string>([
  ...Object.keys(ErrorCodes),
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/** Whether a code is one the hub raises on purpose: a bounded set, safe as a metric label (anything else counts as OTHER). */
export const isPublicCode = (code: unknown): code is string => typeof code === "string" && PUBLIC_CODES.has(code);

/**
 * `formatError` for Apollo Server: an error that was not thrown on purpose is
 * masked as INTERNAL_SERVER_ERROR, so no stack, SQL or internal detail leaks.
 * The original is passed to `onMasked` to be logged.
 */
export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onMasked: (error: unknown) => void = () => {},
): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  // Apollo Server gives every error without a code INTERNAL_SERVER_ERROR: only
  // our own HubError may carry that code to the client unmasked.
  const thrownOnPurpose =
    typeof code === "string" &&
    PUBLIC_CODES.has(code) &&
    (code !== "INTERNAL_SERVER_ERROR" || original instanceof HubError);
  if (thrownOnPurpose) {
    const { stacktrace: _drop, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    return { ...formatted, extensions };
  }
  // Apollo Server's own refusals of a malformed request (a persisted query whose hash does
  // not match, say) carry an HTTP 4xx but no code: the caller's mistake, said as it is
  const http = (original instanceof GraphQLError ? original.extensions?.http : formatted.extensions?.http) as { status?: number } | undefined;
  const status = http?.status;
  if (typeof status === "number" && status >= 400 && status < 500 && original instanceof GraphQLError) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code: "BAD_REQUEST" } };
  }
  onMasked(original);
  if (isDatabaseUnavailable(original)) {
    return {
      message: "The database is not reachable right now; retry later",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "DATABASE_UNAVAILABLE" },
    };
  }
  return {
    message: "Internal server error",
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}

/** PostgreSQL SQLSTATEs of a server going away or not yet back: class 08 (connection), 57P01–57P03 (shutdown, starting up). */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[123])/;
const UNAVAILABLE_MESSAGE =
  /Connection terminated|Connection ended unexpectedly|connection error and is not queryable|Transaction query already complete|ECONNREFUSED|ECONNRESET|the database system is (starting up|shutting down)/i;

/** Whether an error (or its cause) says the database could not be reached, rather than that the query was wrong. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 3) return false;
  const sqlState = (error as { code?: unknown }).code;
  if (error.name === "ConnectionException") return true;
  if (typeof sqlState === "string" && UNAVAILABLE_SQLSTATE.test(sqlState)) return true;
  if (UNAVAILABLE_MESSAGE.test(error.message)) return true;
  return isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1);
}
