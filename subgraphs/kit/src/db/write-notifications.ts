import { randomUUID } from "node:crypto";
import pg from "pg";
import type { Logger } from "../logger.js";
import { afterLocalWrites, writtenElsewhere } from "./write-generation.js";

/**
 * Writes told across the replicas of a subgraph (issue #13, item 3): each
 * replica LISTENs on its database's `bdp_writes` channel and NOTIFYs it after
 * its own writes, so what another replica keeps from the data (statistics)
 * is stale there within the notification's round trip, not at the end of its
 * age limit. The notification goes on a connection of its own, after the
 * write's commit and without the request waiting for it; writes that come
 * while one is on its way are told once, with the next. A lost connection
 * counts as a write elsewhere (something may have been missed) and is made
 * again with a growing pause; the statistics' age limit remains the backstop.
 */
const CHANNEL = "bdp_writes";

export interface WriteNotifier {
  /** This replica's name in the notifications. */
  readonly replica: string;
  close(): Promise<void>;
}

/**
 * `onWriteElsewhere` hears of each write another replica told (with the
 * primary's position right after it, an LSN as PostgreSQL writes it) and of
 * each time writes may have been missed (without one).
 */
export async function notifyWritesAcrossReplicas(em: { config: object }, databaseUrl: string, log: Logger, onWriteElsewhere?: (lsn?: string) => void): Promise<WriteNotifier> {
  const replica = randomUUID();
  let client: pg.Client | undefined;
  let closed = false;
  let pending = false;
  let sending = false;
  let retryMs = 500;

  const send = async () => {
    if (sending || !pending || !client) return;
    sending = true;
    pending = false;
    try {
      // the position after the write, for replicas that read from read replicas (replicas.ts)
      await client.query("select pg_notify($1, $2 || ' ' || pg_current_wal_lsn()::text)", [CHANNEL, replica]);
    } catch {
      // told again by the next write; the others' age limit covers this one
    } finally {
      sending = false;
      if (pending) void send();
    }
  };

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("notification", (message) => {
      const [from, lsn] = (message.payload ?? "").split(" ");
      if (message.channel !== CHANNEL || from === replica) return;
      writtenElsewhere(em);
      onWriteElsewhere?.(lsn);
    });
    next.on("error", (error) => log.warn("write notifications: connection lost", { error: error.message }));
    next.on("end", () => {
      if (closed || client !== next) return;
      client = undefined;
      writtenElsewhere(em);
      onWriteElsewhere?.();
      setTimeout(() => void reconnect(), retryMs).unref();
      retryMs = Math.min(retryMs * 2, 10_000);
    });
    await next.connect();
    await next.query(`listen ${CHANNEL}`);
    client = next;
    retryMs = 500;
  };
  const reconnect = async () => {
    if (closed) return;
    try {
      await connect();
      // what was written while nobody listened is not known: count it as a write
      writtenElsewhere(em);
      onWriteElsewhere?.();
      log.info("write notifications: listening again");
    } catch (error) {
      log.warn("write notifications: cannot connect, trying again", { error: (error as Error).message, inMs: retryMs });
      setTimeout(() => void reconnect(), retryMs).unref();
      retryMs = Math.min(retryMs * 2, 10_000);
    }
  };

  await connect();
  const stopListening = afterLocalWrites(em, () => {
    pending = true;
    void send();
  });
  return {
    replica,
    async close() {
      closed = true;
      stopListening();
      await client?.end().catch(() => {});
    },
  };
}
