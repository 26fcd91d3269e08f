import type { EventSubscriber, FlushEventArgs, TransactionEventArgs } from "@mikro-orm/core";

/**
 * A counter per database (per ORM configuration, which an EntityManager's
 * forks share) that every flush and every committed transaction raises:
 * what is computed from the data and kept (statistics) is valid while the
 * counter has not moved.
 */
const generations = new WeakMap<object, number>();
/** Told of every write this process makes (the notifier that tells the other replicas, the read replicas' router). */
const onLocalWrite = new WeakMap<object, Set<() => void>>();

export function writeGeneration(em: { config: object }): number {
  return generations.get(em.config) ?? 0;
}

function bump(em: { config: object }): void {
  generations.set(em.config, writeGeneration(em) + 1);
  for (const listener of onLocalWrite.get(em.config) ?? []) listener();
}

/** A write made elsewhere (another replica of the subgraph, or one this process may have missed): what is kept here is stale. */
export function writtenElsewhere(em: { config: object }): void {
  generations.set(em.config, writeGeneration(em) + 1);
}

/** Calls `listener` after each write this process makes to the database of `em`, until the returned function is called. */
export function afterLocalWrites(em: { config: object }, listener: () => void): () => void {
  let listeners = onLocalWrite.get(em.config);
  if (!listeners) onLocalWrite.set(em.config, (listeners = new Set()));
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export class WriteGenerationSubscriber implements EventSubscriber {
  afterFlush(args: FlushEventArgs): void {
    bump(args.em);
  }

  afterTransactionCommit(args: TransactionEventArgs): void {
    bump(args.em);
  }
}
