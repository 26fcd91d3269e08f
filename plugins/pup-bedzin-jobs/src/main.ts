import { runFromEnv } from "@bdp/kit/server";
import { definition } from "./definition.js";

await runFromEnv(definition, import.meta.url);
