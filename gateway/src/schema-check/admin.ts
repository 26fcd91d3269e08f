import { HubError, readBody, sendError, sendErrors, sendHubError, sendJson, type Logger, type Route } from "@bdp/kit/server";
import { coordinatorOf, type Identification } from "../auth/identify.js";
import type { CatalogueRegistry } from "../plugins/registry.js";
import type { PluginSupergraphManager } from "../plugins/supergraph-manager.js";

/**
 * A core schema change checked against usage before it is deployed (issue
 * #17), used by `pnpm schema:check`; a coordinator's token is required:
 *
 *   POST /admin/schema/check   { core: [{ name, sdl }] }           the diff against the API served now, with who used each change
 *   POST /admin/schema/approve { core: [{ name, sdl }], reason }   approve the breaking changes it has (kept and audited)
 *
 * The check answers `{ ok, breaking }`: ok is false when a change breaks
 * something a client used in the last 30 days.
 */
export function schemaCheckRoute(plugins: PluginSupergraphManager, catalogue: CatalogueRegistry, identify: (header: string | undefined) => Promise<Identification>, log: Logger): Route {
  return async (req, res, url) => {
    const m = /^\/admin\/schema\/(check|approve)$/.exec(url.pathname);
    if (!m) return false;
    const by = await coordinatorOf(identify, req, res, "Only the coordinator checks and approves schema changes");
    if (!by) return true;
    if (req.method !== "POST") {
      sendError(res, 405, "BAD_REQUEST", `${req.method} is not allowed on ${url.pathname}`);
      return true;
    }
    let body: { core?: unknown; reason?: unknown };
    try {
      body = JSON.parse(await readBody(req, 5_000_000)) as typeof body;
    } catch {
      sendError(res, 400, "BAD_REQUEST", 'The body must be JSON: {"core": [{"name": "partners", "sdl": "…"}]}');
      return true;
    }
    const core = Array.isArray(body.core) && body.core.length > 0 && body.core.every((c) => typeof c?.name === "string" && typeof c?.sdl === "string") ? (body.core as { name: string; sdl: string }[]) : null;
    if (!core) {
      sendError(res, 400, "BAD_USER_INPUT", "core: the core subgraphs' SDL, [{ name, sdl }]", { field: "core" });
      return true;
    }
    try {
      const result = await plugins.coreImpact(core);
      if (!result.ok) {
        sendErrors(res, 422, result.violations);
        return true;
      }
      const breaking = result.impact.breaking;
      const used = breaking.filter((c) => c.usedBy.length);
      if (m[1] === "check") {
        sendJson(res, 200, { ok: used.length === 0, breaking });
        return true;
      }
      if (typeof body.reason !== "string" || body.reason.trim().length < 5 || body.reason.length > 2000) {
        sendError(res, 400, "BAD_USER_INPUT", "reason: why clients may lose what the change removes, 5 to 2,000 characters (kept in the audit trail)", { field: "reason" });
        return true;
      }
      if (!breaking.length) {
        sendJson(res, 200, { approved: null, breaking });
        return true;
      }
      const approval = await catalogue.approveSchemaChange(body.reason.trim(), breaking.map((c) => c.change), by);
      log.info("core schema change approved", { by: by.userId, changes: breaking.length, used: used.length });
      sendJson(res, 201, { approved: approval.id, breaking });
    } catch (thrown) {
      if (!(thrown instanceof HubError)) throw thrown;
      sendHubError(res, thrown);
    }
    return true;
  };
}
