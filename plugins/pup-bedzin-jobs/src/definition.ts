import { type SubgraphDefinition } from "@bdp/kit/server";
import { pluginRoutes } from "@bdp/kit/plugin";
import type { EntityManager } from "@mikro-orm/postgresql";
import { PupBedzinJobsOffer } from "./offer/offer.entity.js";
import { createLoaders, type Loaders } from "./loaders.js";
import { buildSchema } from "./schema.js";
import { migrations } from "./migrations/index.js";
import { offerFeed } from "./feed.js";
import { manifest } from "./manifest.js";
import { seed } from "./seed.js";

/** The plugin as the kit runs it: a subgraph named by its slug, with its own database, manifest and offer feed. */
export const definition: SubgraphDefinition<Loaders> = {
  name: manifest.slug,
  defaultPort: Number(new URL(manifest.url).port),
  entities: [PupBedzinJobsOffer],
  migrations,
  buildSchema,
  createLoaders,
  seed,
  routes: (db) => pluginRoutes(() => manifest, () => offerFeed(db.orm.em.fork() as EntityManager)),
};
