import { readFileSync, readdirSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Dependencies point one way (STYLE.md): subgraphs and plugins build on the
 * kit and never on each other; the gateway depends on the kit only and reads
 * the supergraph; schema/ and test/ may see everything.
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

function packages(dir: string): { name: string; dir: string; deps: string[] }[] {
  if (!existsSync(`${ROOT}${dir}`)) return [];
  return readdirSync(`${ROOT}${dir}`)
    .filter((d) => existsSync(`${ROOT}${dir}/${d}/package.json`))
    .map((d) => {
      const pkg = JSON.parse(readFileSync(`${ROOT}${dir}/${d}/package.json`, "utf8"));
      return { name: pkg.name as string, dir: `${dir}/${d}`, deps: Object.keys({ ...pkg.dependencies, ...pkg.devDependencies }).filter((n) => n.startsWith("@bdp/")) };
    });
}

/** The TypeScript sources of every subgraph and plugin but the kit (paths from the root), tests and what `skip` names left out. */
function sources(skip: (path: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") && !skip(path.slice(ROOT.length))) out.push(path.slice(ROOT.length));
    }
  };
  for (const dir of ["subgraphs", "plugins"]) {
    for (const pkg of readdirSync(`${ROOT}${dir}`)) if (pkg !== "kit" && existsSync(`${ROOT}${dir}/${pkg}/src`)) walk(`${ROOT}${dir}/${pkg}/src`);
  }
  return out;
}

