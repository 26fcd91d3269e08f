import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlRows } from "@bdp/kit/server";
import { GMINA_CODES, TERRITORY } from "@bdp/kit/domain";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { DisabilityDegree, Instrument, ParticipantOutcome } from "@bdp/disability";
import { CALL_INSTRUMENTS, InstrumentDutyOutcome } from "@bdp/training";
import { esfDimensions } from "@bdp/kit/statistics";
import type { EntityManager } from "@mikro-orm/postgresql";
import { startTestHub, type TestHub } from "../src/hub.js";
import { pinnedDown, type Equation } from "../src/differencing.js";

/**
 * An attacker with everything the hub publishes about people — every
 * statistic unit, every grouping, single years and multi-year sums, the
 * seats taken per edition, the per-programme summaries — and with the
 * knowledge of how the numbers relate (a county is the sum of its gminas,
 * each grouping partitions the total, seats taken are in progress plus
 * completed) tries to work a suppressed cell out by differencing: Gaussian
 * elimination over all of it at once. On the demo data, threshold 5.
 *
 * The same attacker, shown a table with primary suppression alone, does
 * recover cells: so the attack is real, and it fails against the hub.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub("e2e_disclosure");
}, 120_000);
afterAll(async () => {
  await hub?.close();
});

const FROM = 2019, TO = 2026;
const YEARS = Array.from({ length: TO - FROM + 1 }, (_, i) => FROM + i);
const THRESHOLD = 5;
const COUNTIES = TERRITORY.filter((u) => u.kind === "COUNTY" || u.kind === "CITY_WITH_COUNTY_RIGHTS").map((u) => u.code);
const UNITS = [...GMINA_CODES, ...COUNTIES];
const gminaOf = (code: string) => (GMINA_CODES.includes(code) ? code : TERRITORY.find((u) => u.code === code)!.parent!);
const parentOf = (gmina: string) => TERRITORY.find((u) => u.code === gmina)!.parent!;

interface Statistic {
  name: string;
  /** `by` argument → the dimension's categories (all partitions of the total). */
  groupings: Record<string, string[]>;
}
const STATISTICS: Statistic[] = [
  {
    name: "activationParticipants",
    groupings: {
      DEGREE: Object.values(DisabilityDegree),
      // every instrument, the deprecated merged value of before too (old programmes keep it)
      INSTRUMENT: Object.values(Instrument),
      OUTCOME: Object.values(ParticipantOutcome),
    },
  },
  { name: "trainingOutcomes", groupings: { "": ["IN_PROGRESS", "DROPPED_OUT", "COMPLETED_EMPLOYED", "COMPLETED_NOT_EMPLOYED", "COMPLETED_EMPLOYMENT_UNKNOWN"] } },
  // the people with a labour office's grant or loan (issue #16)
  { name: "instrumentBeneficiaries", groupings: { INSTRUMENT: [...CALL_INSTRUMENTS], DUTY: Object.values(InstrumentDutyOutcome) } },
  // the ESF+ indicators from enrolments and from activation participants (issue #16): five partitions each
  ...(["esfParticipants", "activationEsfParticipants"] as const).map((name) => ({
    name,
    groupings: Object.fromEntries(Object.entries(esfDimensions("false")).map(([by, d]) => [by, d.categories])),
  })),
];

const cellId = (stat: string, unit: string, year: number, grouping: string, category: string) => `${stat}|${unit}|${year}|${grouping}|${category}`;
const totalId = (stat: string, unit: string, year: number) => cellId(stat, unit, year, "", "TOTAL");

/** What is published: cell id → value or null (withheld); plus published sums over years. */
interface Publication {
  cells: Map<string, number | null>;
  /** Sums over several years that were published: the cells they add up, and the value. */
  sums: { cells: string[]; value: number }[];
}

