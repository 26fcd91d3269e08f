import { printSchema } from "graphql";
import { composeWith, type SubgraphSdl } from "@bdp/kit/composition";
import { fileURLToPath } from "node:url";
import { CORE_SUBGRAPHS, defaultSubgraphUrl } from "./subgraphs.js";

export const SCHEMA_DIR = fileURLToPath(new URL("..", import.meta.url));
export const SUPERGRAPH_FILE = `${SCHEMA_DIR}supergraph.graphql`;
export const API_SCHEMA_FILE = `${SCHEMA_DIR}api-schema.graphql`;
export const subgraphSdlFile = (name: string) => `${SCHEMA_DIR}subgraphs/${name}.graphql`;

export type { SubgraphSdl };

export type Composition =
  | { ok: true; subgraphs: SubgraphSdl[]; supergraphSdl: string; apiSchemaSdl: string; hints: string[] }
  | { ok: false; subgraphs: SubgraphSdl[]; errors: { code: string; message: string }[] };

/** Each core subgraph's SDL, built from its code (no database needed). */
export async function subgraphSdls(): Promise<SubgraphSdl[]> {
  const out: SubgraphSdl[] = [];
  for (const entry of CORE_SUBGRAPHS) {
    const definition = await entry.load();
    const { sdl } = await definition.buildSchema();
    out.push({ name: definition.name, url: defaultSubgraphUrl(definition), sdl });
  }
  return out;
}

/**
 * Composes subgraph SDLs with the kit's one composition. Returns a value, never
 * throws for a composition failure: the caller decides what a failure means.
 */
export function composeSdls(subgraphs: SubgraphSdl[]): Composition {
  const result = composeWith(subgraphs);
  if (!result.ok) return { ok: false, subgraphs, errors: result.violations.map((v) => ({ code: v.code, message: v.message })) };
  return { ok: true, subgraphs, supergraphSdl: result.supergraphSdl, apiSchemaSdl: printSchema(result.apiSchema), hints: result.hints };
}

export async function composeCore(): Promise<Composition> {
  return composeSdls(await subgraphSdls());
}
