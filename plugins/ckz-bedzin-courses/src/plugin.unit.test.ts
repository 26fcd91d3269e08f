import { describe, expect, it } from "vitest";
import { checkPluginOffline, readCoreSdls } from "@bdp/kit/composition";
import { definition } from "./definition.js";
import { manifest } from "./manifest.js";

/**
 * The hub's schema checks, offline: what `pnpm plugin check` and the hub will
 * say about this plugin, against the core subgraphs as committed — the
 * namespace, the rules on core types and directives, the size, composition,
 * and that the public API only grows under the plugin's namespace.
 */
const core = readCoreSdls(new URL("../../../schema/subgraphs/", import.meta.url));

describe(`plugin ${manifest.slug}`, () => {
  it("has a manifest the hub accepts, and its slug is not a core subgraph's", () => {
    expect(definition.name).toBe(manifest.slug);
    expect(core.map((c) => c.name)).not.toContain(manifest.slug);
  });

  it("passes every check that needs no hub", async () => {
    const { sdl } = await definition.buildSchema();
    expect(checkPluginOffline(manifest, sdl, core)).toEqual([]);
  });
});
