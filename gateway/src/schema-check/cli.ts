/**
 * `pnpm schema:check [--approve "reason"]`: the deployment's gate for a core
 * schema change (issue #17). Sends the committed core subgraphs' SDL
 * (`schema/subgraphs/*.graphql`, which `pnpm compose` writes from the code)
 * to the running hub, which diffs the public API they make against the one
 * it serves and says who used each breaking change in the last 30 days.
 * Exits 1 when a change breaks something used, unless the coordinator
 * approves it with a reason (kept in the catalogue's audit trail). HUB_URL
 * and BDP_TOKEN as for every coordinator's tool (../admin-cli.ts).
 */
import { fileURLToPath } from "node:url";
import { readCoreSdls } from "@bdp/kit/composition";
import { adminCall, fail, report } from "../admin-cli.js";

const args = process.argv.slice(2);
const at = args.indexOf("--approve");
const reason = at >= 0 ? (args[at + 1] ?? fail('usage: pnpm schema:check [--approve "reason"]')) : undefined;
const core = readCoreSdls(fileURLToPath(new URL("../../../schema/subgraphs/", import.meta.url))).map(({ name, sdl }) => ({ name, sdl }));

const check = await adminCall("schema-check", "POST", "/admin/schema/check", { core });
if (check.status !== 200) report(check);
const breaking = check.body.breaking as { change: string; usedBy: { client: string; requests: number; lastDay: string }[] }[];
for (const c of breaking) {
  const used = c.usedBy.map((u) => `${u.client} (${u.requests} requests, last ${u.lastDay})`).join(", ");
  process.stdout.write(`  ${used ? "✗" : "·"} ${c.change}: ${used ? `used by ${used}` : "unused in the last 30 days"}\n`);
}
if (!breaking.length) process.stdout.write("✓ the committed core only adds to the public API the hub serves\n");
else if (check.body.ok) process.stdout.write("✓ breaking changes, none used in the last 30 days\n");
if (check.body.ok && !reason) process.exit(0);
if (!reason) fail('✗ the change breaks what clients used; the coordinator may approve it: pnpm schema:check --approve "reason"', 1);
report(await adminCall("schema-check", "POST", "/admin/schema/approve", { core, reason }));
