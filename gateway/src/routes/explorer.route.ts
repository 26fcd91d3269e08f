import type { Route } from "@bdp/kit/server";
import { serveExplorer } from "../explorer.js";

/** `GET /explorer/…`: the offline explorer (Altair); `/` leads to it. */
export function explorerRoute(): Route {
  return (req, res, url) => {
    if (req.method !== "GET") return false;
    if (url.pathname === "/") {
      res.writeHead(302, { location: "/explorer/" });
      res.end();
      return true;
    }
    return serveExplorer(url.pathname, res);
  };
}
