import { describe, expect, it } from "vitest";
import { checkSchema, composeWith, coreShape, readCoreSdls } from "@bdp/kit";
import { definition } from "./definition.js";
import { manifest } from "./manifest.js";

/**
 * The hub's schema checks, offline: what `pnpm plugin check` and the hub will
 * say about this plugin, against the core subgraphs as committed.
 */
const core = readCoreSdls(new URL("../../../schema/subgraphs/", import.meta.url));

describe(`plugin ${manifest.slug}`, () => {
  it("has a manifest the hub accepts, and its slug is not a core subgraph's", () => {
    expect(definition.name).toBe(manifest.slug);
    expect(core.map((c) => c.name)).not.toContain(manifest.slug);
  });

  it("keeps its types and root fields under its namespace and touches no core field", async () => {
    const { sdl } = await definition.buildSchema();
    expect(checkSchema(manifest.slug, sdl, coreShape(core))).toEqual([]);
  });

  it("composes with the core subgraphs", async () => {
    const { sdl } = await definition.buildSchema();
    const composed = composeWith([...core, { name: manifest.slug, url: manifest.url, sdl }]);
    expect(composed.ok ? [] : composed.violations).toEqual([]);
  });
});
