export { definition } from "./definition.js";
export { buildSchema } from "./schema.js";
export { importBdl, parseBdl, BDL_UNITS, BDL_VARIABLES, type ImportReport } from "./statistics/bdl-import.js";
