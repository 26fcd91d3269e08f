import type { GraphQLFormattedError } from "graphql";

/**
 * Each entity representation sent once (issue #14, item 1). The gateway's
 * planner asks a subgraph for the entities of a list in the list's order,
 * one representation per item: the partners of 50 offers are 50
 * representations of perhaps 10 partners. The subgraph gets the unique ones;
 * its answer is spread back over the list, each item with its own copy (the
 * executor merges later fetches into them one by one), and an error about
 * one representation is reported at every item it stood for.
 */
export interface Deduplicated {
  /** The representations sent. */
  unique: unknown[];
  /** For each representation the executor made, its place in `unique`. */
  index: number[];
}

/** The unique representations and where each original one went, or undefined when none repeats. */
export function deduplicate(representations: readonly unknown[]): Deduplicated | undefined {
  const seen = new Map<string, number>();
  const unique: unknown[] = [];
  const index: number[] = [];
  for (const representation of representations) {
    // the executor builds every representation of a fetch from the same selection: equal ones print equal
    const key = JSON.stringify(representation);
    let at = seen.get(key);
    if (at === undefined) {
      at = unique.length;
      seen.set(key, at);
      unique.push(representation);
    }
    index.push(at);
  }
  return unique.length < representations.length ? { unique, index } : undefined;
}

interface EntitiesAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** The answer to the unique representations, as the executor expects it for all of them. */
export function spread<A extends EntitiesAnswer>(answer: A, { index }: Deduplicated): A {
  const entities = answer.data?._entities;
  const used = new Set<number>();
  const data = Array.isArray(entities)
    ? {
        ...answer.data,
        // the first item that stands for an entity takes it, the others a copy of their own
        _entities: index.map((at) => (used.has(at) ? structuredClone(entities[at]) : (used.add(at), entities[at]))),
      }
    : answer.data;
  const errors = answer.errors?.flatMap((error) => {
    const [root, at, ...rest] = error.path ?? [];
    if (root !== "_entities" || typeof at !== "number") return [error];
    return index.flatMap((u, original) => (u === at ? [{ ...error, path: ["_entities", original, ...rest] }] : []));
  });
  return { ...answer, data, ...(errors ? { errors } : {}) };
}
