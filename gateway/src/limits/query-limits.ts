import {
  GraphQLError, Kind, Lexer, Source, TokenKind, getNamedType, isInterfaceType, isListType, isNonNullType, isObjectType,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLNamedType, type GraphQLOutputType, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode,
} from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { type ErrorCode } from "@bdp/kit/server";
import { namespaceOf } from "@bdp/kit/plugin";

/**
 * Query limits at the gateway (issue #7): every refusal has its own code and
 * says which limit and by how much. Checked before any subgraph is asked.
 */
export interface QueryLimits {
  /** Deepest field nesting. */
  maxDepth: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /** Lexical tokens in the document (checked before parsing). */
  maxTokens: number;
  /** Estimated cost: each field costs 1, times the page sizes of the lists above it. */
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxTokens: 5000, maxCost: 250_000 };


function refuse(code: ErrorCode, what: string, limit: number, actual: number): GraphQLError {
  return new GraphQLError(`${what}: ${actual} is over the limit of ${limit} (by ${actual - limit})`, {
    extensions: { code, limit, actual, http: { status: 400 } },
  });
}

/** Counts tokens without building an AST; stops one past the limit. */
export function countTokens(query: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) if (++count > stopAfter) break;
  } catch {
    // a lexing error is reported by the parser, with its own code
  }
  return count;
}

/** Assumed length of a list field without a `first` argument (a partner's programmes, a gmina's editions). */
export const ASSUMED_LIST_LENGTH = 10;

/**
 * A plugin's list without `first` counts as many items as the gateway lets
 * through from a plugin's answer (AnswerGuard's cut): a plugin decides how
 * long its lists are, so they are costed at their bound, not at a guess.
 */
export const PLUGIN_LIST_LENGTH = 100;

/**
 * A statistic is computed in SQL over a whole table: it costs this much per
 * unit asked for, besides its fields (issue #11), and its `periods` and
 * `values` count as many items as the span has periods.
 */
export const STATISTIC_COST = 100;
const STATISTIC_TYPE = "StatisticSeries";
const PERIOD_LISTS = new Set(["periods", "values"]);
const PERIODS_PER_YEAR: Record<string, number> = { MONTH: 12, QUARTER: 4, YEAR: 1 };

/** How many periods a statistic field's arguments ask for (literals, variables or defaults); 0 when it cannot tell. */
function periodsAsked(field: FieldNode, definition: GraphQLField<unknown, unknown>, variables: Record<string, unknown>): number {
  const arg = (name: string): unknown => {
    const given = field.arguments?.find((a) => a.name.value === name)?.value;
    if (given?.kind === Kind.VARIABLE) return variables[given.name.value];
    if (given?.kind === Kind.INT) return Number(given.value);
    if (given?.kind === Kind.ENUM) return given.value;
    return definition.args.find((a) => a.name === name)?.defaultValue;
  };
  const [from, to, grain] = [arg("fromYear"), arg("toYear"), arg("grain") ?? "YEAR"];
  if (typeof from !== "number" || typeof to !== "number" || to < from) return 0;
  return Math.min(to - from + 1, 100) * (PERIODS_PER_YEAR[String(grain)] ?? 12);
}

/**
 * How many items a field returns per parent: its `first` (literal, variable
 * or the schema's default) for paginated fields, the assumed length for
 * other lists, 1 otherwise.
 */
function fanOut(field: FieldNode, definition: GraphQLField<unknown, unknown> | undefined, parent: GraphQLNamedType | null | undefined, variables: Record<string, unknown>, periods: number, isPluginField: PluginFieldTest): number {
  // a connection's nodes and edges are the page its `first` already counted
  if (!definition || parent?.name.endsWith("Connection")) return 1;
  // a statistic's periods and values: as many as its span has
  if (periods > 0 && PERIOD_LISTS.has(definition.name)) return periods;
  const firstArg = definition.args.find((a) => a.name === "first");
  if (firstArg) {
    const given = field.arguments?.find((a) => a.name.value === "first");
    if (given?.value.kind === Kind.INT) return Number(given.value.value);
    if (given?.value.kind === Kind.VARIABLE && typeof variables[given.value.name.value] === "number") return variables[given.value.name.value] as number;
    return typeof firstArg.defaultValue === "number" ? firstArg.defaultValue : 20;
  }
  let type: GraphQLOutputType = definition.type;
  if (isNonNullType(type)) type = type.ofType;
  if (!isListType(type)) return 1;
  return parent && isPluginField(parent.name, definition.name) ? PLUGIN_LIST_LENGTH : ASSUMED_LIST_LENGTH;
}

/** Whether a field is a plugin's (on a plugin's type, or namespaced on a core type). */
export type PluginFieldTest = (typeName: string, fieldName: string) => boolean;

