/**
 * `pnpm import-statistics <file> [--variable ID] [--map ID=column] [--unit BDLID=TERYT]`:
 * imports registered-unemployment series from a BDL export (JSON or CSV) into
 * the labour-market subgraph's database (DATABASE_URL, else its PGlite data,
 * which the running hub must not hold: stop it first). Idempotent; offline.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { EntityManager } from "@mikro-orm/postgresql";
import { migrate, openOrm, targetFromEnv } from "@bdp/kit/server";
import { definition } from "../definition.js";
import { importBdl, parseBdl, type Column } from "./bdl-import.js";

const args = process.argv.slice(2);
const pairs = (flag: string) => {
  const out: Record<string, string> = {};
  for (let i = args.indexOf(flag); i >= 0; i = args.indexOf(flag, i + 1)) {
    const [key, value] = String(args[i + 1] ?? "").split("=");
    if (!key || !value) throw new Error(`${flag} takes KEY=VALUE`);
    out[key] = value;
  }
  return out;
};
const variableAt = args.indexOf("--variable");
const file = args.find((a, i) => !a.startsWith("--") && !["--variable", "--map", "--unit"].includes(args[i - 1] ?? ""));
if (!file) {
  process.stderr.write("usage: pnpm import-statistics <file.json|file.csv> [--variable ID] [--map ID=registeredUnemployed|rate] [--unit BDLID=TERYT]\n");
  process.exit(2);
}
const map = pairs("--map");
for (const column of Object.values(map)) if (column !== "registeredUnemployed" && column !== "rate") throw new Error(`--map: ${column} is not registeredUnemployed or rate`);

const say = (line: string) => process.stderr.write(`${line}\n`);
// pnpm runs this in the package folder: a relative path is the caller's
const path = resolve(process.env.INIT_CWD ?? process.cwd(), file);
const values = parseBdl(readFileSync(path, "utf8"), variableAt >= 0 ? args[variableAt + 1] : undefined);
say(`read ${values.length} values from ${path}`);
const db = await openOrm({ subgraph: definition.name, entities: definition.entities, migrations: definition.migrations, target: targetFromEnv(fileURLToPath(new URL("../../.data", import.meta.url))) });
try {
  await migrate(db.orm);
  const report = await importBdl(db.orm.em.fork() as EntityManager, values, { variables: map as Record<string, Column>, units: pairs("--unit"), progress: say });
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} finally {
  await db.orm.close(true);
}
