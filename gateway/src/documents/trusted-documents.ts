import { createHash } from "node:crypto";
import { parse, validate, type GraphQLSchema } from "graphql";
import { HubError, type Identity, type Logger, type RegisteredCode } from "@bdp/kit/server";
import type { GatewayMetrics } from "../metrics.js";

/**
 * Trusted documents (issue #17): the operations front-ends registered at
 * build time (GraphQL Code Generator's `persisted-documents.json`, hash →
 * document), kept by the catalogue for every gateway. A client sends
 * `documentId` (or an APQ hash) instead of the text; what a caller may send
 * besides is the setting TRUSTED_DOCUMENTS:
 *
 *   off                free-form documents run, nothing said
 *   log                free-form documents run; each new one is logged once and counted (the default)
 *   enforce-anonymous  callers without a token run registered documents only; tokens with a role keep free-form
 *   enforce            everyone runs registered documents only
 *
 * A free-form document whose text is registered counts as registered.
 */
export const DOCUMENT_MODES = ["off", "log", "enforce-anonymous", "enforce"] as const;
export type DocumentsMode = (typeof DOCUMENT_MODES)[number];

export interface StoredDocument {
  client: string;
  documentId: string;
  body: string;
}

export interface RegistrationResult {
  client: string;
  added: number;
  alreadyRegistered: number;
  total: number;
}

/** Where the documents are kept (the catalogue's internal API). */
export interface DocumentStore {
  documents(): Promise<StoredDocument[]>;
  registerDocuments(client: string, documents: Record<string, string>, by: Identity): Promise<RegistrationResult>;
}

/** The parameters of one GraphQL-over-HTTP request (a POST body, or a GET's query string, parsed). */
export interface RequestParams {
  query?: unknown;
  documentId?: unknown;
  extensions?: unknown;
  operationName?: unknown;
  [other: string]: unknown;
}

export type Screened = { ok: true; params: RequestParams } | { ok: false; status: number; code: RegisteredCode; message: string };

export const documentIdOf = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;
const HEX = /^[0-9a-f]{64}$/;

/** A documentId as sent: `sha256:<hex>`, or the bare hex some clients send. */
function normalizeId(id: string): string | null {
  const hex = id.startsWith("sha256:") ? id.slice(7) : id;
  return HEX.test(hex) ? `sha256:${hex}` : null;
}

/** A manifest's documents that do not fit the schema, as "id: message" (at most 10). */
function invalidDocuments(documents: Record<string, string>, schema: GraphQLSchema): string[] {
  const problems: string[] = [];
  for (const [id, text] of Object.entries(documents)) {
    let message: string | undefined;
    try {
      message = validate(schema, parse(text))[0]?.message;
    } catch (error) {
      message = (error as Error).message;
    }
    if (message) problems.push(`${id.slice(0, 20)}…: ${message}`);
    if (problems.length === 10) break;
  }
  return problems;
}

export class TrustedDocuments {
  private byId = new Map<string, StoredDocument>();
  private loadedAt = 0;
  private loading: Promise<void> | null = null;
  /** Free-form documents already logged (bounded: a flood of distinct documents is counted, not logged). */
  private readonly logged = new Set<string>();

  constructor(
    private readonly store: DocumentStore,
    readonly mode: DocumentsMode,
    private readonly deps: { log: Logger; metrics: GatewayMetrics; schema: () => GraphQLSchema | undefined; missCooldownMs?: number },
  ) {}

  get size(): number {
    return this.byId.size;
  }

  /** Reads every registered document again (at start, periodically, after a registration, on an unknown id after a cool-down). */
  reload(): Promise<void> {
    this.loading ??= this.store
      .documents()
      .then((documents) => {
        this.byId = new Map(documents.map((d) => [d.documentId, d]));
        this.loadedAt = Date.now();
      })
      .catch((error: unknown) => this.deps.log.error("trusted documents not read; the ones already known stay", { error: String(error) }))
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }

  /** The client that registered a document, if any. */
  clientOf(documentId: string): string | undefined {
    return this.byId.get(documentId)?.client;
  }

  /** Each client and how many documents it registered. */
  clients(): { client: string; documents: number }[] {
    const counts = new Map<string, number>();
    for (const d of this.byId.values()) counts.set(d.client, (counts.get(d.client) ?? 0) + 1);
    return [...counts].map(([client, documents]) => ({ client, documents })).sort((a, b) => a.client.localeCompare(b.client));
  }

