import type { SubgraphDefinition } from "@bdp/kit/server";

/** The core subgraphs, in composition order; plugins are admitted separately. */
export const CORE_SUBGRAPHS: { name: string; load: () => Promise<SubgraphDefinition<any>> }[] = [
  { name: "partners", load: async () => (await import("@bdp/partners")).definition },
  { name: "labour-market", load: async () => (await import("@bdp/labour-market")).definition },
  { name: "training", load: async () => (await import("@bdp/training")).definition },
  { name: "disability", load: async () => (await import("@bdp/disability")).definition },
  { name: "offers", load: async () => (await import("@bdp/offers")).definition },
];

export function defaultSubgraphUrl(definition: SubgraphDefinition<unknown>): string {
  return `http://127.0.0.1:${definition.defaultPort}/graphql`;
}
