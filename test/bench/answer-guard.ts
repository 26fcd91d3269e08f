/**
 * What filtering a plugin's answer costs the gateway (issue #11), beside
 * what it already does with every answer (JSON.parse of the body): one
 * `_entities` answer of N offers with the plugin's details, honest or padded
 * with forged fields, filtered by AnswerGuard. CPU time only; prints a table.
 *
 *   pnpm --dir test run bench:guard
 */
import { AnswerGuard } from "@bdp/kit/plugin";
import { coreShape, readCoreSdls } from "@bdp/kit/composition";
import { definition, manifest } from "@bdp/plugin-pup-bedzin-jobs";

const core = readCoreSdls(new URL("../../schema/subgraphs/", import.meta.url));
const { sdl } = await definition.buildSchema();
const guard = new AnswerGuard(manifest.slug, sdl, coreShape(core).keyFields);
const query = `query($representations:[_Any!]!){_entities(representations:$representations){...on Offer{pupBedzinJobs{id title kind monthlySalaryFrom employmentType validFrom validThrough places}}}}`;

function answer(n: number, forged: boolean) {
  const representations = Array.from({ length: n }, (_, i) => ({ __typename: "Offer", id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}` }));
  const entities = representations.map((r, i) => ({
    pupBedzinJobs: { id: r.id, title: `Oferta ${i}`, kind: "JOB", monthlySalaryFrom: "5200.00", employmentType: "umowa o pracę", validFrom: "2026-11-01", validThrough: "2027-01-31", places: 2 },
    ...(forged ? { title: "PRZEJĘTE", url: "http://evil.example", description: "x".repeat(200) } : {}),
  }));
  return { variables: { representations }, text: JSON.stringify({ data: { _entities: entities } }) };
}

const rows: string[] = ["| entities | answer | bytes | JSON.parse µs | guard µs | guard / parse |", "|---:|---|---:|---:|---:|---:|"];
for (const n of [10, 100, 1000]) {
  for (const forged of [false, true]) {
    const { variables, text } = answer(n, forged);
    const rounds = Math.max(20, Math.round(20_000 / n));
    const time = (work: () => void) => {
      for (let i = 0; i < 5; i++) work();
      const started = process.cpuUsage();
      for (let i = 0; i < rounds; i++) work();
      const used = process.cpuUsage(started);
      return (used.user + used.system) / rounds;
    };
    const parse = time(() => JSON.parse(text));
    const filter = time(() => guard.filter({ query, variables }, JSON.parse(text))) - parse;
    rows.push(`| ${n} | ${forged ? "forged fields" : "honest"} | ${text.length.toLocaleString("en")} | ${parse.toFixed(1)} | ${filter.toFixed(1)} | ${(filter / parse).toFixed(2)} |`);
  }
}
process.stdout.write(`${rows.join("\n")}\n`);