/** The test for the plugins whose slugs these are. */
export function pluginFieldTest(slugs: readonly string[]): PluginFieldTest {
  const namespaces = slugs.map(namespaceOf);
  return (typeName, fieldName) => namespaces.some((ns) => typeName.startsWith(ns.type) || fieldName.startsWith(ns.field));
}

export interface Measure {
  depth: number;
  /** Depth inside `__schema` / `__type`, counted apart: tools' introspection queries nest `ofType` deeply. */
  introspectionDepth: number;
  aliases: number;
  cost: number;
}

/** How deep an introspection query may nest: the standard one (graphql-js `getIntrospectionQuery`) reaches 14. */
export const INTROSPECTION_MAX_DEPTH = 20;

/**
 * Depth, aliases and cost of one operation, fragments expanded. Cost: each
 * field costs 1 for every item its parents fan out to, so a page of 100
 * partners with 10 programmes each costs about a thousand per programme field.
 */
export function measure(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> = {}, isPluginField: PluginFieldTest = () => false): Measure {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  let aliases = 0;
  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | null | undefined, depth: number, multiplier: number, seen: Set<string>, periods = 0): { depth: number; cost: number } => {
    let deepest = depth;
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.alias) aliases++;
        const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[selection.name.value] : undefined;
        const named = definition ? getNamedType(definition.type) : undefined;
        const statistic = named?.name === STATISTIC_TYPE;
        cost += multiplier * (statistic ? STATISTIC_COST : 1);
        if (selection.selectionSet) {
          const inner = walk(
            selection.selectionSet, named, depth + 1, multiplier * Math.max(1, fanOut(selection, definition, parent, variables, periods, isPluginField)), seen,
            statistic && definition ? periodsAsked(selection, definition, variables) : periods,
          );
          deepest = Math.max(deepest, inner.depth);
          cost += inner.cost;
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        const inner = walk(selection.selectionSet, typed, depth, multiplier, seen, periods);
        deepest = Math.max(deepest, inner.depth);
        cost += inner.cost;
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        const inner = walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), depth, multiplier, new Set([...seen, fragment.name.value]), periods);
        deepest = Math.max(deepest, inner.depth);
        cost += inner.cost;
      }
    }
    return { depth: deepest, cost };
  };
  // introspection at the root is measured on its own; everything else against the limits
  const introspection = operation.selectionSet.selections.filter((s) => s.kind === Kind.FIELD && s.name.value.startsWith("__"));
  const rest = operation.selectionSet.selections.filter((s) => !introspection.includes(s));
  const { depth, cost } = walk({ ...operation.selectionSet, selections: rest }, root, 0, 1, new Set());
  const inner = walk({ ...operation.selectionSet, selections: introspection }, root, 0, 1, new Set());
  return { depth, introspectionDepth: inner.depth, aliases, cost: cost + inner.cost };
}

/** Refusal for a document with too many tokens, before it is parsed (the HTTP layer calls it). */
export function checkTokens(query: unknown, limits: QueryLimits): GraphQLError | null {
  if (typeof query !== "string") return null;
  const tokens = countTokens(query, limits.maxTokens);
  return tokens > limits.maxTokens ? refuse("QUERY_TOO_LONG", "Tokens in the document", limits.maxTokens, tokens) : null;
}

/** The plugin: depth, aliases and cost once the operation is known, before any subgraph is asked. */
export function queryLimitsPlugin<C extends object>(limits: QueryLimits, pluginSlugs: () => readonly string[] = () => []): ApolloServerPlugin<C> {
  let cached: { slugs: readonly string[]; test: PluginFieldTest } | undefined;
  const test = () => {
    const slugs = pluginSlugs();
    if (cached?.slugs.join() !== slugs.join()) cached = { slugs, test: pluginFieldTest(slugs) };
    return cached.test;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request: req }) {
          if (!operation) return;
          const m = measure(schema, document, operation, (req.variables ?? {}) as Record<string, unknown>, test());
          if (m.depth > limits.maxDepth) throw refuse("QUERY_TOO_DEEP", "Depth of the query", limits.maxDepth, m.depth);
          const introspectionLimit = Math.max(limits.maxDepth, INTROSPECTION_MAX_DEPTH);
          if (m.introspectionDepth > introspectionLimit) throw refuse("QUERY_TOO_DEEP", "Depth of the introspection query", introspectionLimit, m.introspectionDepth);
          if (m.aliases > limits.maxAliases) throw refuse("TOO_MANY_ALIASES", "Aliases in the query", limits.maxAliases, m.aliases);
          if (m.cost > limits.maxCost) throw refuse("QUERY_TOO_COMPLEX", "Estimated cost of the query (fields × page sizes)", limits.maxCost, m.cost);
        },
      };
    },
  };
}
