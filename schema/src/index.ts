export * from "./compose.js";
export * from "./subgraphs.js";
export { codegenConfig } from "./client/codegen.js";
export * from "./docs.js";
