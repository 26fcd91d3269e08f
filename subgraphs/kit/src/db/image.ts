/**
 * Prepared database images: a subgraph's database as its migrations and its
 * demo seed leave it, made once per version of the code and copied for every
 * new database after that (issue #14, item 5). Seeding the demo takes seconds
 * per subgraph (most of a first start, and of every test hub); copying an
 * image takes a fraction of that, and a copy appears whole or not at all:
 *
 * - on PostgreSQL the image is a template database (`bdp_image_<subgraph>_<key>`,
 *   no connections allowed) and a new database is `CREATE DATABASE … TEMPLATE`,
 *   one statement that either happens or does not;
 * - on PGlite the image is a closed data directory in the cache folder
 *   (`node_modules/.cache/bdp-hub/images`, or IMAGE_DIR), copied beside a new
 *   data directory's place and renamed into it once complete; an in-memory
 *   database starts from the same image as a `dumpDataDir` tarball.
 *
 * The key is a hash of the subgraph's name, its migrations and every source
 * file of the subgraphs and plugins (the seed is code: change any of it and
 * the next start makes a new image). Images are used only where the database
 * is new and the demo seed is asked for; IMAGES=off turns them off.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { EntityManager } from "@mikro-orm/postgresql";
import type { MigrationObject } from "@mikro-orm/core";
import pg from "pg";
import type { Logger } from "../logger.js";
import { maintenanceUrl, makeDataDir, migrate, openOrm, placeWhole, postgresDatabase, type DatabaseTarget, type OrmOptions } from "./orm.js";
import { runSeedOnce, type SeedResult } from "./seed.js";

/** Raised when what an image holds, or how it is made, changes in a way the sources do not show. */
const FORMAT = "1";
const WORKSPACE = fileURLToPath(new URL("../../../../", import.meta.url));

/** What an image is made of: the subgraph's schema and its seed. */
export interface ImageRecipe {
  subgraph: string;
  entities: OrmOptions["entities"];
  migrations: MigrationObject[];
  seed: (em: EntityManager) => Promise<SeedResult>;
}

/** How a new database was made ready, for the start log. */
export interface ImageUse {
  /** `built` the image first (the first start of this version of the code), or only `copied` it. */
  image: "built" | "copied";
  key: string;
  ms: number;
}

export function imagesEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.IMAGES !== "off" && sourcesFingerprint() !== undefined;
}

let fingerprint: string | null | undefined;
/** A hash of every source file of the workspace's subgraphs and plugins; undefined when they are not there to read (an installed build). */
function sourcesFingerprint(): string | undefined {
  if (fingerprint !== undefined) return fingerprint ?? undefined;
  const roots = ["subgraphs", "plugins"].map((d) => join(WORKSPACE, d));
  if (!roots.every((r) => existsSync(r))) {
    fingerprint = null;
    return undefined;
  }
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name === "node_modules" || entry.name === "dist" || entry.name.startsWith(".")) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|js|json|csv)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) hash.update(path.slice(WORKSPACE.length)).update("\0").update(readFileSync(path)).update("\0");
    }
  };
  roots.forEach(walk);
  fingerprint = hash.digest("hex");
  return fingerprint;
}

/** The image's key: its format, the subgraph, its migrations and the sources. */
export function imageKey(recipe: ImageRecipe): string {
  return createHash("sha256")
    .update([FORMAT, recipe.subgraph, ...recipe.migrations.map((m) => m.name), sourcesFingerprint() ?? ""].join("\n"))
    .digest("hex")
    .slice(0, 16);
}

/**
 * Makes a new database for `target` from the image (building the image first
 * when there is none for this key). Returns undefined, leaving the target as
 * it was, when the database already exists: then it migrates and seeds as
 * ever. For an in-memory PGlite, `loadDataDir` is the tarball to give `openOrm`.
 */
export async function restoreImage(recipe: ImageRecipe, target: DatabaseTarget, log: Logger): Promise<(ImageUse & { loadDataDir?: Blob }) | undefined> {
  const started = performance.now();
  const key = imageKey(recipe);
  const done = (image: ImageUse["image"], loadDataDir?: Blob) => ({ image, key, ms: Math.round(performance.now() - started), loadDataDir });
  if (target.kind === "postgres") {
    const built = await cloneTemplate(recipe, target, key, log);
    return built === undefined ? undefined : done(built);
  }
  if (target.kind === "pglite-memory") {
    const { tarball, built } = await pgliteTarball(recipe, key, log);
    return done(built, tarball);
  }
  if (existsSync(join(target.dataDir, "PG_VERSION"))) return undefined;
  const { directory, built } = await pgliteDirectory(recipe, key, log);
  // a plain copy of a closed data directory: no PGlite needed to make it
  await placeWhole(target.dataDir, async (partial) => cpSync(directory, partial, { recursive: true }));
  return done(built);
}

// ---- PGlite: a tarball and a data directory in the cache folder ----------------------------

function imageDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.IMAGE_DIR ?? join(WORKSPACE, "node_modules", ".cache", "bdp-hub", "images");
}

