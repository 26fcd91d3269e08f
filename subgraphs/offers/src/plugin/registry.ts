import type { EntityManager } from "@mikro-orm/postgresql";
import { AuditAction, HubError, checkText, postSigned, write, type Audited, type Identity, type OrmHandle, type Route, type SubgraphServices, type Writer } from "@bdp/kit/server";
import {
  PLUGIN_FETCH_REASONS, PluginAddressPolicy, PluginFetchError, pluginLimitsFromEnv, parseOfferFeed, pluginJson, type OfferFeedItem, type PluginLimits, type RegisteredPlugin,
} from "@bdp/kit/plugin";
import { CatalogueOffer } from "../offer/offer.entity.js";
import { internalApi, type InternalHandler } from "../internal.js";
import { PluginRegistration, PluginSlug, SupergraphVersion } from "./plugin.entity.js";

/**
 * The plugin registry (issue #4, made the one source of truth by issue
 * #11): the registrations, each slug's key generation, the offers, and every
 * version of the composed supergraph, in one database, changed in one
 * transaction per change. The gateway's plugin supergraph manager runs the
 * admission checks and composes; this stores what it validated. Its API is
 * for the gateway only: every request carries the gateway's signature for
 * the `offers` audience, and changes need the coordinator's identity.
 *
 *   GET    /internal/plugins                  registrations, generations and the latest supergraph
 *   PUT    /internal/plugins/<slug>           admit or update: { plugin, offers, supergraph: { sdl, basedOn } }
 *   DELETE /internal/plugins/<slug>           remove: { supergraph: { sdl, basedOn } }
 *   POST   /internal/plugins/<slug>/owner     the coordinator's transfer: { ownerPartnerId, reason }
 *   POST   /internal/plugins/<slug>/refresh   read its offers now
 *   PUT    /internal/supergraph               a recomposition with the same plugins: { sdl, basedOn, change }
 *
 * A change based on a supergraph version older than the latest is refused
 * with 409 CONFLICT: another gateway changed the graph first.
 */
export interface RefreshResult {
  offers: number;
  problems: string[];
}

const PLUGIN: Audited<PluginRegistration> = { type: "Plugin", audited: ["name", "url", "pluginVersion", "ownerPartnerId"], owner: (p) => p.ownerPartnerId };
/** The catalogue's own writes (feed reads): no caller, nothing audited. */
const CATALOGUE: Identity = { kind: "anonymous" };

/** Where plugins may be reached and how much they may send: as the subgraph was started with, else from the environment (PLUGIN_ALLOWED_ADDRESSES, PLUGIN_MAX_FEED_BYTES, PLUGIN_TIMEOUT_MS). */
const edges = new WeakMap<SubgraphServices, { policy: PluginAddressPolicy; limits: PluginLimits }>();
function edgeOf(service: SubgraphServices): { policy: PluginAddressPolicy; limits: PluginLimits } {
  let edge = edges.get(service);
  if (!edge) edges.set(service, (edge = { policy: service.pluginPolicy ?? PluginAddressPolicy.fromEnv(), limits: service.pluginLimits ?? pluginLimitsFromEnv() }));
  return edge;
}

/** The plugin's feed URL: its GraphQL URL's origin + `/hub/offers`. */
export const feedUrl = (graphqlUrl: string) => new URL("/hub/offers", graphqlUrl).toString();

/** Fixed, client-safe words for what went wrong with a feed: nothing the plugin sent is repeated (issue #11). */
function refreshError(problems: string[], foreign: number): string | null {
  if (!problems.length) return null;
  const malformed = problems.length - foreign;
  return [malformed ? `${malformed} offer(s) refused: not in the hub's offer shape` : null, foreign ? `${foreign} offer(s) refused: published for a partner other than the plugin's owner` : null]
    .filter(Boolean)
    .join("; ");
}

/** A feed's salary as the catalogue's columns. */
const salaryColumns = (salary: OfferFeedItem["salary"]) => ({ salaryMin: salary?.min ?? null, salaryMax: salary?.max ?? null, salaryCurrency: salary?.currency ?? null, salaryPeriod: salary?.period ?? null });

/** The event that tells an offer is new in the catalogue (relayed to the register's webhooks and feed). */
export const OFFER_PUBLISHED = "OFFER_PUBLISHED";

/**
 * Replaces the catalogue's offers of a plugin with these (already validated
 * for its pinned owner), in the writer's transaction. With `news`, each
 * offer the plugin did not list before is told as OFFER_PUBLISHED, public
 * and addressed to its owner too; the offers a plugin brings with its
 * admission join without news (the hub's first start admits the demo
 * plugins with hundreds of offers, which are the catalogue, not news).
 */
