/**
 * `@bdp/kit/domain`: the partnership's vocabularies and their labels, its territory (TERYT)
 * and organisation identifiers (NIP, REGON, KRS). Pure data and checks: it
 * imports nothing of the hub's.
 */
export * from "../vocabulary.js";
export * from "../territory/teryt.js";
export * from "../identifiers/identifiers.js";
export * from "../labels/labels.js";
export * from "../vocabularies/definitions.js";
export * from "../vocabularies/esf-indicators.js";
