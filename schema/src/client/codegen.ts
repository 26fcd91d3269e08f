import type { CodegenConfig } from "@graphql-codegen/cli";
import { fileURLToPath } from "node:url";

/**
 * Typed operations for front-end teams (issue #5): GraphQL Code Generator's
 * client preset over the committed public schema. Operations live in
 * `operations/*.graphql`; `pnpm codegen` writes `generated/` (committed; a
 * test fails when it drifts). Each operation becomes a TypedDocumentNode that
 * any client (urql, Apollo Client, graphql-request, plain fetch) types from.
 */
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const codegenConfig: CodegenConfig = {
  schema: here("../../api-schema.graphql"),
  documents: [here("./operations/*.graphql")],
  ignoreNoDocuments: false,
  // ESM: relative imports with their .js extension
  emitLegacyCommonJSImports: false,
  generates: {
    [here("./generated/")]: {
      preset: "client",
      // trusted documents (issue #17): each operation's SHA-256 in the document, and the manifest
      // generated/persisted-documents.json (hash → document) that the gateway can hold clients to
      presetConfig: { fragmentMasking: false, persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: "sha256" } },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: "string", DateTime: "string", Money: "string" },
      },
    },
  },
};
