import type { EntityManager } from "@mikro-orm/postgresql";
import { byIdLoader, pagedGroupLoader } from "@bdp/kit/server";
import DataLoader from "dataloader";
import { CatalogueOffer } from "./offer/offer.entity.js";
import { PluginRegistration } from "./plugin/plugin.entity.js";

export function createLoaders(em: EntityManager) {
  return {
    offer: byIdLoader(em, CatalogueOffer),
    // pages, never whole lists: a partner or a gmina may have thousands (issue #11)
    offersByPartner: pagedGroupLoader(em, CatalogueOffer, "partnerId", { validFrom: "desc" }),
    offersByMunicipality: pagedGroupLoader(em, CatalogueOffer, "municipalityCode", { validFrom: "desc" }),
    pluginBySlug: new DataLoader<string, PluginRegistration | null>(async (slugs) => {
      const found = await em.find(PluginRegistration, { slug: { $in: [...slugs] } });
      return slugs.map((s) => found.find((p) => p.slug === s) ?? null);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
