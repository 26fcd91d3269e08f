/**
 * `@bdp/kit/statistics`: statistics by territory and period in the shape a
 * chart wants, and disclosure control of counts of people (primary,
 * secondary, the audit, and the rule against insiders).
 */
export * from "../analytics/index.js";
export * from "../disclosure.js";
