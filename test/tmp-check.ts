import { checkPluginOffline, readCoreSdls, parseManifest } from "@bdp/kit";
import { readFileSync } from "node:fs";
for (const name of ["template", "pup-bedzin-jobs", "ckz-bedzin-courses"]) {
  const { definition } = await import(`../plugins/${name}/src/definition.ts`);
  const m = parseManifest(JSON.parse(readFileSync(`../plugins/${name}/plugin.json`, "utf8")));
  const { sdl } = await definition.buildSchema();
  console.log(name, checkPluginOffline((m as any).value, sdl, readCoreSdls("../schema/subgraphs")));
}
