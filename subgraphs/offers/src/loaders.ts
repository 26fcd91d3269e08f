import type { EntityManager } from "@mikro-orm/postgresql";
import { byIdLoader, groupLoader } from "@bdp/kit";
import DataLoader from "dataloader";
import { CatalogueOffer } from "./offer/offer.entity.js";
import { PluginRegistration } from "./plugin/plugin.entity.js";

export function createLoaders(em: EntityManager) {
  return {
    offer: byIdLoader(em, CatalogueOffer),
    offersByPartner: groupLoader(em, CatalogueOffer, "partnerId", { validFrom: "desc", id: "asc" }),
    offersByMunicipality: groupLoader(em, CatalogueOffer, "municipalityCode", { validFrom: "desc", id: "asc" }),
    pluginBySlug: new DataLoader<string, PluginRegistration | null>(async (slugs) => {
      const found = await em.find(PluginRegistration, { slug: { $in: [...slugs] } });
      return slugs.map((s) => found.find((p) => p.slug === s) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
