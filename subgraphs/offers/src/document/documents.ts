import { createHash } from "node:crypto";
import { HubError, write, type Audited, type OrmHandle, type Route, type SubgraphServices } from "@bdp/kit/server";
import { internalApi } from "../internal.js";
import { TrustedDocument } from "./document.entity.js";

/**
 * The trusted documents (issue #17), kept next to the plugin registry: one
 * store every gateway reads. For the gateway only (its signature; changes
 * as the coordinator):
 *
 *   GET /internal/documents            every client's documents: [{ client, documentId, body }]
 *   PUT /internal/documents/<client>   add a manifest's documents: { documents: { "sha256:…": "query …" } }
 *
 * A manifest only adds: documents already registered stay (older builds
 * still send them). Each id must be the SHA-256 of its text.
 */
export const CLIENT_NAME = /^[a-z0-9][a-z0-9-]{1,59}$/;
const DOCUMENT_ID = /^sha256:[0-9a-f]{64}$/;
/** A manifest of at most 2,000 documents of at most 100,000 characters each. */
export const MANIFEST_LIMITS = { documents: 2_000, documentChars: 100_000 };

const DOCUMENT: Audited<TrustedDocument> = { type: "TrustedDocument", audited: ["client", "documentId"], owner: () => null };

export const documentIdOf = (text: string) => `sha256:${createHash("sha256").update(text).digest("hex")}`;

/** The manifest's documents, each id checked against its text; BAD_USER_INPUT naming the first that is wrong. */
export function parseManifest(input: unknown): Map<string, string> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw HubError.badInput("documents", 'an object of "sha256:<hex>" → document text');
  const entries = Object.entries(input as Record<string, unknown>);
  if (entries.length === 0) throw HubError.badInput("documents", "the manifest is empty");
  if (entries.length > MANIFEST_LIMITS.documents) throw HubError.badInput("documents", `at most ${MANIFEST_LIMITS.documents} documents per manifest, not ${entries.length}`);
  const documents = new Map<string, string>();
  for (const [id, body] of entries) {
    if (!DOCUMENT_ID.test(id)) throw HubError.badInput("documents", `${id.slice(0, 80)}: an id is "sha256:" and 64 hex digits`);
    if (typeof body !== "string" || body.length === 0 || body.length > MANIFEST_LIMITS.documentChars) throw HubError.badInput("documents", `${id}: the document is text of 1 to ${MANIFEST_LIMITS.documentChars} characters`);
    if (documentIdOf(body) !== id) throw HubError.badInput("documents", `${id}: the id is not the SHA-256 of the document`);
    documents.set(id, body);
  }
  return documents;
}

export function documentRoutes(db: OrmHandle, service: SubgraphServices): Route[] {
  return [
    internalApi(db, service, {
      what: "trusted documents",
      bodyLimit: 20_000_000,
      match: (path, method) => {
        const m = /^\/internal\/documents(?:\/([^/]{1,80}))?$/.exec(path);
        return m ? { name: `${method} ${m[1] ? "client" : "all"}`, key: m[1] } : null;
      },
      handlers: {
        "GET all": async (em) => {
          const documents = await em.find(TrustedDocument, {}, { orderBy: { client: "asc", createdAt: "asc" }, fields: ["client", "documentId", "body"] });
          return [200, { documents: documents.map(({ client, documentId, body }) => ({ client, documentId, body })) }];
        },
        "PUT client": async (em, identity, body, client) => {
          if (!CLIENT_NAME.test(client!)) throw HubError.badInput("client", "kebab-case, 2 to 60 characters (e.g. municipality-dashboard)");
          const documents = parseManifest(body.documents);
          const result = await write({ em, identity }, async (w) => {
            const known = new Set((await w.tx.find(TrustedDocument, { client }, { fields: ["documentId"] })).map((d) => d.documentId));
            const by = identity.kind === "anonymous" ? "anonymous" : identity.userId;
            let added = 0;
            for (const [documentId, text] of documents) {
              if (known.has(documentId)) continue;
              w.create(TrustedDocument, { client: client!, documentId, body: text, registeredBy: by }, DOCUMENT);
              added++;
            }
            return { client, added, alreadyRegistered: documents.size - added, total: known.size + added };
          });
          service.log.info("trusted documents registered", result);
          return [200, result];
        },
      },
    }),
  ];
}
