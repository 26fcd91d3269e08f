import { buildSubgraphSchema } from "@apollo/subgraph";
import {
  Kind, getNamedType, isAbstractType, isEnumType, isLeafType, isListType, isNonNullType, isObjectType, parse,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLObjectType, type GraphQLOutputType, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode,
} from "graphql";
import { namespaceOf } from "./plugin.js";

/**
 * What the gateway keeps of a plugin's answer (issue #11). Admission judged
 * the plugin's SDL; at run time the plugin may answer anything, so every
 * answer is filtered against the fetch that asked for it:
 *
 * - only the fields that fetch selected (by response key) are kept;
 * - of those, only fields the plugin owns: `__typename`, its namespaced
 *   fields and types, and on a core entity the key fields — which, for an
 *   entity the gateway sent it, must equal the key it was sent;
 * - an `_entities` answer must be of the type it was asked for;
 * - values must have the shape their type says; lists are cut at
 *   `maxListLength`;
 * - errors keep a bounded message, a path inside what was asked (or none)
 *   and a code from the registry (`PLUGIN_ERROR` otherwise).
 *
 * Whatever is dropped is counted by reason, for the metric
 * `bdp_gateway_plugin_rejected_total{plugin,reason}` and the error
 * `PLUGIN_ANSWER_REJECTED` the client gets.
 */
export type RejectionReason =
  | "unrequested-field"
  | "foreign-field"
  | "entity-mismatch"
  | "key-mismatch"
  | "shape"
  | "list-too-long"
  | "foreign-error-path"
  | "too-many-errors";

export interface GuardedAnswer {
  data?: Record<string, unknown> | null;
  errors?: GuardedError[];
}

export interface GuardedError {
  message: string;
  path?: (string | number)[];
  extensions: { code: string };
}

/** Codes a plugin's own error may carry to the client; any other becomes PLUGIN_ERROR (a bounded set, for metrics too). */
export const PLUGIN_ERROR_CODES = new Set(["BAD_USER_INPUT", "NOT_FOUND", "FORBIDDEN", "UNAUTHENTICATED", "CONFLICT", "INTERNAL_SERVER_ERROR"]);
export const MAX_PLUGIN_ERRORS = 20;
export const MAX_PLUGIN_ERROR_MESSAGE = 300;

const ROOT_FEDERATION_FIELDS = new Set(["_entities", "_service"]);
/** A plugin's message without control characters (a log or terminal would act on them). */
const printable = (text: string) => Array.from(text, (ch) => (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? " " : ch)).join("");

export class AnswerGuard {
  readonly schema: GraphQLSchema;
  private readonly ns: { field: string; type: string };
  private readonly documents = new Map<string, DocumentNode>();

  constructor(
    readonly slug: string,
    sdl: string,
    /** Each core entity's key fields. */
    private readonly coreKeys: ReadonlyMap<string, ReadonlySet<string>>,
    private readonly maxListLength = 100,
  ) {
    this.schema = buildSubgraphSchema(parse(sdl));
    this.ns = namespaceOf(slug);
  }

  /** Whether the plugin may answer this field of this type. */
  owns(typeName: string, field: string): boolean {
    if (field === "__typename") return true;
    if (typeName.startsWith(this.ns.type)) return true;
    if (typeName === this.schema.getQueryType()?.name || typeName === this.schema.getMutationType()?.name) return field.startsWith(this.ns.field) || ROOT_FEDERATION_FIELDS.has(field);
    return field.startsWith(this.ns.field) || (this.coreKeys.get(typeName)?.has(field) ?? false);
  }

  private document(query: string): DocumentNode | null {
    let doc = this.documents.get(query);
    if (!doc) {
      try {
        doc = parse(query);
      } catch {
        return null;
      }
      // the gateway sends a bounded set of generated documents; keep the cache bounded all the same
      if (this.documents.size > 1000) this.documents.clear();
      this.documents.set(query, doc);
    }
    return doc;
  }

