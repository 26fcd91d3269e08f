import { newSigningKey, startSubgraph, type DatabaseTarget, type RunningSubgraph, type SubgraphDefinition } from "@bdp/kit/server";
import { PluginAddressPolicy } from "@bdp/kit/plugin";
import { readSupergraph, signDevToken, startGateway, type GatewayOptions, type RunningGateway } from "@bdp/gateway";
import { definition as partners } from "@bdp/partners";
import { definition as labourMarket } from "@bdp/labour-market";
import { definition as training } from "@bdp/training";
import { definition as disability } from "@bdp/disability";
import { definition as offers } from "@bdp/offers";
import { freshTarget } from "./databases.js";

export const TEST_JWT_SECRET = "test-secret";

export const CORE: SubgraphDefinition<any>[] = [partners, labourMarket, training, disability, offers];

export interface TestHub {
  gateway: RunningGateway;
  subgraphs: Record<string, RunningSubgraph>;
  signingKey: string;
  /** Where the hub's subgraphs keep their data (another replica of one opens the same). */
  target: DatabaseTarget;
  /** POST a GraphQL operation to the gateway (or to `options.url`), with a bearer token when given. */
  query<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; url?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: { data?: T; errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[] } }>;
  /** A bearer token the test gateway accepts: `{ sub, role, partnerId }`, valid 10 minutes unless `exp` says otherwise. */
  token(claims: Record<string, unknown>): string;
  /** The coordinator's plugin administration (`/admin/plugins…`), as the coordinator unless another token is given ("" for none). */
  admin(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }>;
  /** Another gateway over the hub's subgraphs (a second replica, a restart), with the test gateway's settings and `options` over them; the caller closes it. */
  replica(options?: Partial<GatewayOptions>): Promise<RunningGateway>;
  /** Starts a kit plugin on a fresh database with the key the hub signs for it, and admits it owned by its manifest's partner. */
  startPlugin(definition: SubgraphDefinition<any>, manifest: { slug: string; ownerPartnerId: string }, target: DatabaseTarget): Promise<RunningSubgraph>;
  close(): Promise<void>;
}

/**
 * The whole hub for a test file: the four core subgraphs on fresh, seeded
 * databases and the gateway serving the committed supergraph, each on its
 * own port 0, talking real HTTP.
 */
export async function startTestHub(
  label: string,
  gatewayOptions: Partial<GatewayOptions> = {},
  options: {
    target?: DatabaseTarget;
    seed?: boolean;
    pluginAllow?: string[];
    /** Where the register may deliver webhooks (loopback receivers of the test); none but public addresses when omitted. */
    webhookAllow?: string[];
    /** Settings over the environment for the subgraphs' own work (WEBHOOK_*). */
    env?: NodeJS.ProcessEnv;
    /** The offers catalogue reads the labour offices' calls as offers (off: a test that counts offers counts the plugins'). */
    catalogueReadsCalls?: boolean;
  } = {},
): Promise<TestHub> {
  // test plugins run on loopback: allowed explicitly, as PLUGIN_ALLOWED_ADDRESSES would in a deployment
  const pluginPolicy = new PluginAddressPolicy(options.pluginAllow ?? ["127.0.0.1"]);
  const fresh = freshTarget(label);
  // A test that brings its own database server drops nothing of ours.
  const { target, drop } = options.target ? { target: options.target, drop: async () => {} } : fresh;
  const subgraphs: Record<string, RunningSubgraph> = {};
  const signingKey = newSigningKey();
  // One at a time: PGlite instances start faster than when they compete; the
  // register comes first, so the others can be told where it is.
  for (const definition of CORE) {
    subgraphs[definition.name] = await startSubgraph(definition, {
      target,
      port: 0,
      seed: options.seed ?? true,
      signingKey,
      registerUrl: subgraphs.partners?.graphqlUrl,
      pluginPolicy,
      webhookPolicy: new PluginAddressPolicy(options.webhookAllow ?? []),
      // the catalogue reads the labour offices' calls from the training subgraph (started before it) when the test asks
      env: { ...(options.catalogueReadsCalls && subgraphs.training ? { TRAINING_URL: subgraphs.training.graphqlUrl } : {}), ...options.env },
    });
  }
  const replica = (options: Partial<GatewayOptions> = {}) =>
    startGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((s) => [s.name, s.graphqlUrl])),
      port: 0,
      signingKey,
      jwt: { secret: TEST_JWT_SECRET },
      // tests send bursts: a limit they do not hit unless they mean to
      rateLimit: { perMinute: 100_000, burst: 10_000 },
      // no background reads of the registry (they would count in the SQL statements a test measures);
      // a test of replicas following each other sets it
      supergraphPollMs: 0,
      pluginPolicy,
      ...options,
    });
  const gateway = await replica(gatewayOptions);
  const token = (claims: Record<string, unknown>) => {
    const now = Math.floor(Date.now() / 1000);
    return signDevToken({ iat: now, exp: now + 600, ...claims }, TEST_JWT_SECRET);
  };
  const admin: TestHub["admin"] = async (method, path, body, as = token({ sub: "koordynator", role: "coordinator" })) => {
    const response = await fetch(`${gateway.url}/admin/plugins${path}`, {
      method,
      headers: { "content-type": "application/json", ...(as ? { authorization: `Bearer ${as}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
  return {
    gateway,
    subgraphs,
    signingKey,
    target,
    token,
    admin,
    replica,
    async startPlugin(definition, manifest, pluginTarget) {
      await gateway.plugins!.whenLoaded;
      const plugin = await startSubgraph(definition, { target: pluginTarget, port: 0, seed: true, signingKey: gateway.plugins!.pluginKey(manifest.slug) });
      const admitted = await admin("POST", "", { url: plugin.graphqlUrl, ownerPartnerId: manifest.ownerPartnerId });
      if (admitted.status !== 201) {
        await plugin.close();
        throw new Error(`plugin ${manifest.slug} not admitted: ${JSON.stringify(admitted.body)}`);
      }
      return plugin;
    },
    async query(query, variables, options = {}) {
      const headers: Record<string, string> = { "content-type": "application/json", ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const response = await fetch(options.url ?? gateway.graphqlUrl, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, body: (await response.json()) as never };
    },
    async close() {
      await gateway.close();
      for (const s of Object.values(subgraphs)) await s.close();
      await drop(Object.keys(subgraphs));
    },
  };
}