/** The `dumpDataDir` tarball an in-memory database starts from. */
async function pgliteTarball(recipe: ImageRecipe, key: string, log: Logger): Promise<{ tarball: Blob; built: ImageUse["image"] }> {
  const dir = imageDir();
  const file = join(dir, `${recipe.subgraph}-${key}.tar.gz`);
  if (existsSync(file)) return { tarball: new Blob([readFileSync(file)]), built: "copied" };
  log.info("building the database image (once per version of the code)", { key });
  const db = await openOrm({ subgraph: recipe.subgraph, entities: recipe.entities, migrations: recipe.migrations, target: { kind: "pglite-memory" } });
  let tarball: Blob;
  try {
    await migrate(db.orm);
    await runSeedOnce(db.orm.em.fork(), recipe.subgraph, recipe.seed);
    tarball = await db.pglite!.dumpDataDir("gzip");
  } finally {
    await db.orm.close(true);
  }
  mkdirSync(dir, { recursive: true });
  // written aside and renamed: a reader sees the whole file or none
  const partial = `${file}.partial-${process.pid}`;
  writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
  renameSync(partial, file);
  pruneOtherVersions(dir, recipe.subgraph, key);
  return { tarball, built: "built" };
}

/** The closed data directory a new data directory is copied from (unpacked from the tarball once). */
async function pgliteDirectory(recipe: ImageRecipe, key: string, log: Logger): Promise<{ directory: string; built: ImageUse["image"] }> {
  const directory = join(imageDir(), `${recipe.subgraph}-${key}`);
  if (existsSync(join(directory, "PG_VERSION"))) return { directory, built: "copied" };
  const { tarball, built } = await pgliteTarball(recipe, key, log);
  await makeDataDir(directory, tarball);
  return { directory, built };
}

/** Removes the images of other versions of the code, and what a build cut off left an hour ago or more. */
function pruneOtherVersions(dir: string, subgraph: string, key: string): void {
  const mine = new RegExp(`^${subgraph.replace(/[^a-z0-9]/gi, "\\$&")}-([0-9a-f]{16})(\\.tar\\.gz)?(\\.partial-\\d+)?$`);
  for (const name of readdirSync(dir)) {
    const match = mine.exec(name);
    if (!match) continue;
    const stale = match[1] !== key || (match[3] !== undefined && Date.now() - statSync(join(dir, name)).mtimeMs > 3_600_000);
    if (stale) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

// ---- PostgreSQL: a template database -------------------------------------------------------

/** One lock for every image operation on the server: builds, copies and pruning never overlap. */
const LOCK = "hashtext('bdp-hub database images')";

async function cloneTemplate(recipe: ImageRecipe, target: Extract<DatabaseTarget, { kind: "postgres" }>, key: string, log: Logger): Promise<ImageUse["image"] | undefined> {
  const { dbName } = postgresDatabase(target, recipe.subgraph);
  const template = `${templatePrefix(recipe.subgraph)}${key}`;
  const admin = new pg.Client({ connectionString: maintenanceUrl(target.url) });
  await admin.connect();
  try {
    const exists = async (name: string) => (await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount! > 0;
    if (await exists(dbName)) return undefined;
    await admin.query(`select pg_advisory_lock(${LOCK})`);
    try {
      if (await exists(dbName)) return undefined;
      let built: ImageUse["image"] = "copied";
      if (!(await exists(template))) {
        built = "built";
        log.info("building the database image (once per version of the code)", { key, template });
        await buildTemplate(admin, recipe, target.url, template);
      }
      await admin.query(`create database ${ident(dbName)} template ${ident(template)}`);
      return built;
    } finally {
      await admin.query(`select pg_advisory_unlock(${LOCK})`);
    }
  } finally {
    await admin.end();
  }
}

async function buildTemplate(admin: pg.Client, recipe: ImageRecipe, serverUrl: string, template: string): Promise<void> {
  const partial = `${template}_partial`;
  await admin.query(`drop database if exists ${ident(partial)} with (force)`);
  await admin.query(`create database ${ident(partial)}`);
  const url = new URL(serverUrl);
  url.pathname = `/${partial}`;
  const db = await openOrm({ subgraph: recipe.subgraph, entities: recipe.entities, migrations: recipe.migrations, target: { kind: "postgres", url: url.toString(), exact: true } });
  try {
    await migrate(db.orm);
    await runSeedOnce(db.orm.em.fork(), recipe.subgraph, recipe.seed);
  } finally {
    await db.orm.close(true);
  }
  // renamed in once whole, and closed to connections: a template must have none while it is copied
  await admin.query(`alter database ${ident(partial)} rename to ${ident(template)}`);
  await admin.query(`alter database ${ident(template)} with is_template true allow_connections false`);
  const stale = await admin.query<{ datname: string }>("select datname from pg_database where datname ~ $1 and datname <> $2", [`^${templatePrefix(recipe.subgraph)}[0-9a-f]{16}(_partial)?$`, template]);
  for (const { datname } of stale.rows) {
    await admin.query(`alter database ${ident(datname)} with is_template false`);
    await admin.query(`drop database if exists ${ident(datname)} with (force)`);
  }
}

function templatePrefix(subgraph: string): string {
  return `bdp_image_${subgraph.replace(/-/g, "_")}_`;
}

function ident(name: string): string {
  if (!/^[a-z0-9_]+$/i.test(name)) throw new Error(`unexpected database name ${JSON.stringify(name)}`);
  return `"${name}"`;
}
