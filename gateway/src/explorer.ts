import { randomBytes } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import type { ServerResponse } from "node:http";
import { getDistDirectory, renderAltair } from "altair-static";

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".html": "text/html; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
};

const EXAMPLE = `# The partnership's data, across all subgraphs in one query.
query PartnersOverview {
  partners(first: 5, filter: { municipalityCode: "2401" }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      name
      sector
      municipality { name }
      trainingProgrammes { title editions { startsOn seatsLeft } }
      activationProgrammes { name instrument capacity }
      initiatives { title cashContributionTotal }
    }
  }
}

# Statistics of a unit for charts, from four subgraphs at once.
query CountyInNumbers {
  territorialUnit(code: "2401") {
    name
    activePartners(fromYear: 2022, toYear: 2026) { periods { key } total { values { value } } }
    trainingPlaces(fromYear: 2026, toYear: 2026, grain: QUARTER) { periods { key } series { key values { value } } }
    activationParticipants(fromYear: 2022, toYear: 2026, by: OUTCOME) { periods { key } series { key values { value suppressed reason } } }
    registeredUnemployment(fromYear: 2024, toYear: 2026, grain: MONTH) { periods { key } total { values { value } } }
  }
}
`;

/**
 * The explorer's Content-Security-Policy (issue #17): its own scripts and the
 * one inline start-up script (by nonce), and requests to the hub alone — a
 * shared link that points the explorer at another endpoint cannot reach it —
 * and no framing.
 */
export function explorerPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    // Altair's Angular components set styles at run time
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/**
 * The GraphQL explorer (Altair), served from the package's own files: it
 * works with no internet, unlike Apollo's landing page, which loads from a CDN.
 */
export function serveExplorer(path: string, res: ServerResponse, base = "/explorer/"): boolean {
  if (path === base || path === base.slice(0, -1)) {
    const nonce = randomBytes(16).toString("base64");
    const html = renderAltair({ baseURL: base, endpointURL: "/graphql", initialQuery: EXAMPLE, initialName: "bdp-hub", cspNonce: nonce, disableAccount: true } as Parameters<typeof renderAltair>[0]);
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-security-policy": explorerPolicy(nonce) });
    res.end(html);
    return true;
  }
  if (!path.startsWith(base)) return false;
  const root = getDistDirectory();
  const file = normalize(join(root, decodeURIComponent(path.slice(base.length))));
  if (!file.startsWith(root)) return false;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return false;
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-length": stat.size, "cache-control": "public, max-age=3600" });
    createReadStream(file).pipe(res);
    return true;
  } catch {
    return false;
  }
}
