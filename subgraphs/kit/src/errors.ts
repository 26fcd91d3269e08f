import { GraphQLError, type GraphQLFormattedError } from "graphql";

/**
 * Every error the hub returns on purpose carries one of these codes in
 * `extensions.code`. Clients branch on the code, never on the message.
 * The registry is the one place that lists them: README's "Error codes"
 * table is written from it (`pnpm compose`), and a test fails when they drift.
 */
export const ErrorCodes = {
  BAD_USER_INPUT: "an argument is invalid (malformed id, page size out of range, cursor from another list, TERYT code outside the territory, impossible date, text too long…); `extensions.field` names it",
  GRAPHQL_PARSE_FAILED: "the document is not GraphQL",
  GRAPHQL_VALIDATION_FAILED: "the document does not fit the schema (unknown field, unknown enum literal)",
  BAD_REQUEST: "the HTTP request is malformed (body not JSON, a persisted query whose hash does not match its document)",
  PERSISTED_QUERY_NOT_FOUND: "a persisted query's hash is not known yet: send the document with it once",
  DOCUMENT_NOT_FOUND: "a `documentId` names no registered document (HTTP 404): register the client's manifest (`pnpm documents register`)",
  DOCUMENT_NOT_TRUSTED: "the gateway runs registered documents only for this caller (TRUSTED_DOCUMENTS): send a `documentId` (HTTP 403)",
  REQUEST_TOO_LARGE: "the body is over 1 MB (HTTP 413)",
  UNAUTHENTICATED: "a write without a token; a forged or expired token (HTTP 401); a subgraph called around the gateway (HTTP 401)",
  FORBIDDEN: "the caller's role may not do this, or the record belongs to another partner, or it is someone else's personal data",
  NOT_FOUND: "a write names a record that does not exist",
  CONFLICT: "a stale `version`, a concurrent change, a duplicate, no seat or place left (`extensions.reason`), a decision already taken",
  QUERY_TOO_LONG: "the document has more tokens than the limit (`extensions.limit`, `extensions.actual`)",
  QUERY_TOO_DEEP: "fields are nested deeper than the limit",
  TOO_MANY_ALIASES: "the operation uses more aliases than the limit",
  QUERY_TOO_COMPLEX: "the estimated cost (fields × page sizes) is over the limit",
  RATE_LIMITED: "too many requests from this caller (HTTP 429); retry after `extensions.retryAfterSeconds`",
  SUBGRAPH_UNAVAILABLE: "a subgraph or plugin did not answer; `extensions.subgraph` names it; the rest of the data is returned",
  DATABASE_UNAVAILABLE: "a subgraph could not reach its database (restarting, down); retry later — a write refused this way was not acknowledged, so read before repeating it",
  PLUGIN_ANSWER_REJECTED: "a plugin answered with data it was not asked for or does not own; it was dropped (`extensions.subgraph`, `extensions.reasons`) and the rest of the answer stands",
  PLUGIN_ERROR: "a plugin reported an error of its own (its message, at most 300 characters)",
  INTERNAL_SERVER_ERROR: "anything unexpected; details only in the server log under the request id",
} as const;

/** Why a `CONFLICT` happened, when a client can act on it: `extensions.reason`. */
export const ConflictReasons = {
  EDITION_FULL: "no seat is left in the training edition",
  PROGRAMME_FULL: "no place is left in the activation programme",
  INITIATIVE_STATUS: "the initiative's status does not allow the step (`extensions.status`, `extensions.allowed`): e.g. dates and budget after signing change only by an annex",
  PARTS_UNANSWERED: "the agreement cannot be signed while a part is unanswered, the lead's own unconfirmed, or no partner besides the lead confirmed",
  PART_STATUS: "the agreement part's status does not allow the step: a declined part is not confirmed, a proposed one is declined rather than withdrawn",
  CALL_CLOSED: "the call for funding does not take applications on this day",
  CALL_EXHAUSTED: "the grant or agreement would take the call past what it has (`extensions.left`)",
  DUTY_SETTLED: "an instrument's duty was already found kept or broken",
  APPLICATION_STATUS: "the application for funding was already decided or withdrawn",
  NO_QUORUM: "a body's resolution without the quorum its rules need (`extensions.present`, `members`, `needed`)",
  MEETING_STATUS: "the meeting is held or cancelled, or already voted, so the step is not taken",
  SEAT_TAKEN: "the partner already has a seat in the body for part of that term",
  BUDGET_EXCEEDED: "the spending would take the initiative past its budget (`extensions.left` is what is left)",
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
