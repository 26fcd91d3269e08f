/**
 * The workspace as JavaScript for the launchers' child processes (issue #14,
 * a faster start). Run from TypeScript sources, every process transpiles the
 * whole stack through a module hook on each start: about 4 s of CPU where
 * the same modules compiled load in under 2, and `pnpm start` runs seven
 * processes on what may be two cores. So the launchers compile each package's
 * `src/` once into its `dist/` (what the packages' `exports` name without the
 * `source` condition) with SWC, the same compiler the hook uses, and start
 * `dist/main.js`. A package is compiled again only when a file of its `src/`
 * changed (a hash of their paths and contents); `COMPILE=off` runs the
 * sources as before.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync, copyFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { transform, type Options } from "@swc/core";

/** What `tsconfig.base.json` says, as SWC options: legacy decorators with their metadata (type-graphql, MikroORM), ES2022 modules. */
const SWC: Options = {
  swcrc: false,
  configFile: false,
  sourceMaps: "inline",
  module: { type: "es6" },
  jsc: {
    parser: { syntax: "typescript", decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: "es2022",
    keepClassNames: true,
  },
};

/** Stamp in `dist/` naming the sources it was compiled from. */
const STAMP = ".bdp-compiled";

const isSource = (file: string) => file.endsWith(".ts") && !file.endsWith(".d.ts") && !/\.(unit|db|e2e|load)\.test\.ts$/.test(file);

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

/** The workspace packages the launchers start processes from, with what they import. */
export function workspacePackages(root: string): string[] {
  const groups = ["subgraphs", "plugins"].flatMap((g) => (existsSync(join(root, g)) ? readdirSync(join(root, g)).map((d) => join(root, g, d)) : []));
  return [...groups, join(root, "gateway"), join(root, "schema")].filter((dir) => existsSync(join(dir, "src")) && existsSync(join(dir, "package.json")));
}

/** Compiles one package's `src/` into `dist/` unless the stamp says it is current; returns the files compiled (0 when current). */
export async function compilePackage(dir: string): Promise<number> {
  const src = join(dir, "src");
  const dist = join(dir, "dist");
  const files = filesUnder(src);
  const hash = createHash("sha256");
  hash.update(JSON.stringify(SWC));
  for (const file of files) hash.update(relative(src, file)).update("\0").update(readFileSync(file)).update("\0");
  const key = hash.digest("hex");
  const stamp = join(dist, STAMP);
  if (existsSync(stamp) && readFileSync(stamp, "utf8") === key) return 0;
  let compiled = 0;
  await Promise.all(
    files.map(async (file) => {
      const target = join(dist, relative(src, file));
      mkdirSync(dirname(target), { recursive: true });
      if (isSource(file)) {
        const output = await transform(readFileSync(file, "utf8"), { ...SWC, filename: file });
        // written beside and renamed: a process starting meanwhile reads a whole file, old or new
        const js = target.replace(/\.ts$/, ".js");
        writeFileSync(`${js}.${process.pid}.tmp`, output.code);
        renameSync(`${js}.${process.pid}.tmp`, js);
        compiled++;
      } else if (!file.endsWith(".ts")) {
        copyFileSync(file, `${target}.${process.pid}.tmp`);
        renameSync(`${target}.${process.pid}.tmp`, target);
      }
    }),
  );
  // the stamp last: a cut-off compilation is done again on the next start
  writeFileSync(stamp, key);
  return compiled;
}

/** Compiles every package that needs it; returns how many files were compiled and how long it took. */
export async function compileWorkspace(root: string): Promise<{ files: number; ms: number }> {
  const started = performance.now();
  let files = 0;
  for (const dir of workspacePackages(root)) files += await compilePackage(dir);
  return { files, ms: Math.round(performance.now() - started) };
}
