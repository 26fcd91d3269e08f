import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { MikroORM, defineConfig, type Options } from "@mikro-orm/postgresql";
import { Migrator } from "@mikro-orm/migrations";
import type { MigrationObject } from "@mikro-orm/core";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PGliteDriver } from "mikro-orm-pglite";
import { CountingLogger, SqlCounter } from "./sql-counter.js";
import { WriteGenerationSubscriber } from "./write-generation.js";

export type Orm = MikroORM;

/** Where a subgraph keeps its data. */
export type DatabaseTarget =
  /**
   * A real PostgreSQL server; the subgraph gets its own database named
   * `<base>_<subgraph>`, or, `exact`, the URL's own. `replicaUrls` name its
   * streaming read replicas the same way (DATABASE_REPLICA_URLS): reads may
   * go there (replicas.ts).
   */
  | { kind: "postgres"; url: string; exact?: boolean; replicaUrls?: readonly string[] }
  /** Embedded PGlite on a data directory (kept between runs). */
  | { kind: "pglite"; dataDir: string }
  /** Embedded PGlite in memory (tests). */
  | { kind: "pglite-memory" };

export interface OrmOptions {
  /** Subgraph name, used to derive the database name on PostgreSQL. */
  subgraph: string;
  entities: NonNullable<Options["entities"]>;
  migrations: MigrationObject[];
  target: DatabaseTarget;
  /** Log every SQL statement (the `query` debug namespace). */
  debugSql?: boolean;
  /** Folder new migrations are written to (only the migration generator needs it). */
  migrationsPath?: string;
  /** PGlite only: a `dumpDataDir` tarball to start a new database from (a prepared image, see image.ts). */
  loadDataDir?: Blob;
}

export interface OrmHandle {
  orm: Orm;
  sql: SqlCounter;
  /** The database name on PostgreSQL, or the data directory on PGlite. */
  location: string;
  /** The embedded database itself, on PGlite (closed with the ORM). */
  pglite?: PGlite;
  /** The database's URL, on PostgreSQL. */
  url?: string;
  /** The same database on each read replica, on PostgreSQL with replicas. */
  replicaUrls?: string[];
}

