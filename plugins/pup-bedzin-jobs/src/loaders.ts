import type { EntityManager } from "@mikro-orm/postgresql";
import { byIdLoader } from "@bdp/kit/server";
import { PupBedzinJobsOffer } from "./offer/offer.entity.js";

export function createLoaders(em: EntityManager) {
  return { offer: byIdLoader(em, PupBedzinJobsOffer) };
}

export type Loaders = ReturnType<typeof createLoaders>;
