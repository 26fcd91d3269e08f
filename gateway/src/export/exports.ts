import { sendJson, type Route } from "@bdp/kit";

/**
 * Named exports for analysts (issue #5): an aggregate as CSV or JSON without
 * writing code. Each export is a GraphQL operation run through the gateway
 * itself — the same limits, identity and disclosure control as any query —
 * and a flattening of its answer into rows.
 *
 *   GET /export                                   the exports and their parameters
 *   GET /export/<name>.csv?<param>=…              CSV (UTF-8, comma, RFC 4180 quoting)
 *   GET /export/<name>.json?<param>=…             JSON rows
 *
 * A suppressed count is an empty cell, with `<column>_suppressed` true beside
 * it (Eurostat writes `:c`). The caller's Authorization header is passed on.
 */
type Row = Record<string, string | number | boolean | null>;

interface Param {
  name: string;
  description: string;
  default?: string;
  /** The GraphQL variable and how to read the text. */
  variable: string;
  parse: (text: string) => unknown;
}

export interface NamedExport {
  name: string;
  description: string;
  params: Param[];
  query: string;
  rows: (data: any) => Row[];
  /** For a paginated list: where its pageInfo is; the export then follows `after` to the end (up to MAX_ROWS). */
  pageInfo?: (data: any) => { hasNextPage: boolean; endCursor: string | null };
}

/** The most rows one export returns. */
export const MAX_ROWS = 20_000;

const int = (text: string) => {
  const n = Number(text);
  if (!Number.isInteger(n)) throw new Error("a whole number");
  return n;
};
const text = (t: string) => t;

/** A suppressible count as two cells. */
const count = (name: string, c: { value: number | null; suppressed: boolean } | null | undefined): Row => ({ [name]: c?.value ?? null, [`${name}_suppressed`]: c?.suppressed ?? null });

