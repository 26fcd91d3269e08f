import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntityManager } from "@mikro-orm/postgresql";
import { sqlRows } from "@bdp/kit/server";
import { GMINA_CODES, TERRITORY } from "@bdp/kit/domain";
import { protectPeopleTable, type PeopleRow } from "@bdp/kit/statistics";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { startTestHub, type TestHub } from "../src/hub.js";
import { pinnedDown, type Equation } from "../src/differencing.js";

/**
 * The insider's attack on disclosure control (issue #11), on the demo data:
 * a training provider knows its own records and can add fake ones. For every
 * gmina it opens an edition in the year, enrols five fake participants with
 * each outcome, reads the published table, subtracts what is its own, and
 * deletes the fakes. A cell that was withheld and now shows gives it the
 * others' count exactly, and with the relations between cells (a total and
 * its outcomes, a county and its gminas, the public seats taken) it can
 * difference more. The hub publishes a count only when, for every holder in
 * it, the count minus that holder's part is 0 or at least the threshold: so
 * what the insider learns of the others is never a small count, alone or
 * solved together with everything published before and after (issue #16:
 * the test solves that system, as the differencing test does for outsiders).
 *
 * The same padded records, protected without that rule (the outsider rule
 * alone), do give small counts away: so the attack is real.
 */
let hub: TestHub;
const YEAR = 2025;
const THRESHOLD = 5;
const OUTCOMES = ["IN_PROGRESS", "DROPPED_OUT", "COMPLETED_EMPLOYED", "COMPLETED_NOT_EMPLOYED", "COMPLETED_EMPLOYMENT_UNKNOWN"] as const;
/** How each outcome is recorded on an enrolment. */
const RECORD: Record<(typeof OUTCOMES)[number], Record<string, unknown> | null> = {
  IN_PROGRESS: null,
  DROPPED_OUT: { status: "DROPPED_OUT" },
  COMPLETED_EMPLOYED: { status: "COMPLETED", completedOn: `${YEAR}-06-30`, employedWithin3Months: true },
  COMPLETED_NOT_EMPLOYED: { status: "COMPLETED", completedOn: `${YEAR}-06-30`, employedWithin3Months: false },
  COMPLETED_EMPLOYMENT_UNKNOWN: { status: "COMPLETED", completedOn: `${YEAR}-06-30` },
};
const attacker = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;
const COUNTIES = TERRITORY.filter((u) => u.kind === "COUNTY" || u.kind === "CITY_WITH_COUNTY_RIGHTS").map((u) => u.code);
const UNITS = [...GMINA_CODES, ...COUNTIES];
const CATEGORIES = ["TOTAL", ...OUTCOMES];
let token: string;

beforeAll(async () => {
  hub = await startTestHub("e2e_insider");
  token = hub.token({ sub: "mallory", role: "partner", partnerId: attacker.id });
}, 120_000);
afterAll(async () => {
  await hub?.close();
});

/** The published 2025 table of training outcomes, every statistic unit: `unit|category` → value, or null when withheld. */
async function published(): Promise<Map<string, number | null>> {
  const { body } = await hub.query(`{ territorialUnits { code trainingOutcomes(fromYear: ${YEAR}, toYear: ${YEAR}) { series { key values { value suppressed } } total { values { value suppressed } } } } }`);
  expect(body.errors).toBeUndefined();
  const out = new Map<string, number | null>();
  for (const unit of body.data.territorialUnits as any[]) {
    if (!UNITS.includes(unit.code) || !unit.trainingOutcomes) continue;
    for (const line of [...unit.trainingOutcomes.series, { key: "TOTAL", ...unit.trainingOutcomes.total }]) {
      const v = line.values[0];
      out.set(`${unit.code}|${line.key}`, v.suppressed ? null : v.value);
    }
  }
  return out;
}

/** The true counts by holder, with the statistic's own rules (the test's SQL). */
async function rowsByHolder(): Promise<PeopleRow[]> {
  const em = hub.subgraphs.training!.db.orm.em.fork() as EntityManager;
  return sqlRows<PeopleRow[]>(em,
    `select extract(year from e.starts_on)::int as year, e.municipality_code as code, d.dimension, d.category, count(*)::int as count, p.provider_id::text as holder
     from enrolment n join training_edition e on e.id = n.edition_id join training_programme p on p.id = e.programme_id
     cross join lateral (values ('TOTAL', 'TOTAL'), ('TrainingOutcome', case when n.status = 'ENROLLED' then 'IN_PROGRESS' when n.status = 'DROPPED_OUT' then 'DROPPED_OUT'
       when n.employed_within3months then 'COMPLETED_EMPLOYED' when not n.employed_within3months then 'COMPLETED_NOT_EMPLOYED' else 'COMPLETED_EMPLOYMENT_UNKNOWN' end)) as d(dimension, category)
     where n.status <> 'CANCELLED' and extract(year from e.starts_on) = ? group by 1, 2, 3, 4, 6`,
    [YEAR],
  );
}

