/**
 * `pnpm plugin <command>`: write, check and register plugins (issue #4; the
 * guide is plugins/README.md).
 *
 *   pnpm plugin new <slug> --partner <key or id> [--name "…"] [--port 4103]   a working plugin from plugins/template
 *   pnpm plugin check <url> [--owner <key or id>]     the hub's admission checks, changing nothing; for a plugin in the graph,
 *                                                     the diff of the public API and who used what it breaks
 *   pnpm plugin check plugins/<slug>                  the schema checks offline, against the committed core (no hub needed)
 *   pnpm plugin register <url> --owner <key or id>    admit a running plugin, owned by that partner, into the running hub
 *   pnpm plugin update <slug> [url] [--approve "…"]   read it again (new schema, version or address); the owner stays; an update
 *                                                     that breaks what clients used in the last 30 days needs --approve with a reason
 *   pnpm plugin transfer <slug> --owner <key or id> --reason "…"   hand it to another partner (audited)
 *   pnpm plugin remove <slug>                         take it out of the graph
 *   pnpm plugin list                                  the plugins in the graph
 *   pnpm plugin key <slug>                            the key to start a plugin of that slug with (asks the hub)
 *
 * HUB_URL and BDP_TOKEN as for every coordinator's tool (../admin-cli.ts).
 */
import { cpSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type SubgraphDefinition } from "@bdp/kit/server";
import { SLUG_PATTERN, namespaceOf, parseManifest } from "@bdp/kit/plugin";
import { checkPluginOffline, readCoreSdls } from "@bdp/kit/composition";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { adminCall, fail, report } from "../admin-cli.js";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const PLUGINS = join(ROOT, "plugins");
const [command, ...rest] = process.argv.slice(2);

function flag(name: string): string | undefined {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest.splice(i, 2)[1] : undefined;
}

/** A demo partner key (`pup-bedzin`) or a partner id, as a partner id. */
function partnerId(given: string): string {
  return DEMO_PARTNERS.find((p) => p.key === given || p.id === given)?.id ?? given;
}

const call = (method: string, path: string, body?: unknown) => adminCall("plugin-cli", method, `/admin/plugins${path}`, body);

/** The diff of the public API an update makes: each breaking change, and who used it in the last 30 days. */
function breakingReport(breaking: { change: string; usedBy: { client: string; requests: number; lastDay: string }[] }[]): string {
  if (!breaking.length) return "  the public API only gains: nothing breaks\n";
  return `${breaking
    .map((c) => `  ${c.usedBy.length ? "✗" : "·"} ${c.change}${c.usedBy.length ? `: used by ${c.usedBy.map((u) => `${u.client} (${u.requests} requests, last ${u.lastDay})`).join(", ")}` : ": unused in the last 30 days"}`)
    .join("\n")}\n`;
}

/** Copies plugins/template to plugins/<slug>, with the plugin's namespace in every name. */
function newPlugin(slug: string): void {
  if (!SLUG_PATTERN.test(slug) || slug.length > 40) fail("The slug: lowercase letters, digits and single hyphens, starting with a letter, at most 40 characters (e.g. pup-bedzin-jobs).");
  const target = join(PLUGINS, slug);
  if (existsSync(target)) fail(`plugins/${slug} exists already.`);
  const partnerArg = flag("partner") ?? fail("--partner <demo key or partner id>: the partner that owns the plugin and its offers.");
  const partner = DEMO_PARTNERS.find((p) => p.key === partnerArg || p.id === partnerArg);
  const ownerPartnerId = partner?.id ?? partnerArg;
  const ports = readdirSync(PLUGINS)
    .filter((d) => existsSync(join(PLUGINS, d, "plugin.json")))
    .map((d) => Number(new URL((JSON.parse(readFileSync(join(PLUGINS, d, "plugin.json"), "utf8")) as { url: string }).url).port));
  const port = Number(flag("port") ?? Math.max(4100, ...ports) + 1);
  const name = flag("name") ?? `${partner?.name ?? slug}: offers`;
  const ns = namespaceOf(slug);
  const snake = slug.replace(/-/g, "_");
  const template = join(PLUGINS, "template");
  cpSync(template, target, { recursive: true, filter: (src) => !/node_modules|[/\\]\.data|[/\\]dist/.test(src.slice(template.length)) });
  const rewrite = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        rewrite(path);
        continue;
      }
      const text = readFileSync(path, "utf8")
        .replaceAll("@bdp/plugin-template", `@bdp/plugin-${slug}`)
        .replaceAll("template_offer", `${snake}_offer`)
        .replaceAll("Template", ns.type)
        .replaceAll("template", ns.field);
      writeFileSync(path, text);
    }
  };
  rewrite(join(target, "src"));
  const pkg = JSON.parse(readFileSync(join(target, "package.json"), "utf8")) as Record<string, unknown>;
  writeFileSync(join(target, "package.json"), `${JSON.stringify({ ...pkg, name: `@bdp/plugin-${slug}`, description: name }, null, 2)}\n`);
  const manifest = JSON.parse(readFileSync(join(target, "plugin.json"), "utf8")) as Record<string, unknown>;
  writeFileSync(
    join(target, "plugin.json"),
    `${JSON.stringify({ ...manifest, slug, name, ownerPartnerId, url: `http://127.0.0.1:${port}/graphql`, contact: flag("contact") ?? manifest.contact, version: "0.1.0", description: name }, null, 2)}\n`,
  );
  process.stdout.write(
    [
      `plugins/${slug} is ready: namespace ${ns.field} (fields) and ${ns.type} (types), owner ${partner?.name ?? ownerPartnerId}, port ${port}.`,
      "Next:",
      "  pnpm install",
      `  PLUGIN_SIGNING_KEY=$(pnpm --silent plugin key ${slug}) pnpm --filter @bdp/plugin-${slug} start`,
      `  pnpm plugin check http://127.0.0.1:${port}/graphql`,
      `  pnpm plugin register http://127.0.0.1:${port}/graphql --owner ${partnerArg}`,
      "",
    ].join("\n"),
  );
}

