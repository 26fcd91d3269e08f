import pg from "pg";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { Logger } from "../logger.js";
import type { Orm } from "./orm.js";

/**
 * Reads on PostgreSQL read replicas (issue #13, item 4), never older than a
 * write somebody could know of.
 *
 * MikroORM sends a read outside a transaction to a replica (`replicas` in
 * its config); writes and everything in a transaction go to the primary.
 * On top of that, positions in the primary's write-ahead log (LSNs) decide
 * when a replica may answer:
 *
 * - this process's own reads: after a write it made, or one another replica
 *   of its subgraph told it of (the write notification carries the LSN),
 *   every read goes to the primary until each replica has replayed that
 *   write. So what is computed and kept (statistics) is never computed from
 *   data older than a write that already made it stale, and a mutation's own
 *   answer reads what it wrote;
 * - a caller's reads: the gateway remembers, per caller and subgraph, the
 *   LSN of the caller's last write (the `x-bdp-write-lsn` answer header) and
 *   sends it with the caller's next requests (`x-bdp-min-lsn`), to whichever
 *   replica of the subgraph they reach: one whose replicas have not replayed
 *   it answers that request from the primary. A caller never reads older
 *   than its own write; everybody else may read a replica a few
 *   milliseconds behind, as with any replica;
 * - a replica that does not answer is left out (its reads go to the
 *   primary) until it answers again.
 *
 * The replicas' replay positions are asked every second, and at once (one
 * question at a time) when a read needs a newer one.
 */
/** Sent by a subgraph with the answer to a request that wrote: where the write landed in the primary's log. */
export const WRITE_LSN_HEADER = "x-bdp-write-lsn";
/** Sent by the gateway with a caller's requests: the caller's last write to that subgraph, which its reads must see. */
export const MIN_LSN_HEADER = "x-bdp-min-lsn";

export class ReadReplicas {
  /** The newest write this process knows of. */
  private known = 0n;
  /** Local commits whose LSN is being read: until it is known, reads go to the primary. */
  private pending = 0;
  /** Each replica's replayed LSN, -1 while it does not answer. */
  private readonly replayed: bigint[];
  private readonly primary: LazyClient;
  private readonly clients: LazyClient[];
  private closed = false;
  private checking?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private lastLocal: Promise<bigint> = Promise.resolve(0n);
  /** An EntityManager whose every statement goes to the primary (a mutation, a caller ahead of the replicas). */
  readonly primaryEm: EntityManager;
  /** Where reads went, and why: operators see how much the replicas take. */
  readonly reads = { replica: 0, primary: { mutation: 0, callerWrite: 0, replicasBehind: 0 } };

  constructor(
    private readonly orm: Orm,
    primaryUrl: string,
    private readonly replicaUrls: readonly string[],
    private readonly log: Logger,
  ) {
    this.replayed = replicaUrls.map(() => -1n);
    this.primary = new LazyClient(primaryUrl);
    this.clients = replicaUrls.map((url) => new LazyClient(url));
    const driver = orm.em.getDriver();
    // every em's reads: to a replica only while the replicas have replayed every write this process knows of
    const getConnection = driver.getConnection.bind(driver);
    driver.getConnection = ((type?: "read" | "write") => getConnection(type === "read" && !this.current() ? "write" : type)) as typeof driver.getConnection;
    // the primary-bound em: the same driver, asked for the write connection whatever a statement would take
    const toPrimary = new Proxy(driver, { get: (target, key, receiver) => (key === "getConnection" ? () => getConnection("write") : Reflect.get(target, key, receiver)) });
    // a replica that fails to answer a read (gone, restarting, or cancelling it in a conflict with what it
    // replays) is left out until it answers again, and the read is asked of the primary
    const replicaConnections = (driver as unknown as { replicas: { execute: (...args: unknown[]) => Promise<unknown> }[] }).replicas;
    replicaConnections.forEach((connection, i) => {
      const execute = connection.execute.bind(connection);
      connection.execute = async (...args: unknown[]) => {
        try {
          return await execute(...args);
        } catch (error) {
          if (!replicaFailure(error)) throw error;
          if (this.replayed[i]! >= 0n) this.log.warn("read replica failed a read: asked the primary, and left out until it answers again", { replica: i + 1, error: (error as Error).message });
          this.replayed[i] = -1n;
          return (getConnection("write") as unknown as { execute: typeof execute }).execute(...args);
        }
      };
    });
    const Manager = orm.em.constructor as new (...args: unknown[]) => EntityManager;
    this.primaryEm = new Manager(orm.config, toPrimary, orm.getMetadata(), false, orm.em.getEventManager());
  }

  /** Reads go to the primary until the replicas have what it holds now (a new database: not there yet). */
  async start(): Promise<void> {
    this.raise(await this.primaryLsn());
    await this.check();
    this.timer = setInterval(() => void this.check(), 1_000);
    this.timer.unref();
    this.log.info("reads go to read replicas", { replicas: this.replicaUrls.length, replayed: this.replayed.map(formatLsn) });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    await Promise.all([this.primary, ...this.clients].map((c) => c.close()));
  }

  /** Whether every replica answers and has replayed `min` and every write this process knows of. */
  current(min = 0n): boolean {
    if (this.pending > 0) return false;
    const needed = min > this.known ? min : this.known;
    return this.replayed.every((lsn) => lsn >= 0n && lsn >= needed);
  }