describe("architecture", () => {
  const subgraphs = packages("subgraphs");
  const plugins = packages("plugins");
  const gateway = JSON.parse(readFileSync(`${ROOT}gateway/package.json`, "utf8"));

  it("the kit depends on no other workspace package", () => {
    expect(subgraphs.find((p) => p.name === "@bdp/kit")?.deps).toEqual([]);
  });

  it.each([...subgraphs, ...plugins].filter((p) => p.name !== "@bdp/kit").map((p) => [p.name, p] as const))("%s depends on the kit only", (_name, pkg) => {
    expect(pkg.deps).toEqual(["@bdp/kit"]);
  });

  it("the gateway depends on the kit only", () => {
    expect(Object.keys(gateway.dependencies).filter((n) => n.startsWith("@bdp/"))).toEqual(["@bdp/kit"]);
  });

  it("no subgraph or plugin source imports another one's files", () => {
    expect(sources().length).toBeGreaterThan(80);
    const offenders = sources().filter((path) => /from "\.\.\/\.\.\/(?!kit\/)|from "@bdp\/(?!kit["/])/.test(readFileSync(`${ROOT}${path}`, "utf8")));
    expect(offenders).toEqual([]);
  });
});

/**
 * The one write pipeline (issue #12): outside the kit, no source opens a
 * transaction, flushes, or writes an audit entry itself; every write goes
 * through `write(ctx, w => …)`, which decides NOT_FOUND, FORBIDDEN and
 * CONFLICT and writes the audit trail. Seeds and benchmark generators load
 * demo data in bulk and are left out.
 */
const HAND_WRITTEN = [
  [/\.transactional\(/, "opens a transaction (use write())"],
  [/\bwriteTransaction\(/, "opens a transaction (use write())"],
  [/\.flush\(\)/, "flushes by hand (write() flushes)"],
  [/(^|[^.\w])audit\(/m, "writes an audit entry by hand (write() does)"],
  [/\bcreate\(AuditEntry\b/, "writes an audit entry by hand (write() does)"],
] as const;

export function handWrittenWrites(source: string): string[] {
  return HAND_WRITTEN.filter(([pattern]) => pattern.test(source)).map(([, why]) => why);
}

describe("the write pipeline", () => {
  it("the rule catches a resolver that writes by hand", () => {
    const bad = `return ctx.em.transactional(async (tx) => { const p = tx.create(X, data); await tx.flush(); audit(tx, ctx, { action }); return p; });`;
    expect(handWrittenWrites(bad)).toEqual(["opens a transaction (use write())", "flushes by hand (write() flushes)", "writes an audit entry by hand (write() does)"]);
    expect(handWrittenWrites(`return write(ctx, async (w) => w.create(X, data, SPEC));`)).toEqual([]);
  });

  it("no subgraph or plugin writes around it", () => {
    const bulk = (path: string) => /\/migrations\/|\/(seed|generate)\.ts$/.test(path);
    const offenders = sources(bulk).flatMap((path) => handWrittenWrites(readFileSync(`${ROOT}${path}`, "utf8")).map((why) => `${path}: ${why}`));
    expect(offenders).toEqual([]);
  });
});

/**
 * The kit's modules (issue #12): each entry point (`@bdp/kit/<module>`) is
 * made of these files and may import only the modules below it, so the
 * kit stays layered — domain, then server, then statistics, plugin and
 * demo on top, composition and testing above those — and has no cycle.
 * Type-only imports load nothing at run time and may cross (a subgraph's
 * definition names the demo partner's type); cycles count them too.
 */
const KIT = `${ROOT}subgraphs/kit/src/`;
export const KIT_MODULES: Record<string, { files: RegExp; may: readonly string[] }> = {
  domain: { files: /^(vocabulary\.ts|vocabularies\/|territory\/|identifiers\/|labels\/labels\.ts$)/, may: [] },
  server: { files: /^((errors|logger|ids|scalars|context|register|pagination|loaders|references|validate|schema|http|subgraph)\.ts$|(auth|db|audit|outbox)\/|plugin\/codes\.ts$|labels\/(labels|vocabulary)\.resolver\.ts$)/, may: ["domain"] },
  statistics: { files: /^(analytics\/|disclosure\.ts$)/, may: ["server", "domain"] },
  plugin: { files: /^plugin\/(plugin|network|answer-guard)\.ts$/, may: ["server", "domain"] },
  demo: { files: /^demo\/(partners|random)\.ts$/, may: ["server", "domain"] },
  composition: { files: /^plugin\/(admission|api-diff|schema-rules)\.ts$/, may: ["plugin", "server", "domain"] },
  testing: { files: /^demo\/scale\.ts$/, may: ["demo", "server", "domain"] },
  entry: { files: /^entry\//, may: ["domain", "server", "statistics", "plugin", "demo", "composition", "testing"] },
};

export type ImportGraph = Map<string, { value: string[]; type: string[] }>;

/** Where each kit file imports from (relative to the kit's src), value and type-only apart. */
function kitImports(): ImportGraph {
  const graph: ImportGraph = new Map();
  const walk = (dir: string) => {
    for (const entry of readdirSync(`${KIT}${dir}`, { withFileTypes: true })) {
      const rel = `${dir}${entry.name}`;
      if (entry.isDirectory()) walk(`${rel}/`);
      else if (rel.endsWith(".ts") && !rel.endsWith(".test.ts")) {
        const source = readFileSync(`${KIT}${rel}`, "utf8");
        const edges = { value: [] as string[], type: [] as string[] };
        for (const m of source.matchAll(/^(?:import|export)(\s+type)?[^"';]*?from\s+"(\.{1,2}\/[^"]+)"/gm)) {
          const target = new URL(m[2]!.replace(/\.js$/, ".ts"), `file:///${rel}`).pathname.slice(1);
          (m[1] ? edges.type : edges.value).push(target);
        }
        graph.set(rel, edges);
      }
    }
  };
  walk("");
  return graph;
}

/** Every import across a forbidden boundary, every file in no module, and every cycle. */
export function kitViolations(graph: ImportGraph, modules = KIT_MODULES): string[] {
  const moduleOf = (file: string) => Object.entries(modules).find(([, m]) => m.files.test(file))?.[0];
  const out: string[] = [];
  for (const [file, { value }] of graph) {
    const from = moduleOf(file);
    if (!from) {
      out.push(`${file} belongs to no kit module`);
      continue;
    }
    for (const target of value) {
      const to = moduleOf(target);
      if (to && to !== from && !modules[from]!.may.includes(to)) out.push(`${file} (${from}) imports ${target} (${to})`);
    }
  }
  const state = new Map<string, "open" | "done">();
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") {
      out.push(`cycle: ${[...path.slice(path.indexOf(file)), file].join(" → ")}`);
      return;
    }
    state.set(file, "open");
    const edges = graph.get(file);
    for (const target of [...(edges?.value ?? []), ...(edges?.type ?? [])]) visit(target, [...path, file]);
    state.set(file, "done");
  };
  for (const file of graph.keys()) visit(file, []);
  return out;
}

describe("the kit's modules", () => {
  it("the rule catches an import across a boundary, a stray file and a cycle", () => {
    const graph: ImportGraph = new Map([
      ["territory/teryt.ts", { value: ["errors.ts"], type: [] }],
      ["errors.ts", { value: [], type: ["context.ts"] }],
      ["context.ts", { value: [], type: ["errors.ts"] }],
      ["stray.ts", { value: [], type: [] }],
    ]);
    expect(kitViolations(graph)).toEqual([
      "territory/teryt.ts (domain) imports errors.ts (server)",
      "stray.ts belongs to no kit module",
      "cycle: errors.ts → context.ts → errors.ts",
    ]);
  });

  it("has its layers and no cycle", () => {
    const graph = kitImports();
    expect(graph.size).toBeGreaterThan(40);
    expect(kitViolations(graph)).toEqual([]);
  });

  it("no subgraph or plugin loads composition or benchmark generators at run time (tests aside)", () => {
    const offenders = sources().filter((path) => /^import (?!type)[^;]*from "@bdp\/kit\/(composition|testing)"/m.test(readFileSync(`${ROOT}${path}`, "utf8")));
    expect(offenders).toEqual([]);
  });
});