const countyOf = (gmina: string) => TERRITORY.find((u) => u.code === gmina)!.parent!;
/** `unit|category` → count, of one holder, or of everyone; a gmina's rows count in its county or city too. */
function tally(rows: PeopleRow[], holder?: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) {
    if (holder && row.holder !== holder) continue;
    const category = row.dimension === "TOTAL" ? "TOTAL" : row.category;
    for (const unit of [row.code, countyOf(row.code)]) out.set(`${unit}|${category}`, (out.get(`${unit}|${category}`) ?? 0) + row.count);
  }
  return out;
}

/**
 * The attacker's arithmetic: a cell withheld before and shown now, minus its
 * own part (its real records and its fakes), is the others' count. Counted
 * as recovered when that is right and not zero (a cell of its own records
 * alone tells it nothing it did not know).
 */
function recover(before: Map<string, number | null>, after: Map<string, number | null>, ownPadded: Map<string, number>, othersTruth: Map<string, number>): Map<string, number> {
  const recovered = new Map<string, number>();
  for (const [cell, was] of before) {
    const now = after.get(cell);
    if (was !== null || now == null) continue;
    const others = now - (ownPadded.get(cell) ?? 0);
    if ((othersTruth.get(cell) ?? 0) > 0 && others === othersTruth.get(cell)) recovered.set(cell, others);
  }
  return recovered;
}

/**
 * Everything the insider knows, solved together: the others' part of every
 * cell is an unknown; each cell published before or after padding gives it
 * (the value minus the insider's own part, real or padded); each gmina's
 * outcomes add up to its total, the gminas to their county, and the seats
 * taken (in progress plus completed) are public per edition. Gaussian
 * elimination finds every others' part these pin down. The rule promises
 * that none of them is a small count of other people (1 … threshold − 1):
 * the others' count of a cell may be learnt only where it is 0 or at least
 * the threshold, as anyone could read an unprotected count of that size.
 */
function differencing(publications: { cells: Map<string, number | null>; own: Map<string, number> }[], seatsOfOthers: Map<string, number>): Map<string, number> {
  const equations: Equation[] = [];
  for (const { cells, own } of publications) for (const [cell, value] of cells) if (value !== null) equations.push({ terms: [[cell, 1]], constant: value - (own.get(cell) ?? 0) });
  for (const u of UNITS) {
    equations.push({ terms: [[`${u}|TOTAL`, 1], ...OUTCOMES.map((c) => [`${u}|${c}`, -1] as [string, number])], constant: 0 });
    equations.push({ terms: ["IN_PROGRESS", "COMPLETED_EMPLOYED", "COMPLETED_NOT_EMPLOYED", "COMPLETED_EMPLOYMENT_UNKNOWN"].map((c) => [`${u}|${c}`, 1] as [string, number]), constant: seatsOfOthers.get(u) ?? 0 });
  }
  for (const county of COUNTIES) {
    const gminas = GMINA_CODES.filter((g) => countyOf(g) === county);
    for (const c of CATEGORIES) equations.push({ terms: [[`${county}|${c}`, 1], ...gminas.map((g) => [`${g}|${c}`, -1] as [string, number])], constant: 0 });
  }
  // every others' part is unknown; what the equations pin down is what the insider learns
  return pinnedDown(equations, new Map(), UNITS.flatMap((u) => CATEGORIES.map((c) => `${u}|${c}`)));
}

/** Of the cells withheld before, those whose others' part the insider pins down to a small count. */
function smallDisclosed(before: Map<string, number | null>, pinned: Map<string, number>, othersTruth: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [cell, value] of pinned) {
    if (before.get(cell) !== null) continue;
    expect(value, `the insider's arithmetic on ${cell} is right`).toBe(othersTruth.get(cell) ?? 0);
    if (value > 0 && value < THRESHOLD) out.set(cell, value);
  }
  return out;
}

