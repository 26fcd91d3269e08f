export * from "./server.js";
export * from "./supergraph.js";
export * from "./data-source.js";
export * from "./auth/jwt.js";
export * from "./tracing.js";
export * from "./plugins/launch.js";
export * from "./config.js";
export * from "./documents/manifest.js";
export { CatalogueRegistry } from "./plugins/registry.js";
