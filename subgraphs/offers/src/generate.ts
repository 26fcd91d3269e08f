import type { EntityManager } from "@mikro-orm/postgresql";
import { stableId, type SeedResult } from "@bdp/kit/server";
import { GMINA_CODES, OfferKind, SalaryPeriod, TargetGroup } from "@bdp/kit/domain";
import { Random, addDays, type DemoPartner } from "@bdp/kit/demo";
import { CatalogueOffer } from "./offer/offer.entity.js";

const TITLES: Record<OfferKind, string[]> = {
  [OfferKind.JOB]: ["Magazynier", "Sprzedawca", "Kierowca kat. C", "Księgowa", "Spawacz", "Opiekun osoby starszej", "Pracownik produkcji"],
  [OfferKind.TRAINEESHIP]: ["Staż w biurze", "Staż w magazynie", "Staż w gastronomii"],
  [OfferKind.TRAINING_PLACE]: ["Kurs obsługi komputera", "Kurs języka angielskiego", "Kurs operatora wózka"],
  [OfferKind.SERVICE]: ["Doradztwo zawodowe", "Klub pracy"],
  [OfferKind.EVENT]: ["Dzień otwarty", "Giełda pracy"],
  [OfferKind.VOLUNTEERING]: ["Wolontariat w świetlicy", "Wolontariat przy festynie"],
  [OfferKind.FUNDING_CALL]: ["Nabór wniosków KFS", "Nabór na refundację wyposażenia stanowiska pracy"],
  [OfferKind.STUDENT_PLACEMENT]: ["Praktyka studencka w dziale IT", "Praktyka zawodowa w warsztacie"],
};
const KINDS = Object.values(OfferKind);
const GROUPS = Object.values(TargetGroup);

/**
 * Benchmark data (issue #6): catalogue offers as a plugin named
 * `bench-generated` would publish them, one for every other generated
 * partner, so the offers search has a realistic table behind it.
 */
export async function generate(em: EntityManager, partners: readonly DemoPartner[], batch: number): Promise<SeedResult> {
  const rnd = new Random(`offers-generated:${batch}`);
  const now = new Date();
  let n = 0;
  partners.forEach((partner, i) => {
    if (i % 2) return;
    const kind = rnd.pick(KINDS);
    const validFrom = addDays("2026-06-01", rnd.int(0, 400));
    em.create(CatalogueOffer, {
      id: stableId(`generated-offer:${partner.key}`),
      pluginSlug: "bench-generated",
      partnerId: partner.id,
      kind,
      title: `${rnd.pick(TITLES[kind])} – ${partner.name}`,
      description: null,
      municipalityCode: rnd.chance(0.7) ? partner.municipalityCode : rnd.pick(GMINA_CODES),
      targetGroups: rnd.sample(GROUPS, rnd.int(1, 3)),
      validFrom,
      validThrough: rnd.chance(0.2) ? null : addDays(validFrom, rnd.int(7, 180)),
      places: rnd.chance(0.3) ? null : rnd.int(1, 20),
      howToApply: "Zgłoszenia u pracodawcy.",
      occupationCode: null,
      url: null,
      // jobs state their gross monthly pay, from the minimum wage of 2026 (4,806 zł) up
      ...(kind === OfferKind.JOB ? { salaryMin: String(rnd.int(4806, 9000)), salaryMax: rnd.chance(0.5) ? String(rnd.int(9000, 14000)) : null, salaryCurrency: "PLN", salaryPeriod: SalaryPeriod.MONTH } : {}),
      refreshedAt: now,
    });
    n++;
  });
  return { counts: { offer: n } };
}
