import type { EntityManager } from "@mikro-orm/postgresql";
import { isoDay, type OfferFeedItem } from "@bdp/kit/plugin";
import { TemplateOffer } from "./offer/offer.entity.js";
import { manifest } from "./manifest.js";

/** The offers in the hub's uniform shape (`GET /hub/offers`): every one is the owner's. */
export async function offerFeed(em: EntityManager): Promise<OfferFeedItem[]> {
  const offers = await em.find(TemplateOffer, {}, { orderBy: { validFrom: "desc", id: "asc" } });
  return offers.map((o) => ({
    id: o.id,
    kind: o.kind,
    title: o.title,
    description: o.description,
    partnerId: manifest.ownerPartnerId,
    municipalityCode: o.municipalityCode,
    targetGroups: o.targetGroups,
    validFrom: isoDay(o.validFrom),
    validThrough: isoDay(o.validThrough),
    places: o.places,
    howToApply: o.howToApply,
    occupationCode: o.occupationCode,
    url: null,
    // what a job seeker asks first: fill these when the offer has them (salary gross, e.g.
    // { min: "5200.00", max: null, currency: "PLN", period: "MONTH" })
    salary: null,
    contractType: null,
    workingTime: null,
    requirements: null,
    accessibility: null,
  }));
}
