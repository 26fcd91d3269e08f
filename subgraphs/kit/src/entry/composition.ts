/**
 * `@bdp/kit/composition`: composing subgraphs and judging plugins — the one
 * `composeWith`, admission, the schema rules and the public API diff. For the
 * gateway, the schema tools and `pnpm plugin check`; it loads
 * `@apollo/composition`, which no subgraph needs at run time.
 */
export * from "../plugin/admission.js";
export * from "../plugin/api-diff.js";