/** The checks that need no hub: manifest, namespace and core rules, size, composition with the committed core. */
async function checkFolder(folder: string): Promise<void> {
  const dir = resolve(process.env.INIT_CWD ?? process.cwd(), folder);
  if (!existsSync(join(dir, "plugin.json")) || !existsSync(join(dir, "src", "definition.ts"))) fail(`${folder} is not a plugin folder (plugin.json and src/definition.ts)`);
  const manifest = parseManifest(JSON.parse(readFileSync(join(dir, "plugin.json"), "utf8")));
  if (!manifest.ok) {
    for (const problem of manifest.problems) process.stderr.write(`✗ PLUGIN_MANIFEST_INVALID: ${problem}\n`);
    process.exit(1);
  }
  const { definition } = (await import(pathToFileURL(join(dir, "src", "definition.ts")).href)) as { definition: SubgraphDefinition };
  const { sdl } = await definition.buildSchema();
  const violations = checkPluginOffline(manifest.value, sdl, readCoreSdls(join(ROOT, "schema", "subgraphs")));
  for (const v of violations) process.stderr.write(`✗ ${v.code}: ${v.message}\n`);
  if (violations.length) process.exit(1);
  process.stdout.write(`✓ ${manifest.value.slug}: manifest, namespace, core fields, size and composition with the committed core pass (the feed and the owner are checked against a running hub: pnpm plugin check <url>)\n`);
}

switch (command) {
  case "new":
    newPlugin(rest[0] ?? fail("usage: pnpm plugin new <slug> --partner <key or id>"));
    break;
  case "check": {
    const owner = flag("owner");
    const target = rest[0] ?? fail("usage: pnpm plugin check <url | plugin folder> [--owner <key or id>]");
    if (!/^https?:\/\//.test(target)) {
      await checkFolder(target);
      break;
    }
    const result = await call("POST", "/check", { url: target, ownerPartnerId: owner ? partnerId(owner) : undefined });
    if (!result.body.ok) report(result);
    process.stdout.write(`✓ ${result.body.manifest.slug} passes every check (${result.body.offers} offers in its feed)\n`);
    if (result.body.update) process.stdout.write(breakingReport(result.body.breaking));
    break;
  }
  case "register": {
    // the coordinator names the owner: a plugin's manifest alone makes nobody its owner
    const owner = flag("owner") ?? fail("usage: pnpm plugin register <url> --owner <partner key or id>");
    report(await call("POST", "", { url: rest[0] ?? fail("usage: pnpm plugin register <url> --owner <partner key or id>"), ownerPartnerId: partnerId(owner) }));
    break;
  }
  case "transfer": {
    const owner = flag("owner");
    const reason = flag("reason");
    if (!owner || !reason || !rest[0]) fail('usage: pnpm plugin transfer <slug> --owner <partner key or id> --reason "…"');
    report(await call("POST", `/${rest[0]}/owner`, { ownerPartnerId: partnerId(owner), reason }));
    break;
  }
  case "update": {
    const approveBreakingChanges = flag("approve");
    const result = await call("PUT", `/${rest[0] ?? fail('usage: pnpm plugin update <slug> [url] [--approve "reason"]')}`, { url: rest[1], approveBreakingChanges });
    if (result.body.breaking?.length) process.stderr.write(breakingReport(result.body.breaking));
    report(result);
    break;
  }
  case "remove":
    report(await call("DELETE", `/${rest[0] ?? fail("usage: pnpm plugin remove <slug>")}`));
    break;
  case "list":
    report(await call("GET", ""));
    break;
  case "key": {
    // the key depends on the slug's generation, which the hub's registry keeps
    const answer = await call("GET", `/${rest[0] ?? fail("usage: pnpm plugin key <slug>")}/key`);
    if (answer.status !== 200) report(answer);
    process.stdout.write(`${answer.body.key}\n`);
    break;
  }
  default:
    fail("usage: pnpm plugin <new|check|register|update|transfer|remove|list|key> … (see gateway/src/plugins/cli.ts)");
}
