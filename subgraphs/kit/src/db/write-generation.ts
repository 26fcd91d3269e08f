import type { EventSubscriber, FlushEventArgs, TransactionEventArgs } from "@mikro-orm/core";

/**
 * A counter per database (per ORM configuration, which an EntityManager's
 * forks share) that every flush and every committed transaction raises:
 * what is computed from the data and kept (statistics) is valid while the
 * counter has not moved.
 */
const generations = new WeakMap<object, number>();
/** Told of every write this process makes (the notifier that tells the other replicas). */
const onLocalWrite = new WeakMap<object, () => void>();

export function writeGeneration(em: { config: object }): number {
  return generations.get(em.config) ?? 0;
}

function bump(em: { config: object }): void {
  generations.set(em.config, writeGeneration(em) + 1);
  onLocalWrite.get(em.config)?.();
}

/** A write made elsewhere (another replica of the subgraph, or one this process may have missed): what is kept here is stale. */
export function writtenElsewhere(em: { config: object }): void {
  generations.set(em.config, writeGeneration(em) + 1);
}

/** Calls `listener` after each write this process makes to the database of `em`. */
export function afterLocalWrites(em: { config: object }, listener: (() => void) | undefined): void {
  if (listener) onLocalWrite.set(em.config, listener);
  else onLocalWrite.delete(em.config);
}

export class WriteGenerationSubscriber implements EventSubscriber {
  afterFlush(args: FlushEventArgs): void {
    bump(args.em);
  }

  afterTransactionCommit(args: TransactionEventArgs): void {
    bump(args.em);
  }
}
