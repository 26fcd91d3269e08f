export { definition } from "./definition.js";
export { buildSchema } from "./schema.js";