  /**
   * Registers a client's manifest (hash → document): every document must
   * fit the hub's current schema, else nothing is registered.
   */
  async register(client: string, manifest: unknown, by: Identity): Promise<RegistrationResult> {
    if (typeof manifest !== "object" || manifest === null || Array.isArray(manifest)) throw HubError.badInput("documents", 'the manifest: an object of "sha256:<hex>" → document text');
    const documents = manifest as Record<string, string>;
    const schema = this.deps.schema();
    if (!schema) throw new HubError("SUBGRAPH_UNAVAILABLE", "The gateway has no schema yet: try again when it is ready");
    const problems = invalidDocuments(Object.fromEntries(Object.entries(documents).filter(([, t]) => typeof t === "string")), schema);
    if (problems.length) throw HubError.badInput("documents", `documents that do not fit the hub's schema: ${problems.join("; ")}`, { problems });
    const result = await this.store.registerDocuments(client, documents, by);
    this.loadedAt = 0;
    await this.reload();
    return result;
  }

  /** A registered document by id; an id not known reads the store again, at most once per cool-down (a client deployed just after its registration). */
  private async find(id: string): Promise<StoredDocument | undefined> {
    const known = this.byId.get(id);
    if (known || Date.now() - this.loadedAt < (this.deps.missCooldownMs ?? 5_000)) return known;
    await this.reload();
    return this.byId.get(id);
  }

  private held(identity: Identity): boolean {
    return this.mode === "enforce" || (this.mode === "enforce-anonymous" && identity.kind === "anonymous");
  }

  private refuseFreeForm(identity: Identity): Screened {
    this.deps.metrics.documents.inc({ outcome: "refused" });
    const who = this.mode === "enforce" ? "This hub runs" : "Without a token, this hub runs";
    return { ok: false, status: 403, code: "DOCUMENT_NOT_TRUSTED", message: `${who} registered documents only: send the operation's documentId from the client's manifest${identity.kind === "anonymous" && this.mode === "enforce-anonymous" ? ", or a token" : ""}` };
  }

  /**
   * One request's parameters, screened: a `documentId` (or an APQ hash)
   * that is registered becomes its document; a free-form document is
   * counted, logged or refused per the setting.
   */
  async screen(params: RequestParams, identity: Identity): Promise<Screened> {
    const { metrics } = this.deps;
    if (params.documentId !== undefined) {
      const id = typeof params.documentId === "string" ? normalizeId(params.documentId) : null;
      if (params.query !== undefined || id === null) return { ok: false, status: 400, code: "BAD_REQUEST", message: 'Send either "documentId" ("sha256:" and 64 hex digits) or "query", not both' };
      const found = await this.find(id);
      if (!found) {
        metrics.documents.inc({ outcome: "unknown_id" });
        return { ok: false, status: 404, code: "DOCUMENT_NOT_FOUND", message: `No registered document ${id}: register the client's manifest (pnpm documents register)` };
      }
      metrics.documents.inc({ outcome: "registered", client: found.client });
      const { documentId: _id, ...rest } = params;
      return { ok: true, params: { ...rest, query: found.body } };
    }
    const persisted = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
    if (params.query === undefined && typeof persisted === "string") {
      const found = HEX.test(persisted) ? await this.find(`sha256:${persisted}`) : undefined;
      if (found) {
        metrics.documents.inc({ outcome: "registered", client: found.client });
        return { ok: true, params: { ...params, query: found.body } };
      }
      // Apollo's cache may hold documents others sent free-form: not for a caller held to registered ones
      return this.held(identity) ? this.refuseFreeForm(identity) : { ok: true, params };
    }
    if (typeof params.query !== "string" || this.mode === "off") return { ok: true, params };
    const id = documentIdOf(params.query);
    const registered = this.byId.get(id);
    if (registered) {
      metrics.documents.inc({ outcome: "registered", client: registered.client });
      return { ok: true, params };
    }
    if (this.held(identity)) return this.refuseFreeForm(identity);
    metrics.documents.inc({ outcome: "free_form" });
    if (this.logged.size < 10_000 && !this.logged.has(id)) {
      this.logged.add(id);
      this.deps.log.warn("free-form document (not registered)", { documentId: id, operationName: typeof params.operationName === "string" ? params.operationName.slice(0, 100) : null, caller: identity.kind });
    }
    return { ok: true, params };
  }
}
