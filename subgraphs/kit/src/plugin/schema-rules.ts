import {
  Kind, parse, print,
  type ConstDirectiveNode, type DefinitionNode, type DocumentNode, type FieldDefinitionNode, type InputValueDefinitionNode, type TypeDefinitionNode, type TypeExtensionNode,
} from "graphql";
import { violation, type Violation } from "./codes.js";
import { namespaceOf } from "./plugin.js";

/**
 * The rules a plugin's SDL must keep (issue #4, tightened by issue #11):
 * what can be judged from the SDL alone, each with its own code. The diff of
 * the public API before and after (api-diff.ts) is the backstop behind them.
 *
 * A plugin may add types and root fields under its namespace, and fields
 * under its namespace to core entities it references by the core's key.
 * Everything else it repeats of the core must be exactly the core's.
 */
export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

export const PLUGIN_LIMITS = { sdlBytes: 100_000, types: 150, fieldsPerType: 100 };

type TypeNode = TypeDefinitionNode | TypeExtensionNode;
const isTypeNode = (d: DefinitionNode): d is TypeNode => "name" in d && d.kind !== Kind.DIRECTIVE_DEFINITION && d.kind !== Kind.OPERATION_DEFINITION && d.kind !== Kind.FRAGMENT_DEFINITION;

/** What @apollo/subgraph adds to every subgraph's SDL: not the plugin's own. */
const FEDERATION_FIELDS = new Set(["_service", "_entities"]);
const isFederationType = (name: string) => name.startsWith("link__") || name.startsWith("federation__") || name === "_Any" || name === "_Service" || name === "_Entity";
const ROOTS: Record<string, string> = { query: "Query", mutation: "Mutation", subscription: "Subscription" };
const ROOT_NAMES = new Set(Object.values(ROOTS));

/**
 * Directives a plugin may put on what it owns (its namespaced types and
 * fields). Every other directive — @override, @external, @provides,
 * @requires, @interfaceObject, @composeDirective, @authenticated, @policy,
 * @requiresScopes, @cost, @listSize, @context, @fromContext — is refused
 * everywhere: each either claims what another subgraph resolves or
 * changes how the gateway treats someone else's data.
 */
const OWN_DIRECTIVES = new Set(["key", "shareable", "tag", "inaccessible", "deprecated", "specifiedBy", "oneOf", "link"]);

/** What the core subgraphs define: every type by name, each entity's keys, and the names a namespace must stay clear of. */
export interface CoreShape {
  types: Map<string, TypeNode[]>;
  /** Entity → its keys (the `fields` of each @key, normalised). */
  keys: Map<string, Set<string>>;
  /** Entity → the fields its keys name. */
  keyFields: Map<string, Set<string>>;
  /** Core type names and root field names. */
  names: Set<string>;
}

const normaliseKey = (fields: string) => fields.trim().split(/\s+/).join(" ");
const fieldsOf = (node: TypeNode): readonly FieldDefinitionNode[] => ("fields" in node && node.fields && node.fields[0]?.kind === Kind.FIELD_DEFINITION ? (node.fields as readonly FieldDefinitionNode[]) : []);
const keyOf = (d: ConstDirectiveNode): string | null => {
  const value = d.arguments?.find((a) => a.name.value === "fields")?.value;
  return value?.kind === Kind.STRING ? normaliseKey(value.value) : null;
};

