export { definition } from "./definition.js";
export { buildSchema } from "./schema.js";
export { CALL_INSTRUMENTS } from "./instrument/duties.js";
export { InstrumentDutyOutcome } from "./statistics/instrument.statistics.js";
