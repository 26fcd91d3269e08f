import type { EntityManager } from "@mikro-orm/postgresql";
import { stableId, type SeedResult } from "@bdp/kit/server";
import { OfferKind, TargetGroup as G } from "@bdp/kit/domain";
import { TemplateOffer } from "./offer/offer.entity.js";

/** [kind, title, gmina, target groups, valid from, valid through, places, schedule, free] */
const OFFERS: [OfferKind, string, string, G[], string, string | null, number | null, string | null, boolean][] = [
  [OfferKind.TRAINING_PLACE, "Warsztaty pisania CV i rozmowy kwalifikacyjnej", "2401011", [G.UNDER_30, G.SCHOOL_LEAVERS], "2026-11-02", "2027-01-31", 15, "wtorki 16:00–19:00", true],
  [OfferKind.SERVICE, "Doradztwo zawodowe dla młodzieży", "2401011", [G.UNDER_30], "2026-09-01", null, null, "poniedziałek–piątek 9:00–15:00", true],
  [OfferKind.VOLUNTEERING, "Wolontariat przy organizacji Targów Pracy Zagłębia", "2465011", [G.UNDER_30, G.JOB_SEEKERS], "2027-02-01", "2027-03-15", 20, null, true],
  [OfferKind.EVENT, "Dzień otwarty: zawody przyszłości", "2401021", [G.SCHOOL_LEAVERS], "2027-03-20", "2027-03-20", 60, "sobota 10:00–14:00", true],
  [OfferKind.TRAINING_PLACE, "Kurs obsługi kasy fiskalnej z praktyką", "2401031", [G.LONG_TERM_UNEMPLOYED, G.ECONOMICALLY_INACTIVE], "2026-10-15", "2026-12-20", 10, "środy i czwartki", false],
];

export async function seed(em: EntityManager): Promise<SeedResult> {
  OFFERS.forEach(([kind, title, municipalityCode, targetGroups, validFrom, validThrough, places, schedule, freeOfCharge], i) => {
    em.create(TemplateOffer, {
      id: stableId(`template-offer:${i}`),
      kind, title, municipalityCode, targetGroups, validFrom, validThrough, places, schedule, freeOfCharge,
      description: `${title}. Zapisy i szczegóły u organizatora.`,
      howToApply: "Zgłoszenia mailowo lub osobiście w biurze organizatora.",
      contactPerson: "koordynator projektu",
    });
  });
  return { counts: { template_offer: OFFERS.length } };
}
