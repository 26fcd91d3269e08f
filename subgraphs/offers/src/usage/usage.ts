import { HubError, checkText, sqlRows, write, type Audited, type OrmHandle, type Route, type SubgraphServices } from "@bdp/kit/server";
import { internalApi } from "../internal.js";
import { SchemaChangeApproval } from "./approval.entity.js";

/**
 * The schema usage the gateways record (issue #17), for the gateways only:
 *
 *   POST /internal/usage             add counts: { counts: [{ day, client, coordinate, requests }] }
 *   GET  /internal/usage             per coordinate and client over the last 30 days: [{ coordinate, client, requests, lastDay }]
 *   POST /internal/schema-approvals  the coordinator approves a core change that breaks clients: { reason, changes } (audited)
 *
 * Rows older than RETENTION_DAYS go at every write.
 */
export const RETENTION_DAYS = 90;
const MAX_COUNTS = 20_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CLIENT = /^[a-z0-9][a-z0-9._-]{0,59}$/;
const NAME = "[_A-Za-z][_0-9A-Za-z]*";
const COORDINATE = new RegExp(`^${NAME}(\\.${NAME}(\\(${NAME}:\\))?)?$`);

export interface UsageCount {
  day: string;
  client: string;
  coordinate: string;
  requests: number;
}

function parseCounts(input: unknown): UsageCount[] {
  if (!Array.isArray(input) || input.length > MAX_COUNTS) throw HubError.badInput("counts", `a list of at most ${MAX_COUNTS} counts`);
  return input.map((c: Partial<UsageCount>, i) => {
    const ok = typeof c?.day === "string" && DAY.test(c.day) && typeof c.client === "string" && CLIENT.test(c.client)
      && typeof c.coordinate === "string" && c.coordinate.length <= 300 && COORDINATE.test(c.coordinate) && Number.isInteger(c.requests) && c.requests! > 0 && c.requests! < 2 ** 31;
    if (!ok) throw HubError.badInput(`counts[${i}]`, "{ day: YYYY-MM-DD, client, coordinate: Type.field, requests > 0 }");
    return c as UsageCount;
  });
}

const APPROVAL: Audited<SchemaChangeApproval> = { type: "SchemaChangeApproval", audited: ["reason", "changes"], owner: () => null };

export function usageRoutes(db: OrmHandle, service: SubgraphServices): Route[] {
  return [
    internalApi(db, service, {
      what: "schema usage",
      bodyLimit: 5_000_000,
      match: (path, method) => (path === "/internal/usage" ? { name: method } : path === "/internal/schema-approvals" ? { name: `${method} approval` } : null),
      handlers: {
        POST: async (em, identity, body) => {
          const counts = parseCounts(body.counts);
          await write({ em, identity }, async ({ tx }) => {
            if (counts.length) {
              await sqlRows(tx,
                `insert into schema_usage (day, client, coordinate, requests)
                 select day, client, coordinate, sum(requests) from jsonb_to_recordset(?::jsonb) as c(day date, client text, coordinate text, requests int)
                 group by day, client, coordinate
                 on conflict (day, client, coordinate) do update set requests = schema_usage.requests + excluded.requests`,
                [JSON.stringify(counts.map(({ day, client, coordinate, requests }) => ({ day, client, coordinate, requests })))]);
            }
            await sqlRows(tx, `delete from schema_usage where day < current_date - ?::int`, [RETENTION_DAYS]);
          });
          return [200, { recorded: counts.length }];
        },
        GET: async (em, _identity, _body, _key) => {
          const rows = await sqlRows<{ coordinate: string; client: string; requests: number; lastDay: string }[]>(em,
            `select coordinate, client, sum(requests)::int as requests, to_char(max(day), 'YYYY-MM-DD') as "lastDay"
             from schema_usage where day >= current_date - 30 group by coordinate, client order by coordinate, client`);
          return [200, { days: 30, usage: rows }];
        },
        "POST approval": async (em, identity, body) => {
          const reason = checkText("reason", typeof body.reason === "string" ? body.reason : null, 5, 2000);
          const changes = body.changes;
          if (!Array.isArray(changes) || changes.length === 0 || changes.length > 500 || !changes.every((c) => typeof c === "string" && c.length <= 500)) throw HubError.badInput("changes", "the breaking changes approved: 1 to 500 texts");
          const id = await write({ em, identity }, async (w) => w.create(SchemaChangeApproval, { reason, changes }, APPROVAL).id);
          return [201, { id, reason, changes }];
        },
      },
    }),
  ];
}
