import type { EntityManager } from "@mikro-orm/postgresql";
import { stableId, type SeedResult } from "@bdp/kit/server";
import { AgeBand, EducationLevel, FundingSource, GMINA_CODES, LabourMarketStatus, Sex, SituationOnLeaving, SupportForm, TargetGroup, inForceOn, targetGroupDefinition, territorialUnit } from "@bdp/kit/domain";
import { DEMO_TODAY, Random, addDays, demoPartnersWithRole, partnersWithRole, type DemoPartner } from "@bdp/kit/demo";
import { ProgrammeStatus, TrainingProgramme } from "./programme/programme.entity.js";
import { EditionStatus, TrainingEdition } from "./edition/edition.entity.js";
import { Enrolment, EnrolmentStatus } from "./enrolment/enrolment.entity.js";
import { seedInstruments } from "./instrument/instrument.seed.js";

const G = TargetGroup;
/** [title, KZiS code (indicative), hours, cost, certificate, target groups] */
const CATALOGUE: [string, string | null, number, number, string | null, TargetGroup[]][] = [
  ["Magazynier z obsługą wózka jezdniowego", "432103", 120, 2400, "Zaświadczenie UDT", [G.UNDER_30, G.LONG_TERM_UNEMPLOYED, G.NO_VOCATIONAL_QUALIFICATIONS]],
  ["Spawanie metodą MAG (135)", "722204", 180, 4800, "Świadectwo egzaminu spawacza", [G.UNDER_30, G.NO_VOCATIONAL_QUALIFICATIONS]],
  ["Opiekun osoby starszej i z niepełnosprawnością", "341203", 160, 3200, "Świadectwo ukończenia kursu", [G.OVER_50, G.LONG_TERM_UNEMPLOYED, G.CARERS_OF_PERSONS_WITH_DISABILITIES]],
  ["Kucharz małej gastronomii", "512001", 150, 3500, "Zaświadczenie MEN", [G.UNDER_30, G.SINGLE_PARENTS]],
  ["Sprzedawca z obsługą kasy fiskalnej", "522301", 80, 1600, null, [G.LONG_TERM_UNEMPLOYED, G.PARENTS_OF_CHILD_UNDER_6, G.PERSONS_WITH_DISABILITIES]],
  ["Kadry i płace z obsługą programu Płatnik", "431103", 100, 2900, "Zaświadczenie MEN", [G.OVER_50, G.PARENTS_OF_CHILD_UNDER_6]],
  ["Kierowca kat. C z kwalifikacją wstępną", "833202", 280, 9800, "Prawo jazdy kat. C, świadectwo kwalifikacji", [G.UNDER_30, G.LONG_TERM_UNEMPLOYED]],
  ["Operator koparko-ładowarki", "834209", 176, 5200, "Uprawnienia IMBiGS", [G.NO_VOCATIONAL_QUALIFICATIONS, G.LONG_TERM_UNEMPLOYED]],
  ["Podstawy programowania w Pythonie", "251401", 200, 6400, "Certyfikat ukończenia", [G.UNDER_30, G.SCHOOL_LEAVERS, G.PERSONS_WITH_DISABILITIES]],
  ["Kompetencje cyfrowe dla osób 50+", null, 60, 900, null, [G.OVER_50, G.SOCIAL_ASSISTANCE_RECIPIENTS]],
  ["Język angielski w pracy, poziom A2/B1", null, 120, 2100, "Certyfikat TELC", [G.JOB_SEEKERS, G.EMPLOYEES]],
  ["Fryzjer – kurs z egzaminem czeladniczym", "514101", 300, 7200, "Świadectwo czeladnicze", [G.UNDER_30, G.SINGLE_PARENTS, G.LARGE_FAMILY_CARD_HOLDERS]],
  ["Elektryk z uprawnieniami SEP do 1 kV", "741103", 90, 1900, "Świadectwo kwalifikacyjne SEP", [G.NO_VOCATIONAL_QUALIFICATIONS, G.EMPLOYEES]],
  ["Księgowość małej firmy", "331301", 140, 3600, "Zaświadczenie MEN", [G.PARENTS_OF_CHILD_UNDER_6, G.JOB_SEEKERS]],
  ["Zarządzanie zespołem dla kadry kierowniczej (KFS)", null, 40, 2800, null, [G.EMPLOYERS, G.EMPLOYEES]],
  ["Trening umiejętności społecznych i poszukiwania pracy", null, 30, 450, null, [G.AT_RISK_OF_SOCIAL_EXCLUSION, G.LONG_TERM_UNEMPLOYED, G.PERSONS_WITH_DISABILITIES]],
  ["Język polski w pracy dla cudzoziemców (A2)", null, 90, 1500, "Certyfikat ukończenia", [G.FOREIGNERS, G.JOB_SEEKERS]],
  ["Pierwsze kroki zawodowe dla młodzieży NEET", null, 60, 1200, null, [G.NEET, G.UNDER_30, G.ECONOMICALLY_INACTIVE]],
];
/**
 * Programmes first published under the 2004 act keep its categories (issue
 * #16): their enrolments before June 2025 may carry them, later ones do not.
 */
