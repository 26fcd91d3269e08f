import { HubError, readBody, sendError, sendErrors, sendHubError, sendJson, type Logger, type Route } from "@bdp/kit/server";
import { coordinatorOf, type Identification } from "../auth/identify.js";
import type { PluginSupergraphManager } from "./supergraph-manager.js";

/**
 * The coordinator's plugin administration on the running hub (issue #4,
 * issue #11), used by `pnpm plugin …`; every route needs a bearer token with
 * the coordinator role:
 *
 *   GET    /admin/plugins                       the plugins in the graph, with addresses, contacts and the supergraph version
 *   POST   /admin/plugins/check {url, ownerPartnerId?}  the admission checks alone, nothing changes; for a plugin in
 *                                               the graph, as an update, with what it would break and who used it
 *   POST   /admin/plugins {url, ownerPartnerId}  admit a plugin owned by that partner: the owner is the coordinator's word, not the plugin's
 *   PUT    /admin/plugins/<slug> {url?, approveBreakingChanges?}  read it again (new schema, new version, new address); the
 *                                               owner stays; an update that breaks what clients used in the last 30 days needs
 *                                               the coordinator's reason in approveBreakingChanges (audited with the changes)
 *   DELETE /admin/plugins/<slug>                take it out of the graph, with its offers
 *   POST   /admin/plugins/<slug>/owner {ownerPartnerId, reason}  hand it to another partner (audited)
 *   GET    /admin/plugins/<slug>/key            the key to start a plugin of that slug with
 *
 * A refusal is 422 with one error per violation, each with its code.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function pluginAdminRoute(plugins: PluginSupergraphManager, identify: (header: string | undefined) => Promise<Identification>, log: Logger): Route {
  return async (req, res, url) => {
    const m = /^\/admin\/plugins(?:\/([a-z0-9-]{1,40}))?(\/owner|\/key)?$/.exec(url.pathname);
    if (!m) return false;
    const [, slug, action] = m;
    const by = await coordinatorOf(identify, req, res, "Only the coordinator administers plugins");
    if (!by) return true;
    if (req.method === "GET" && !slug) {
      // addresses and contacts are the coordinator's: an address is where to aim, a contact is a person
      sendJson(res, 200, { version: plugins.version, plugins: plugins.list().map(({ sdl: _sdl, ...rest }) => rest) });
      return true;
    }
    if (req.method === "GET" && slug && action === "/key") {
      sendJson(res, 200, { slug, generation: plugins.generationOf(slug), key: plugins.pluginKey(slug) });
      return true;
    }
    let body: Record<string, unknown> = {};
    try {
      const text = await readBody(req, 10_000);
      body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      sendError(res, 400, "BAD_REQUEST", 'The body must be JSON: {"url": "http://…/graphql", "ownerPartnerId": "…"}');
      return true;
    }
    const target = typeof body.url === "string" && /^https?:\/\/\S+$/.test(body.url) ? body.url : undefined;
    const owner = typeof body.ownerPartnerId === "string" && UUID.test(body.ownerPartnerId) ? body.ownerPartnerId.toLowerCase() : undefined;
    const badInput = (field: string, message: string): true => {
      sendError(res, 400, "BAD_USER_INPUT", `${field}: ${message}`, { field });
      return true;
    };
    try {
      if (req.method === "POST" && (slug === "check" || !slug)) {
        if (!target) return badInput("url", "the plugin's GraphQL endpoint, http(s)://…");
        if (slug === "check") {
          const { admission, impact } = await plugins.checkAny(target, owner);
          if (admission.ok) sendJson(res, 200, { ok: true, manifest: admission.candidate.manifest, offers: admission.candidate.offers.length, update: impact !== undefined, breaking: impact?.breaking ?? [] });
          else sendErrors(res, 200, admission.violations, { ok: false });
          return true;
        }
        if (!owner) return badInput("ownerPartnerId", "the id of the partner that owns the plugin: the coordinator names it, the plugin's manifest must agree");
        const change = await plugins.register(target, owner, by);
        if (!change.ok) sendErrors(res, 422, change.violations);
        else sendJson(res, 201, { plugin: { ...change.plugin, sdl: undefined }, offers: change.offers, problems: change.problems, version: change.version });
        return true;
      }
      if (req.method === "PUT" && slug && !action) {
        const approval = body.approveBreakingChanges;
        if (approval !== undefined && (typeof approval !== "string" || approval.trim().length < 5 || approval.length > 2000)) return badInput("approveBreakingChanges", "why clients may lose what the update removes, 5 to 2,000 characters (kept in the audit trail)");
        const change = await plugins.updatePlugin(slug, target, by, approval?.trim());
        if (!change) sendError(res, 404, "NOT_FOUND", `No plugin "${slug}"`);
        else if (!change.ok) sendErrors(res, 422, change.violations, change.impact ? { breaking: change.impact.breaking } : {});
        else sendJson(res, 200, { plugin: { ...change.plugin, sdl: undefined }, offers: change.offers, problems: change.problems, version: change.version, breaking: change.impact?.breaking ?? [] });
        return true;
      }
      if (req.method === "DELETE" && slug && !action) {
        const removed = await plugins.remove(slug, by);
        if (removed) sendJson(res, 200, { removed: slug, version: plugins.version });
        else sendError(res, 404, "NOT_FOUND", `No plugin "${slug}"`);
        return true;
      }
      if (req.method === "POST" && slug && action === "/owner") {
        if (!owner) return badInput("ownerPartnerId", "the id of the partner the plugin goes to");
        if (typeof body.reason !== "string" || body.reason.trim().length < 5 || body.reason.length > 2000) return badInput("reason", "why it changes hands, 5 to 2,000 characters (kept in the audit trail)");
        const moved = await plugins.transfer(slug, owner, body.reason.trim(), by);
        if (moved) sendJson(res, 200, { slug, ownerPartnerId: owner });
        else sendError(res, 404, "NOT_FOUND", `No plugin "${slug}"`);
        return true;
      }
    } catch (thrown) {
      if (!(thrown instanceof HubError)) throw thrown;
      sendHubError(res, thrown);
      return true;
    }
    log.warn("plugin admin: method not allowed", { method: req.method, path: url.pathname });
    sendError(res, 405, "BAD_REQUEST", `${req.method} is not allowed on ${url.pathname}`);
    return true;
  };
}
