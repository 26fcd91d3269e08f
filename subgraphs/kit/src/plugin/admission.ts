import { readFileSync, readdirSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { composeServices } from "@apollo/composition";
import { parse, type GraphQLSchema } from "graphql";
import { encodeIdentity, pathOf, signRequest } from "../auth/signature.js";
import { apiChanges } from "./api-diff.js";
import { violation, type Violation } from "./codes.js";
import { DEFAULT_PLUGIN_LIMITS, PluginFetchError, checkPluginUrl, pluginFetch, pluginJson, type PluginAddressPolicy, type PluginFetchFailure, type PluginLimits } from "./network.js";
import { parseManifest, parseOfferFeed, type OfferFeedItem, type PluginManifest, type RegisteredPlugin } from "./plugin.js";
import { checkNamespace, checkSchema, coreShape, type SubgraphSdl } from "./schema-rules.js";



/**
 * Admission (issue #4, reshaped by issue #11): everything the hub asks of a
 * plugin before it joins the graph, in one place. A plugin is probed once —
 * its manifest, its SDL and its offer feed, each through the network edge
 * (network.ts) — and judged on what was read:
 *
 *   address → manifest → slug and namespace → owner → schema rules →
 *   feed → composition → the public API before and after
 *
 * Each refusal carries its code (codes.ts) and a message that repeats
 * nothing the plugin sent. What passes is the validated candidate: the
 * manifest, the SDL, the offers and the new supergraph, which the registry
 * stores and the catalogue lists without asking the plugin again.
 */
export type Composition = { ok: true; supergraphSdl: string; apiSchema: GraphQLSchema; hints: string[] } | { ok: false; violations: Violation[] };

/**
 * The one composition of the hub (`pnpm compose`, the gateway's plugins,
 * `pnpm plugin check`): the supergraph, its public API schema and the
 * composition hints, or why not. Never throws.
 */
export function composeWith(subgraphs: readonly SubgraphSdl[]): Composition {
  try {
    const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
    if (result.errors) {
      return { ok: false, violations: result.errors.slice(0, 10).map((e) => violation("PLUGIN_COMPOSITION_FAILED", `${String(e.extensions?.code ?? "COMPOSITION")}: ${e.message.slice(0, 300)}`)) };
    }
    return {
      ok: true,
      supergraphSdl: result.supergraphSdl,
      apiSchema: result.schema.toAPISchema().toGraphQLJSSchema(),
      hints: (result.hints ?? []).map((h) => `${h.definition.code}: ${h.message}`),
    };
  } catch (error) {
    return { ok: false, violations: [violation("PLUGIN_COMPOSITION_FAILED", (error as Error).message.slice(0, 300))] };
  }
}

export const asSubgraph = (p: Pick<RegisteredPlugin, "slug" | "url" | "sdl">): SubgraphSdl => ({ name: p.slug, url: p.url, sdl: p.sdl });

/** What a validated plugin is: what the registry stores and the catalogue lists. */
export interface Candidate {
  manifest: PluginManifest;
  sdl: string;
  offers: OfferFeedItem[];
  /** Offers refused from the feed (each by its position and rule), when the rest was good. */
  problems: string[];
  supergraphSdl: string;
  apiSchema: GraphQLSchema;
}

export type Admission = { ok: true; candidate: Candidate } | { ok: false; violations: Violation[]; manifest?: PluginManifest };

/** The hub as admission sees it. */
export interface AdmissionContext {
  core: readonly SubgraphSdl[];
  /** The plugins in the graph (the one being updated left out). */
  plugins: readonly RegisteredPlugin[];
  /** The public API of the core and those plugins: what admission may only add to. */
  baseline: GraphQLSchema;
  policy: PluginAddressPolicy;
  limits?: PluginLimits;
  /** The key requests to this plugin are signed with (the slug's current generation). */
  signingKeyFor(slug: string): string;
  /** Whether a partner id is an active partner in the register. */
  partnerIsActive(id: string): Promise<boolean>;
}

export interface AdmissionRequest {
  /** The plugin's GraphQL endpoint. */
  url: string;
  /** The owner: named by the coordinator at registration, pinned ever after; the manifest must agree. Only a check (which stores nothing) may leave it out, and then takes the manifest's. */
  ownerPartnerId?: string;
  /** When updating: the registration's slug. */
  updating?: string;
}

const FETCH_CODES: Record<PluginFetchFailure, Violation["code"]> = {
  unreachable: "PLUGIN_UNREACHABLE",
  "http-status": "PLUGIN_UNREACHABLE",
  redirect: "PLUGIN_REDIRECTED",
  "too-large": "PLUGIN_ANSWER_TOO_LARGE",
  "address-not-allowed": "PLUGIN_URL_NOT_ALLOWED",
};

/** A failed probe as a violation: which document, and the edge's fixed reason. */
const fetchViolation = (what: string, error: unknown): Violation => {
  const failure: PluginFetchFailure = error instanceof PluginFetchError ? error.failure : "unreachable";
  return violation(FETCH_CODES[failure], `Its ${what} could not be read: ${error instanceof PluginFetchError ? error.message : "no answer"}`);
};

const sameOrigin = (a: string, b: string) => {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
};

/** Every check, in the order a plugin author would fix them. */
export async function admit(hub: AdmissionContext, request: AdmissionRequest): Promise<Admission> {
  const limits = hub.limits ?? DEFAULT_PLUGIN_LIMITS;
  const edge = { policy: hub.policy, timeoutMs: limits.timeoutMs };
  const refused = checkPluginUrl(request.url, hub.policy);
  if (refused) return { ok: false, violations: [violation("PLUGIN_URL_NOT_ALLOWED", refused === "address-not-allowed" ? "The URL's address is loopback, link-local or private and not on the hub's allow-list (PLUGIN_ALLOWED_ADDRESSES)" : "The URL must be http(s)")] };
  if (hub.core.some((c) => sameOrigin(c.url, request.url))) return { ok: false, violations: [violation("PLUGIN_URL_NOT_ALLOWED", "The URL is a core subgraph's address")] };

  let manifestJson: unknown;
  try {
    manifestJson = await pluginJson(new URL("/hub/manifest", request.url).toString(), { ...edge, maxBytes: limits.probeBytes });
  } catch (error) {
    return { ok: false, violations: [fetchViolation("manifest (/hub/manifest)", error)] };
  }
  const parsed = parseManifest(manifestJson);
  if (!parsed.ok) return { ok: false, violations: parsed.problems.map((message) => violation("PLUGIN_MANIFEST_INVALID", message)) };
  // the registration's address, not the one the manifest claims
  const manifest = { ...parsed.value, url: request.url };
  const fail = (...violations: Violation[]): Admission => ({ ok: false, manifest, violations });

  const taken = [...hub.core.map((s) => s.name), ...hub.plugins.map((p) => p.slug)];
  if (request.updating ? manifest.slug !== request.updating : taken.includes(manifest.slug)) {
    return fail(violation("PLUGIN_SLUG_TAKEN", request.updating ? `The plugin now calls itself "${manifest.slug}", not "${request.updating}"` : `"${manifest.slug}" is already a subgraph of the hub`));
  }
  const shape = coreShape(hub.core);
  const overlap = checkNamespace(manifest.slug, shape, hub.plugins.map((p) => p.slug));
  if (overlap.length) return fail(...overlap);
  const owner = (request.ownerPartnerId ?? manifest.ownerPartnerId).toLowerCase();
  if (manifest.ownerPartnerId.toLowerCase() !== owner) {
    return fail(violation("PLUGIN_OWNER_MISMATCH", `The manifest names partner ${manifest.ownerPartnerId} as its owner; the registration is ${request.updating ? "pinned to" : "for"} ${owner}`));
  }
  if (!(await hub.partnerIsActive(owner))) return fail(violation("PLUGIN_OWNER_UNKNOWN", `Partner ${owner} is not an active partner in the register`));

  let sdl: string;
  try {
    sdl = await fetchSdl(request.url, manifest.slug, hub.signingKeyFor(manifest.slug), { ...edge, maxBytes: limits.probeBytes });
  } catch (error) {
    return fail(fetchViolation("SDL ({ _service { sdl } })", error));
  }
  const violations = checkSchema(manifest.slug, sdl, shape);

  let offers: OfferFeedItem[] = [];
  let problems: string[] = [];
  try {
    const feed = parseOfferFeed(await pluginJson(new URL("/hub/offers", request.url).toString(), { ...edge, maxBytes: limits.feedBytes }), owner);
    ({ offers, problems } = feed);
    if (feed.foreign) violations.push(violation("PLUGIN_FOREIGN_OFFERS", `${feed.foreign} offer(s) in its feed name a partner other than its owner ${owner}`));
    const malformed = feed.problems.filter((p) => !p.includes("not the plugin's owner"));
    if (malformed.length) violations.push(violation("PLUGIN_FEED_INVALID", `${malformed.length} offer(s) malformed, e.g. ${malformed[0]}`));
  } catch (error) {
    violations.push(fetchViolation("offer feed (/hub/offers)", error));
  }
  if (violations.length) return fail(...violations);

  const composed = composeWith([...hub.core, ...hub.plugins.map(asSubgraph), { name: manifest.slug, url: request.url, sdl }]);
  if (!composed.ok) return fail(...composed.violations);
  const changes = apiChanges(hub.baseline, composed.apiSchema, manifest.slug);
  if (changes.length) return fail(...changes);
  return { ok: true, candidate: { manifest, sdl, offers, problems, supergraphSdl: composed.supergraphSdl, apiSchema: composed.apiSchema } };
}

/**
 * Re-checks a registration loaded from the registry (at start, or when
 * another replica changed it): the schema rules and the API diff, with no
 * probe. A registration stored before a rule existed is judged by it now.
 */
export function recheck(core: readonly SubgraphSdl[], admitted: readonly RegisteredPlugin[], plugin: RegisteredPlugin, baseline: GraphQLSchema): Composition {
  const shape = coreShape(core);
  const violations = [...checkNamespace(plugin.slug, shape, admitted.map((p) => p.slug)), ...checkSchema(plugin.slug, plugin.sdl, shape)];
  if (violations.length) return { ok: false, violations };
  const composed = composeWith([...core, ...admitted.map(asSubgraph), asSubgraph(plugin)]);
  if (!composed.ok) return composed;
  const changes = apiChanges(baseline, composed.apiSchema, plugin.slug);
  return changes.length ? { ok: false, violations: changes } : composed;
}

/** `{ _service { sdl } }`, signed for the plugin as the gateway signs its queries. */
async function fetchSdl(url: string, slug: string, key: string, options: { policy: PluginAddressPolicy; timeoutMs: number; maxBytes: number }): Promise<string> {
  const body = JSON.stringify({ query: "{ _service { sdl } }" });
  const answer = await pluginFetch(url, {
    ...options,
    method: "POST",
    headers: { "content-type": "application/json", ...signRequest(key, encodeIdentity({ kind: "anonymous" }), { method: "POST", path: pathOf(url), audience: slug, body }) },
    body,
  });
  if (answer.status < 200 || answer.status >= 300) throw new PluginFetchError("http-status", `HTTP ${answer.status}`);
  let sdl: unknown;
  try {
    sdl = (JSON.parse(answer.text) as { data?: { _service?: { sdl?: unknown } } }).data?._service?.sdl;
  } catch {
    throw new PluginFetchError("unreachable", "not JSON");
  }
  if (typeof sdl !== "string") throw new PluginFetchError("unreachable", "no SDL in the answer");
  return sdl;
}

/** The core subgraphs' committed SDL files (`schema/subgraphs/<name>.graphql`) in a folder. */
export function readCoreSdls(dir: string | URL, urlFor: (name: string) => string = (name) => `http://127.0.0.1/${name}`): SubgraphSdl[] {
  const base = typeof dir === "string" ? pathToFileURL(dir.endsWith("/") ? dir : `${dir}/`) : dir;
  return readdirSync(base)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => {
      const name = f.replace(/\.graphql$/, "");
      return { name, url: urlFor(name), sdl: readFileSync(new URL(f, base), "utf8") };
    });
}

/**
 * The checks that need no hub (`pnpm plugin check <folder>`, each plugin's
 * own test): the slug is not a core subgraph's, the namespace and schema
 * rules hold, it composes with the committed core, and the public API only
 * grows under its namespace. The feed and the owner need a hub.
 */
export function checkPluginOffline(manifest: PluginManifest, sdl: string, core: readonly SubgraphSdl[]): Violation[] {
  if (core.some((c) => c.name === manifest.slug)) return [violation("PLUGIN_SLUG_TAKEN", `"${manifest.slug}" is a core subgraph`)];
  const baseline = composeWith(core);
  if (!baseline.ok) return baseline.violations;
  const result = recheck(core, [], { ...manifest, sdl, generation: 0, description: manifest.description ?? null }, baseline.apiSchema);
  return result.ok ? [] : result.violations;
}

export { coreShape, checkSchema, checkNamespace, PLUGIN_LIMITS, type CoreShape, type SubgraphSdl } from "./schema-rules.js";