  /** The answer as the gateway may use it, and what was dropped, by reason. */
  filter(request: { query?: string; variables?: Record<string, unknown> }, answer: unknown): { answer: GuardedAnswer; rejected: Map<RejectionReason, number> } {
    const rejected = new Map<RejectionReason, number>();
    const reject = (reason: RejectionReason, n = 1) => rejected.set(reason, (rejected.get(reason) ?? 0) + n);
    const doc = request.query ? this.document(request.query) : null;
    const operation = doc?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const root = operation?.operation === "mutation" ? this.schema.getMutationType() : operation?.operation === "query" ? this.schema.getQueryType() : null;
    const body = (answer ?? {}) as { data?: unknown; errors?: unknown };
    if (!doc || !operation || !root) {
      reject("shape");
      return { answer: { data: null }, rejected };
    }
    const fragments = new Map(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
    const variables = request.variables ?? {};
    const representations = Array.isArray(variables.representations) ? (variables.representations as Record<string, unknown>[]) : [];
    const walker = new Walker(this, fragments, variables, reject, this.maxListLength);

    const out: GuardedAnswer = {};
    if (body.data === null || body.data === undefined) out.data = body.data as null | undefined;
    else if (typeof body.data !== "object" || Array.isArray(body.data)) {
      reject("shape");
      out.data = null;
    } else {
      out.data = walker.object(body.data as Record<string, unknown>, root, operation.selectionSet, { representations }) as Record<string, unknown> | null;
    }
    if (body.errors !== undefined) {
      const roots = new Set(walker.selected(root, operation.selectionSet).keys());
      out.errors = this.errors(body.errors, roots, representations.length, reject);
    }
    return { answer: out, rejected };
  }

  private errors(errors: unknown, roots: Set<string>, entities: number, reject: (reason: RejectionReason, n?: number) => void): GuardedError[] {
    if (!Array.isArray(errors)) {
      reject("shape");
      return [];
    }
    if (errors.length > MAX_PLUGIN_ERRORS) reject("too-many-errors", errors.length - MAX_PLUGIN_ERRORS);
    return errors.slice(0, MAX_PLUGIN_ERRORS).map((raw) => {
      const e = (raw ?? {}) as { message?: unknown; path?: unknown; extensions?: { code?: unknown } };
      const message = printable(String(typeof e.message === "string" ? e.message.slice(0, MAX_PLUGIN_ERROR_MESSAGE) : "The plugin reported an error"));
      const code = typeof e.extensions?.code === "string" && PLUGIN_ERROR_CODES.has(e.extensions.code) ? e.extensions.code : "PLUGIN_ERROR";
      const error: GuardedError = { message, extensions: { code } };
      if (e.path !== undefined) {
        const path = Array.isArray(e.path) && e.path.length <= 32 && e.path.every((p) => typeof p === "string" || (Number.isInteger(p) && p >= 0)) ? (e.path as (string | number)[]) : null;
        const inside = path && roots.has(String(path[0])) && (path[0] !== "_entities" || (Number.isInteger(path[1]) && (path[1] as number) < entities));
        if (inside) error.path = path!;
        else reject("foreign-error-path");
      }
      return error;
    });
  }
}

const sameValue = (a: unknown, b: unknown) => a === b || (typeof a === "object" && typeof b === "object" && JSON.stringify(a) === JSON.stringify(b));

/** One filtering pass over an answer. */
class Walker {
  constructor(
    private readonly guard: AnswerGuard,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly reject: (reason: RejectionReason, n?: number) => void,
    private readonly maxListLength: number,
  ) {}

  /** Collected fields per selection set and type, for this answer: every entity of a list shares them. */
  private readonly collected = new Map<SelectionSetNode, Map<string, Map<string, { nodes: FieldNode[]; sub: SelectionSetNode }>>>();

  /** `fields`, with each key's merged subselection, computed once per selection set and type. */
  selected(type: GraphQLObjectType, set: SelectionSetNode): Map<string, { nodes: FieldNode[]; sub: SelectionSetNode }> {
    let byType = this.collected.get(set);
    if (!byType) this.collected.set(set, (byType = new Map()));
    let fields = byType.get(type.name);
    if (!fields) {
      fields = new Map([...this.fields(type, set)].map(([key, nodes]) => [key, { nodes, sub: { kind: Kind.SELECTION_SET, selections: nodes.flatMap((n) => n.selectionSet?.selections ?? []) } as SelectionSetNode }]));
      byType.set(type.name, fields);
    }
    return fields;
  }

  /** The response keys a selection set gives on this type, with their field nodes (fragments applied, @skip/@include honoured). */
  fields(type: GraphQLObjectType, set: SelectionSetNode, out = new Map<string, FieldNode[]>(), seen = new Set<string>()): Map<string, FieldNode[]> {
    for (const selection of set.selections) {
      if (!this.included(selection.directives)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        out.set(key, [...(out.get(key) ?? []), selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (this.applies(selection.typeCondition?.name.value, type)) this.fields(type, selection.selectionSet, out, seen);
      } else {
        const fragment = this.fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value) || !this.applies(fragment.typeCondition.name.value, type)) continue;
        seen.add(fragment.name.value);
        this.fields(type, fragment.selectionSet, out, seen);
      }
    }
    return out;
  }

  private applies(condition: string | undefined, type: GraphQLObjectType): boolean {
    if (!condition || condition === type.name) return true;
    const named = this.guard.schema.getType(condition);
    return !!named && isAbstractType(named) && this.guard.schema.isSubType(named, type);
  }

