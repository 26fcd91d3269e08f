import { readFileSync, readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { composeServices } from "@apollo/composition";
import {
  Kind, parse, print,
  type ConstDirectiveNode, type DefinitionNode, type DocumentNode, type FieldDefinitionNode, type TypeDefinitionNode, type TypeExtensionNode,
} from "graphql";
import { namespaceOf, parseOfferFeed, parseManifest, type PluginManifest } from "./plugin.js";

/**
 * The admission checks (issue #4): what the hub asks of a plugin before it
 * joins the graph. Each violation has its own code and a readable message;
 * the checks return a value and never throw, like composition itself.
 */
export const ADMISSION_CODES = {
  PLUGIN_UNREACHABLE: "The plugin did not answer: its manifest, SDL or offer feed could not be read.",
  PLUGIN_MANIFEST_INVALID: "The manifest lacks a field or has a malformed one.",
  PLUGIN_SLUG_TAKEN: "The slug is a core subgraph's name or another plugin's, or differs from the registration being updated.",
  PLUGIN_OWNER_UNKNOWN: "The owning partner is not an active partner in the register.",
  PLUGIN_SCHEMA_TOO_LARGE: "The plugin's schema is over the size limits.",
  PLUGIN_NOT_NAMESPACED: "A type or root field of the plugin does not carry its namespace.",
  PLUGIN_TOUCHES_CORE_FIELD: "The plugin defines, overrides or shares a field of a core type, or redefines a core type.",
  PLUGIN_FOREIGN_OFFERS: "The plugin's feed publishes offers of a partner other than its owner.",
  PLUGIN_FEED_INVALID: "The plugin's offer feed is not in the hub's offer shape.",
  PLUGIN_COMPOSITION_FAILED: "The plugin does not compose with the current supergraph.",
} as const;
export type AdmissionCode = keyof typeof ADMISSION_CODES;

export interface Violation {
  code: AdmissionCode;
  message: string;
}

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export const PLUGIN_LIMITS = { sdlBytes: 100_000, types: 150, fieldsPerType: 100 };

/** What @apollo/subgraph adds to every subgraph's SDL: not the plugin's own. */
const FEDERATION_FIELDS = new Set(["_service", "_entities"]);
const isFederationType = (name: string) => name.startsWith("link__") || name.startsWith("federation__") || name === "_Any" || name === "_Service" || name === "_Entity";

/** Root types whose fields a plugin must namespace. */
const ROOTS = new Set(["Query", "Mutation", "Subscription"]);
/** Directives that claim or share a field another subgraph owns. */
const HIJACKING = new Set(["override", "shareable", "provides", "requires", "interfaceObject"]);

type TypeNode = TypeDefinitionNode | TypeExtensionNode;
const isTypeNode = (d: DefinitionNode): d is TypeNode => "name" in d && d.kind !== Kind.DIRECTIVE_DEFINITION && d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION;
const directiveNames = (node: { directives?: readonly ConstDirectiveNode[] }) => (node.directives ?? []).map((d) => d.name.value);
const fieldsOf = (node: TypeNode): readonly FieldDefinitionNode[] => ("fields" in node && node.fields && node.fields[0]?.kind === Kind.FIELD_DEFINITION ? (node.fields as readonly FieldDefinitionNode[]) : []);

/** What the core subgraphs define: every type by name, and each entity's key fields. */
export interface CoreShape {
  types: Map<string, TypeNode[]>;
  keys: Map<string, Set<string>>;
}

export function coreShape(core: SubgraphSdl[]): CoreShape {
  const types = new Map<string, TypeNode[]>();
  const keys = new Map<string, Set<string>>();
  for (const { sdl } of core) {
    for (const def of parse(sdl).definitions) {
      if (!isTypeNode(def)) continue;
      const name = def.name.value;
      types.set(name, [...(types.get(name) ?? []), def]);
      for (const d of def.directives ?? []) {
        if (d.name.value !== "key") continue;
        const fields = d.arguments?.find((a) => a.name.value === "fields")?.value;
        if (fields?.kind === Kind.STRING) keys.set(name, new Set([...(keys.get(name) ?? []), ...fields.value.split(/\s+/).filter(Boolean)]));
      }
    }
  }
  return { types, keys };
}

/** Schema rules (namespace, core fields, size): everything that can be judged from the SDL alone. */
export function checkSchema(slug: string, sdl: string, core: CoreShape): Violation[] {
  const violations: Violation[] = [];
  if (Buffer.byteLength(sdl) > PLUGIN_LIMITS.sdlBytes) {
    return [{ code: "PLUGIN_SCHEMA_TOO_LARGE", message: `The SDL has ${Buffer.byteLength(sdl)} bytes, over the limit of ${PLUGIN_LIMITS.sdlBytes}` }];
  }
  let document: DocumentNode;
  try {
    document = parse(sdl);
  } catch (error) {
    return [{ code: "PLUGIN_COMPOSITION_FAILED", message: `The SDL does not parse: ${(error as Error).message}` }];
  }
  const ns = namespaceOf(slug);
  const types = document.definitions.filter(isTypeNode);
  if (types.length > PLUGIN_LIMITS.types) violations.push({ code: "PLUGIN_SCHEMA_TOO_LARGE", message: `${types.length} types, over the limit of ${PLUGIN_LIMITS.types}` });
  for (const def of types) {
    const name = def.name.value;
    const fields = fieldsOf(def);
    if (fields.length > PLUGIN_LIMITS.fieldsPerType) violations.push({ code: "PLUGIN_SCHEMA_TOO_LARGE", message: `${name} has ${fields.length} fields, over the limit of ${PLUGIN_LIMITS.fieldsPerType}` });
    for (const field of fields) {
      const hijack = directiveNames(field).find((d) => HIJACKING.has(d));
      if (hijack && (core.types.has(name) || ROOTS.has(name))) {
        violations.push({ code: "PLUGIN_TOUCHES_CORE_FIELD", message: `${name}.${field.name.value} carries @${hijack}: a plugin may not claim or share a field of a core type` });
      }
    }
    if (ROOTS.has(name)) {
      for (const field of fields) {
        if (!field.name.value.startsWith(ns.field) && !FEDERATION_FIELDS.has(field.name.value)) violations.push({ code: "PLUGIN_NOT_NAMESPACED", message: `Root field ${name}.${field.name.value} must start with "${ns.field}"` });
      }
      continue;
    }
    if (isFederationType(name)) continue;
    const coreDefs = core.types.get(name);
    if (!coreDefs) {
      if (!name.startsWith(ns.type)) violations.push({ code: "PLUGIN_NOT_NAMESPACED", message: `Type ${name} must start with "${ns.type}"` });
      continue;
    }
    const keyFields = core.keys.get(name);
    if (keyFields) {
      // a core entity: its key, and fields under the plugin's namespace, nothing else
      for (const field of fields) {
        const f = field.name.value;
        if (!keyFields.has(f) && !f.startsWith(ns.field)) {
          violations.push({ code: "PLUGIN_TOUCHES_CORE_FIELD", message: `${name}.${f} belongs to the core: a plugin adds only fields starting with "${ns.field}" to ${name}` });
        }
      }
      continue;
    }
    // a core value type (an enum, a scalar, PageInfo): only the very same definition is allowed
    if (!sameAsCore(def, coreDefs)) violations.push({ code: "PLUGIN_TOUCHES_CORE_FIELD", message: `${name} is a core type and the plugin defines it differently: use a type of its own, starting with "${ns.type}"` });
  }
  return violations;
}

/** The same kind, the same members (fields with their types, enum values) and the same sharing as the core's. */
function sameAsCore(def: TypeNode, coreDefs: TypeNode[]): boolean {
  const members = (node: TypeNode): string[] => {
    if ("values" in node && node.values) return node.values.map((v) => v.name.value).sort();
    return fieldsOf(node).map((f) => `${f.name.value}:${print(f.type)}`).sort();
  };
  const core = coreDefs[0]!;
  if (core.kind.replace("Extension", "Definition") !== def.kind.replace("Extension", "Definition")) return false;
  const mine = members(def);
  const theirs = new Set(coreDefs.flatMap(members));
  if (!mine.every((m) => theirs.has(m))) return false;
  // an object type may be repeated only where the core shares it
  if (fieldsOf(def).length) return directiveNames(def).includes("shareable") && coreDefs.some((c) => directiveNames(c).includes("shareable"));
  return true;
}

/** Composition of the core, the plugins already in, and the candidate: the supergraph, or why not. */
export function composeWith(subgraphs: SubgraphSdl[]): { ok: true; supergraphSdl: string } | { ok: false; violations: Violation[] } {
  try {
    const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
    if (result.errors) {
      return { ok: false, violations: result.errors.slice(0, 10).map((e) => ({ code: "PLUGIN_COMPOSITION_FAILED", message: `${String(e.extensions?.code ?? "COMPOSITION")}: ${e.message}` })) };
    }
    return { ok: true, supergraphSdl: result.supergraphSdl };
  } catch (error) {
    return { ok: false, violations: [{ code: "PLUGIN_COMPOSITION_FAILED", message: (error as Error).message }] };
  }
}

export interface Candidate {
  manifest: PluginManifest;
  sdl: string;
  offers: number;
}

export interface AdmissionInput {
  /** Where the plugin's GraphQL endpoint is. */
  url: string;
  core: SubgraphSdl[];
  /** Plugins already admitted (the one being updated is left out). */
  plugins: SubgraphSdl[];
  /** When updating: the slug the registration has. */
  updating?: string;
  /** Reads the plugin's SDL (`{ _service { sdl } }`, signed with the plugin's key). */
  fetchSdl(url: string, slug: string): Promise<string>;
  /** Whether a partner id is an active partner in the register. */
  partnerIsActive(id: string): Promise<boolean>;
  timeoutMs?: number;
}

export type Admission = { ok: true; candidate: Candidate; supergraphSdl: string } | { ok: false; violations: Violation[]; manifest?: PluginManifest };

/** Every check, in the order a plugin author would fix them. */
export async function admit(input: AdmissionInput): Promise<Admission> {
  const timeout = input.timeoutMs ?? 5000;
  const get = async (path: string) => {
    const response = await fetch(new URL(path, input.url), { signal: AbortSignal.timeout(timeout) });
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return response.json() as Promise<unknown>;
  };
  let manifestJson: unknown;
  try {
    manifestJson = await get("/hub/manifest");
  } catch (error) {
    return { ok: false, violations: [{ code: "PLUGIN_UNREACHABLE", message: `No manifest at ${new URL("/hub/manifest", input.url)}: ${(error as Error).message}` }] };
  }
  const parsed = parseManifest(manifestJson);
  if (!parsed.ok) return { ok: false, violations: parsed.problems.map((message) => ({ code: "PLUGIN_MANIFEST_INVALID", message })) };
  const manifest = { ...parsed.value, url: input.url };
  const taken = [...input.core.map((s) => s.name), ...input.plugins.map((s) => s.name)];
  if (input.updating ? manifest.slug !== input.updating : taken.includes(manifest.slug)) {
    return { ok: false, manifest, violations: [{ code: "PLUGIN_SLUG_TAKEN", message: input.updating ? `The plugin now calls itself "${manifest.slug}", not "${input.updating}"` : `"${manifest.slug}" is already a subgraph of the hub` }] };
  }
  if (!(await input.partnerIsActive(manifest.ownerPartnerId))) {
    return { ok: false, manifest, violations: [{ code: "PLUGIN_OWNER_UNKNOWN", message: `Partner ${manifest.ownerPartnerId} is not an active partner in the register` }] };
  }
  let sdl: string;
  try {
    sdl = await input.fetchSdl(input.url, manifest.slug);
  } catch (error) {
    return { ok: false, manifest, violations: [{ code: "PLUGIN_UNREACHABLE", message: `Its SDL could not be read: ${(error as Error).message}` }] };
  }
  const violations = checkSchema(manifest.slug, sdl, coreShape(input.core));
  let offers = 0;
  try {
    const feed = parseOfferFeed(await get("/hub/offers"), manifest.ownerPartnerId);
    offers = feed.offers.length;
    if (feed.foreign) violations.push({ code: "PLUGIN_FOREIGN_OFFERS", message: `${feed.foreign} offer(s) in its feed name a partner other than its owner ${manifest.ownerPartnerId}` });
    const other = feed.problems.filter((p) => !p.includes("not the plugin's owner"));
    if (other.length) violations.push({ code: "PLUGIN_FEED_INVALID", message: `${other.length} offer(s) malformed, e.g. ${other[0]}` });
  } catch (error) {
    violations.push({ code: "PLUGIN_UNREACHABLE", message: `Its offer feed could not be read: ${(error as Error).message}` });
  }
  if (violations.length) return { ok: false, manifest, violations };
  const composed = composeWith([...input.core, ...input.plugins, { name: manifest.slug, url: input.url, sdl }]);
  if (!composed.ok) return { ok: false, manifest, violations: composed.violations };
  return { ok: true, candidate: { manifest, sdl, offers }, supergraphSdl: composed.supergraphSdl };
}

/** The core subgraphs' committed SDL files (`schema/subgraphs/<name>.graphql`) in a folder. */
export function readCoreSdls(dir: string | URL, urlFor: (name: string) => string = (name) => `http://127.0.0.1/${name}`): SubgraphSdl[] {
  const base = typeof dir === "string" ? pathToFileURL(dir.endsWith("/") ? dir : `${dir}/`) : dir;
  return readdirSync(base)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => {
      const name = f.replace(/\.graphql$/, "");
      return { name, url: urlFor(name), sdl: readFileSync(new URL(f, base), "utf8") };
    });
}

/**
 * The checks that need no hub (`pnpm plugin check <folder>`, each plugin's
 * own test): the slug is not a core subgraph's, the schema rules hold, and
 * it composes with the committed core. The feed and the owner need a hub.
 */
export function checkPluginOffline(manifest: PluginManifest, sdl: string, core: SubgraphSdl[]): Violation[] {
  if (core.some((c) => c.name === manifest.slug)) return [{ code: "PLUGIN_SLUG_TAKEN", message: `"${manifest.slug}" is a core subgraph` }];
  const violations = checkSchema(manifest.slug, sdl, coreShape(core));
  if (violations.length) return violations;
  const composed = composeWith([...core, { name: manifest.slug, url: manifest.url, sdl }]);
  return composed.ok ? [] : composed.violations;
}
