import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The committed supergraph (`pnpm compose` writes it). */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL("../../schema/supergraph.graphql", import.meta.url));

export function readSupergraph(path = process.env.SUPERGRAPH_PATH ?? DEFAULT_SUPERGRAPH_PATH): string {
  return readFileSync(path, "utf8");
}

/** The subgraphs a supergraph names, with the URLs composed into it (`join__Graph`). */
export function supergraphSubgraphs(sdl: string): { name: string; url: string }[] {
  const out: { name: string; url: string }[] = [];
  for (const m of sdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) out.push({ name: m[1]!, url: m[2]! });
  return out;
}

/** `<NAME>_URL` overrides, e.g. LABOUR_MARKET_URL=http://10.0.0.5:4002/graphql. */
export function subgraphUrlsFromEnv(sdl: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { name } of supergraphSubgraphs(sdl)) {
    const value = process.env[`${name.toUpperCase().replace(/-/g, "_")}_URL`];
    if (value) out[name] = value;
  }
  return out;
}