  /**
   * Where a request's reads go: the primary for a mutation and for a caller
   * whose last write (`min`) the replicas have not replayed yet, asking them
   * once when what is known says they are behind.
   */
  async emFor(options: { mutation: boolean; min?: bigint }): Promise<{ em: EntityManager; primary: boolean }> {
    if (options.mutation) {
      this.reads.primary.mutation++;
      return { em: this.primaryEm, primary: true };
    }
    const min = options.min ?? 0n;
    if (!this.current(min)) await this.check();
    if (this.current(min)) {
      this.reads.replica++;
      return { em: this.orm.em, primary: false };
    }
    // the caller's own write, when it alone keeps the read off replicas that answer; else they lag behind
    // a write this process knows of, or one does not answer
    if (min > 0n && this.replayed.every((lsn) => lsn >= 0n) && this.replayed.some((lsn) => lsn < min)) this.reads.primary.callerWrite++;
    else this.reads.primary.replicasBehind++;
    return { em: this.primaryEm, primary: true };
  }

  /**
   * A commit of this process: reads go to the primary from now until the
   * replicas have replayed it. Resolves with its LSN (the primary's position
   * right after it).
   */
  localWrite(): Promise<bigint> {
    this.pending++;
    // until the primary tells its position, reads stay there: asked again with a growing pause
    const read = async (): Promise<bigint> => {
      for (let pause = 100; ; pause = Math.min(pause * 2, 5_000)) {
        try {
          return await this.primaryLsn();
        } catch (error) {
          if (this.closed) throw error;
          this.log.warn("read replicas: the primary's position after a write is unknown; reads stay on the primary", { error: (error as Error).message });
          await new Promise((r) => setTimeout(r, pause).unref());
        }
      }
    };
    const lsn = read().then((at) => (this.raise(at), at));
    this.lastLocal = lsn;
    void lsn.then(
      () => this.pending--,
      () => this.pending--,
    );
    return lsn;
  }

  /** The LSN of this process's latest commit (what a caller is told it wrote at: its own commit, or a later one). */
  latestLocalWrite(): Promise<bigint> {
    return this.lastLocal;
  }

  /** A write told by another replica of the subgraph (with its LSN), or missed (without: the primary's position now). */
  writtenElsewhere(lsn?: bigint): void {
    if (lsn !== undefined) this.raise(lsn);
    else void this.localWrite();
  }

  private raise(lsn: bigint): void {
    if (lsn <= this.known) return;
    this.known = lsn;
    // behind now: ask again shortly, until they have it (a read that needs it asks at once)
    const poll = async (tries: number) => {
      await this.check();
      if (!this.current() && tries > 0) setTimeout(() => void poll(tries - 1), 10).unref();
    };
    void poll(100);
  }

  private async primaryLsn(): Promise<bigint> {
    return parseLsn(await this.primary.value("select pg_current_wal_lsn()::text"))!;
  }

  /** Reads every replica's replayed LSN; one reading at a time, shared by whoever asks meanwhile. */
  private check(): Promise<void> {
    this.checking ??= Promise.all(this.replicaUrls.map((_, i) => this.replayedBy(i))).then(
      () => void (this.checking = undefined),
      () => void (this.checking = undefined),
    );
    return this.checking;
  }

  private async replayedBy(i: number): Promise<void> {
    const was = this.replayed[i]!;
    try {
      // null: not a replica at all (a primary named as one): never read from it
      this.replayed[i] = parseLsn(await this.clients[i]!.value("select pg_last_wal_replay_lsn()::text")) ?? -1n;
      if (was < 0n && this.replayed[i]! >= 0n) this.log.info("read replica answers", { replica: i + 1 });
    } catch (error) {
      this.replayed[i] = -1n;
      if (was >= 0n) this.log.warn("read replica does not answer: its reads go to the primary", { replica: i + 1, error: (error as Error).message });
    }
  }
}

/** One connection, made when first needed and again after it failed; questions answered with one value. */
class LazyClient {
  private client?: Promise<pg.Client>;

  constructor(private readonly url: string) {}

  async value(sql: string): Promise<string | null> {
    const connecting = (this.client ??= this.connect());
    try {
      const { rows } = await (await connecting).query<{ value: string | null }>(`${sql} as value`);
      return rows[0]?.value ?? null;
    } catch (error) {
      // a lost or broken connection is made again at the next question
      if (this.client === connecting) this.client = undefined;
      void connecting.then((c) => c.end()).catch(() => {});
      throw error;
    }
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 1_000, query_timeout: 1_000 });
    client.on("error", () => {});
    await client.connect();
    return client;
  }

  async close(): Promise<void> {
    const client = await this.client?.catch(() => undefined);
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}

/** A read a replica could not answer but the primary can: its connection failed, or hot standby cancelled it. */
function replicaFailure(error: unknown): boolean {
  const { code, message } = error as { code?: string; message?: string };
  if (code && ["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "57P01", "57P02", "57P03", "08000", "08003", "08006", "40001"].includes(code)) return true;
  return /connection terminated|timeout acquiring a connection|connection.*closed/i.test(message ?? "");
}

/** `16/B374D848` → its position as a number; undefined for nothing. */
export function parseLsn(text: string | null | undefined): bigint | undefined {
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text?.trim() ?? "");
  return m ? (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`) : undefined;
}

/** A position as PostgreSQL writes it. */
export function formatLsn(lsn: bigint): string {
  if (lsn < 0n) return "unreachable";
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}