  private included(directives: readonly { name: { value: string }; arguments?: readonly { name: { value: string }; value: { kind: string; value?: unknown; name?: { value: string } } }[] }[] | undefined): boolean {
    for (const d of directives ?? []) {
      if (d.name.value !== "skip" && d.name.value !== "include") continue;
      const arg = d.arguments?.find((a) => a.name.value === "if")?.value;
      const value = arg?.kind === Kind.VARIABLE ? this.variables[arg.name!.value] : arg?.value;
      if ((d.name.value === "skip") === (value === true)) return false;
    }
    return true;
  }

  /** An object of a known type: its selected, owned fields; null when it is not what was asked for. */
  object(value: Record<string, unknown>, type: GraphQLObjectType, set: SelectionSetNode, context: { representations?: Record<string, unknown>[]; entity?: Record<string, unknown> } = {}): Record<string, unknown> | null {
    if (context.entity) {
      // an entity answered as another type or another record than the one it was sent, selected or not, is not that entity
      if ("__typename" in value && value.__typename !== type.name) {
        this.reject("entity-mismatch");
        return null;
      }
      const key = Object.keys(context.entity).find((k) => k !== "__typename" && k in value && !sameValue(value[k], context.entity![k]));
      if (key) {
        this.reject("key-mismatch");
        return null;
      }
    }
    const selected = this.selected(type, set);
    const out: Record<string, unknown> = {};
    for (const [key, { nodes, sub }] of selected) {
      if (!(key in value)) continue;
      const name = nodes[0]!.name.value;
      if (name === "__typename") {
        if (value[key] !== type.name) {
          this.reject(context.entity ? "entity-mismatch" : "shape");
          return null;
        }
        out[key] = type.name;
        continue;
      }
      if (!this.guard.owns(type.name, name)) {
        this.reject("foreign-field");
        continue;
      }
      if (context.entity && name in context.entity && !sameValue(value[key], context.entity[name])) {
        // a key of the entity it was sent, answered as another's
        this.reject("key-mismatch");
        return null;
      }
      const field = type.getFields()[name];
      if (!field) {
        this.reject("unrequested-field");
        continue;
      }
      out[key] = name === "_entities" ? this.entities(value[key], sub, context.representations ?? []) : this.value(value[key], field.type, sub);
    }
    let extra = 0;
    for (const k in value) if (!selected.has(k)) extra++;
    if (extra) this.reject("unrequested-field", extra);
    return out;
  }

  /** `_entities`: one answer per representation sent, each of the type it was sent as. */
  private entities(value: unknown, set: SelectionSetNode, representations: Record<string, unknown>[]): unknown {
    if (value === null) return null;
    if (!Array.isArray(value)) {
      this.reject("shape");
      return null;
    }
    if (value.length > representations.length) this.reject("shape", value.length - representations.length);
    return value.slice(0, representations.length).map((item, i) => {
      if (item === null) return null;
      const representation = representations[i]!;
      const type = this.guard.schema.getType(String(representation.__typename));
      if (!item || typeof item !== "object" || Array.isArray(item) || !type || !isObjectType(type)) {
        this.reject("entity-mismatch");
        return null;
      }
      return this.object(item as Record<string, unknown>, type, set, { entity: representation });
    });
  }

  private value(value: unknown, type: GraphQLOutputType, set: SelectionSetNode): unknown {
    if (isNonNullType(type)) return this.value(value, type.ofType, set);
    if (value === null || value === undefined) return null;
    if (isListType(type)) {
      if (!Array.isArray(value)) {
        this.reject("shape");
        return null;
      }
      if (value.length > this.maxListLength) this.reject("list-too-long");
      return value.slice(0, this.maxListLength).map((item) => this.value(item, type.ofType, set));
    }
    if (isLeafType(type)) {
      if (typeof value === "object") {
        this.reject("shape");
        return null;
      }
      if (isEnumType(type) && !type.getValue(String(value))) {
        this.reject("shape");
        return null;
      }
      return value;
    }
    if (typeof value !== "object" || Array.isArray(value)) {
      this.reject("shape");
      return null;
    }
    const record = value as Record<string, unknown>;
    let runtime = getNamedType(type);
    if (isAbstractType(runtime)) {
      const named = typeof record.__typename === "string" ? this.guard.schema.getType(record.__typename) : undefined;
      if (!named || !isObjectType(named) || !this.guard.schema.isSubType(runtime, named)) {
        this.reject("shape");
        return null;
      }
      runtime = named;
    }
    return this.object(record, runtime as GraphQLObjectType, set);
  }
}
