import { AuditEntry, OutboxEvent, relayToRegister, type SubgraphDefinition } from "@bdp/kit/server";
import { CatalogueOffer } from "./offer/offer.entity.js";
import { TrustedDocument } from "./document/document.entity.js";
import { documentRoutes } from "./document/documents.js";
import { SchemaChangeApproval } from "./usage/approval.entity.js";
import { SchemaUsage } from "./usage/usage.entity.js";
import { usageRoutes } from "./usage/usage.js";
import { PluginRegistration, PluginSlug, SupergraphVersion } from "./plugin/plugin.entity.js";
import { refreshAll, registryRoutes } from "./plugin/registry.js";
import { createLoaders, type Loaders } from "./loaders.js";
import { generate } from "./generate.js";
import { buildSchema } from "./schema.js";
import { migrations } from "./migrations/index.js";

/** How often the catalogue reads every plugin's offers (OFFERS_REFRESH_MS, default a minute), read when it starts. */
const refreshMs = (env: NodeJS.ProcessEnv) => (Number(env.OFFERS_REFRESH_MS) > 0 ? Number(env.OFFERS_REFRESH_MS) : 60_000);

/**
 * The offers catalogue (issue #4): one list of every plugin's offers in a
 * uniform shape, and the registry of admitted plugins. Plugins feed it; it
 * lists their offers with filters and cursors, and a plugin that is down
 * keeps its offers listed with the time they were last read. It also keeps
 * the front-ends' trusted documents and the schema usage (issue #17) for
 * the gateways. An offer new in a listed plugin's feed is news (issue #15):
 * told through its outbox, relayed to the register's webhooks and feed.
 */
export const definition: SubgraphDefinition<Loaders> = {
  name: "offers",
  defaultPort: 4005,
  entities: [CatalogueOffer, PluginRegistration, PluginSlug, SupergraphVersion, TrustedDocument, SchemaUsage, SchemaChangeApproval, AuditEntry, OutboxEvent],
  migrations,
  buildSchema,
  createLoaders,
  generate,
  routes: (db, service) => [...registryRoutes(db, service), ...documentRoutes(db, service), ...usageRoutes(db, service)],
  background(db, service) {
    const stopRelay = relayToRegister(db, service);
    let running = Promise.resolve();
    const timer = setInterval(() => {
      running = running.then(() => refreshAll(db.orm.em.fork() as never, service)).catch((error: unknown) => service.log.error("offer refresh failed", { error }));
    }, refreshMs(service.env));
    timer.unref();
    return async () => {
      clearInterval(timer);
      await running;
      await stopRelay();
    };
  },
};

