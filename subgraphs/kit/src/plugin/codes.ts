/**
 * Why the hub refuses a plugin (issue #4, issue #11): one code per rule,
 * each with the rule it stands for. The table in `plugins/README.md` is
 * written from here (`pnpm compose`); tests assert the codes, not the messages.
 */
export const ADMISSION_CODES = {
  PLUGIN_URL_NOT_ALLOWED: "the URL is not http(s), is a core subgraph's, or its address is loopback, link-local or private and not on `PLUGIN_ALLOWED_ADDRESSES`",
  PLUGIN_UNREACHABLE: "no plugin answered at the address (refused, timed out, an error status, not JSON): one message for all, so the hub cannot be used to scan ports",
  PLUGIN_REDIRECTED: "it answered with a redirect (never followed)",
  PLUGIN_ANSWER_TOO_LARGE: "its manifest or SDL is over 1 MB, or its feed over 10 MB",
  PLUGIN_MANIFEST_INVALID: "a manifest field is missing or malformed",
  PLUGIN_SLUG_TAKEN: "the slug is a core subgraph's or another plugin's (or changed on update)",
  PLUGIN_NAMESPACE_OVERLAP: "the namespace is a prefix of another plugin's or of a core type or root field, or has one as its prefix",
  PLUGIN_OWNER_UNKNOWN: "the owner is not an active partner in the register",
  PLUGIN_OWNER_MISMATCH: "the manifest names another owner than the one the coordinator named (or the registration is pinned to)",
  PLUGIN_SCHEMA_TOO_LARGE: "over the size limits (100 KB of SDL, 150 types, 100 fields per type)",
  PLUGIN_NOT_NAMESPACED: "a type or root field without the namespace",
  PLUGIN_ROOT_RENAMED: "a `schema { … }` names other root types than `Query` and `Mutation`",
  PLUGIN_OVERRIDE: "`@override`, under any name (`@link` aliases and `@federation__override` included)",
  PLUGIN_FOREIGN_DIRECTIVE: "a federation or tag directive on something of the core's, or one no plugin may use",
  PLUGIN_TOUCHES_CORE_FIELD: "a non-key field on a core entity outside the namespace, a key the core does not have, an interface added to a core entity",
  PLUGIN_REDEFINES_CORE_TYPE: "a core enum, input, value type, interface, union or scalar repeated with other members, arguments or directives",
  PLUGIN_CHANGES_API: "the public API with the plugin differs from the one without it by more than additions under its namespace (the diff names each change)",
  PLUGIN_FOREIGN_OFFERS: "the feed has offers of another partner than the owner",
  PLUGIN_FEED_INVALID: "offers in the feed are not in the uniform shape",
  PLUGIN_COMPOSITION_FAILED: "it does not compose with the core and the plugins already in",
  SCHEMA_CHANGE_BREAKS_CLIENTS: "an update removes or changes fields, arguments or values clients used in the last 30 days (the diff and who used what); the coordinator may approve it with a reason",
} as const;
export type AdmissionCode = keyof typeof ADMISSION_CODES;

export interface Violation {
  code: AdmissionCode;
  message: string;
}

export const violation = (code: AdmissionCode, message: string): Violation => ({ code, message });
