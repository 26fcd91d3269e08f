/**
 * `pnpm --filter @bdp/<subgraph> migration:create [name]`: diffs the
 * subgraph's entities against its committed migrations (on a throw-away
 * in-memory PGlite), writes the difference as a new migration and rewrites
 * `src/migrations/index.ts`, the list the ORM applies in order.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { migrate, openOrm } from "./orm.js";
import type { SubgraphDefinition } from "../subgraph.js";

const cwd = process.cwd();
const dir = resolve(cwd, "src/migrations");
mkdirSync(dir, { recursive: true });
const { definition } = (await import(pathToFileURL(join(cwd, "src/definition.ts")).href)) as { definition: SubgraphDefinition };
const db = await openOrm({ subgraph: definition.name, entities: definition.entities, migrations: definition.migrations, target: { kind: "pglite-memory" }, migrationsPath: dir });
await migrate(db.orm);
// The name ends up in a class name: letters, digits and underscores only.
const name = process.argv[2]?.replace(/[^A-Za-z0-9_]/g, "_");
const result = await db.orm.getMigrator().createMigration(dir, false, definition.migrations.length === 0, name);
await db.orm.close(true);
if (!result.fileName) {
  console.log("No changes: the entities match the migrations.");
  process.exit(0);
}
const files = readdirSync(dir).filter((f) => /^migration-.*\.ts$/.test(f)).sort();
const lines = files.map((f, i) => `import { ${classNameOf(f)} as M${i} } from "./${f.replace(/\.ts$/, ".js")}";`);
const list = files.map((f, i) => `  { name: "${f.replace(/\.ts$/, "")}", class: M${i} },`);
writeFileSync(
  join(dir, "index.ts"),
  `// Written by \`pnpm migration:create\`: the migrations in the order they apply.\nimport type { MigrationObject } from "@mikro-orm/core";\n${lines.join("\n")}\n\nexport const migrations: MigrationObject[] = [\n${list.join("\n")}\n];\n`,
);
console.log(`Wrote ${result.fileName}`);

function classNameOf(file: string): string {
  const text = readFileSync(join(dir, file), "utf8");
  const m = /export class (\w+)/.exec(text);
  if (!m) throw new Error(`no class in ${file}`);
  return m[1]!;
}
