import { sendError, sendJson, type Route } from "@bdp/kit/server";

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
 *
 * Every statistic of `TerritorialUnit` has an export of its own: one row per
 * unit, period and category (TOTAL included), for every unit statistics are
 * published for, or for one (`unit`).
 */
type Row = Record<string, string | number | boolean | null>;

interface Param {
  name: string;
  description: string;
  default?: string;
  /** The GraphQL variable and how to read the text. */
  variable: string;
  /** The variable's GraphQL type, for parameters a statistic export adds. */
  type?: string;
  parse: (text: string) => unknown;
}

export interface NamedExport {
  name: string;
  description: string;
  params: Param[];
  query: string;
  /** The answer as rows; `variables` are the parsed parameters. */
  rows: (data: any, variables: Record<string, unknown>) => Row[];
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

const grainOf = (t: string) => {
  if (!["MONTH", "QUARTER", "YEAR"].includes(t)) throw new Error("MONTH, QUARTER or YEAR");
  return t;
};
const oneOf = (values: string[]) => (t: string) => {
  if (!values.includes(t)) throw new Error(values.join(", "));
  return t;
};

/**
 * A statistic of TerritorialUnit as rows: unit × period × category. `args`
 * adds the statistic's own arguments (as GraphQL, with `$` variables from
 * `params`).
 */
function statisticExport(name: string, field: string, description: string, options: { params?: Param[]; args?: string; grains?: boolean } = {}): NamedExport {
  const grains = options.grains ?? true;
  const params: Param[] = [
    { name: "unit", description: "TERYT code of one unit; every gmina, the county and the city when omitted", variable: "unit", parse: text },
    { name: "from", description: "first year", default: "2019", variable: "from", parse: int },
    { name: "to", description: "last year (at most 10 years after from)", default: "2026", variable: "to", parse: int },
    ...(grains ? [{ name: "grain", description: "MONTH, QUARTER or YEAR", default: "YEAR", variable: "grain", parse: grainOf }] : []),
    ...(options.params ?? []),
  ];
  const declared = (options.params ?? []).map((p) => `, $${p.variable}: ${p.type}`).join("");
  const line = `{ key values { value suppressed reason } }`;
  return {
    name,
    description: `${description} One row per unit, period and category (TOTAL included); a withheld value is empty with value_suppressed true.`,
    params,
    query: `query Export($from: Int!, $to: Int!${grains ? ", $grain: PeriodGrain!" : ""}${declared}) { territorialUnits { code name
      s: ${field}(fromYear: $from, toYear: $to${grains ? ", grain: $grain" : ""}${options.args ?? ""}) { statistic measure dimension periods { key start end } series ${line} total ${line} } } }`,
    rows: (data, variables) =>
      data.territorialUnits
        .filter((u: any) => u.s && (variables.unit === undefined || u.code === variables.unit))
        .flatMap((u: any) =>
          [...u.s.series, u.s.total].flatMap((l: any) =>
            u.s.periods.map((p: any, i: number) => ({
              teryt: u.code, unit: u.name, statistic: u.s.statistic, measure: u.s.measure, period: p.key, period_start: p.start, period_end: p.end,
              dimension: l.key === "TOTAL" ? null : u.s.dimension, category: l.key, ...count("value", l.values[i]), reason: l.values[i].reason,
            })),
          ),
        ),
  };
}

export const EXPORTS: NamedExport[] = [
  statisticExport("active-partners", "activePartners", "Partners that are members at the end of each period, by sector."),
  statisticExport("training-places", "trainingPlaces", "Training places offered or taken, by the programmes' target groups.", {
    params: [{ name: "measure", description: "OFFERED or TAKEN", default: "OFFERED", variable: "measure", type: "TrainingPlaceMeasure!", parse: oneOf(["OFFERED", "TAKEN"]) }],
    args: ", measure: $measure",
  }),
  statisticExport("training-outcomes", "trainingOutcomes", "Participants of training editions by outcome (counts of people under disclosure control; by year).", { grains: false }),
  statisticExport("activation-participants", "activationParticipants", "Persons who joined an activation programme, by degree, instrument or outcome (counts of people under disclosure control; by year).", {
    grains: false,
    params: [{ name: "by", description: "DEGREE, INSTRUMENT or OUTCOME", default: "OUTCOME", variable: "by", type: "ActivationParticipantDimension!", parse: oneOf(["DEGREE", "INSTRUMENT", "OUTCOME"]) }],
    args: ", by: $by",
  }),
  statisticExport("job-places", "disabilityJobPlacesCreated", "Job places created for persons with disabilities, by the employer's sector."),
  statisticExport("open-offers", "openOffers", "Offers open at some time in each period, by kind."),
  statisticExport("registered-unemployment", "registeredUnemployment", "Registered unemployed persons at the end of each period, with the groups labour offices report."),
  {
    name: "indicator-progress",
    description: "Indicators of the issues and initiatives concerning a unit: baseline, target, latest value and the share of the target achieved.",
    params: [
      { name: "unit", description: "TERYT code", default: "2401", variable: "unit", parse: text },
      { name: "asOf", description: "as it stood on this day (YYYY-MM-DD); today when omitted", variable: "asOf", parse: text },
    ],
    query: `query ExportIndicators($unit: String!, $asOf: Date) { territorialUnit(code: $unit) { code name indicatorProgress(asOf: $asOf) {
      indicator { id name code kind unit issue { title } initiative { title } } baseline target latestValue latestMeasuredOn shareOfTarget } } }`,
    rows: (data) =>
      (data.territorialUnit?.indicatorProgress ?? []).map((s: any) => ({
        teryt: data.territorialUnit.code, unit: data.territorialUnit.name, issue: s.indicator.issue?.title ?? null, initiative: s.indicator.initiative?.title ?? null,
        indicator_id: s.indicator.id, indicator: s.indicator.name, code: s.indicator.code, kind: s.indicator.kind, measure: s.indicator.unit,
        baseline: s.baseline, target: s.target, latest_value: s.latestValue, latest_measured_on: s.latestMeasuredOn, share_of_target: s.shareOfTarget,
      })),
  },
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
    name: "training-editions",
    description: "Training editions in a unit of the territory with seats; outcomes (completed, certified, employed within 3 months) for the provider holding the records, withheld for everyone else (published outcomes: training-outcomes).",
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
/**
 * A text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `-`, `@`,
 * tab, carriage return) gets a leading apostrophe (OWASP, CSV injection):
 * partners write titles and names, analysts open the file. Numbers are
 * numbers and stay as they are.
 */
export function neutraliseFormula(value: string | number | boolean | null | undefined): string {
  if (value == null) return "";
  const text = String(value);
  return typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(rows: Row[]): string {
  if (rows.length === 0) return "";
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: Row[string] | undefined) => {
    const s = neutraliseFormula(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[columns.join(","), ...rows.map((r) => columns.map((c) => cell(r[c])).join(","))].join("\r\n")}\r\n`;
}

/** One GraphQL operation of an export, run in process through the gateway's Apollo Server as the caller. */
export type RunOperation = (query: string, variables: Record<string, unknown>) => Promise<{ status: number; data?: unknown; errors?: readonly unknown[] }>;

/**
 * `GET /export…`. Each export's operations run in process, through the
 * gateway's own Apollo Server (the same query limits, identity and
 * disclosure control as any query) — `run` is given per request by the
 * GraphQL route, which has identified the caller and taken the export from
 * its rate limit once.
 */
export function exportRoute(operationsFor: (req: Parameters<Route>[0], res: Parameters<Route>[1]) => Promise<RunOperation | null>): Route {
  return async (req, res, url) => {
    if (req.method !== "GET" || !url.pathname.startsWith("/export")) return false;
    if (url.pathname === "/export" || url.pathname === "/export/") {
      sendJson(res, 200, { exports: EXPORTS.map((e) => ({ name: e.name, description: e.description, formats: ["csv", "json"], params: e.params.map(({ name, description, default: d }) => ({ name, description, default: d ?? null })) })) });
      return true;
    }
    const m = /^\/export\/([a-z-]+)\.(csv|json)$/.exec(url.pathname);
    const named = m ? EXPORTS.find((e) => e.name === m[1]) : undefined;
    if (!m || !named) {
      sendError(res, 404, "NOT_FOUND", `No export ${url.pathname}; GET /export lists them`);
      return true;
    }
    const unknown = [...url.searchParams.keys()].find((key) => !named.params.some((p) => p.name === key));
    if (unknown) {
      const known = named.params.map((p) => p.name).join(", ") || "none";
      sendError(res, 400, "BAD_USER_INPUT", `${unknown}: not a parameter of ${named.name} (it takes: ${known})`, { field: unknown });
      return true;
    }
    const variables: Record<string, unknown> = {};
    for (const param of named.params) {
      const given = url.searchParams.get(param.name) ?? param.default;
      if (given == null) continue;
      try {
        variables[param.variable] = param.parse(given);
      } catch (error) {
        sendError(res, 400, "BAD_USER_INPUT", `${param.name}: ${(error as Error).message}`, { field: param.name });
        return true;
      }
    }
    // as the caller (refused or rate-limited: already answered)
    const run = await operationsFor(req, res);
    if (!run) return true;
    const rows: Row[] = [];
    let after: string | null = null;
    do {
      const body = await run(named.query, { ...variables, ...(after ? { after } : {}) });
      if (body.errors?.length || !body.data) {
        if (body.errors?.length) sendJson(res, body.status >= 400 ? body.status : 400, { errors: body.errors });
        else sendError(res, 500, "INTERNAL_SERVER_ERROR", "The export's query answered no data");
        return true;
      }
      rows.push(...named.rows(body.data, variables));
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