async function collect(): Promise<Publication> {
  const cells = new Map<string, number | null>();
  const sums: Publication["sums"] = [];
  const record = (id: string, v: { value: number | null; suppressed: boolean }) => {
    const value = v.suppressed ? null : v.value;
    if (cells.has(id)) expect(cells.get(id), `${id} is the same through every query`).toBe(value);
    cells.set(id, value);
  };
  // Every unit, every grouping, and three ways of cutting the years: the whole span, halves, single years.
  const ranges: [number, number][] = [[FROM, TO], [FROM, 2022], [2023, TO], ...YEARS.map((y) => [y, y] as [number, number])];
  for (const stat of STATISTICS) {
    for (const [by, categories] of Object.entries(stat.groupings)) {
      const fields = ranges.map(([a, b], i) => `r${i}: ${stat.name}(fromYear: ${a}, toYear: ${b}${by ? `, by: ${by}` : ""}) { periods { key } series { key values { value suppressed } sum { value suppressed } } total { values { value suppressed } sum { value suppressed } } }`);
      const { body } = await hub.query(`{ territorialUnits { code ${fields.join(" ")} } }`);
      expect(body.errors).toBeUndefined();
      for (const unit of body.data.territorialUnits) {
        if (!UNITS.includes(unit.code)) continue;
        ranges.forEach(([a, b], i) => {
          const s = unit[`r${i}`];
          const years = s.periods.map((p: { key: string }) => Number(p.key));
          expect(years[0]).toBe(a);
          expect(years.at(-1)).toBe(b);
          const lines: [string, any][] = [...s.series.map((l: any) => [l.key, l] as [string, any]), ["TOTAL", s.total]];
          for (const [key, l] of lines) {
            expect(categories.includes(key) || key === "TOTAL").toBe(true);
            const ids = years.map((y: number) => (key === "TOTAL" ? totalId(stat.name, unit.code, y) : cellId(stat.name, unit.code, y, by, key)));
            l.values.forEach((v: any, k: number) => record(ids[k], v));
            if (years.length > 1 && !l.sum.suppressed) sums.push({ cells: ids, value: l.sum.value });
          }
        });
      }
    }
  }
  return { cells, sums };
}

/** The true table, from the subgraphs' databases with the test's own SQL. */
async function truth(): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const add = (id: string, n: number) => out.set(id, (out.get(id) ?? 0) + n);
  const addEverywhere = (stat: string, code: string, year: number, parts: [string, string][], n: number) => {
    const gmina = gminaOf(code);
    for (const unit of [gmina, parentOf(gmina)]) {
      add(totalId(stat, unit, year), n);
      for (const [by, category] of parts) add(cellId(stat, unit, year, by, category), n);
    }
  };
  const disability = hub.subgraphs.disability!.db.orm.em.fork() as EntityManager;
  for (const r of await sqlRows<{ code: string; year: number; degree: string; instrument: string; outcome: string; n: number }[]>(disability,
    `select p.municipality_code as code, extract(year from p.joined_on)::int as year, p.degree, g.instrument, p.outcome, count(*)::int as n
     from activation_participant p join activation_programme g on g.id = p.programme_id group by 1, 2, 3, 4, 5`)) {
    if (r.year < FROM || r.year > TO) continue;
    addEverywhere("activationParticipants", r.code, r.year, [["DEGREE", r.degree], ["INSTRUMENT", r.instrument], ["OUTCOME", r.outcome]], r.n);
  }
  const training = hub.subgraphs.training!.db.orm.em.fork() as EntityManager;
  for (const r of await sqlRows<{ code: string; year: number; status: string; employed: boolean | null; n: number }[]>(training,
    `select e.municipality_code as code, extract(year from e.starts_on)::int as year, n.status, n.employed_within3months as employed, count(*)::int as n
     from enrolment n join training_edition e on e.id = n.edition_id where n.status <> 'CANCELLED' group by 1, 2, 3, 4`)) {
    if (r.year < FROM || r.year > TO) continue;
    const outcome = r.status === "ENROLLED" ? "IN_PROGRESS" : r.status === "DROPPED_OUT" ? "DROPPED_OUT"
      : r.employed === true ? "COMPLETED_EMPLOYED" : r.employed === false ? "COMPLETED_NOT_EMPLOYED" : "COMPLETED_EMPLOYMENT_UNKNOWN";
    addEverywhere("trainingOutcomes", r.code, r.year, [["", outcome]], r.n);
  }
  // the ESF+ partitions, each record's category by the hub's own expressions over its columns, counted where the person lives
  const esf = async (em: EntityManager, name: string, notLeft: string, from: string, code: string, year: string, where: string) => {
    const dims = Object.entries(esfDimensions(notLeft));
    const rows = await sqlRows<Record<string, string | number>[]>(em,
      `select ${code} as code, ${year} as year, ${dims.map(([by, d]) => `${d.sql} as "${by}"`).join(", ")}, count(*)::int as n from ${from} where ${where} group by ${dims.map((_, i) => i + 3).join(", ")}, 1, 2`);
    for (const r of rows) {
      if (Number(r.year) < FROM || Number(r.year) > TO) continue;
      addEverywhere(name, String(r.code), Number(r.year), dims.map(([by]) => [by, String(r[by])] as [string, string]), Number(r.n));
    }
  };
  await esf(training, "esfParticipants", "n.status = 'ENROLLED'", "enrolment n join training_edition e on e.id = n.edition_id", "coalesce(n.residence_code, e.municipality_code)", "extract(year from n.enrolled_on)::int", "n.status <> 'CANCELLED'");
  await esf(disability, "activationEsfParticipants", "n.outcome = 'IN_PROGRESS'", "activation_participant n", "n.municipality_code", "extract(year from n.joined_on)::int", "true");
  for (const r of await sqlRows<{ code: string; year: number; instrument: string; duty: string; n: number }[]>(training,
    `select a.municipality_code as code, extract(year from a.signed_on)::int as year, c.instrument,
            case when not exists (select 1 from instrument_duty d where d.agreement_id = a.id) then 'NO_DUTY'
                 when exists (select 1 from instrument_duty d where d.agreement_id = a.id and d.status = 'BROKEN') then 'BROKEN'
                 when exists (select 1 from instrument_duty d where d.agreement_id = a.id and d.status = 'RUNNING') then 'RUNNING' else 'FULFILLED' end as duty,
            count(*)::int as n
     from instrument_agreement a join instrument_call c on c.id = a.call_id where a.beneficiary_kind = 'PERSON' group by 1, 2, 3, 4`)) {
    if (r.year < FROM || r.year > TO) continue;
    addEverywhere("instrumentBeneficiaries", r.code, r.year, [["INSTRUMENT", r.instrument], ["DUTY", r.duty]], r.n);
  }
  return out;
}