const inForceAt = (groups: readonly TargetGroup[], date: string) => groups.filter((g) => inForceOn(targetGroupDefinition(g), date));

const FORMS_BY_FUNDING: [SupportForm, FundingSource][] = [
  [SupportForm.TRAINING, FundingSource.LABOUR_FUND], [SupportForm.TRAINING, FundingSource.ESF_PLUS], [SupportForm.TRAINEESHIP, FundingSource.LABOUR_FUND],
  [SupportForm.LIFELONG_LEARNING_VOUCHER, FundingSource.LABOUR_FUND],
  [SupportForm.KFS_EMPLOYER_TRAINING, FundingSource.KFS], [SupportForm.TRAINING, FundingSource.PFRON], [SupportForm.TRAINING, FundingSource.PARTNER_OWN_FUNDS],
  [SupportForm.TRAINING, FundingSource.LOCAL_GOVERNMENT_BUDGET],
];

/** The bands of adults in force (issue #16), up to 59. */
const ADULT_BANDS = [AgeBand.AGE_18_24, AgeBand.AGE_25_29, AgeBand.AGE_30_49, AgeBand.AGE_50_54, AgeBand.AGE_55_59];

/**
 * How many editions of one programme a provider runs from 2019 to spring
 * 2027. The demo is at the scale of a county of 150,000 (issue #16): a county
 * labour office runs each of its courses three to four times a year (some
 * 300 trainees a year per office), other providers about once a year, so
 * that most yearly totals by gmina are published. The bench's generated
 * partners keep a few editions each: 100,000 partners at a county's volume
 * per partner would be tens of millions of enrolments.
 */
function editionsOf(provider: DemoPartner, demo: boolean, rnd: Random): number {
  if (!demo) return rnd.int(1, 4);
  return provider.sector === "LABOUR_OFFICE" ? rnd.int(30, 40) : rnd.int(12, 20);
}

/**
 * What ESF+ reporting records of a participant (issue #16): where they live
 * (mostly where the course runs), their status and education on entry (from
 * the programme's groups where those say it), and, once they have left, their
 * situation on leaving and six months later.
 */
function esfRecord(rnd: Random, venue: string, groups: readonly TargetGroup[], left: boolean, employed3: boolean | null, endsOn: string) {
  const status = groups.includes(G.EMPLOYEES) || groups.includes(G.EMPLOYERS) ? LabourMarketStatus.EMPLOYED
    : groups.includes(G.LONG_TERM_UNEMPLOYED) && rnd.chance(0.6) ? LabourMarketStatus.LONG_TERM_UNEMPLOYED
    : groups.includes(G.ECONOMICALLY_INACTIVE) || groups.includes(G.NEET) ? rnd.pick([LabourMarketStatus.INACTIVE, LabourMarketStatus.UNEMPLOYED])
    : rnd.weighted([LabourMarketStatus.UNEMPLOYED, LabourMarketStatus.LONG_TERM_UNEMPLOYED, LabourMarketStatus.INACTIVE, LabourMarketStatus.EMPLOYED], (s) => ({ UNEMPLOYED: 5, LONG_TERM_UNEMPLOYED: 3, INACTIVE: 1, EMPLOYED: 1 })[s]);
  const onLeaving = !left ? null : employed3 ? rnd.pick([SituationOnLeaving.IN_EMPLOYMENT, SituationOnLeaving.IN_EMPLOYMENT, SituationOnLeaving.JOB_SEARCHING])
    : rnd.weighted(Object.values(SituationOnLeaving), (v) => ({ IN_EMPLOYMENT: 1, JOB_SEARCHING: 5, IN_EDUCATION_OR_TRAINING: 1, OTHER: 1 })[v]);
  return {
    residenceCode: rnd.chance(0.8) ? venue : rnd.weighted(GMINA_CODES, (g) => territorialUnit(g)?.population ?? 0),
    statusOnEntry: status,
    educationLevel: rnd.weighted(Object.values(EducationLevel), (l) => ({ ISCED_0_2: 3, ISCED_3_4: 5, ISCED_5_8: 2 })[l]),
    situationOnLeaving: onLeaving,
    employedAfter6Months: left && addDays(endsOn, 183) <= DEMO_TODAY ? (employed3 ? rnd.chance(0.85) : rnd.chance(0.25)) : null,
  };
}

