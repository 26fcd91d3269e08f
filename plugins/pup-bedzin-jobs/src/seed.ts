import type { EntityManager } from "@mikro-orm/postgresql";
import { stableId, type SeedResult } from "@bdp/kit/server";
import { OfferKind, TargetGroup as G } from "@bdp/kit/domain";
import { PupBedzinJobsOffer } from "./offer/offer.entity.js";

/** [kind, title, gmina, target groups, valid from, valid through, places, schedule, free] */
const OFFERS: [OfferKind, string, string, G[], string, string | null, number | null, string | null, boolean][] = [
  [OfferKind.JOB, "Magazynier – operator wózka widłowego", "2401011", [G.UNDER_30, G.LONG_TERM_UNEMPLOYED], "2026-11-10", "2026-12-31", 3, "praca zmianowa, 3 zmiany", true],
  [OfferKind.JOB, "Sprzedawca – kasjer w sklepie spożywczym", "2401021", [G.OVER_50, G.SINGLE_PARENTS], "2026-11-05", "2026-12-15", 2, "pon.–sob. 6:00–14:00 lub 14:00–22:00", true],
  [OfferKind.JOB, "Spawacz MAG z uprawnieniami", "2465011", [G.JOB_SEEKERS], "2026-10-20", "2027-01-20", 4, "jedna zmiana, 7:00–15:00", true],
  [OfferKind.TRAINEESHIP, "Staż: asystent w biurze rachunkowym", "2401011", [G.UNDER_30, G.SCHOOL_LEAVERS], "2027-01-02", "2027-06-30", 1, "pon.–pt. 8:00–16:00", true],
  [OfferKind.TRAINEESHIP, "Staż: pomoc kuchenna w hotelu", "2401073", [G.UNDER_30, G.LONG_TERM_UNEMPLOYED], "2027-02-01", "2027-07-31", 2, "grafik zmianowy", true],
  [OfferKind.JOB, "Opiekun osoby starszej – praca w domu podopiecznego", "2401062", [G.OVER_50, G.CARERS_OF_PERSONS_WITH_DISABILITIES], "2026-11-15", null, 5, "godziny do uzgodnienia", true],
  [OfferKind.EVENT, "Giełda pracy branży logistycznej", "2401011", [G.JOB_SEEKERS, G.UNDER_30], "2027-01-14", "2027-01-14", 120, "czwartek 10:00–13:00, sala PUP", true],
];

const OCCUPATIONS = ["432103", "522301", "721207", "331301", "941201", "532201", null];
const SALARIES = ["5200.00", "4806.00", "7500.00", null, null, "5000.00", null];

export async function seed(em: EntityManager): Promise<SeedResult> {
  OFFERS.forEach(([kind, title, municipalityCode, targetGroups, validFrom, validThrough, places, schedule, freeOfCharge], i) => {
    em.create(PupBedzinJobsOffer, {
      id: stableId(`pupBedzinJobs-offer:${i}`),
      kind, title, municipalityCode, targetGroups, validFrom, validThrough, places, schedule, freeOfCharge,
      description: `${title}. Oferta zgłoszona do Powiatowego Urzędu Pracy w Będzinie.`,
      howToApply: "Osobiście w PUP w Będzinie (pokój 12) lub przez praca.gov.pl, z numerem oferty.",
      contactPerson: "pośrednik pracy",
      occupationCode: OCCUPATIONS[i] ?? null,
      monthlySalaryFrom: kind === OfferKind.JOB ? SALARIES[i] ?? null : null,
      employmentType: kind === OfferKind.JOB ? "umowa o pracę" : kind === OfferKind.TRAINEESHIP ? "staż (stypendium stażowe)" : null,
    });
  });
  return { counts: { pup_bedzin_jobs_offer: OFFERS.length } };
}