async function replaceOffers(w: Writer, slug: string, offers: readonly OfferFeedItem[], problems: string[], now: Date, news: boolean): Promise<number> {
  const { tx } = w;
  const ids = offers.map((o) => o.id);
  const known = await tx.find(CatalogueOffer, { id: { $in: ids } }, { fields: ["id", "pluginSlug"] });
  // an id another plugin already publishes stays that plugin's
  const taken = new Set(known.filter((o) => o.pluginSlug !== slug).map((o) => o.id));
  const listed = new Set(known.filter((o) => o.pluginSlug === slug).map((o) => o.id));
  const mine = offers.filter((o) => {
    if (taken.has(o.id)) problems.push("an offer id belongs to another plugin's offer");
    return !taken.has(o.id);
  });
  await tx.nativeDelete(CatalogueOffer, { pluginSlug: slug, id: { $nin: mine.map((o) => o.id) } });
  if (mine.length) await tx.upsertMany(CatalogueOffer, mine.map(({ salary, ...o }) => ({ ...o, ...salaryColumns(salary), pluginSlug: slug, refreshedAt: now })));
  if (news) {
    for (const o of mine.filter((o) => !listed.has(o.id))) {
      w.publish({
        type: OFFER_PUBLISHED, subjectType: "Offer", subjectId: o.id, public: true, partnerIds: [o.partnerId],
        title: `${o.title} (${o.kind})`,
        data: { offerId: o.id, partnerId: o.partnerId, kind: o.kind, title: o.title, municipalityCode: o.municipalityCode, validFrom: o.validFrom, validThrough: o.validThrough, url: o.url, plugin: slug },
      });
    }
  }
  return mine.length;
}

/**
 * Reads a plugin's offers through the network edge and replaces what the
 * catalogue holds for it, in one transaction. A plugin that does not answer
 * keeps its offers listed, with the time of the last good read; only its
 * pinned owner's offers are taken.
 */
export async function refreshPlugin(em: EntityManager, slug: string, service: SubgraphServices): Promise<RefreshResult> {
  const plugin = await em.findOne(PluginRegistration, { slug });
  if (!plugin) return { offers: 0, problems: [`no plugin "${slug}"`] };
  let feed: unknown;
  try {
    const { policy, limits } = edgeOf(service);
    feed = await pluginJson(feedUrl(plugin.url), { policy, maxBytes: limits.feedBytes, timeoutMs: limits.timeoutMs });
  } catch (error) {
    const failure = error instanceof PluginFetchError ? error.failure : "unreachable";
    const reason = `offers not read: ${PLUGIN_FETCH_REASONS[failure]}`;
    await write({ em, identity: CATALOGUE }, async (w) => {
      (await w.tx.findOneOrFail(PluginRegistration, { slug })).lastRefreshError = reason;
    });
    service.log.warn("plugin offers not refreshed", { plugin: slug, reason: failure, detail: error instanceof PluginFetchError ? error.detail : String(error) });
    return { offers: plugin.offerCount, problems: [reason] };
  }
  const { offers, problems, foreign } = parseOfferFeed(feed, plugin.ownerPartnerId);
  const now = new Date();
  const listed = await write({ em, identity: CATALOGUE }, async (w) => {
    const count = await replaceOffers(w, slug, offers, problems, now, true);
    const fresh = await w.tx.findOneOrFail(PluginRegistration, { slug });
    fresh.lastRefreshAt = now;
    fresh.offerCount = count;
    fresh.lastRefreshError = refreshError(problems, foreign);
    return count;
  });
  if (problems.length) service.log.warn("plugin offers refused", { plugin: slug, refused: problems.length });
  return { offers: listed, problems };
}

export async function refreshAll(em: EntityManager, service: SubgraphServices): Promise<void> {
  const plugins = await em.find(PluginRegistration, {}, { fields: ["slug"] });
  for (const { slug } of plugins) await refreshPlugin(em.fork(), slug, service);
  for (const feed of coreFeeds(service)) await refreshCoreFeed(em.fork(), feed, service);
}

/** A core subgraph's feed of offers: trusted (any partner's offers), read signed for its audience. */
export interface CoreFeed {
  /** The catalogue's source of its offers: `core:<subgraph>`, never a plugin's slug. */
  source: string;
  url: URL;
  audience: string;
}

/** The core feeds the catalogue reads: the labour offices' instrument calls from the training subgraph (TRAINING_URL). */
export function coreFeeds(service: SubgraphServices): CoreFeed[] {
  const training = service.env.TRAINING_URL;
  return training ? [{ source: "core:training", url: new URL("/internal/instrument-offers", training), audience: "training" }] : [];
}