/**
 * Where a demo edition runs: a labour office's courses in the gminas of its
 * county, as likely as each has people; another provider's mostly at home,
 * else anywhere in the territory by population.
 */
function demoVenueGmina(provider: DemoPartner, rnd: Random): string {
  const county = territorialUnit(provider.municipalityCode)?.parent;
  const served = provider.sector === "LABOUR_OFFICE" ? GMINA_CODES.filter((g) => territorialUnit(g)?.parent === county) : provider.municipalityCode && rnd.chance(0.5) ? [provider.municipalityCode] : GMINA_CODES;
  // a labour office reaches every gmina of its county, the smallest too (by the square root of its people)
  return rnd.weighted(served, (g) => Math.sqrt(territorialUnit(g)?.population ?? 0));
}

export async function seed(em: EntityManager): Promise<SeedResult> {
  const providers = demoPartnersWithRole("trainingProvider");
  const counts = seedProviders(em, providers, new Random("training-seed"), { demo: true, enrolmentIdPrefix: "" });
  return { counts: { ...counts, ...seedInstruments(em, providers.filter((p) => p.sector === "LABOUR_OFFICE"), demoVenueGmina) } };
}

/** Benchmark data (issue #6): the generated partners' programmes, by the same rules. */
export async function generate(em: EntityManager, partners: readonly DemoPartner[], batch: number): Promise<SeedResult> {
  return { counts: seedProviders(em, partnersWithRole(partners, "trainingProvider"), new Random(`training-generated:${batch}`), { demo: false, enrolmentIdPrefix: `${batch}:` }) };
}

/**
 * Programmes, editions and enrolments of these providers. In the demo
 * (`demo`), the first provider's editions are pinned around "today" so every
 * status shows.
 */
