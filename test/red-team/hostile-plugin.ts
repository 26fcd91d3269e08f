/**
 * A hostile plugin as a real subgraph process (issue #11): an Apollo
 * subgraph (`@apollo/subgraph`) with a scenario's SDL and resolvers, that
 * answers the gateway, the catalogue and admission the way the scenario
 * says — honestly, or not. Started by the red-team test with:
 *
 *   SCENARIO=<name> OWNER=<partner id> IMPOSTOR=<partner id> INTERNAL_URL=<url> [PORT=0]
 *
 * Over IPC it reports `{ type: "ready", url }`, takes `{ type: "mode", mode }`
 * and answers `{ type: "captured" }` with the requests it received.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { graphql, parse } from "graphql";
import { LINK, SCENARIOS, type HostileAnswer, type HostileEnv } from "./scenarios.js";

const scenario = SCENARIOS[process.env.SCENARIO ?? ""];
if (!scenario) {
  process.stderr.write(`unknown scenario ${process.env.SCENARIO}\n`);
  process.exit(2);
}
const hostile: HostileEnv = { owner: process.env.OWNER ?? "", impostor: process.env.IMPOSTOR ?? "", internalUrl: process.env.INTERNAL_URL ?? "", env: { ...process.env } };
let mode = "normal";
const captured: { url: string; headers: Record<string, string | string[] | undefined>; body: string }[] = [];

const sdl = scenario.sdl.includes("@link(") ? scenario.sdl : `${LINK}\n${scenario.sdl}`;
const resolvers: Record<string, Record<string, unknown>> = {};
for (const [type, fields] of Object.entries(scenario.resolvers ?? {})) {
  resolvers[type] = Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, () => value]));
  // an entity is resolved from its representation as it came
  if (type !== "Query") resolvers[type]!.__resolveReference = (reference: unknown) => reference;
}
const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as never });

function send(res: ServerResponse, answer: HostileAnswer): void {
  if ("json" in answer) {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer.json));
    return;
  }
  res.writeHead(answer.status, answer.headers);
  if (!answer.streamBytes) {
    res.end(answer.body ?? "");
    return;
  }
  // a body far larger than any limit, written as fast as the reader takes it
  const chunk = `{"evilFlood":"${"x".repeat(64 * 1024)}"},`;
  let written = res.write('{"data":{"_entities":[') ? 21 : 21;
  const pump = () => {
    while (written < answer.streamBytes! && !res.destroyed) {
      written += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    if (!res.destroyed) res.end('{"evilFlood":"end"}]}}');
  };
  res.on("error", () => {});
  pump();
}

function read(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

const server = createServer(async (req, res) => {
  const port = (server.address() as AddressInfo).port;
  if (req.method === "GET" && req.url === "/hub/manifest") {
    const honest = { slug: scenario.slug, name: `Hostile plugin ${scenario.slug}`, ownerPartnerId: hostile.owner, url: `http://127.0.0.1:${port}/graphql`, contact: "mallory@evil.example", version: "1.0.0" };
    return send(res, scenario.manifest?.(mode, hostile, honest) ?? { json: honest });
  }
  if (req.method === "GET" && req.url === "/hub/offers") return send(res, scenario.feed?.(mode, hostile) ?? { json: { offers: [] } });
  if (req.method !== "POST") return send(res, { status: 404, headers: {} });
  const body = await read(req);
  captured.push({ url: req.url ?? "/", headers: req.headers, body });
  if (captured.length > 50) captured.shift();
  let request: { query: string; variables: Record<string, unknown> };
  try {
    const parsed = JSON.parse(body) as { query?: string; variables?: Record<string, unknown> };
    request = { query: parsed.query ?? "", variables: parsed.variables ?? {} };
  } catch {
    return send(res, { status: 400, headers: {} });
  }
  const honest = (await graphql({ schema, source: request.query, variableValues: request.variables })) as { data?: Record<string, any> | null; errors?: unknown[] };
  send(res, scenario.answer?.(mode, request, JSON.parse(JSON.stringify(honest)), hostile) ?? { json: honest });
});

server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ type: "ready", url: `http://127.0.0.1:${port}/graphql` });
});
process.on("message", (message: { type?: string; mode?: string }) => {
  if (message.type === "mode") {
    mode = message.mode ?? "normal";
    process.send?.({ type: "mode", mode });
  } else if (message.type === "captured") {
    process.send?.({ type: "captured", captured });
  }
});
process.on("disconnect", () => process.exit(0));
