/**
 * `pnpm compose`: writes each subgraph's SDL, the supergraph the gateway
 * serves, the public API schema front-end teams generate code from, and the
 * error tables of README.md and plugins/README.md from the code registries.
 * `--check` writes nothing and exits 1 when a committed file is stale.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { API_SCHEMA_FILE, SUPERGRAPH_FILE, composeCore, subgraphSdlFile } from "./compose.js";
import { PLUGIN_GUIDE_FILE, README_FILE, withGeneratedBlocks } from "./docs.js";

const check = process.argv.includes("--check");
const composition = await composeCore();
if (!composition.ok) {
  for (const e of composition.errors) console.error(`${e.code}: ${e.message}`);
  process.exit(1);
}
const files: [string, string][] = [
  ...composition.subgraphs.map((s): [string, string] => [subgraphSdlFile(s.name), `${s.sdl.trim()}\n`]),
  [SUPERGRAPH_FILE, `${composition.supergraphSdl.trim()}\n`],
  [API_SCHEMA_FILE, `${composition.apiSchemaSdl.trim()}\n`],
  ...[README_FILE, PLUGIN_GUIDE_FILE].map((file): [string, string] => [file, withGeneratedBlocks(file)]),
];
let stale = 0;
for (const [file, text] of files) {
  let current = "";
  try {
    current = readFileSync(file, "utf8");
  } catch {
    /* missing: stale */
  }
  if (current === text) continue;
  stale++;
  if (check) console.error(`stale: ${file}`);
  else writeFileSync(file, text);
}
console.log(check ? `${stale} stale file(s)` : `wrote ${stale} file(s); ${composition.hints.length} composition hint(s)`);
process.exit(check && stale ? 1 : 0);
