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
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { Date: "string", DateTime: "string", Money: "string" },
      },
    },
  },
};
