/**
 * Benchmark data (issue #6): `pnpm generate --partners 100000` fills
 * PostgreSQL databases `<base>_<subgraph>` (base `bdp_bench_<partners>` on
 * DATABASE_URL's server) with the demo seed plus generated partners and, by
 * the same rules, their representatives, training programmes, editions,
 * enrolments, activation programmes, participants and job places. A
 * complete dataset is kept and reused; a partial one is dropped and made
 * again. Progress goes to stderr.
 */
import pg from "pg";
import { maintenanceUrl, migrate, openOrm, runSeedOnce, subgraphDatabaseUrl, type SubgraphDefinition } from "@bdp/kit/server";
import { generatedPartners } from "@bdp/kit/testing";
import { CORE } from "../src/hub.js";

const BATCH = 1000;
const MARKER = "hub_generated";

export interface Dataset {
  /** Base URL: each subgraph's database is `<base>_<subgraph>`. */
  baseUrl: string;
  partners: number;
  /** Rows per table, as written (empty when the dataset was already there). */
  counts: Record<string, number>;
  seconds: number;
}

export function datasetUrl(serverUrl: string, partners: number): string {
  const url = new URL(serverUrl);
  url.pathname = `/bdp_bench_${partners}`;
  return url.toString();
}

async function isComplete(baseUrl: string, definition: SubgraphDefinition<any>, partners: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: subgraphDatabaseUrl(baseUrl, definition.name).url });
  try {
    await client.connect();
  } catch {
    return false; // no database yet
  }
  try {
    const { rows } = await client.query(`select partners from ${MARKER} where subgraph = $1`, [definition.name]);
    return rows[0]?.partners === partners;
  } catch {
    return false;
  } finally {
    await client.end();
  }
}

async function dropDatabase(baseUrl: string, subgraph: string): Promise<void> {
  const admin = new pg.Client({ connectionString: maintenanceUrl(baseUrl) });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${subgraphDatabaseUrl(baseUrl, subgraph).dbName}" with (force)`);
  } finally {
    await admin.end();
  }
}

export async function generateDataset(serverUrl: string, partners: number, progress: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<Dataset> {
  const baseUrl = datasetUrl(serverUrl, partners);
  const started = performance.now();
  const counts: Record<string, number> = {};
  for (const definition of CORE) {
    if (await isComplete(baseUrl, definition, partners)) {
      progress(`${definition.name}: dataset of ${partners.toLocaleString("en")} partners already there`);
      continue;
    }
    await dropDatabase(baseUrl, definition.name);
    const { orm } = await openOrm({ subgraph: definition.name, entities: definition.entities, migrations: definition.migrations, target: { kind: "postgres", url: baseUrl } });
    try {
      await migrate(orm);
      if (definition.seed) await runSeedOnce(orm.em.fork(), definition.name, definition.seed);
      const batches = Math.ceil(partners / BATCH);
      let lastShown = -1;
      for (let b = 0; definition.generate && b < batches; b++) {
        const em = orm.em.fork();
        const result = await definition.generate(em, generatedPartners(b * BATCH, Math.min(BATCH, partners - b * BATCH)), b);
        await em.flush();
        for (const [table, n] of Object.entries(result.counts)) counts[table] = (counts[table] ?? 0) + n;
        const percent = Math.floor(((b + 1) / batches) * 10) * 10;
        if (percent !== lastShown) {
          lastShown = percent;
          const rows = Object.entries(counts).filter(([t]) => Object.hasOwn(result.counts, t)).map(([t, n]) => `${t} ${n.toLocaleString("en")}`).join(", ");
          progress(`${definition.name}: ${percent}% of ${partners.toLocaleString("en")} partners (${rows}) ${((performance.now() - started) / 1000).toFixed(1)} s`);
        }
      }
      const conn = orm.em.getConnection();
      // vacuum too: index-only scans (counts by sector, say) need the visibility map
      await conn.execute("vacuum analyze");
      await conn.execute(`create table if not exists ${MARKER} (subgraph text primary key, partners int not null)`);
      await conn.execute(`insert into ${MARKER} (subgraph, partners) values (?, ?) on conflict (subgraph) do update set partners = excluded.partners`, [definition.name, partners]);
    } finally {
      await orm.close(true);
    }
  }
  return { baseUrl, partners, counts, seconds: (performance.now() - started) / 1000 };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf("--partners");
  const partners = at >= 0 ? Number(args[at + 1]) : 1000;
  if (!Number.isInteger(partners) || partners < 0 || partners > 1_000_000) {
    process.stderr.write("--partners takes a whole number from 0 to 1,000,000\n");
    process.exit(2);
  }
  const server = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/bdp";
  const dataset = await generateDataset(server, partners);
  process.stdout.write(`${JSON.stringify({ baseUrl: dataset.baseUrl, partners, counts: dataset.counts, seconds: Math.round(dataset.seconds * 10) / 10 })}\n`);
}
