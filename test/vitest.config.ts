import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/**
 * One config for the whole workspace (run from the root: `pnpm test`).
 * The kind of test shows in its file name: *.unit.test.ts (no database),
 * *.db.test.ts (a fresh database per file: PostgreSQL when DATABASE_URL is
 * set, PGlite otherwise), *.e2e.test.ts (real HTTP between gateway and
 * subgraphs), *.load.test.ts (faults and load: bounded in time, printing their
 * figures; in `pnpm test`, not in `pnpm test:e2e`).
 */
const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * The longest files first (the fault and load tests, then the red team), so
 * the two workers finish together instead of one running the longest file
 * alone at the end; vitest's own order (its duration cache) follows. On a
 * fresh clone there is no cache, and the load tests would otherwise go last.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    // the cluster test (twelve processes) last: beside the embedded hub's first-start test (seven) both took
    // twice as long, and the stage with them
    const weight = (f: TestSpecification) =>
      f.moduleId.includes("/test/e2e/cluster.") ? 3 : f.moduleId.includes("/test/load/") ? 0 : f.moduleId.includes("/test/red-team/") ? 1 : 2;
    const sorted = await super.sort(files);
    return sorted.map((f, i) => [f, i] as const).sort(([a, i], [b, j]) => weight(a) - weight(b) || i - j).map(([f]) => f);
  }
}
const conditions = ["source", "node"];

/**
 * CI's second stage runs the end-to-end tests again on embedded PGlite
 * (`pnpm test:embedded`, E2E_SCOPE=embedded) for what the embedded database
 * changes: one connection per database (writes queue where PostgreSQL would
 * interleave them), data directories and images, the demo seed, plugins'
 * own databases. These files test the gateway's edge (limits, documents,
 * HTTP, tracing, composition, balancers, shared state in Redis, draining,
 * failing subgraphs) or SQL that PGlite runs as the same PostgreSQL engine
 * (the disclosure attacks, the red team's probes, fuzzed inputs): on
 * PostgreSQL they run once, in `pnpm test`.
 */
const NOT_EMBEDDED = [
  "limits", "trusted-documents", "graphql-over-http", "explorer", "tracing", "schema-changes", "load-balancer", "shared-state",
  "graceful-stop", "resilience", "fuzz", "insider-disclosure", "cluster", "read-replicas", "replica-invalidation",
].map((name) => `test/e2e/${name}.e2e.test.ts`);
const embeddedScope = process.env.E2E_SCOPE === "embedded";

export default defineConfig({
  root,
  // Workspace packages resolve to their TypeScript sources (see STACK.md).
  // graphql must be one instance: vite would resolve our sources' `graphql`
  // to index.mjs while the libraries that Node loads get index.js, and
  // type-graphql's `instanceof GraphQLScalarType` then fails.
  resolve: { conditions, alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }] },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" },
    pool: "forks",
    sequence: { sequencer: LongestFirst },
    maxWorkers: 2,
    reporters: ["default"],
    projects: [
      {
        extends: true,
        // composing a plugin with the core (the plugins' offline checks) takes 3 s on an idle core, over 5 s beside the database tests
        test: { name: "unit", include: ["{subgraphs,plugins,gateway,schema,test}/**/*.unit.test.ts"], exclude: ["**/node_modules/**"], testTimeout: 30_000 },
      },
      {
        extends: true,
        test: { name: "db", include: ["{subgraphs,plugins,gateway,schema,test}/**/*.db.test.ts"], exclude: ["**/node_modules/**"], testTimeout: 60_000, hookTimeout: 120_000 },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          // each file starts its own hub (its own databases, ports and registries), so a worker can keep the modules
          // it loaded for the next file: every file imported the gateway and all subgraphs again, about 4 s each
          // (the embedded stage: 254 s → 149 s). A file that changes process-wide state puts it back in afterAll.
          isolate: false,
          include: ["test/e2e/**/*.e2e.test.ts", ...(embeddedScope ? [] : ["test/red-team/**/*.e2e.test.ts"])],
          exclude: ["**/node_modules/**", ...(embeddedScope ? NOT_EMBEDDED : [])],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: "load",
          include: ["test/load/**/*.load.test.ts"],
          exclude: ["**/node_modules/**"],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // the memory check calls gc() before it reads the heap
          execArgv: ["--expose-gc"],
        },
      },
    ],
  },
});
