import type { EntityManager } from "@mikro-orm/postgresql";
import { byIdLoader } from "@bdp/kit/server";
import { TemplateOffer } from "./offer/offer.entity.js";

export function createLoaders(em: EntityManager) {
  return { offer: byIdLoader(em, TemplateOffer) };
}

export type Loaders = ReturnType<typeof createLoaders>;
