import { Kind, OperationTypeNode, print, visit, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLFormattedError, type OperationDefinitionNode, type SelectionNode, type VariableDefinitionNode } from "graphql";

/**
 * Fetches of one plan step to one subgraph sent as one request (issue #14,
 * item 1). The planner fetches in parallel what one step needs: an offer's
 * partner and its municipality are two fetches to the register, sent apart.
 * Read fetches of the same request to the same subgraph that start together
 * are merged into one operation — each part's root fields aliased, its
 * variables and fragments renamed — and the answer is split back, errors
 * included, so each fetch sees the answer it would have had alone.
 */
export interface Part {
  /** The fetch's operation as the gateway sends it (the same text for the same plan step). */
  query: string;
  document: DocumentNode;
  variables: Record<string, unknown>;
}

export interface Merged {
  query: string;
  operationName: string;
  variables: Record<string, unknown>;
  /** Each part's answer from the merged one. */
  split(answer: Answer): Answer[];
}

export interface Answer {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

/** `_<k>_<key>`: a part's root field in the merged operation. */
const alias = (k: number, key: string) => `_${k}_${key}`;
const renamed = (name: string, k: number) => `${name}_${k}`;

/** The one operation of a fetch's document, when it is a query whose root selections are all fields (what the planner makes). */
function mergeableOperation(document: DocumentNode): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) return undefined;
  const [operation] = operations as [OperationDefinitionNode];
  if (operation.operation !== "query" || !operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD)) return undefined;
  return operation;
}

export function canMerge(document: DocumentNode | undefined): boolean {
  return !!document && !!mergeableOperation(document);
}

/** The merged query of the parts' documents (the same documents always merge to the same text: plans are cached, so is this). */
const shapes = new Map<string, { query: string; operationName: string; keys: string[][] }>();
const SHAPES_KEPT = 1_000;

export function merge(parts: readonly Part[]): Merged {
  const cacheKey = parts.map((p) => p.query).join("\n#---\n");
  let shape = shapes.get(cacheKey);
  if (!shape) {
    shape = mergeShape(parts.map((p) => p.document));
    if (shapes.size >= SHAPES_KEPT) shapes.delete(shapes.keys().next().value!);
    shapes.set(cacheKey, shape);
  }
  const { query, operationName, keys } = shape;
  const variables: Record<string, unknown> = {};
  parts.forEach((part, k) => {
    for (const [name, value] of Object.entries(part.variables)) variables[renamed(name, k)] = value;
  });
  return {
    query,
    operationName,
    variables,
    split(answer) {
      return keys.map((partKeys, k) => {
        const data =
          answer.data === null || answer.data === undefined
            ? answer.data
            : Object.fromEntries(partKeys.filter((key) => alias(k, key) in answer.data!).map((key) => [key, answer.data![alias(k, key)]]));
        const errors = answer.errors?.flatMap((error) => {
          const [root, ...rest] = error.path ?? [];
          if (typeof root !== "string") return [error]; // about the whole request: each part's
          const key = partKeys.find((candidate) => alias(k, candidate) === root);
          return key === undefined ? [] : [{ ...error, path: [key, ...rest] }];
        });
        return { ...answer, data, ...(errors?.length ? { errors } : { errors: undefined }) };
      });
    },
  };
}

function mergeShape(documents: readonly DocumentNode[]): { query: string; operationName: string; keys: string[][] } {
  const variableDefinitions: VariableDefinitionNode[] = [];
  const selections: SelectionNode[] = [];
  const fragments: FragmentDefinitionNode[] = [];
  const keys: string[][] = [];
  const names: string[] = [];
  documents.forEach((document, k) => {
    const operation = mergeableOperation(document);
    if (!operation) throw new Error("only queries whose root selections are fields merge");
    names.push(operation.name?.value ?? "op");
    // the part's variables and fragments get names of their own
    const renamedDocument = visit(document, {
      Variable: (node) => ({ ...node, name: { ...node.name, value: renamed(node.name.value, k) } }),
      FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: renamed(node.name.value, k) } }),
      FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: renamed(node.name.value, k) } }),
    });
    const partKeys: string[] = [];
    for (const definition of renamedDocument.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.push(definition);
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      variableDefinitions.push(...(definition.variableDefinitions ?? []));
      for (const selection of definition.selectionSet.selections as readonly FieldNode[]) {
        const key = selection.alias?.value ?? selection.name.value;
        partKeys.push(key);
        selections.push({ ...selection, alias: { kind: Kind.NAME, value: alias(k, key) } });
      }
    }
    keys.push(partKeys);
  });
  const operationName = `${names[0]!.replace(/[^_A-Za-z0-9]/g, "")}__merged_${documents.length}`;
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    name: { kind: Kind.NAME, value: operationName },
    variableDefinitions,
    selectionSet: { kind: Kind.SELECTION_SET, selections },
  };
  return { query: print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }), operationName, keys };
}
