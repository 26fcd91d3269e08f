import type { EventSubscriber, FlushEventArgs, TransactionEventArgs } from "@mikro-orm/core";

/**
 * A counter per database (per ORM configuration, which an EntityManager's
 * forks share) that every flush and every committed transaction raises:
 * what is computed from the data and kept (statistics) is valid while the
 * counter has not moved.
 */
const generations = new WeakMap<object, number>();

export function writeGeneration(em: { config: object }): number {
  return generations.get(em.config) ?? 0;
}

function bump(em: { config: object }): void {
  generations.set(em.config, writeGeneration(em) + 1);
}

export class WriteGenerationSubscriber implements EventSubscriber {
  afterFlush(args: FlushEventArgs): void {
    bump(args.em);
  }

  afterTransactionCommit(args: TransactionEventArgs): void {
    bump(args.em);
  }
}
