import { envName, subgraphDatabaseUrl } from "@bdp/kit/server";

/**
 * The environment a plugin process gets from `pnpm start` (issue #11): what
 * it needs to run — its port, its own database, the key the gateway signs
 * its requests with — and nothing of the hub's. A plugin is a partner's code:
 * it never sees AUTH_JWT_SECRET (it could mint any token), HUB_SIGNING_KEY
 * (it could speak to the core as the gateway) or the core's DATABASE_URL.
 */
const PASSED_THROUGH = ["PATH", "HOME", "TMPDIR", "LANG", "TZ", "NODE_ENV", "LOG_LEVEL", "HOST", "SEED", "NODE_OPTIONS"] as const;

export function pluginEnvironment(
  parent: NodeJS.ProcessEnv,
  plugin: { slug: string; port: number; signingKey: string; dataDir: string },
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of PASSED_THROUGH) if (parent[name] !== undefined) env[name] = parent[name];
  env[`${envName(plugin.slug)}_PORT`] = String(plugin.port);
  env.PLUGIN_SIGNING_KEY = plugin.signingKey;
  // its own database, named in full: the plugin learns no other name on the server
  if (parent.DATABASE_URL) env.PLUGIN_DATABASE_URL = subgraphDatabaseUrl(parent.DATABASE_URL, plugin.slug).url;
  else env.DATA_DIR = plugin.dataDir;
  // its prepared database images beside its data, never in the core's image folder it could poison
  env.IMAGE_DIR = `${plugin.dataDir}.images`;
  if (parent.IMAGES) env.IMAGES = parent.IMAGES;
  return env;
}
