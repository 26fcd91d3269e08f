import type { EntityManager } from "@mikro-orm/postgresql";
import { parseOfferFeed, readBody, sendJson, verifyRequest, type Logger, type OrmHandle, type RegisteredPlugin, type Route } from "@bdp/kit";
import { CatalogueOffer } from "../offer/offer.entity.js";
import { PluginRegistration } from "./plugin.entity.js";

/**
 * The plugin registry's internal API, for the gateway only (every request
 * must carry the gateway's signature; changes need the coordinator's
 * identity): the gateway runs the admission checks and composes, this keeps
 * the registrations and the offers. Not part of the graph.
 *
 *   GET    /internal/plugins                 every registration, with its SDL
 *   PUT    /internal/plugins/<slug>          register or update (body: the registration), then read its offers
 *   DELETE /internal/plugins/<slug>          remove it and its offers
 *   POST   /internal/plugins/<slug>/refresh  read its offers now
 */
export interface RefreshResult {
  offers: number;
  problems: string[];
}

const FEED_TIMEOUT_MS = 5000;

/** The plugin's feed URL: its GraphQL URL's origin + `/hub/offers`. */
export const feedUrl = (graphqlUrl: string) => new URL("/hub/offers", graphqlUrl).toString();

/**
 * Reads a plugin's offers and replaces what the catalogue holds for it, in
 * one transaction. A plugin that does not answer keeps its offers listed,
 * with the time of the last good read; only its owner's offers are taken.
 */
export async function refreshPlugin(em: EntityManager, slug: string, log: Logger): Promise<RefreshResult> {
  const plugin = await em.findOne(PluginRegistration, { slug });
  if (!plugin) return { offers: 0, problems: [`no plugin "${slug}"`] };
  let feed: unknown;
  try {
    const response = await fetch(feedUrl(plugin.url), { signal: AbortSignal.timeout(FEED_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    feed = await response.json();
  } catch (error) {
    plugin.lastRefreshError = `offers not read: ${error instanceof Error ? error.message : String(error)}`.slice(0, 500);
    await em.flush();
    log.warn("plugin offers not refreshed", { plugin: slug, reason: plugin.lastRefreshError });
    return { offers: plugin.offerCount, problems: [plugin.lastRefreshError] };
  }
  const { offers, problems } = parseOfferFeed(feed, plugin.ownerPartnerId);
  const now = new Date();
  const listed = await em.transactional(async (tx) => {
    // an id another plugin already publishes stays that plugin's
    const taken = new Set(
      (await tx.find(CatalogueOffer, { id: { $in: offers.map((o) => o.id) }, pluginSlug: { $ne: slug } }, { fields: ["id"] })).map((o) => o.id),
    );
    const mine = offers.filter((o) => {
      if (taken.has(o.id)) problems.push(`offer ${o.id}: the id belongs to another plugin's offer`);
      return !taken.has(o.id);
    });
    await tx.nativeDelete(CatalogueOffer, { pluginSlug: slug, id: { $nin: mine.map((o) => o.id) } });
    if (mine.length) await tx.upsertMany(CatalogueOffer, mine.map((o) => ({ ...o, pluginSlug: slug, refreshedAt: now })));
    const fresh = await tx.findOneOrFail(PluginRegistration, { slug });
    fresh.lastRefreshAt = now;
    fresh.offerCount = mine.length;
    fresh.lastRefreshError = problems.length ? `${problems.length} offer(s) refused: ${problems.slice(0, 3).join("; ")}`.slice(0, 1000) : null;
    return mine.length;
  });
  if (problems.length) log.warn("plugin offers refused", { plugin: slug, refused: problems.length });
  return { offers: listed, problems };
}

export async function refreshAll(em: EntityManager, log: Logger): Promise<void> {
  const plugins = await em.find(PluginRegistration, {}, { fields: ["slug"] });
  for (const { slug } of plugins) await refreshPlugin(em.fork(), slug, log);
}

function parseRegistration(body: string, slug: string): RegisteredPlugin | string {
  let input: Partial<RegisteredPlugin>;
  try {
    input = JSON.parse(body) as Partial<RegisteredPlugin>;
  } catch {
    return "the body is not JSON";
  }
  for (const key of ["slug", "name", "ownerPartnerId", "url", "contact", "version", "sdl"] as const) {
    if (typeof input[key] !== "string" || input[key]!.length === 0) return `${key} is missing`;
  }
  if (input.slug !== slug) return "the slug in the path and in the body differ";
  return input as RegisteredPlugin;
}

export function registryRoutes(db: OrmHandle, signingKey: string, log: Logger): Route[] {
  return [
    async (req, res, url) => {
      const m = /^\/internal\/plugins(?:\/([a-z0-9-]{1,40}))?(\/refresh)?$/.exec(url.pathname);
      if (!m) return false;
      const body = await readBody(req, 2_000_000);
      const verified = verifyRequest(signingKey, req.headers, body);
      if (!verified.ok) {
        sendJson(res, 401, { errors: [{ message: `The registry answers the gateway only: signature ${verified.reason}`, extensions: { code: "UNAUTHENTICATED" } }] });
        return true;
      }
      const em = db.orm.em.fork() as EntityManager;
      const [, slug, refresh] = m;
      if (req.method === "GET" && !slug) {
        const plugins = await em.find(PluginRegistration, {}, { orderBy: { slug: "asc" } });
        sendJson(res, 200, {
          plugins: plugins.map((p) => ({ slug: p.slug, name: p.name, description: p.description, ownerPartnerId: p.ownerPartnerId, url: p.url, contact: p.contact, version: p.pluginVersion, sdl: p.sdl })),
        });
        return true;
      }
      if (verified.identity.kind !== "coordinator" || !slug) {
        sendJson(res, 403, { errors: [{ message: "Only the coordinator changes the plugin registry", extensions: { code: "FORBIDDEN" } }] });
        return true;
      }
      if (req.method === "PUT" && !refresh) {
        const input = parseRegistration(body, slug);
        if (typeof input === "string") {
          sendJson(res, 400, { errors: [{ message: input, extensions: { code: "BAD_USER_INPUT" } }] });
          return true;
        }
        await em.transactional(async (tx) => {
          const existing = await tx.findOne(PluginRegistration, { slug });
          const values = { name: input.name, description: input.description ?? null, ownerPartnerId: input.ownerPartnerId, url: input.url, contact: input.contact, pluginVersion: input.version, sdl: input.sdl };
          if (existing) tx.assign(existing, values);
          else tx.create(PluginRegistration, { slug, ...values });
        });
        log.info("plugin registered", { plugin: slug, by: verified.identity.userId });
        sendJson(res, 200, await refreshPlugin(db.orm.em.fork() as EntityManager, slug, log));
        return true;
      }
      if (req.method === "POST" && refresh) {
        sendJson(res, 200, await refreshPlugin(em, slug, log));
        return true;
      }
      if (req.method === "DELETE" && !refresh) {
        const removed = await em.transactional(async (tx) => {
          await tx.nativeDelete(CatalogueOffer, { pluginSlug: slug });
          return tx.nativeDelete(PluginRegistration, { slug });
        });
        log.info("plugin removed", { plugin: slug, by: verified.identity.userId });
        sendJson(res, removed ? 200 : 404, removed ? { removed: slug } : { errors: [{ message: `No plugin "${slug}"`, extensions: { code: "NOT_FOUND" } }] });
        return true;
      }
      sendJson(res, 405, { errors: [{ message: `${req.method} is not allowed here`, extensions: { code: "BAD_REQUEST" } }] });
      return true;
    },
  ];
}
