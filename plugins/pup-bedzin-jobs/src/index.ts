export { definition } from "./definition.js";
export { manifest } from "./manifest.js";
