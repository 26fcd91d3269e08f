import type { Route } from "@bdp/kit/server";
import type { GatewayMetrics } from "../metrics.js";

/** `GET /metrics`: Prometheus text. */
export function metricsRoute(metrics: GatewayMetrics): Route {
  return (req, res, url) => {
    if (req.method !== "GET" || url.pathname !== "/metrics") return false;
    res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
    res.end(metrics.text());
    return true;
  };
}
