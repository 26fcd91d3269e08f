/**
 * `@bdp/kit/plugin`: what a plugin and the hub share at run time — the
 * manifest, the offer feed and its routes, the network edge toward plugins,
 * the guard on their answers. No composition here: a subgraph never loads it.
 */
export * from "../plugin/plugin.js";
export * from "../plugin/network.js";
export * from "../plugin/answer-guard.js";
