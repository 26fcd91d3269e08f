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
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith(".ts") && /from "\.\.\/\.\.\/(?!kit\/)|from "@bdp\/(?!kit")/.test(readFileSync(path, "utf8"))) offenders.push(path);
      }
    };
    for (const p of [...subgraphs, ...plugins]) walk(`${ROOT}${p.dir}/src`);
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
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = `${dir}/${entry.name}`;
        if (entry.isDirectory()) {
          if (entry.name !== "migrations") walk(path);
        } else if (entry.name.endsWith(".ts") && !/\.test\.ts$|(^|\/)(seed|generate)\.ts$/.test(path)) {
          for (const why of handWrittenWrites(readFileSync(path, "utf8"))) offenders.push(`${path.slice(ROOT.length)}: ${why}`);
        }
      }
    };
    for (const dir of ["subgraphs", "plugins"]) {
      for (const pkg of readdirSync(`${ROOT}${dir}`)) if (pkg !== "kit" && existsSync(`${ROOT}${dir}/${pkg}/src`)) walk(`${ROOT}${dir}/${pkg}/src`);
    }
    expect(offenders).toEqual([]);
  });
});
