/**
 * Why the hub refuses a plugin (issue #4, issue #11): one code per rule,
 * each with the rule it stands for. `plugins/README.md` lists them with the
 * threat each one answers; tests assert the codes, not the messages.
 */
export const ADMISSION_CODES = {
  PLUGIN_URL_NOT_ALLOWED: "The plugin's URL is not http(s), is a core subgraph's, or points at a loopback, link-local or private address that is not on the allow-list.",
  PLUGIN_UNREACHABLE: "The plugin did not answer at its address: its manifest, SDL or offer feed could not be read.",
  PLUGIN_REDIRECTED: "The plugin answered with a redirect; the hub never follows one.",
  PLUGIN_ANSWER_TOO_LARGE: "The plugin's manifest, SDL or feed is over the size limit.",
  PLUGIN_MANIFEST_INVALID: "The manifest lacks a field or has a malformed one.",
  PLUGIN_SLUG_TAKEN: "The slug is a core subgraph's name or another plugin's, or differs from the registration being updated.",
  PLUGIN_NAMESPACE_OVERLAP: "The plugin's namespace is a prefix of another plugin's or of a core name, or has one as its prefix.",
  PLUGIN_OWNER_UNKNOWN: "The owning partner is not an active partner in the register.",
  PLUGIN_OWNER_MISMATCH: "The manifest names an owner other than the one the registration is pinned to.",
  PLUGIN_SCHEMA_TOO_LARGE: "The plugin's schema is over the size limits.",
  PLUGIN_NOT_NAMESPACED: "A type or root field of the plugin does not carry its namespace.",
  PLUGIN_ROOT_RENAMED: "The plugin renames its root operation types with a `schema { … }` definition.",
  PLUGIN_OVERRIDE: "The plugin uses @override: it would take a field from a core subgraph or another plugin.",
  PLUGIN_FOREIGN_DIRECTIVE: "A federation or tag directive on something the plugin does not own, or one no plugin may use.",
  PLUGIN_TOUCHES_CORE_FIELD: "The plugin declares a non-key field of a core entity outside its namespace, or a key the core does not have.",
  PLUGIN_REDEFINES_CORE_TYPE: "The plugin repeats a core type (enum, input, value type, interface, union, scalar) with other members or directives.",
  PLUGIN_CHANGES_API: "Admitting the plugin would change the public API beyond additions under its namespace.",
  PLUGIN_FOREIGN_OFFERS: "The plugin's feed publishes offers of a partner other than its owner.",
  PLUGIN_FEED_INVALID: "The plugin's offer feed is not in the hub's offer shape.",
  PLUGIN_COMPOSITION_FAILED: "The plugin does not compose with the current supergraph.",
} as const;
export type AdmissionCode = keyof typeof ADMISSION_CODES;

export interface Violation {
  code: AdmissionCode;
  message: string;
}

export const violation = (code: AdmissionCode, message: string): Violation => ({ code, message });
