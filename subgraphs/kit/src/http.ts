import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTcpServer, type AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import type { Logger } from "./logger.js";
import type { ErrorCode } from "./errors.js";
import type { AdmissionCode } from "./plugin/codes.js";

/** Largest request body accepted, in bytes (a GraphQL document with variables). */
export const DEFAULT_BODY_LIMIT = 1_000_000;

export class BodyTooLargeError extends Error {}

export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // stop collecting; the caller answers 413 and then closes the connection
        req.off("data", onData);
        req.pause();
        reject(new BodyTooLargeError(`request body over ${limit} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A code from one of the registries (errors.ts, plugin/codes.ts): nothing else reaches a client. */
export type RegisteredCode = ErrorCode | AdmissionCode;

/** An error answer outside GraphQL execution (HTTP routes, refusals before execution): `{ errors: [{ message, extensions: { code, … } }] }`. */
export function sendError(res: ServerResponse, status: number, code: RegisteredCode, message: string, extensions: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
  sendJson(res, status, { errors: [{ message, extensions: { ...extensions, code } }] }, headers);
}

/** The HTTP status of a coded error answered outside GraphQL. */
const STATUS: Partial<Record<RegisteredCode, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, DOCUMENT_NOT_TRUSTED: 403, NOT_FOUND: 404, DOCUMENT_NOT_FOUND: 404, CONFLICT: 409, REQUEST_TOO_LARGE: 413, RATE_LIMITED: 429, INTERNAL_SERVER_ERROR: 500, SUBGRAPH_UNAVAILABLE: 502, DATABASE_UNAVAILABLE: 503 };

/** A HubError thrown on purpose, answered over HTTP with its code's status (400 by default) and its extensions. */
export function sendHubError(res: ServerResponse, error: { message: string; extensions: Record<string, unknown> }): void {
  const { code, ...extensions } = error.extensions as { code: RegisteredCode };
  sendError(res, STATUS[code] ?? 400, code, error.message, extensions);
}

/** Several coded refusals at once (a plugin's admission violations). */
export function sendErrors(res: ServerResponse, status: number, errors: readonly { code: RegisteredCode; message: string }[], body: Record<string, unknown> = {}): void {
  sendJson(res, status, { ...body, errors: errors.map((e) => ({ message: e.message, extensions: { code: e.code } })) });
}

export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
}

/** The trace id of a W3C `traceparent` header (the gateway sends one when tracing is on), for the logs. */
export function traceIdOf(req: IncomingMessage): string | undefined {
  const header = req.headers.traceparent;
  const m = typeof header === "string" ? /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/.exec(header) : null;
  return m?.[1];
}

/**
 * Runs one HTTP request through Apollo Server (no Express): GraphQL over
 * HTTP, GET and POST. A body that is too large gets 413 before parsing;
 * `authenticate` sees the raw body (to check a signature over it) and may
 * refuse the request before any GraphQL work.
 */
export type Refusal = { ok: false; status: number; code: RegisteredCode; message: string };
export type Authenticate<I> = (rawBody: string, req: IncomingMessage) => { ok: true; identity: I } | Refusal;

/** A request's GraphQL parameters: a POST's JSON object, or a GET's query string (`variables` and `extensions` parsed). */
export type GraphQLParams = Record<string, unknown>;
/**
 * Sees each operation's parameters once the request is read, before Apollo
 * Server: may put others in their place (a registered document for its id)
 * or refuse the request.
 */
export type Screen<I> = (params: GraphQLParams, identity: I | undefined) => Promise<{ ok: true; params: GraphQLParams } | Refusal>;

const isObject = (value: unknown): value is GraphQLParams => typeof value === "object" && value !== null && !Array.isArray(value);

/** A GET's query string as parameters, `variables` and `extensions` parsed when they are JSON (Apollo Server reports them when they are not). */
function paramsOfSearch(search: URLSearchParams): GraphQLParams {
  const params: GraphQLParams = Object.fromEntries(search);
  for (const key of ["variables", "extensions"]) {
    try {
      if (typeof params[key] === "string") params[key] = JSON.parse(params[key] as string);
    } catch {
      // left as it is: Apollo Server refuses it with its own message
    }
  }
  return params;
}

function searchOfParams(params: GraphQLParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, typeof value === "string" ? value : JSON.stringify(value));
  return `?${search}`;
}

/** The body or query string after the screen; null when it refused (the refusal is sent). */
async function screened<I>(screen: Screen<I>, method: string, body: unknown, search: string, identity: I | undefined, res: ServerResponse): Promise<{ body: unknown; search: string } | null> {
  const refuse = (refusal: Refusal) => {
    sendError(res, refusal.status, refusal.code, refusal.message);
    return null;
  };
  if (method === "GET") {
    const result = await screen(paramsOfSearch(new URLSearchParams(search)), identity);
    return result.ok ? { body, search: searchOfParams(result.params) } : refuse(result);
  }
  // a batch is screened operation by operation, whether or not Apollo Server then takes batches
  const operations = Array.isArray(body) ? body : [body];
  const out: unknown[] = [];
  for (const operation of operations) {
    if (!isObject(operation)) {
      out.push(operation);
      continue;
    }
    const result = await screen(operation, identity);
    if (!result.ok) return refuse(result);
    out.push(result.params);
  }
  return { body: Array.isArray(body) ? out : out[0], search };
}

export async function handleGraphQL<C extends BaseContext, I = unknown>(
  apollo: ApolloServer<C>,
  req: IncomingMessage,
  res: ServerResponse,
  context: (identity: I | undefined, body: unknown) => Promise<C>,
  options: {
    bodyLimit?: number;
    extraHeaders?: Record<string, string>;
    /** Headers known only once the operation has run (where a write landed). */
    lateHeaders?: () => Promise<Record<string, string>>;
    authenticate?: Authenticate<I>;
    screen?: Screen<I>;
    /**
     * GraphQL over HTTP: to a client that accepts `application/json` (and
     * not `application/graphql-response+json`), a well-formed request whose
     * GraphQL errors are request errors (parse, validation, variables,
     * limits) is answered 200, as the specification asks; 400 stays for
     * `application/graphql-response+json` and for malformed HTTP requests.
     */
    requestErrorsAs200ForJson?: boolean;
  } = {},
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  const url = new URL(req.url ?? "/", "http://localhost");
  let text = "";
  if (req.method === "POST") {
    try {
      text = await readBody(req, options.bodyLimit ?? DEFAULT_BODY_LIMIT);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        res.once("finish", () => req.destroy());
        sendError(res, 413, "REQUEST_TOO_LARGE", error.message, {}, { connection: "close" });
        return;
      }
      throw error;
    }
  }
  let identity: I | undefined;
  if (options.authenticate) {
    const result = options.authenticate(req.method === "POST" ? text : url.search, req);
    if (!result.ok) {
      sendError(res, result.status, result.code, result.message);
      return;
    }
    identity = result.identity;
  }
  let body: unknown = undefined;
  if (req.method === "POST") {
    if ((headers.get("content-type") ?? "").includes("json")) {
      try {
        body = text.length ? JSON.parse(text) : undefined;
      } catch {
        sendError(res, 400, "BAD_REQUEST", "The request body is not valid JSON");
        return;
      }
    } else {
      body = text;
    }
  }
  let search = url.search;
  if (options.screen) {
    const result = await screened(options.screen, req.method ?? "GET", body, search, identity, res);
    if (!result) return;
    ({ body, search } = result);
  }
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? "GET", headers, search, body },
    context: () => context(identity, body),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  for (const [key, value] of Object.entries(options.extraHeaders ?? {})) res.setHeader(key, value);
  for (const [key, value] of Object.entries((await options.lateHeaders?.()) ?? {})) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (options.requestErrorsAs200ForJson && res.statusCode === 400 && response.body.kind === "complete" && isJsonRequestError(response.headers.get("content-type"), response.body.string)) res.statusCode = 200;
  if (response.body.kind === "complete") {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** Codes of request errors a well-formed GraphQL-over-HTTP request can meet (not malformed HTTP). */
const REQUEST_ERROR_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT", "QUERY_TOO_DEEP", "TOO_MANY_ALIASES", "QUERY_TOO_COMPLEX"]);

function isJsonRequestError(contentType: string | undefined, body: string): boolean {
  if (!contentType?.startsWith("application/json")) return false;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    return parsed.data === undefined && Array.isArray(parsed.errors) && parsed.errors.length > 0 && parsed.errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.code)));
  } catch {
    return false;
  }
}

export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean | void> | boolean | void;

export interface HttpService {
  server: Server;
  url: string;
  port: number;
  /**
   * Stops accepting, lets requests in flight finish (up to `graceMs`), then
   * runs `onClose`. With `drainMs`, it first reports not-ready and keeps
   * serving that long, so requests already on their way are read, not reset.
   */
  close(drainMs?: number): Promise<void>;
}

/**
 * A node:http server with liveness (`/health/live`: the process answers) and
 * readiness (`/health/ready`: its dependencies answer) next to the routes.
 */
export async function listen(options: {
  port: number;
  host?: string;
  log: Logger;
  routes: Route[];
  /** Runs first for every request, health included (headers every answer carries). */
  prelude?: (req: IncomingMessage, res: ServerResponse, url: URL) => void;
  ready: () => Promise<{ ok: boolean; detail?: Record<string, unknown> }>;
  onClose?: () => Promise<void>;
  graceMs?: number;
}): Promise<HttpService> {
  const { log } = options;
  let closing = false;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    try {
      options.prelude?.(req, res, url);
      if (url.pathname === "/health/live" || url.pathname === "/healthz") {
        sendJson(res, 200, { status: "ok" });
        return;
      }
      if (url.pathname === "/health/ready" || url.pathname === "/readyz") {
        const state = closing ? { ok: false, detail: { closing: true } } : await options.ready().catch((e: Error) => ({ ok: false, detail: { error: e.message } }));
        sendJson(res, state.ok ? 200 : 503, { status: state.ok ? "ready" : "not ready", ...state.detail });
        return;
      }
      for (const route of options.routes) {
        if (await route(req, res, url)) return;
      }
      sendError(res, 404, "NOT_FOUND", `No route for ${req.method} ${url.pathname}`);
    } catch (error) {
      log.error("request failed", { error, path: url.pathname });
      if (!res.headersSent) sendError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error");
      else res.end();
    }
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host && options.host !== "0.0.0.0" && options.host !== "::" ? options.host : "127.0.0.1";
  let closed: Promise<void> | undefined;
  return {
    server,
    port,
    url: `http://${host}:${port}`,
    close(drainMs = 0) {
      closed ??= (async () => {
        closing = true;
        if (drainMs > 0) await new Promise((r) => setTimeout(r, drainMs));
        const done = new Promise<void>((resolve) => server.close(() => resolve()));
        // keep-alive connections become idle as their last response goes out: close them then
        const sweeper = setInterval(() => server.closeIdleConnections(), 50);
        server.closeIdleConnections();
        const timer = setTimeout(() => server.closeAllConnections(), options.graceMs ?? 10_000);
        await done;
        clearInterval(sweeper);
        clearTimeout(timer);
        await options.onClose?.();
      })();
      return closed;
    },
  };
}

/** SIGTERM / SIGINT: close gracefully once (draining SHUTDOWN_DRAIN_MS, default 500), then exit. */
export function closeOnSignals(service: { close(drainMs?: number): Promise<void> }, log: Logger): void {
  const drainMs = Number(process.env.SHUTDOWN_DRAIN_MS ?? 500);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info("stopping", { signal });
    service.close(drainMs).then(
      () => process.exit(0),
      (error) => {
        log.error("stop failed", { error });
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
}

/** A TCP port free on 127.0.0.1 right now, for a process that must be told its port up front (a replica behind a balancer, a test's private server). */
export async function freePort(): Promise<number> {
  const server = createTcpServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
