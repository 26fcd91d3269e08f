import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The committed supergraph (`pnpm compose` writes it). */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(new URL("../../schema/supergraph.graphql", import.meta.url));

export function readSupergraph(path = DEFAULT_SUPERGRAPH_PATH): string {
  return readFileSync(path, "utf8");
}

/** The subgraphs a supergraph names, with the URLs composed into it (`join__Graph`). */
export function supergraphSubgraphs(sdl: string): { name: string; url: string }[] {
  const out: { name: string; url: string }[] = [];
  for (const m of sdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)) out.push({ name: m[1]!, url: m[2]! });
  return out;
}