function seedProviders(em: EntityManager, providers: readonly DemoPartner[], rnd: Random, options: { demo: boolean; enrolmentIdPrefix: string }): Record<string, number> {
  const counts = { training_programme: 0, training_edition: 0, enrolment: 0 };
  let participantNo = 0;
  providers.forEach((provider, p) => {
    const n = provider.sector === "LABOUR_OFFICE" ? 6 : rnd.int(1, 2);
    for (let i = 0; i < n; i++) {
      const [title, occupationCode, hours, cost, certificate, groups] = CATALOGUE[(p * 3 + i * 5) % CATALOGUE.length]!;
      const [form, fundingSource] = title.includes("KFS") ? [SupportForm.KFS_EMPLOYER_TRAINING, FundingSource.KFS] : rnd.pick(FORMS_BY_FUNDING);
      const programme = em.create(TrainingProgramme, {
        id: stableId(`training:${provider.key}:${i}`),
        providerId: provider.id,
        title,
        description: `${title} – ${provider.name}. Zajęcia teoretyczne i praktyczne, egzamin końcowy.`,
        targetGroups: groups,
        occupationCode,
        form,
        fundingSource,
        hours,
        costPerParticipant: (cost * (0.85 + rnd.next() * 0.3)).toFixed(2),
        certificate,
        status: rnd.chance(0.1) ? ProgrammeStatus.ARCHIVED : rnd.chance(0.05) ? ProgrammeStatus.DRAFT : ProgrammeStatus.PUBLISHED,
      });
      counts.training_programme++;
      if (programme.status === ProgrammeStatus.DRAFT) continue;
      const editions = editionsOf(provider, options.demo, rnd);
      for (let e = 0; e < editions; e++) {
        // up to spring 2027: some editions are planned or recruiting
        let startsOn = addDays("2019-01-07", rnd.int(0, 3050));
        // the first provider always has one edition running, one recruiting and one planned
        const pinned = options.demo && p === 0 ? ({ "0:0": -7, "0:1": 20, "1:0": 120 } as Record<string, number>)[`${i}:${e}`] : undefined;
        if (pinned !== undefined) startsOn = addDays(DEMO_TODAY, pinned);
        const endsOn = addDays(startsOn, Math.ceil(hours / 6) + rnd.int(0, 10));
        const capacity = rnd.int(8, 20);
        const status = startsOn > DEMO_TODAY ? (addDays(DEMO_TODAY, 45) > startsOn ? EditionStatus.RECRUITING : EditionStatus.PLANNED) : endsOn > DEMO_TODAY ? EditionStatus.IN_PROGRESS : rnd.chance(0.05) ? EditionStatus.CANCELLED : EditionStatus.COMPLETED;
        const edition = em.create(TrainingEdition, {
          id: stableId(`training:${provider.key}:${i}:${e}`),
          programme,
          startsOn,
          endsOn,
          municipalityCode: options.demo ? demoVenueGmina(provider, rnd) : rnd.chance(0.6) ? provider.municipalityCode : rnd.pick(GMINA_CODES),
          venue: rnd.pick(["sala szkoleniowa organizatora", "Centrum Kształcenia Zawodowego", "sala konferencyjna urzędu", "warsztat praktyczny pracodawcy", "zajęcia zdalne i w sali"]),
          capacity,
          status,
        });
        counts.training_edition++;
        if (status === EditionStatus.CANCELLED || status === EditionStatus.PLANNED) continue;
        const enrolled = status === EditionStatus.RECRUITING ? rnd.int(0, capacity - 1) : rnd.int(Math.ceil(capacity * 0.5), capacity);
        for (let k = 0; k < enrolled; k++) {
          participantNo++;
          const finished = status === EditionStatus.COMPLETED;
          const dropped = finished && rnd.chance(0.12);
          const completed = finished && !dropped;
          const cancelled = status === EditionStatus.RECRUITING && rnd.chance(0.15);
          const certified = completed && (certificate !== null ? rnd.chance(0.9) : false);
          const enrolledOn = addDays(startsOn, -rnd.int(3, 30));
          const employed3 = completed && addDays(endsOn, 90) <= DEMO_TODAY ? rnd.chance(certified ? 0.55 : 0.35) : null;
          em.create(Enrolment, {
            id: stableId(`enrolment:${options.enrolmentIdPrefix}${participantNo}`),
            edition,
            participantRef: `${provider.key.slice(0, 8).toUpperCase()}/${startsOn.slice(0, 4)}/${String(participantNo).padStart(5, "0")}`,
            sex: rnd.chance(0.55) ? Sex.FEMALE : Sex.MALE,
            ageBand: groups.includes(G.OVER_50) && rnd.chance(0.7) ? rnd.pick([AgeBand.AGE_50_54, AgeBand.AGE_55_59, AgeBand.AGE_60_PLUS]) : groups.includes(G.UNDER_30) && rnd.chance(0.7) ? rnd.pick([AgeBand.AGE_18_24, AgeBand.AGE_25_29]) : rnd.pick(ADULT_BANDS),
            targetGroups: inForceAt(rnd.sample(groups, rnd.int(1, Math.min(2, groups.length))), enrolledOn),
            enrolledOn,
            status: completed ? EnrolmentStatus.COMPLETED : dropped ? EnrolmentStatus.DROPPED_OUT : cancelled ? EnrolmentStatus.CANCELLED : EnrolmentStatus.ENROLLED,
            completedOn: completed ? endsOn : null,
            certificateObtained: certified,
            employedWithin3Months: employed3,
            ...esfRecord(rnd, edition.municipalityCode, groups, finished, employed3, endsOn),
          });
          counts.enrolment++;
        }
      }
    }
  });
  return counts;
}