export function coreShape(core: readonly SubgraphSdl[]): CoreShape {
  const types = new Map<string, TypeNode[]>();
  const keys = new Map<string, Set<string>>();
  const keyFields = new Map<string, Set<string>>();
  const names = new Set<string>();
  for (const { sdl } of core) {
    for (const def of parse(sdl).definitions) {
      if (!isTypeNode(def)) continue;
      const name = def.name.value;
      if (isFederationType(name)) continue;
      types.set(name, [...(types.get(name) ?? []), def]);
      if (!ROOT_NAMES.has(name)) names.add(name);
      for (const d of def.directives ?? []) {
        const key = d.name.value === "key" ? keyOf(d) : null;
        if (!key) continue;
        keys.set(name, new Set([...(keys.get(name) ?? []), key]));
        keyFields.set(name, new Set([...(keyFields.get(name) ?? []), ...key.replace(/[{}]/g, " ").split(/\s+/).filter(Boolean)]));
      }
    }
  }
  for (const root of ROOT_NAMES) {
    for (const def of types.get(root) ?? []) for (const f of fieldsOf(def)) if (!FEDERATION_FIELDS.has(f.name.value)) names.add(f.name.value);
  }
  return { types, keys, keyFields, names };
}

/**
 * The directive names as the plugin wrote them, mapped to the federation
 * names they stand for: `@link(import: [{ name: "@override", as: "@take" }])`
 * and `@link(url: …federation…, as: "fed")` (then `@fed__override`) rename
 * them, and `@federation__override` is always there.
 */
function directiveAliases(document: DocumentNode): (written: string) => string {
  const renamed = new Map<string, string>();
  const prefixes = ["federation__"];
  for (const def of document.definitions) {
    if (def.kind !== Kind.SCHEMA_EXTENSION && def.kind !== Kind.SCHEMA_DEFINITION) continue;
    for (const link of def.directives ?? []) {
      if (link.name.value !== "link") continue;
      const as = link.arguments?.find((a) => a.name.value === "as")?.value;
      if (as?.kind === Kind.STRING) prefixes.push(`${as.value}__`);
      const imports = link.arguments?.find((a) => a.name.value === "import")?.value;
      if (imports?.kind !== Kind.LIST) continue;
      for (const item of imports.values) {
        if (item.kind !== Kind.OBJECT) continue;
        const field = (n: string) => item.fields.find((f) => f.name.value === n)?.value;
        const [name, alias] = [field("name"), field("as")];
        if (name?.kind === Kind.STRING && alias?.kind === Kind.STRING) renamed.set(alias.value.replace(/^@/, ""), name.value.replace(/^@/, ""));
      }
    }
  }
  return (written) => {
    if (renamed.has(written)) return renamed.get(written)!;
    const prefix = prefixes.find((p) => written.startsWith(p));
    return prefix ? written.slice(prefix.length) : written;
  };
}

/** Whether a namespace and a name could be mistaken for each other: one starts with the other. */
export const overlaps = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/**
 * The namespace against the core's names and the other plugins' namespaces:
 * a plugin `pup` would otherwise own everything of `pup-bedzin-jobs`, and a
 * plugin `offer` names that read as the core's.
 */
export function checkNamespace(slug: string, core: CoreShape, otherSlugs: readonly string[]): Violation[] {
  const ns = namespaceOf(slug);
  const out: Violation[] = [];
  for (const other of otherSlugs) {
    const theirs = namespaceOf(other);
    if (other !== slug && overlaps(ns.field, theirs.field)) out.push(violation("PLUGIN_NAMESPACE_OVERLAP", `The namespace "${ns.field}" overlaps plugin ${other}'s "${theirs.field}": one is a prefix of the other`));
  }
  const clash = [...core.names].find((name) => overlaps(name[0] === name[0]!.toUpperCase() ? ns.type : ns.field, name));
  if (clash) out.push(violation("PLUGIN_NAMESPACE_OVERLAP", `The namespace "${ns.field}" overlaps the core's "${clash}": one is a prefix of the other`));
  return out;
}

