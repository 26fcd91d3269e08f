/**
 * The typed client operations (`pnpm codegen` writes `generated/`): each
 * operation's TypedDocumentNode (`MunicipalityDashboardDocument`), its result
 * and variables types, and the enums and inputs of the public schema.
 */
export * from "./generated/graphql.js";
export { graphql } from "./generated/gql.js";

/**
 * The trusted document id codegen put in an operation (issue #17): send
 * `{ documentId, variables }` instead of the text, once the client's
 * manifest (`generated/persisted-documents.json`) is registered with
 * `pnpm documents register <client>`.
 */
export function documentIdOf(document: object): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== "string") throw new Error("the document has no hash: run pnpm codegen (persisted documents are on)");
  return hash;
}