export const EXPORTS: NamedExport[] = [
  {
    name: "unemployment",
    description: "Registered unemployment by month in a unit of the territory and the units inside it.",
    params: [
      { name: "unit", description: "TERYT code (2401 the county, 2465011 Dąbrowa Górnicza)", default: "2401", variable: "unit", parse: text },
      { name: "from", description: "first year", default: "2019", variable: "from", parse: int },
      { name: "to", description: "last year", default: "2100", variable: "to", parse: int },
    ],
    query: `query ExportUnemployment($unit: String!, $from: Int!, $to: Int!) {
      territorialUnit(code: $unit) { code name children { code name unemployment(fromYear: $from, toYear: $to) { period registeredUnemployed women longTermUnemployed under30 over50 withDisabilities rate source } }
        unemployment(fromYear: $from, toYear: $to) { period registeredUnemployed women longTermUnemployed under30 over50 withDisabilities rate source } }
    }`,
    rows: (data) => {
      const unit = data.territorialUnit;
      if (!unit) return [];
      const units = [unit, ...(unit.children ?? [])];
      return units.flatMap((u: any) => (u.unemployment ?? []).map((p: any) => ({ teryt: u.code, unit: u.name, ...p })));
    },
  },
  {
    name: "activation-participants",
    description: "Participants of each activation programme by degree of disability and by outcome, small counts suppressed.",
    params: [],
    query: `query ExportActivation($after: String) { activationProgrammes(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id name instrument status operator { name }
      participantSummary { total { value suppressed } byDegree { degree count { value suppressed } } byOutcome { outcome count { value suppressed } } } } } }`,
    rows: (data) =>
      data.activationProgrammes.nodes.flatMap((p: any) => {
        const base = { programme_id: p.id, programme: p.name, instrument: p.instrument, status: p.status, operator: p.operator?.name ?? null };
        return [
          { ...base, breakdown: "total", category: "ALL", ...count("participants", p.participantSummary.total) },
          ...p.participantSummary.byDegree.map((d: any) => ({ ...base, breakdown: "degree", category: d.degree, ...count("participants", d.count) })),
          ...p.participantSummary.byOutcome.map((o: any) => ({ ...base, breakdown: "outcome", category: o.outcome, ...count("participants", o.count) })),
        ];
      }),
    pageInfo: (data) => data.activationProgrammes.pageInfo,
  },
  {
    name: "training-outcomes",
    description: "Training editions in a unit of the territory with seats and outcomes (completed, certified, employed within 3 months), small counts suppressed.",
    params: [{ name: "unit", description: "TERYT code", default: "2401", variable: "unit", parse: text }],
    query: `query ExportTraining($unit: String!, $after: String) { trainingEditions(first: 100, after: $after, filter: { municipalityCode: $unit }) { pageInfo { hasNextPage endCursor } nodes { id startsOn endsOn status capacity seatsTaken municipality { code name }
      programme { title form fundingSource provider { name } } outcomes { completed { value suppressed } certified { value suppressed } employedWithin3Months { value suppressed } } } } }`,
    pageInfo: (data) => data.trainingEditions.pageInfo,
    rows: (data) =>
      data.trainingEditions.nodes.map((e: any) => ({
        edition_id: e.id, programme: e.programme?.title ?? null, provider: e.programme?.provider?.name ?? null, form: e.programme?.form ?? null, funding: e.programme?.fundingSource ?? null,
        teryt: e.municipality?.code ?? null, municipality: e.municipality?.name ?? null, starts_on: e.startsOn, ends_on: e.endsOn, status: e.status, capacity: e.capacity, seats_taken: e.seatsTaken,
        ...count("completed", e.outcomes.completed), ...count("certified", e.outcomes.certified), ...count("employed_3m", e.outcomes.employedWithin3Months),
      })),
  },
  {
    name: "offers",
    description: "Offers from every plugin open on a day, in a unit of the territory.",
    params: [
      { name: "unit", description: "TERYT code", default: "2401", variable: "unit", parse: text },
      { name: "on", description: "open on this day (YYYY-MM-DD)", variable: "on", parse: text },
    ],
    query: `query ExportOffers($unit: String, $on: Date, $after: String) { offers(first: 100, after: $after, filter: { municipalityCode: $unit, validOn: $on }) { pageInfo { hasNextPage endCursor } nodes { id kind title validFrom validThrough places partner { name } municipality { code name } plugin { slug } } } }`,
    pageInfo: (data) => data.offers.pageInfo,
    rows: (data) =>
      data.offers.nodes.map((o: any) => ({ offer_id: o.id, kind: o.kind, title: o.title, partner: o.partner?.name ?? null, teryt: o.municipality?.code ?? null, municipality: o.municipality?.name ?? null, valid_from: o.validFrom, valid_through: o.validThrough, places: o.places, plugin: o.plugin?.slug ?? null })),
  },
];

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
export function toCsv(rows: Row[]): string {
  if (rows.length === 0) return "";
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => {
    const s = v == null ? "" : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\r\n")}\r\n`;
}

export function exportRoute(graphqlUrl: () => string): Route {
  return async (req, res, url) => {
    if (req.method !== "GET" || !url.pathname.startsWith("/export")) return false;
    if (url.pathname === "/export" || url.pathname === "/export/") {
      sendJson(res, 200, { exports: EXPORTS.map((e) => ({ name: e.name, description: e.description, formats: ["csv", "json"], params: e.params.map(({ name, description, default: d }) => ({ name, description, default: d ?? null })) })) });
      return true;
    }
    const m = /^\/export\/([a-z-]+)\.(csv|json)$/.exec(url.pathname);
    const named = m ? EXPORTS.find((e) => e.name === m[1]) : undefined;
    if (!m || !named) {
      sendJson(res, 404, { errors: [{ message: `No export ${url.pathname}; GET /export lists them`, extensions: { code: "NOT_FOUND" } }] });
      return true;
    }
    const variables: Record<string, unknown> = {};
    for (const param of named.params) {
      const given = url.searchParams.get(param.name) ?? param.default;
      if (given == null) continue;
      try {
        variables[param.variable] = param.parse(given);
      } catch (error) {
        sendJson(res, 400, { errors: [{ message: `${param.name}: ${(error as Error).message}`, extensions: { code: "BAD_USER_INPUT", field: param.name } }] });
        return true;
      }
    }
    // through the gateway's own GraphQL endpoint: the same limits, identity and disclosure control
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    if (typeof req.headers["x-request-id"] === "string") headers["x-request-id"] = req.headers["x-request-id"];
    const rows: Row[] = [];
    let after: string | null = null;
    do {
      const answer = await fetch(graphqlUrl(), { method: "POST", headers, body: JSON.stringify({ query: named.query, variables: { ...variables, ...(after ? { after } : {}) } }) });
      const body = (await answer.json()) as { data?: unknown; errors?: unknown[] };
      if (body.errors?.length || !body.data) {
        sendJson(res, answer.status >= 400 ? answer.status : 400, { errors: body.errors ?? [{ message: "no data", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
        return true;
      }
      rows.push(...named.rows(body.data));
      const page = named.pageInfo?.(body.data);
      after = page?.hasNextPage && rows.length < MAX_ROWS ? page.endCursor : null;
    } while (after);
    if (m[2] === "json") {
      sendJson(res, 200, { export: named.name, parameters: variables, rows });
      return true;
    }
    const csv = toCsv(rows);
    res.writeHead(200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${named.name}.csv"`,
      "content-length": Buffer.byteLength(csv),
    });
    res.end(csv);
    return true;
  };
}