/**
 * Reads a core subgraph's offers and replaces the catalogue's of that source,
 * in one transaction (issue #16: the labour offices' calls as offers). An
 * offer new since the last read is news, as a plugin's is; the first read
 * (the catalogue holds none of the source) is quiet.
 */
export async function refreshCoreFeed(em: EntityManager, feed: CoreFeed, service: SubgraphServices): Promise<number> {
  let answer: unknown;
  try {
    answer = await postSigned(feed.url, feed.audience, service.signingKey, {});
  } catch (error) {
    service.log.warn("core offers not refreshed", { source: feed.source, error: error instanceof Error ? error.message : String(error) });
    return 0;
  }
  const { offers, problems } = parseOfferFeed(answer, null);
  if (problems.length) service.log.warn("core offers refused", { source: feed.source, refused: problems.length, first: problems[0] });
  return write({ em, identity: CATALOGUE }, async (w) => {
    const first = (await w.tx.count(CatalogueOffer, { pluginSlug: feed.source })) === 0;
    return replaceOffers(w, feed.source, offers, problems, new Date(), !first);
  });
}

const asRegistered = (p: PluginRegistration): RegisteredPlugin => ({
  slug: p.slug, name: p.name, description: p.description, ownerPartnerId: p.ownerPartnerId, url: p.url, contact: p.contact, version: p.pluginVersion, sdl: p.sdl, generation: p.generation,
});

/** The latest supergraph version stored, if any. */
async function latest(tx: EntityManager): Promise<SupergraphVersion | null> {
  return (await tx.find(SupergraphVersion, {}, { orderBy: { version: "desc" }, limit: 1 }))[0] ?? null;
}

/** Stores the next supergraph version, refusing a change based on an older one (another gateway changed the graph first). */
async function nextVersion(tx: EntityManager, supergraph: { sdl?: unknown; basedOn?: unknown } | undefined, change: string): Promise<number> {
  if (!supergraph || typeof supergraph.sdl !== "string" || supergraph.sdl.length === 0) throw HubError.badInput("supergraph", "the composed supergraph is missing");
  const current = (await latest(tx))?.version ?? 0;
  if (supergraph.basedOn !== current) throw new HubError("CONFLICT", `The supergraph is at version ${current}, not ${String(supergraph.basedOn)}: another gateway changed it; reload and try again`, { version: current });
  // the primary key settles a race between two transactions based on the same version
  tx.create(SupergraphVersion, { version: current + 1, sdl: supergraph.sdl, change: change.slice(0, 200), createdAt: new Date() });
  return current + 1;
}

async function generationOf(tx: EntityManager, slug: string): Promise<PluginSlug> {
  return (await tx.findOne(PluginSlug, { slug })) ?? tx.create(PluginSlug, { slug, generation: 0 });
}

function parseRegistration(input: Partial<RegisteredPlugin> | undefined, slug: string): RegisteredPlugin {
  for (const key of ["slug", "name", "ownerPartnerId", "url", "contact", "version", "sdl"] as const) {
    if (typeof input?.[key] !== "string" || input[key]!.length === 0) throw HubError.badInput(`plugin.${key}`, "is missing");
  }
  if (input!.slug !== slug) throw HubError.badInput("plugin.slug", "the slug in the path and in the body differ");
  if (!Number.isInteger(input!.generation)) throw HubError.badInput("plugin.generation", "is missing");
  return input as RegisteredPlugin;
}

/** The coordinator's approval of breaking changes, as the audit trail keeps it: the reason, then the changes. */
function approvalOf(input: { reason?: unknown; changes?: unknown } | undefined): string | null {
  if (input === undefined || input === null) return null;
  const reason = checkText("approval.reason", typeof input.reason === "string" ? input.reason : null, 5, 2000);
  if (!Array.isArray(input.changes) || input.changes.length === 0 || input.changes.length > 500 || !input.changes.every((c) => typeof c === "string" && c.length <= 500)) {
    throw HubError.badInput("approval.changes", "the breaking changes approved: 1 to 500 texts");
  }
  return `${reason} — approved breaking changes: ${(input.changes as string[]).join("; ")}`;
}

