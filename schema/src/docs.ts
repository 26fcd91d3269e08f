import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ADMISSION_CODES, ConflictReasons, ErrorCodes } from "@bdp/kit/server";

/**
 * The error tables of README.md and plugins/README.md, written from the
 * registries (`kit/src/errors.ts`, `kit/src/plugin/codes.ts`) between
 * `<!-- generated:<name> -->` and `<!-- end:<name> -->` markers, as
 * apollographql/federation writes its error docs from its code registry.
 * `pnpm compose` writes them; a test fails when a file drifts.
 */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const README_FILE = `${ROOT}README.md`;
export const PLUGIN_GUIDE_FILE = `${ROOT}plugins/README.md`;

const table = (rows: Record<string, string>) => ["| code | when |", "|---|---|", ...Object.entries(rows).map(([code, when]) => `| \`${code}\` | ${when} |`)].join("\n");

/** Each generated block: the file it lives in, its name and its text. */
export function generatedBlocks(): { file: string; name: string; text: string }[] {
  return [
    {
      file: README_FILE,
      name: "error-codes",
      text: `${table(ErrorCodes)}\n\n\`CONFLICT\` says why in \`extensions.reason\` where a client can act on it: ${Object.entries(ConflictReasons).map(([reason, when]) => `\`${reason}\` (${when})`).join(", ")}.`,
    },
    { file: PLUGIN_GUIDE_FILE, name: "admission-codes", text: table(ADMISSION_CODES) },
  ];
}

/** A file's text with its generated blocks brought up to date; throws when a marker is missing. */
export function withGeneratedBlocks(file: string, text = readFileSync(file, "utf8")): string {
  let out = text;
  for (const block of generatedBlocks().filter((b) => b.file === file)) {
    const start = `<!-- generated:${block.name} (pnpm compose writes it from the registry; do not edit) -->`;
    const end = `<!-- end:${block.name} -->`;
    const from = out.indexOf(start);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`${file}: no ${start} … ${end} markers`);
    out = `${out.slice(0, from + start.length)}\n${block.text}\n${out.slice(to)}`;
  }
  return out;
}