/** Members of a type as text, with their arguments, defaults and directives: what "the same as the core's" compares. */
function members(node: TypeNode): string[] {
  if ("values" in node && node.values) return node.values.map((v) => print({ ...v, description: undefined })).sort();
  if ("types" in node && node.types) return node.types.map((t) => t.name.value).sort();
  const fields = ("fields" in node ? node.fields ?? [] : []) as readonly (FieldDefinitionNode | InputValueDefinitionNode)[];
  return fields.map((f) => print({ ...f, description: undefined, ...("arguments" in f && f.arguments ? { arguments: f.arguments.map((a) => ({ ...a, description: undefined })) } : {}) })).sort();
}
const typeDirectives = (node: TypeNode) => (node.directives ?? []).map((d) => print(d)).sort();
const interfacesOf = (node: TypeNode) => ("interfaces" in node ? (node.interfaces ?? []).map((i) => i.name.value).sort() : []);

/** The same kind, members, interfaces and directives as the core's definition (the core may split it over subgraphs: any one of them). */
function sameAsCore(def: TypeNode, coreDefs: TypeNode[]): boolean {
  const kind = (k: string) => k.replace("Extension", "Definition");
  return coreDefs.some(
    (c) =>
      kind(c.kind) === kind(def.kind) &&
      JSON.stringify(members(c)) === JSON.stringify(members(def)) &&
      JSON.stringify(typeDirectives(c)) === JSON.stringify(typeDirectives(def)) &&
      JSON.stringify(interfacesOf(c)) === JSON.stringify(interfacesOf(def)),
  );
}

