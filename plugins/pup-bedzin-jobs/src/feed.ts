import type { EntityManager } from "@mikro-orm/postgresql";
import { ContractType, OfferKind, SalaryPeriod, WorkingTime } from "@bdp/kit/domain";
import { isoDay, type OfferFeedItem } from "@bdp/kit/plugin";
import { PupBedzinJobsOffer } from "./offer/offer.entity.js";
import { manifest } from "./manifest.js";

/** The office's own words for the form of work, as the hub's vocabulary. */
const CONTRACTS: Record<string, ContractType> = { "umowa o pracę": ContractType.EMPLOYMENT_CONTRACT, "staż (stypendium stażowe)": ContractType.TRAINEESHIP_AGREEMENT };

/** The offers in the hub's uniform shape (`GET /hub/offers`): every one is the owner's. */
export async function offerFeed(em: EntityManager): Promise<OfferFeedItem[]> {
  const offers = await em.find(PupBedzinJobsOffer, {}, { orderBy: { validFrom: "desc", id: "asc" } });
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
    // the labour office states the monthly gross pay it was offered (from), and the form of work
    salary: o.monthlySalaryFrom ? { min: String(o.monthlySalaryFrom), max: null, currency: "PLN", period: SalaryPeriod.MONTH } : null,
    contractType: CONTRACTS[o.employmentType ?? ""] ?? null,
    workingTime: o.kind === OfferKind.JOB || o.kind === OfferKind.TRAINEESHIP ? WorkingTime.FULL_TIME : null,
    requirements: null,
    accessibility: null,
  }));
}
