import { sendError, sendJson, type Route } from "@bdp/kit/server";
import type { RunOperation } from "../export/exports.js";

/**
 * `GET /feed.json`: the partnership's public news as a JSON Feed 1.1
 * (https://www.jsonfeed.org/version/1.1/), for the media and anyone's feed
 * reader (issue #15, item 5). It is the register's `partnershipNews` run
 * through the gateway itself, as the caller, like the exports: the same
 * rate limit and limits as any query.
 */
const NEWS = `query PartnershipFeed { partnershipNews(first: 50) { nodes { id type occurredAt title subjectType subjectId details } } }`;

interface News {
  id: string;
  type: string;
  occurredAt: string;
  title: string;
  subjectType: string;
  subjectId: string;
  details: string;
}

export function feedRoute(operationsFor: (req: Parameters<Route>[0], res: Parameters<Route>[1]) => Promise<RunOperation | null>): Route {
  return async (req, res, url) => {
    if (url.pathname !== "/feed.json") return false;
    if (req.method !== "GET") {
      sendError(res, 405, "BAD_REQUEST", `${req.method} is not allowed on /feed.json (GET)`);
      return true;
    }
    const run = await operationsFor(req, res);
    if (!run) return true;
    const body = await run(NEWS, {});
    const news = (body.data as { partnershipNews?: { nodes: News[] } } | undefined)?.partnershipNews?.nodes;
    if (!news) {
      sendJson(res, body.status >= 400 ? body.status : 502, { errors: body.errors ?? [{ message: "The register answered no news" }] });
      return true;
    }
    sendJson(res, 200, {
      version: "https://jsonfeed.org/version/1.1",
      title: "Partnerstwo Będzin–Dąbrowa na rzecz zatrudnienia i rozwoju: aktualności",
      description: "Accessions, withdrawals, suspensions and the decisions of the partnership, with their reasons.",
      // no feed_url: the gateway does not know the address it is published under behind a balancer, and a Host header is the caller's to make up
      language: "pl",
      items: news.map((n) => ({
        id: n.id,
        title: n.title,
        content_text: contentOf(n),
        date_published: n.occurredAt,
        tags: [n.type],
        _bdp: { subject: { type: n.subjectType, id: n.subjectId } },
      })),
    }, { "content-type": "application/feed+json; charset=utf-8" });
    return true;
  };
}

/** The title and the reason, where the event has one (decisions are public with their reasons). */
function contentOf(news: News): string {
  let reason: unknown;
  try {
    reason = (JSON.parse(news.details) as { reason?: unknown }).reason;
  } catch {
    reason = undefined;
  }
  return typeof reason === "string" && reason ? `${news.title}. ${reason}` : news.title;
}