export function registryRoutes(db: OrmHandle, service: SubgraphServices): Route[] {
  const { log } = service;
  const handlers: Record<string, InternalHandler> = {
    "GET plugins": async (em) => {
      const [plugins, slugs, supergraph] = await Promise.all([
        em.find(PluginRegistration, {}, { orderBy: { slug: "asc" } }),
        em.find(PluginSlug, {}),
        latest(em),
      ]);
      return [200, { plugins: plugins.map(asRegistered), generations: Object.fromEntries(slugs.map((s) => [s.slug, s.generation])), supergraph: supergraph ? { version: supergraph.version, sdl: supergraph.sdl } : null }];
    },
    "PUT plugin": async (em, identity, body, slug) => {
      const plugin = parseRegistration(body.plugin, slug!);
      const { offers, problems, foreign } = parseOfferFeed({ offers: body.offers ?? [] }, plugin.ownerPartnerId);
      if (foreign) throw new HubError("CONFLICT", "Offers must belong to the plugin's owner");
      const approval = approvalOf(body.approval);
      const result = await write({ em, identity }, async (w) => {
        const existing = await w.tx.findOne(PluginRegistration, { slug });
        if (existing && existing.ownerPartnerId !== plugin.ownerPartnerId) throw new HubError("CONFLICT", "The owner is pinned at registration: an update cannot change it (the coordinator transfers it)");
        const generation = await generationOf(w.tx, slug!);
        if (plugin.generation !== generation.generation) throw new HubError("CONFLICT", `The slug is at generation ${generation.generation}: reload and try again`);
        const version = await nextVersion(w.tx, body.supergraph, `${existing ? "update" : "admit"} ${slug}`);
        const now = new Date();
        const count = await replaceOffers(w, slug!, offers, problems, now, existing !== null);
        const values = {
          name: plugin.name, description: plugin.description ?? null, url: plugin.url, contact: plugin.contact, pluginVersion: plugin.version, sdl: plugin.sdl, generation: plugin.generation,
          lastRefreshAt: now, offerCount: count, lastRefreshError: refreshError(problems, 0),
        };
        // an update that breaks what clients used goes in only with the coordinator's approval, kept with the changes
        if (existing && approval) w.update(existing, values, { ...PLUGIN, action: AuditAction.DECIDE, reason: approval });
        else if (existing) w.update(existing, values, PLUGIN);
        else w.create(PluginRegistration, { slug: slug!, ownerPartnerId: plugin.ownerPartnerId, ...values }, PLUGIN);
        return { version, offers: count, problems };
      });
      log.info(body.change === "update" ? "plugin updated" : "plugin registered", { plugin: slug, version: result.version, by: identity.kind });
      return [200, result];
    },
    "DELETE plugin": async (em, identity, body, slug) => {
      const result = await write({ em, identity }, async (w) => {
        const existing = await w.tx.findOne(PluginRegistration, { slug });
        if (!existing) throw HubError.notFound("Plugin", slug!);
        const version = await nextVersion(w.tx, body.supergraph, `remove ${slug}`);
        await w.tx.nativeDelete(CatalogueOffer, { pluginSlug: slug });
        const generation = await generationOf(w.tx, slug!);
        generation.generation += 1;
        w.remove(existing, PLUGIN);
        return { version, generation: generation.generation };
      });
      log.info("plugin removed", { plugin: slug, version: result.version });
      return [200, { removed: slug, ...result }];
    },
    "POST owner": async (em, identity, body, slug) => {
      const reason = checkText("reason", body.reason, 5, 2000);
      const owner = typeof body.ownerPartnerId === "string" ? body.ownerPartnerId.toLowerCase() : "";
      const result = await write({ em, identity }, async (w) => {
        const existing = await w.tx.findOne(PluginRegistration, { slug });
        if (!existing) throw HubError.notFound("Plugin", slug!);
        const before = existing.ownerPartnerId;
        // its offers named the former owner: they go until the plugin publishes them as the new one's
        await w.tx.nativeDelete(CatalogueOffer, { pluginSlug: slug });
        w.update(existing, { ownerPartnerId: owner, offerCount: 0 }, { ...PLUGIN, audited: ["ownerPartnerId"], action: AuditAction.DECIDE, reason });
        return { slug, ownerPartnerId: owner, formerOwnerPartnerId: before };
      });
      log.info("plugin owner transferred", { plugin: slug });
      return [200, result];
    },
    "POST refresh": async (em, _identity, _body, slug) => [200, await refreshPlugin(em, slug!, service)],
    "PUT supergraph": async (em, identity, body) => {
      const version = await write({ em, identity }, ({ tx }) => nextVersion(tx, body, String(body.change ?? "recompose")));
      return [200, { version }];
    },
  };

  return [
    internalApi(db, service, {
      what: "plugin registry",
      bodyLimit: 20_000_000,
      handlers,
      match: (path, method) => {
        const m = /^\/internal\/(?:plugins(?:\/([a-z0-9-]{1,40}))?(\/refresh|\/owner)?|(supergraph))$/.exec(path);
        if (!m) return null;
        const [, slug, action, supergraph] = m;
        return { key: slug, name: supergraph ? `${method} supergraph` : action ? `${method} ${action.slice(1)}` : slug ? `${method} plugin` : `${method} plugins` };
      },
    }),
  ];
}
