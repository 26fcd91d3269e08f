import { readFileSync } from "node:fs";
import { parseManifest, type PluginManifest } from "@bdp/kit/plugin";

/** The plugin's manifest (`plugin.json`), checked as the hub will check it. */
export function readManifest(): PluginManifest {
  const parsed = parseManifest(JSON.parse(readFileSync(new URL("../plugin.json", import.meta.url), "utf8")));
  if (!parsed.ok) throw new Error(`plugin.json: ${parsed.problems.join("; ")}`);
  return parsed.value;
}

export const manifest = readManifest();
