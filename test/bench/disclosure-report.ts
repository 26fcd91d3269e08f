/**
 * `pnpm disclosure-report` (issue #16, item 7): what disclosure control costs
 * on the demo data. Starts the hub as the tests do (seeded demo data, PGlite
 * in memory, or PostgreSQL when DATABASE_URL is set), reads every published
 * count of people for every unit and year, and prints per statistic and
 * grouping how many cells are published and how many withheld, then the
 * yearly training outcome totals of Będzin as the dashboard shows them.
 *
 *   pnpm disclosure-report [--from 2019] [--to 2026]
 */
import { GMINA_CODES, TERRITORY } from "@bdp/kit/domain";
import { startTestHub } from "../src/hub.js";

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value)) throw new Error(`--${name} takes a year`);
  return value;
}
const FROM = option("from", 2019);
const TO = option("to", 2026);
const THRESHOLD = Number(process.env.DISCLOSURE_THRESHOLD ?? 5);
const say = (line: string) => process.stderr.write(`${line}\n`);

/** The people statistics and their groupings (`by` argument, "" for none). */
const PEOPLE: [statistic: string, by: string][] = [
  ["trainingOutcomes", ""],
  ["activationParticipants", "DEGREE"],
  ["activationParticipants", "INSTRUMENT"],
  ["activationParticipants", "OUTCOME"],
];
const UNITS = new Set([...GMINA_CODES, ...TERRITORY.filter((u) => u.kind === "COUNTY" || u.kind === "CITY_WITH_COUNTY_RIGHTS").map((u) => u.code)]);

interface Value {
  value: number | null;
  suppressed: boolean;
}
interface Line {
  key: string;
  values: Value[];
}

say(`starting the hub on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"} with the demo data…`);
const started = Date.now();
const hub = await startTestHub("disclosure_report");
say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
try {
  const fields = PEOPLE.map(([stat, by], i) => `s${i}: ${stat}(fromYear: ${FROM}, toYear: ${TO}${by ? `, by: ${by}` : ""}) { periods { key } series { key values { value suppressed } } total { key values { value suppressed } } }`);
  const asked = performance.now();
  const { body } = await hub.query(`{ territorialUnits { code name ${fields.join(" ")} } }`, {}, { token: hub.token({ sub: "report", role: "analyst" }) });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  // the first request computes and protects every year's tables (ten years, two statistics)
  say(`statistics computed and protected in ${Math.round(performance.now() - asked)} ms (cold)`);
  const units = (body.data as any).territorialUnits.filter((u: any) => UNITS.has(u.code));

  const rows: string[] = [];
  let allCells = 0, allWithheld = 0;
  PEOPLE.forEach(([stat, by], i) => {
    let cells = 0, withheld = 0, totals = 0, totalsWithheld = 0, people = 0;
    for (const unit of units) {
      const s = unit[`s${i}`];
      for (const line of [...s.series, s.total] as Line[]) {
        for (const v of line.values) {
          cells++;
          if (v.suppressed) withheld++;
          if (line === s.total) {
            totals++;
            if (v.suppressed) totalsWithheld++;
            else if (GMINA_CODES.includes(unit.code)) people += v.value ?? 0;
          }
        }
      }
    }
    allCells += cells;
    allWithheld += withheld;
    const share = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)} %`;
    rows.push(`| ${stat}${by ? ` by ${by}` : ""} | ${cells} | ${withheld} | ${share(withheld, cells)} | ${totalsWithheld} of ${totals} (${share(totalsWithheld, totals)}) | ${people} |`);
  });
  console.log(`\nDisclosure control on the demo data, ${FROM}–${TO}, threshold ${THRESHOLD}, ${units.length} units (gminas, the county, the city), yearly cells:\n`);
  console.log("| statistic | cells | withheld | withheld share | totals withheld | people in published gmina totals |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of rows) console.log(r);
  console.log(`| all | ${allCells} | ${allWithheld} | ${((100 * allWithheld) / allCells).toFixed(1)} % | | |`);

  // the volumes: the county's and the city's yearly totals, as published
  const yearly = (i: number) =>
    units[0][`s${i}`].periods.map((p: { key: string }, k: number) => {
      const parts = units.filter((u: any) => u.code.length === 4).map((u: any) => u[`s${i}`].total.values[k] as Value);
      return `${p.key}: ${parts.some((v: Value) => v.suppressed) ? ":c" : parts.reduce((n: number, v: Value) => n + (v.value ?? 0), 0)}`;
    });
  console.log(`\nPeople a year in the territory (county + city): training ${yearly(0).join(", ")}; activation ${yearly(1).join(", ")}`);

  const bedzin = units.find((u: any) => u.code === "2401011");
  const outcomes = bedzin.s0;
  console.log(`\nBędzin (2401011), training outcomes by year (":c" withheld):\n`);
  console.log(`| year | ${[...outcomes.series, outcomes.total].map((l: Line) => l.key).join(" | ")} |`);
  console.log(`| --- |${" ---: |".repeat(outcomes.series.length + 1)}`);
  outcomes.periods.forEach((p: { key: string }, k: number) => {
    console.log(`| ${p.key} | ${[...outcomes.series, outcomes.total].map((l: Line) => (l.values[k]!.suppressed ? ":c" : String(l.values[k]!.value))).join(" | ")} |`);
  });
} finally {
  await hub.close();
}
