import { readBody, sendJson, type Identity, type Logger, type Route } from "@bdp/kit";
import type { Violation } from "@bdp/kit";
import type { PluginManager } from "./manager.js";

/**
 * The coordinator's plugin administration on the running hub (issue #4),
 * used by `pnpm plugin …`; a bearer token with the coordinator role:
 *
 *   GET    /admin/plugins               the plugins in the graph, with their addresses and contacts
 *   POST   /admin/plugins/check {url}   the admission checks alone, nothing changes
 *   POST   /admin/plugins {url}         admit a plugin: checks, registry, recomposition, swap
 *   PUT    /admin/plugins/<slug> {url?} read it again (new schema, new version, new address)
 *   DELETE /admin/plugins/<slug>        take it out of the graph, with its offers
 *
 * A refusal is 422 with one error per violation, each with its code.
 */
const refusal = (violations: Violation[]) => ({ errors: violations.map((v) => ({ message: v.message, extensions: { code: v.code } })) });

export function pluginAdminRoute(plugins: PluginManager, identify: (header: string | undefined) => { ok: true; identity: Identity } | { ok: false; reason: string }, log: Logger): Route {
  return async (req, res, url) => {
    const m = /^\/admin\/plugins(?:\/([a-z0-9-]{1,40}))?$/.exec(url.pathname);
    if (!m) return false;
    const slug = m[1];
    const caller = identify(req.headers.authorization);
    if (!caller.ok || caller.identity.kind === "anonymous") {
      sendJson(res, 401, { errors: [{ message: caller.ok ? "A coordinator's bearer token is required" : `Invalid bearer token: ${caller.reason}`, extensions: { code: "UNAUTHENTICATED" } }] });
      return true;
    }
    if (caller.identity.kind !== "coordinator") {
      sendJson(res, 403, { errors: [{ message: "Only the coordinator administers plugins", extensions: { code: "FORBIDDEN" } }] });
      return true;
    }
    if (req.method === "GET" && !slug) {
      // addresses and contacts are the coordinator's: an address is where to aim, a contact is a person
      sendJson(res, 200, { plugins: plugins.list().map(({ sdl: _sdl, ...rest }) => rest) });
      return true;
    }
    let body: { url?: unknown } = {};
    try {
      const text = await readBody(req, 10_000);
      body = text ? (JSON.parse(text) as { url?: unknown }) : {};
    } catch {
      sendJson(res, 400, { errors: [{ message: "The body must be JSON: {\"url\": \"http://…/graphql\"}", extensions: { code: "BAD_REQUEST" } }] });
      return true;
    }
    const target = typeof body.url === "string" && /^https?:\/\/\S+$/.test(body.url) ? body.url : undefined;
    if (req.method === "POST" && (slug === "check" || !slug)) {
      if (!target) {
        sendJson(res, 400, { errors: [{ message: "url: the plugin's GraphQL endpoint, http(s)://…", extensions: { code: "BAD_USER_INPUT", field: "url" } }] });
        return true;
      }
      if (slug === "check") {
        const admission = await plugins.check(target);
        sendJson(res, 200, admission.ok ? { ok: true, manifest: admission.candidate.manifest, offers: admission.candidate.offers } : { ok: false, ...refusal(admission.violations) });
        return true;
      }
      const change = await plugins.register(target, caller.identity);
      if (!change.ok) sendJson(res, 422, refusal(change.violations));
      else sendJson(res, 201, { plugin: { ...change.plugin, sdl: undefined }, offers: change.offers, problems: change.problems });
      return true;
    }
    if (req.method === "PUT" && slug) {
      const change = await plugins.updatePlugin(slug, target, caller.identity);
      if (!change) sendJson(res, 404, { errors: [{ message: `No plugin "${slug}"`, extensions: { code: "NOT_FOUND" } }] });
      else if (!change.ok) sendJson(res, 422, refusal(change.violations));
      else sendJson(res, 200, { plugin: { ...change.plugin, sdl: undefined }, offers: change.offers, problems: change.problems });
      return true;
    }
    if (req.method === "DELETE" && slug) {
      const removed = await plugins.remove(slug, caller.identity);
      sendJson(res, removed ? 200 : 404, removed ? { removed: slug } : { errors: [{ message: `No plugin "${slug}"`, extensions: { code: "NOT_FOUND" } }] });
      return true;
    }
    log.warn("plugin admin: method not allowed", { method: req.method, path: url.pathname });
    sendJson(res, 405, { errors: [{ message: `${req.method} is not allowed on ${url.pathname}`, extensions: { code: "BAD_REQUEST" } }] });
    return true;
  };
}