/** Seats taken per gmina (and county) and year, as anyone can add them up from the public edition list. */
async function publicSeatsTaken(): Promise<Map<string, number>> {
  const taken = new Map<string, number>();
  let after: string | null = null;
  for (;;) {
    const { body }: { body: any } = await hub.query(`query($after: String) { trainingEditions(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { startsOn seatsTaken municipality { code } } } }`, { after });
    expect(body.errors).toBeUndefined();
    for (const e of body.data.trainingEditions.nodes) {
      const year = Number(e.startsOn.slice(0, 4));
      const gmina = gminaOf(e.municipality.code);
      for (const unit of [gmina, parentOf(gmina)]) taken.set(`${unit}|${year}`, (taken.get(`${unit}|${year}`) ?? 0) + e.seatsTaken);
    }
    if (!body.data.trainingEditions.pageInfo.hasNextPage) return taken;
    after = body.data.trainingEditions.pageInfo.endCursor;
  }
}

/** Everything the attacker knows about how the cells relate. */
function relations(seats: Map<string, number>): Equation[] {
  const eqs: Equation[] = [];
  for (const stat of STATISTICS) {
    for (const year of YEARS) {
      for (const unit of UNITS) {
        for (const [by, categories] of Object.entries(stat.groupings)) {
          eqs.push({ terms: [[totalId(stat.name, unit, year), 1], ...categories.map((c) => [cellId(stat.name, unit, year, by, c), -1] as [string, number])], constant: 0 });
        }
        if (stat.name === "trainingOutcomes") {
          const parts = ["IN_PROGRESS", "COMPLETED_EMPLOYED", "COMPLETED_NOT_EMPLOYED", "COMPLETED_EMPLOYMENT_UNKNOWN"];
          eqs.push({ terms: parts.map((c) => [cellId(stat.name, unit, year, "", c), 1] as [string, number]), constant: seats.get(`${unit}|${year}`) ?? 0 });
        }
      }
      for (const county of COUNTIES) {
        const gminas = GMINA_CODES.filter((g) => parentOf(g) === county);
        const suffixes: [string, string][] = [["", "TOTAL"], ...Object.entries(stat.groupings).flatMap(([by, cs]) => cs.map((c) => [by, c] as [string, string]))];
        for (const [by, c] of suffixes) {
          eqs.push({ terms: [[cellId(stat.name, county, year, by, c), 1], ...gminas.map((g) => [cellId(stat.name, g, year, by, c), -1] as [string, number])], constant: 0 });
        }
      }
    }
  }
  return eqs;
}

function attackPerYear(equations: Equation[], known: ReadonlyMap<string, number>, hidden: ReadonlySet<string>): Map<string, number> {
  const recovered = new Map<string, number>();
  for (const year of YEARS) {
    const yearOf = (id: string) => Number(id.split("|")[2]);
    const eqs = equations.filter((e) => yearOf(e.terms[0]![0]) === year);
    for (const [id, v] of pinnedDown(eqs, known, [...hidden].filter((id) => yearOf(id) === year))) recovered.set(id, v);
  }
  return recovered;
}

