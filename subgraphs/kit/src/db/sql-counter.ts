import { DefaultLogger, type LogContext, type LoggerOptions } from "@mikro-orm/core";

/**
 * Counts the SQL statements an ORM sends: in all, and per request id when the
 * request's EntityManager was forked with `loggerContext: { requestId }`.
 * N+1 queries are bugs; this is how tests and benchmarks see them.
 */
export class SqlCounter {
  total = 0;
  /** Of those, the statements a read replica answered. */
  onReplicas = 0;
  private readonly perRequest = new Map<string, number>();

  /** Statements of the subgraph's own background work (webhook deliveries), kept out of `total`, which is what requests cost. */
  background = 0;

  record(context: LogContext): void {
    if ((context as { background?: boolean }).background) {
      this.background++;
      return;
    }
    this.total++;
    if ((context as { connection?: { type?: string } }).connection?.type === "read") this.onReplicas++;
    const requestId = context.requestId as string | undefined;
    if (requestId && this.perRequest.has(requestId)) {
      this.perRequest.set(requestId, this.perRequest.get(requestId)! + 1);
    }
  }

  /** Starts counting for a request; `end` returns the count and forgets it. */
  begin(requestId: string): void {
    this.perRequest.set(requestId, 0);
  }

  end(requestId: string): number {
    const n = this.perRequest.get(requestId) ?? 0;
    this.perRequest.delete(requestId);
    return n;
  }
}

/** MikroORM's logger, plus the counter; it sees every query, logged or not. */
export class CountingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly counter: SqlCounter,
  ) {
    super(options);
  }

  override logQuery(context: { query: string } & LogContext): void {
    this.counter.record(context);
    super.logQuery(context);
  }
}
