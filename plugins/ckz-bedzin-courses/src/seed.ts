import type { EntityManager } from "@mikro-orm/postgresql";
import { stableId, type SeedResult } from "@bdp/kit/server";
import { OfferKind, TargetGroup as G } from "@bdp/kit/domain";
import { CkzBedzinCoursesOffer } from "./offer/offer.entity.js";

/** [kind, title, gmina, target groups, valid from, valid through, places, schedule, free] */
const OFFERS: [OfferKind, string, string, G[], string, string | null, number | null, string | null, boolean][] = [
  [OfferKind.TRAINING_PLACE, "Kurs kwalifikacyjny: technik logistyk (KKZ)", "2401011", [G.EMPLOYEES, G.JOB_SEEKERS], "2027-02-01", "2027-09-30", 24, "piątki 15:00–20:00, soboty 8:00–14:00", true],
  [OfferKind.TRAINING_PLACE, "Kurs spawania metodą TIG (141)", "2401011", [G.UNDER_30, G.NO_VOCATIONAL_QUALIFICATIONS], "2026-11-20", "2027-01-30", 10, "wieczorami, 3 razy w tygodniu", false],
  [OfferKind.TRAINING_PLACE, "Podstawy obsługi komputera dla osób 50+", "2401021", [G.OVER_50], "2027-03-01", "2027-04-30", 12, "wtorki i czwartki 10:00–12:00", true],
  [OfferKind.SERVICE, "Potwierdzanie kwalifikacji zawodowych – doradztwo", "2401011", [G.EMPLOYEES, G.NO_VOCATIONAL_QUALIFICATIONS], "2026-09-01", null, null, "po umówieniu", true],
  [OfferKind.VOLUNTEERING, "Wolontariat: korepetycje z matematyki dla uczniów szkół branżowych", "2401011", [G.SCHOOL_LEAVERS, G.UNDER_30], "2026-10-01", "2027-06-20", 8, "popołudnia, 2 godziny tygodniowo", true],
  [OfferKind.TRAINING_PLACE, "Kurs języka angielskiego zawodowego w logistyce", "2465011", [G.EMPLOYEES], "2027-01-10", "2027-05-31", 16, "soboty 9:00–13:00", false],
  [OfferKind.EVENT, "Dzień otwarty CKZ: pracownie i kierunki kursów", "2401011", [G.SCHOOL_LEAVERS, G.JOB_SEEKERS], "2027-03-13", "2027-03-13", 200, "sobota 10:00–15:00", true],
];

export async function seed(em: EntityManager): Promise<SeedResult> {
  OFFERS.forEach(([kind, title, municipalityCode, targetGroups, validFrom, validThrough, places, schedule, freeOfCharge], i) => {
    em.create(CkzBedzinCoursesOffer, {
      id: stableId(`ckzBedzinCourses-offer:${i}`),
      kind, title, municipalityCode, targetGroups, validFrom, validThrough, places, schedule, freeOfCharge,
      description: `${title}. Centrum Kształcenia Zawodowego w Będzinie.`,
      howToApply: "Formularz zgłoszeniowy w sekretariacie CKZ lub mailowo; o przyjęciu decyduje kolejność zgłoszeń.",
      contactPerson: "sekretariat kursów",
    });
  });
  return { counts: { ckz_bedzin_courses_offer: OFFERS.length } };
}