/** Schema rules: namespace, root types, directives, core entities and core types, size. */
export function checkSchema(slug: string, sdl: string, core: CoreShape): Violation[] {
  if (Buffer.byteLength(sdl) > PLUGIN_LIMITS.sdlBytes) {
    return [violation("PLUGIN_SCHEMA_TOO_LARGE", `The SDL has ${Buffer.byteLength(sdl)} bytes, over the limit of ${PLUGIN_LIMITS.sdlBytes}`)];
  }
  let document: DocumentNode;
  try {
    document = parse(sdl);
  } catch (error) {
    return [violation("PLUGIN_COMPOSITION_FAILED", `The SDL does not parse: ${(error as Error).message.slice(0, 200)}`)];
  }
  const ns = namespaceOf(slug);
  const canonical = directiveAliases(document);
  const out: Violation[] = [];
  /** Directives on something the plugin owns: the allowed set only. */
  const checkOwnDirectives = (where: string, directives: readonly ConstDirectiveNode[] | undefined) => {
    for (const d of directives ?? []) {
      const name = canonical(d.name.value);
      if (name === "override") out.push(violation("PLUGIN_OVERRIDE", `${where} carries @${d.name.value}: a plugin takes no field from another subgraph`));
      else if (!OWN_DIRECTIVES.has(name)) out.push(violation("PLUGIN_FOREIGN_DIRECTIVE", `${where} carries @${d.name.value}, which no plugin may use`));
    }
  };
  /** Directives on something of the core's: none (a core entity's @key is checked on its own). */
  const checkNoDirectives = (where: string, directives: readonly ConstDirectiveNode[] | undefined) => {
    for (const d of directives ?? []) {
      const name = canonical(d.name.value);
      out.push(name === "override" ? violation("PLUGIN_OVERRIDE", `${where} carries @${d.name.value}: a plugin takes no field from another subgraph`) : violation("PLUGIN_FOREIGN_DIRECTIVE", `${where} belongs to the core: a plugin puts no @${d.name.value} on it`));
    }
  };

  for (const def of document.definitions) {
    if (def.kind === Kind.SCHEMA_DEFINITION || def.kind === Kind.SCHEMA_EXTENSION) {
      for (const op of def.operationTypes ?? []) {
        if (op.type.name.value !== ROOTS[op.operation]) out.push(violation("PLUGIN_ROOT_RENAMED", `The schema names ${op.type.name.value} as its ${op.operation} type: a plugin's root types are Query and Mutation`));
      }
      for (const d of def.directives ?? []) {
        const name = canonical(d.name.value);
        if (name !== "link") out.push(violation("PLUGIN_FOREIGN_DIRECTIVE", `The schema carries @${d.name.value}: a plugin only links the federation spec`));
      }
    }
  }
  const types = document.definitions.filter(isTypeNode).filter((d) => !isFederationType(d.name.value));
  if (types.length > PLUGIN_LIMITS.types) out.push(violation("PLUGIN_SCHEMA_TOO_LARGE", `${types.length} types, over the limit of ${PLUGIN_LIMITS.types}`));
  for (const def of types) {
    const name = def.name.value;
    const fields = fieldsOf(def);
    if (fields.length > PLUGIN_LIMITS.fieldsPerType) out.push(violation("PLUGIN_SCHEMA_TOO_LARGE", `${name} has ${fields.length} fields, over the limit of ${PLUGIN_LIMITS.fieldsPerType}`));
    if (ROOT_NAMES.has(name)) {
      checkNoDirectives(`Root type ${name}`, def.directives);
      for (const field of fields) {
        const f = field.name.value;
        if (FEDERATION_FIELDS.has(f)) continue;
        if (!f.startsWith(ns.field)) out.push(violation("PLUGIN_NOT_NAMESPACED", `Root field ${name}.${f} must start with "${ns.field}"`));
        checkOwnDirectives(`${name}.${f}`, field.directives);
        for (const arg of field.arguments ?? []) checkOwnDirectives(`${name}.${f}(${arg.name.value})`, arg.directives);
      }
      continue;
    }
    const coreDefs = core.types.get(name);
    if (!coreDefs) {
      if (!name.startsWith(ns.type)) {
        out.push(violation("PLUGIN_NOT_NAMESPACED", `Type ${name} must start with "${ns.type}"`));
        continue;
      }
      checkOwnDirectives(`Type ${name}`, def.directives);
      for (const field of fields) {
        checkOwnDirectives(`${name}.${field.name.value}`, field.directives);
        for (const arg of field.arguments ?? []) checkOwnDirectives(`${name}.${field.name.value}(${arg.name.value})`, arg.directives);
      }
      for (const value of ("values" in def ? def.values ?? [] : [])) checkOwnDirectives(`${name}.${value.name.value}`, value.directives);
      continue;
    }
    const coreKeys = core.keys.get(name);
    if (coreKeys) {
      // a core entity: referenced by one of the core's keys; its key fields as they are; fields of its own under its namespace
      for (const d of def.directives ?? []) {
        const directive = canonical(d.name.value);
        if (directive === "key") {
          const key = keyOf(d);
          if (!key || !coreKeys.has(key)) out.push(violation("PLUGIN_TOUCHES_CORE_FIELD", `${name} is keyed by ${[...coreKeys].map((k) => `"${k}"`).join(" or ")} in the core, not "${key}"`));
          continue;
        }
        checkNoDirectives(`${name}`, [d]);
      }
      if (interfacesOf(def).length) out.push(violation("PLUGIN_TOUCHES_CORE_FIELD", `${name} is a core entity: a plugin adds no interface to it`));
      const keyFields = core.keyFields.get(name)!;
      for (const field of fields) {
        const f = field.name.value;
        if (f.startsWith(ns.field)) {
          checkOwnDirectives(`${name}.${f}`, field.directives);
          for (const arg of field.arguments ?? []) checkOwnDirectives(`${name}.${f}(${arg.name.value})`, arg.directives);
        } else if (keyFields.has(f)) {
          checkNoDirectives(`${name}.${f}`, field.directives);
        } else {
          out.push(violation("PLUGIN_TOUCHES_CORE_FIELD", `${name}.${f} belongs to the core: a plugin adds only fields starting with "${ns.field}" to ${name}`));
        }
      }
      continue;
    }
    // a core value type, enum, input, interface, union or scalar: only the very same definition
    if (!sameAsCore(def, coreDefs)) {
      out.push(violation("PLUGIN_REDEFINES_CORE_TYPE", `${name} is a core type and the plugin defines it differently (members, arguments or directives): repeat it exactly, or use a type of its own starting with "${ns.type}"`));
    }
  }
  return out;
}