async function gql(query: string, variables: Record<string, unknown>) {
  const { body } = await hub.query(query, variables, { token });
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

describe("a partner that pads and subtracts", () => {
  it("learns no small count of other partners' records, and the table is the same once the fakes are gone", async () => {
    const before = await published();
    const real = await rowsByHolder();
    // what only the others hold: the attacker's target
    const othersTruth = tally(real.filter((r) => r.holder !== attacker.id));
    const withheld = [...before.values()].filter((v) => v === null).length;
    expect(withheld).toBeGreaterThan(0);

    // pad: one edition per gmina in the year, five fake participants per outcome
    const programme = (await gql(`mutation($in: TrainingProgrammeInput!) { createTrainingProgramme(input: $in) { id } }`, {
      in: { title: "Szkolenie testowe (fikcyjne)", targetGroups: ["UNDER_30"], form: "TRAINING", fundingSource: "LABOUR_FUND", hours: 10, costPerParticipant: "0.00", status: "PUBLISHED" },
    })).createTrainingProgramme.id;
    const fakes: { id: string }[] = [];
    for (const gmina of GMINA_CODES) {
      const edition = (await gql(`mutation($p: ID!, $g: String!) { createTrainingEdition(programmeId: $p, input: { startsOn: "${YEAR}-03-01", endsOn: "${YEAR}-06-30", municipalityCode: $g, capacity: 100, status: IN_PROGRESS }) { id } }`, { p: programme, g: gmina })).createTrainingEdition.id;
      for (const outcome of OUTCOMES) {
        for (let i = 0; i < THRESHOLD; i++) {
          const enrolment = (await gql(`mutation($e: ID!, $in: EnrolmentInput!) { enrolParticipant(editionId: $e, input: $in) { id version } }`, {
            e: edition, in: { participantRef: `f-${gmina}-${OUTCOMES.indexOf(outcome)}-${i}`, sex: "FEMALE", ageBand: "AGE_25_29", targetGroups: [], enrolledOn: `${YEAR}-03-01` },
          })).enrolParticipant;
          if (RECORD[outcome]) await gql(`mutation($id: ID!, $v: Int!, $c: EnrolmentChanges!) { updateEnrolment(id: $id, version: $v, changes: $c) { id } }`, { id: enrolment.id, v: enrolment.version, c: RECORD[outcome] });
          fakes.push(enrolment);
        }
      }
    }
    const padded = await rowsByHolder();
    const own = tally(padded, attacker.id);

    // read and subtract: against the hub
    const after = await published();
    const recovered = recover(before, after, own, othersTruth);

    // the same arithmetic against the outsider rule alone (no holders): the attack is real
    const naive = protectPeopleTable(padded.map(({ holder: _h, ...row }) => row), { dimensions: [{ name: "TrainingOutcome", categories: [...OUTCOMES], partition: true }] }, THRESHOLD);
    const naiveAfter = new Map([...before.keys()].map((cell) => {
      const [gmina, category] = cell.split("|");
      const c = naive.get(category === "TOTAL" ? `${gmina}|TOTAL|TOTAL` : `${gmina}|TrainingOutcome|${category}`)!;
      return [cell, c.hidden ? null : c.count];
    }));
    const naiveRecovered = recover(before, naiveAfter, own, othersTruth);

    // delete the fakes: the published table is as before
    for (const fake of fakes) await gql(`mutation($id: ID!) { deleteEnrolment(id: $id) }`, { id: fake.id });
    expect(await published()).toEqual(before);

    // solved together with everything else the insider knows: no small count of the others' records
    const ownBefore = tally(real, attacker.id);
    const seatsOfOthers = new Map(UNITS.map((u) => [u, ["IN_PROGRESS", "COMPLETED_EMPLOYED", "COMPLETED_NOT_EMPLOYED", "COMPLETED_EMPLOYMENT_UNKNOWN"].reduce((n, c) => n + (othersTruth.get(`${u}|${c}`) ?? 0), 0)]));
    const disclosed = smallDisclosed(before, differencing([{ cells: before, own: ownBefore }, { cells: after, own }], seatsOfOthers), othersTruth);
    const naiveDisclosed = smallDisclosed(before, differencing([{ cells: before, own: ownBefore }, { cells: naiveAfter, own }], seatsOfOthers), othersTruth);

    console.log(`insider padding, ${YEAR}, every unit: ${before.size} cells published, ${withheld} withheld; padded with ${fakes.length} fake enrolments; ` +
      `withheld cells whose others' count shows after padding: ${recovered.size} (${[...recovered.values()].join(", ") || "none"}); ` +
      `small counts of others disclosed by differencing: ${disclosed.size} (outsider rule alone: ${naiveDisclosed.size}, shown directly: ${naiveRecovered.size})`);
    // what shows after padding is never a small count of others: the insider rule's promise
    for (const [cell, others] of recovered) expect(others, cell).toBeGreaterThanOrEqual(THRESHOLD);
    expect([...disclosed.keys()]).toEqual([]);
    // the attack is real: against the outsider rule alone it learns small counts
    expect(naiveDisclosed.size).toBeGreaterThan(0);
  });
});