describe("disclosure control against differencing", () => {
  it("publishes true values, withholds every small cell, and no combination of what is published recovers a withheld cell", async () => {
    const [published, real, seats] = [await collect(), await truth(), await publicSeatsTaken()];
    const equations = relations(seats);
    // the attacker's relations hold on the true table
    for (const eq of equations) expect(eq.terms.reduce((s, [id, k]) => s + k * (real.get(id) ?? 0), 0)).toBe(eq.constant);

    const hidden = new Set<string>();
    const known = new Map<string, number>();
    let small = 0;
    for (const [id, value] of published.cells) {
      const t = real.get(id) ?? 0;
      if (t > 0 && t < THRESHOLD) {
        small++;
        expect(value, `${id} (${t}) is withheld`).toBeNull();
      }
      if (value === null) hidden.add(id);
      else {
        expect(value, id).toBe(t);
        known.set(id, value);
      }
    }
    // published sums over years only ever add up published cells
    for (const s of published.sums) for (const id of s.cells) expect(known.has(id), `${id} in a published sum`).toBe(true);

    const recovered = attackPerYear(equations, known, hidden);
    console.log(`published ${published.cells.size} cells: ${known.size} shown, ${hidden.size} withheld (${small} of them small); ${published.sums.length} sums over years; recovered by differencing: ${recovered.size}`);
    expect([...recovered.keys()]).toEqual([]);
    expect(small).toBeGreaterThan(20); // the demo data has plenty of small cells to protect
  }, 120_000);

  it("the same attack recovers cells from a table with primary suppression only", async () => {
    const [real, seats] = [await truth(), await publicSeatsTaken()];
    const naiveHidden = new Set<string>();
    const known = new Map<string, number>();
    for (const stat of STATISTICS) for (const year of YEARS) for (const unit of UNITS) {
      const ids = [totalId(stat.name, unit, year), ...Object.entries(stat.groupings).flatMap(([by, cs]) => cs.map((c) => cellId(stat.name, unit, year, by, c)))];
      for (const id of ids) {
        const t = real.get(id) ?? 0;
        if (t > 0 && t < THRESHOLD) naiveHidden.add(id);
        else known.set(id, t);
      }
    }
    const recovered = attackPerYear(relations(seats), known, naiveHidden);
    console.log(`primary suppression alone: ${naiveHidden.size} withheld, ${recovered.size} recovered`);
    expect(recovered.size).toBeGreaterThan(0);
    for (const [id, value] of recovered) expect(value, id).toBe(real.get(id) ?? 0);
  }, 120_000);

  it("gives per-programme and per-edition counts of people to the holder only", async () => {
    const tokens = [undefined, hub.token({ sub: "ewa", role: "analyst" }), hub.token({ sub: "c", role: "coordinator" }), hub.token({ sub: "p", role: "partner", partnerId: DEMO_PARTNERS.find((p) => p.key === "um-czeladz")!.id })];
    const query = `{ activationProgrammes(first: 100) { nodes { operator { id } participantSummary { total { value suppressed } byDegree { count { value suppressed } } byOutcome { count { value suppressed } } } } }
                     trainingEditions(first: 100) { nodes { programme { provider { id } } outcomes { completed { value suppressed } certified { value suppressed } employedWithin3Months { value suppressed } } } } }`;
    const counts = (data: any, holder?: string) => [
      ...data.activationProgrammes.nodes.filter((p: any) => p.operator.id !== holder).flatMap((p: any) => [p.participantSummary.total, ...p.participantSummary.byDegree.map((c: any) => c.count), ...p.participantSummary.byOutcome.map((c: any) => c.count)]),
      ...data.trainingEditions.nodes.filter((e: any) => e.programme.provider.id !== holder).flatMap((e: any) => Object.values(e.outcomes)),
    ];
    let operator = "";
    for (const token of tokens) {
      const { body } = await hub.query(query, {}, { token });
      operator ||= body.data.activationProgrammes.nodes[0].operator.id;
      expect(body.errors).toBeUndefined();
      const all = counts(body.data);
      expect(all.length).toBeGreaterThan(50);
      expect(all.every((c: any) => c.value === null && c.suppressed)).toBe(true);
    }
    const { body } = await hub.query(query, {}, { token: hub.token({ sub: "o", role: "partner", partnerId: operator }) });
    const own = body.data.activationProgrammes.nodes.filter((p: any) => p.operator.id === operator);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((p: any) => p.participantSummary.total.suppressed === false && p.participantSummary.total.value >= 0)).toBe(true);
    expect(counts(body.data, operator).every((c: any) => c.suppressed)).toBe(true);
  });
});
