/**
 * The typed client operations (`pnpm codegen` writes `generated/`): each
 * operation's TypedDocumentNode (`MunicipalityDashboardDocument`), its result
 * and variables types, and the enums and inputs of the public schema.
 */
export * from "./generated/graphql.js";
export { graphql } from "./generated/gql.js";
