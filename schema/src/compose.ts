import { composeServices } from "@apollo/composition";
import { parse, printSchema } from "graphql";
import { fileURLToPath } from "node:url";
import { CORE_SUBGRAPHS, defaultSubgraphUrl } from "./subgraphs.js";

export const SCHEMA_DIR = fileURLToPath(new URL("..", import.meta.url));
export const SUPERGRAPH_FILE = `${SCHEMA_DIR}supergraph.graphql`;
export const API_SCHEMA_FILE = `${SCHEMA_DIR}api-schema.graphql`;
export const subgraphSdlFile = (name: string) => `${SCHEMA_DIR}subgraphs/${name}.graphql`;

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

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
 * Composes subgraph SDLs with @apollo/composition. Returns a value, never
 * throws for a composition failure: the caller decides what a failure means.
 */
export function composeSdls(subgraphs: SubgraphSdl[]): Composition {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) {
    return { ok: false, subgraphs, errors: result.errors.map((e) => ({ code: String(e.extensions?.code ?? "COMPOSITION_ERROR"), message: e.message })) };
  }
  const apiSchema = result.schema.toAPISchema().toGraphQLJSSchema();
  return {
    ok: true,
    subgraphs,
    supergraphSdl: result.supergraphSdl,
    apiSchemaSdl: printSchema(apiSchema),
    hints: (result.hints ?? []).map((h) => `${h.definition.code}: ${h.message}`),
  };
}

export async function composeCore(): Promise<Composition> {
  return composeSdls(await subgraphSdls());
}
