export { definition } from "./definition.js";
export { buildSchema } from "./schema.js";
export { DisabilityDegree, Instrument, ParticipantOutcome } from "./vocabulary.js";
