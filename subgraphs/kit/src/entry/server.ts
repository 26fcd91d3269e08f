import "reflect-metadata";

/**
 * `@bdp/kit/server`: what every subgraph and plugin runs on — the HTTP
 * server and its health, the request context and identity, signatures,
 * authorization, the database and its migrations, the one write pipeline
 * and the audit trail, pagination and loaders, input checks, errors and
 * their registry, schema building. Builds on the domain module only.
 */
export * from "../errors.js";
export * from "../plugin/codes.js";
export * from "../logger.js";
export * from "../scalars.js";
export * from "../ids.js";
export * from "../context.js";
export * from "../schema.js";
export * from "../pagination.js";
export * from "../loaders.js";
export * from "../references.js";
export * from "../validate.js";
export * from "../http.js";
export * from "../auth/signature.js";
export * from "../auth/authorize.js";
export * from "../auth/signed-route.js";
export * from "../subgraph.js";
export * from "../register.js";
export * from "../db/orm.js";
export * from "../db/seed.js";
export * from "../db/image.js";
export * from "../db/base.entity.js";
export * from "../db/sql-counter.js";
export * from "../db/write.js";
export * from "../db/pipeline.js";
export * from "../db/raw.js";
export * from "../db/write-generation.js";
export * from "../db/replicas.js";
export * from "../audit/audit.entity.js";
export * from "../audit/audit.js";
export * from "../audit/audit.resolver.js";
export * from "../outbox/outbox.entity.js";
export * from "../outbox/signature.js";
export * from "../outbox/relay.js";
export * from "../outbox/rounds.js";
export * from "../outbox/effects.js";
export * from "../outbox/retention.js";
export * from "../labels/labels.resolver.js";
export * from "../labels/vocabulary.resolver.js";
