/**
 * `@bdp/kit/testing`: generators of benchmark data (partners by the
 * hundred thousand). Loaded by `pnpm generate`, never by a running subgraph.
 */
export * from "../demo/scale.js";
