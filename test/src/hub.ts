import { startSubgraph, type RunningSubgraph, type SubgraphDefinition } from "@bdp/kit";
import { readSupergraph, startGateway, type RunningGateway } from "@bdp/gateway";
import { definition as partners } from "@bdp/partners";
import { definition as labourMarket } from "@bdp/labour-market";
import { definition as training } from "@bdp/training";
import { definition as disability } from "@bdp/disability";
import { freshTarget } from "./databases.js";

export const CORE: SubgraphDefinition<any>[] = [partners, labourMarket, training, disability];

export interface TestHub {
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  /** POST a GraphQL operation to the gateway (or to `url`). */
  query<T = any>(query: string, variables?: Record<string, unknown>, url?: string): Promise<{ status: number; body: { data?: T; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] } }>;
  close(): Promise<void>;
}

/**
 * The whole hub for a test file: the four core subgraphs on fresh, seeded
 * databases and the gateway serving the committed supergraph, each on its
 * own port 0, talking real HTTP.
 */
export async function startTestHub(label: string): Promise<TestHub> {
  const { target, drop } = freshTarget(label);
  const subgraphs: Record<string, RunningSubgraph> = {};
  // One at a time: PGlite instances start faster than when they compete.
  for (const definition of CORE) subgraphs[definition.name] = await startSubgraph(definition, { target, port: 0, seed: true });
  const gateway = await startGateway({
    supergraphSdl: readSupergraph(),
    subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.graphqlUrl])),
    port: 0,
  });
  return {
    gateway,
    subgraphs,
    async query(query, variables, url = gateway.graphqlUrl) {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: (await response.json()) as never };
    },
    async close() {
      await gateway.close();
      for (const s of Object.values(subgraphs)) await s.close();
      await drop(Object.keys(subgraphs));
    },
  };
}
