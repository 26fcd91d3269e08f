/**
 * `@bdp/kit/demo`: the demo partners the seeds share (the real public
 * bodies, fictional businesses, NGOs and schools) and a seeded random
 * source, so every subgraph's demo data agrees.
 */
export * from "../demo/partners.js";
export * from "../demo/random.js";