/** `postgres://u@h:5432/bdp` + `training` → `postgres://u@h:5432/bdp_training`. */
export function subgraphDatabaseUrl(baseUrl: string, subgraph: string): { url: string; dbName: string } {
  const url = new URL(baseUrl);
  const base = decodeURIComponent(url.pathname.replace(/^\//, "")) || "bdp";
  const dbName = `${base}_${subgraph.replace(/-/g, "_")}`;
  url.pathname = `/${dbName}`;
  return { url: url.toString(), dbName };
}

/** The database a PostgreSQL target names for a subgraph: `<base>_<subgraph>`, or, `exact`, the URL's own. */
export function postgresDatabase(target: Extract<DatabaseTarget, { kind: "postgres" }>, subgraph: string): { url: string; dbName: string } {
  return target.exact ? { url: target.url, dbName: decodeURIComponent(new URL(target.url).pathname.replace(/^\//, "")) } : subgraphDatabaseUrl(target.url, subgraph);
}

/**
 * Opens (and on PostgreSQL creates) the subgraph's database. Migrations are
 * not applied here: call `migrate(orm)`.
 */
export async function openOrm(options: OrmOptions): Promise<OrmHandle> {
  const sql = new SqlCounter();
  const common = {
    entities: options.entities,
    extensions: [Migrator],
    subscribers: [new WriteGenerationSubscriber()],
    migrations: {
      migrationsList: options.migrations,
      path: options.migrationsPath,
      pathTs: options.migrationsPath,
      emit: "ts",
      fileName: (timestamp: string, name?: string) => `migration-${timestamp}${name ? `-${name}` : ""}`,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      // the subgraph logs the migrations it applied itself, as JSON
      silent: true,
      // the subgraph owns its database: the migrations table needs no prefix
      tableName: "mikro_orm_migrations",
    },
    colors: false,
    debug: options.debugSql ? ["query", "query-params"] : false,
    loggerFactory: (loggerOptions: ConstructorParameters<typeof CountingLogger>[0]) =>
      new CountingLogger(loggerOptions, sql),
    // Type discovery from decorator metadata; entities are listed explicitly.
    discovery: { warnWhenNoEntities: true },
    forceUtcTimezone: true,
    // A DataLoader per request batches reads; the identity map is per em.fork().
    allowGlobalContext: false,
  } satisfies Partial<Options>;

  if (options.target.kind === "postgres") {
    const target = options.target;
    const { url, dbName } = postgresDatabase(target, options.subgraph);
    const replicaUrls = (target.replicaUrls ?? []).map((base) => postgresDatabase({ ...target, url: base }, options.subgraph).url);
    const replicas = replicaUrls.map((clientUrl, i) => ({ name: `replica-${i + 1}`, clientUrl, pool: { min: 0, max: 10 } }));
    const orm = await MikroORM.init(defineConfig({ ...common, clientUrl: url, dbName, pool: { min: 0, max: 10 }, replicas, preferReadReplicas: true }));
    await orm.schema.ensureDatabase({ create: true });
    postgresUrls.set(orm, url);
    return { orm, sql, location: dbName, url, ...(replicaUrls.length ? { replicaUrls } : {}) };
  }

  const dataDir = options.target.kind === "pglite" ? options.target.dataDir : undefined;
  // Opened here rather than by knex-pglite (which would open it on
  // `connection.filename`), so it can start from an image and be dumped into
  // one; a borrowed instance is not closed by knex, so the ORM's close does it.
  const pglite = dataDir ? await openDataDir(dataDir, options.loadDataDir) : new PGlite({ loadDataDir: options.loadDataDir, parsers: AS_POSTGRES_GIVES });
  oneStatementAsQuery(pglite);
  const orm = await MikroORM.init({
    ...common,
    driver: PGliteDriver,
    dbName: "postgres",
    driverOptions: { connection: { pglite: async () => pglite } },
  } as unknown as Options).catch(async (error: unknown) => {
    await pglite.close().catch(() => {});
    throw error;
  });
  const close = orm.close.bind(orm);
  orm.close = async (force?: boolean) => {
    await close(force);
    if (!pglite.closed) await pglite.close();
  };
  return { orm: orm as unknown as Orm, sql, location: dataDir ?? "memory", pglite };
}

/**
 * Opens a PGlite data directory. A new one is made beside its place and
 * renamed into it once PGlite has written it whole, so a first start cut off
 * (Ctrl-C, kill -9, a power cut) leaves no half-made directory to fail on
 * next time: the next start makes it again. One that exists and cannot be
 * opened is named in the error with what to run.
 */
/**
 * A `date` column as the text YYYY-MM-DD, as the ORM gets it from PostgreSQL:
 * PGlite's own parser makes a Date at UTC midnight, and the same code then
 * compared a Date with a string on one engine and two strings on the other.
 */
const AS_POSTGRES_GIVES = { 1082: (value: string) => value };

/**
 * knex-pglite runs any SQL with a ";" in it through `exec` (for scripts of
 * several statements), and then reads the array `exec` returns as one
 * result: an update whose text holds a ";" (minutes, a description) came
 * back with no affected rows, which the ORM takes for a lost optimistic lock.
 * Here `exec` runs one statement as a query, and a script (which a prepared
 * statement refuses, 42601) as the script it is.
 */
function oneStatementAsQuery(pglite: PGlite): void {
  const script = pglite.exec.bind(pglite);
  pglite.exec = (async (sql: string, options?: Parameters<PGlite["exec"]>[1]) => {
    try {
      return await pglite.query(sql, [], options);
    } catch (error) {
      if ((error as { code?: string }).code !== "42601") throw error;
      return script(sql, options);
    }
  }) as PGlite["exec"];
}

async function openDataDir(dataDir: string, loadDataDir?: Blob): Promise<PGlite> {
  if (!existsSync(join(dataDir, "PG_VERSION"))) await makeDataDir(dataDir, loadDataDir);
  const pglite = new PGlite({ dataDir, parsers: AS_POSTGRES_GIVES });
  try {
    await pglite.waitReady;
    return pglite;
  } catch (error) {
    throw new Error(
      `the embedded database in ${dataDir} cannot be opened (${error instanceof Error ? error.message : String(error)}): ` +
        "it was damaged outside the hub's control. `pnpm reset` wipes the hub's data and the next `pnpm start` makes it again " +
        `(or move ${dataDir} aside to keep it for inspection)`,
      { cause: error },
    );
  }
}

/** Makes a new PGlite data directory, whole or not at all: empty, or unpacked from a `dumpDataDir` tarball. */
export async function makeDataDir(dataDir: string, loadDataDir?: Blob): Promise<void> {
  await placeWhole(dataDir, async (partial) => {
    const made = new PGlite({ dataDir: partial, loadDataDir });
    await made.waitReady;
    await made.close();
  });
}

/**
 * Makes a new directory whole or not at all: `fill` writes it beside its
 * place (`<dir>.partial-<pid>`), and it is renamed into place once done.
 * What a fill cut off by a dead process left is removed first. A place that
 * holds files but no database is not touched.
 */
export async function placeWhole(dir: string, fill: (partial: string) => Promise<void>): Promise<void> {
  if (existsSync(dir) && readdirSync(dir).length) {
    throw new Error(`${dir} holds files but no database (no PG_VERSION): not touching it; remove it, or point DATA_DIR elsewhere`);
  }
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const prefix = `${basename(dir)}.partial-`;
  for (const name of readdirSync(parent)) {
    if (name.startsWith(prefix) && !processAlive(Number(name.slice(prefix.length)))) rmSync(join(parent, name), { recursive: true, force: true });
  }
  const partial = join(parent, `${prefix}${process.pid}`);
  rmSync(partial, { recursive: true, force: true });
  try {
    await fill(partial);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The database URL of each ORM opened on PostgreSQL (for the migrations' lock). */
const postgresUrls = new WeakMap<Orm, string>();

/**
 * Applies the committed migrations that have not run yet; returns their
 * names. On PostgreSQL, replicas of a subgraph starting at once take turns
 * (an advisory lock on the database, held on a connection of its own): the
 * first applies them, the others find nothing left to do, where both would
 * otherwise run the same DDL and one fail.
 */
export async function migrate(orm: Orm): Promise<string[]> {
  const url = postgresUrls.get(orm);
  const lock = url ? new pg.Client({ connectionString: url }) : undefined;
  if (lock) {
    await lock.connect();
    await lock.query(`select pg_advisory_lock(${MIGRATION_LOCK})`);
  }
  try {
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    // the lock goes with its connection
    await lock?.end().catch(() => {});
  }
}

const MIGRATION_LOCK = "hashtext('bdp-hub migrations')";

/** The server's maintenance database (`postgres`), for creating and dropping the subgraphs' databases. */
export function maintenanceUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  url.pathname = "/postgres";
  return url.toString();
}
