/**
 * `pnpm documents <command>`: the front-ends' trusted documents (issue #17).
 *
 *   pnpm documents register <client> [manifest]   register a front-end's manifest (default: the example
 *                                                 dashboard's, schema/src/client/generated/persisted-documents.json)
 *   pnpm documents list                           the setting, and each client with its number of documents
 *
 * A client is kebab-case (municipality-dashboard). Registering adds, never
 * removes: builds already in users' browsers keep working. HUB_URL and
 * BDP_TOKEN as for every coordinator's tool (../admin-cli.ts).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { adminCall, fail, report } from "../admin-cli.js";
import { DASHBOARD_MANIFEST } from "./manifest.js";

const [command, ...rest] = process.argv.slice(2);

switch (command) {
  case "register": {
    const client = rest[0] ?? fail("usage: pnpm documents register <client> [manifest.json]");
    const path = rest[1] ? resolve(process.env.INIT_CWD ?? process.cwd(), rest[1]) : DASHBOARD_MANIFEST;
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(path, "utf8"));
    } catch (error) {
      fail(`${path}: not a readable JSON manifest (${(error as Error).message})`);
    }
    report(await adminCall("documents-cli", "PUT", `/admin/documents/${encodeURIComponent(client)}`, manifest));
    break;
  }
  case "list":
    report(await adminCall("documents-cli", "GET", "/admin/documents"));
    break;
  default:
    fail("usage: pnpm documents <register|list> … (see gateway/src/documents/cli.ts)");
}
