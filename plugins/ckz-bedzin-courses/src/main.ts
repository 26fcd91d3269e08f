import { runFromEnv } from "@bdp/kit";
import { definition } from "./definition.js";

await runFromEnv(definition, import.meta.url);
