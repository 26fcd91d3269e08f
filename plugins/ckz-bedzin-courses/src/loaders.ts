import type { EntityManager } from "@mikro-orm/postgresql";
import { byIdLoader } from "@bdp/kit/server";
import { CkzBedzinCoursesOffer } from "./offer/offer.entity.js";

export function createLoaders(em: EntityManager) {
  return { offer: byIdLoader(em, CkzBedzinCoursesOffer) };
}

export type Loaders = ReturnType<typeof createLoaders>;
