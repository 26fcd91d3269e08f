import type { EntityManager } from "@mikro-orm/postgresql";
import { stableId, type SeedResult } from "@bdp/kit/server";
import { AgeBand, EducationLevel, FundingSource, GMINA_CODES, LabourMarketStatus, Sex, SituationOnLeaving, territorialUnit } from "@bdp/kit/domain";
import { DEMO_TODAY, Random, addDays, DEMO_PARTNERS, partnersWithRole, type DemoPartner } from "@bdp/kit/demo";
import { ActivationProgramme, ActivationProgrammeStatus } from "./programme/programme.entity.js";
import { ActivationParticipant } from "./participant/participant.entity.js";
import { DisabilityJobPlace } from "./job-place/job-place.entity.js";
import { CAUSE_CODES, DisabilityDegree, Instrument, ParticipantOutcome, WageBand } from "./vocabulary.js";

const PROGRAMMES: [string, Instrument, FundingSource, number][] = [
  ["Trener pracy – zatrudnienie wspomagane", Instrument.SUPPORTED_EMPLOYMENT, FundingSource.PFRON, 30],
  ["Zakład Aktywności Zawodowej – pracownia poligraficzna i porządkowa", Instrument.SHELTERED_ENTERPRISE, FundingSource.PFRON, 45],
  ["Warsztat Terapii Zajęciowej – pracownie rękodzieła i gospodarstwa domowego", Instrument.OCCUPATIONAL_THERAPY_WORKSHOP, FundingSource.PFRON, 35],
  ["Dofinansowanie wynagrodzeń – wsparcie pracodawców", Instrument.WAGE_SUBSIDY, FundingSource.PFRON, 60],
  ["Przystosowanie stanowisk pracy", Instrument.WORKSTATION_ADAPTATION, FundingSource.PFRON, 15],
  ["Doradztwo zawodowe i klub pracy dla osób z niepełnosprawnościami", Instrument.VOCATIONAL_COUNSELLING, FundingSource.LABOUR_FUND, 40],
  ["Aktywni zawodowo – szkolenia dla osób z niepełnosprawnościami", Instrument.TRAINING, FundingSource.ESF_PLUS, 24],
];
const CAUSES = Object.keys(CAUSE_CODES);
const OCCUPATIONS = ["432103", "962902", "911205", "522301", "411004", "741103", "512001", "932911"];

/** Where each outcome leaves a participant, as ESF+ asks on leaving. */
const ON_LEAVING: Record<ParticipantOutcome, SituationOnLeaving | null> = {
  [ParticipantOutcome.IN_PROGRESS]: null,
  [ParticipantOutcome.EMPLOYED_OPEN_MARKET]: SituationOnLeaving.IN_EMPLOYMENT,
  [ParticipantOutcome.EMPLOYED_SHELTERED]: SituationOnLeaving.IN_EMPLOYMENT,
  [ParticipantOutcome.IN_EDUCATION]: SituationOnLeaving.IN_EDUCATION_OR_TRAINING,
  [ParticipantOutcome.COMPLETED_NO_EMPLOYMENT]: SituationOnLeaving.JOB_SEARCHING,
  [ParticipantOutcome.DROPPED_OUT]: SituationOnLeaving.OTHER,
};

/**
 * A participant's ESF+ record (issue #16, item 3), drawn from its own
 * stream so the rest of the demo is as it was: status and education on
 * entry for those who joined from 2021 (ESF+ 2021–2027), the situation on
 * leaving from the outcome, and employment six months after for those who
 * left that long ago.
 */
function esfRecord(p: ActivationParticipant, rnd: Random): Partial<ActivationParticipant> {
  if (p.joinedOn < "2021-01-01") return {};
  const statusOnEntry = rnd.pick([LabourMarketStatus.INACTIVE, LabourMarketStatus.INACTIVE, LabourMarketStatus.UNEMPLOYED, LabourMarketStatus.LONG_TERM_UNEMPLOYED, LabourMarketStatus.LONG_TERM_UNEMPLOYED, LabourMarketStatus.EMPLOYED]);
  const educationLevel = rnd.chance(0.05) ? null : rnd.pick([EducationLevel.ISCED_0_2, EducationLevel.ISCED_0_2, EducationLevel.ISCED_3_4, EducationLevel.ISCED_3_4, EducationLevel.ISCED_3_4, EducationLevel.ISCED_5_8]);
  const situationOnLeaving = ON_LEAVING[p.outcome];
  const sixMonthsOn = p.leftOn !== null && addDays(p.leftOn, 183) <= DEMO_TODAY;
  const employedAfter6Months = sixMonthsOn ? (situationOnLeaving === SituationOnLeaving.IN_EMPLOYMENT ? rnd.chance(0.85) : rnd.chance(0.25)) : null;
  return { statusOnEntry, educationLevel, situationOnLeaving, employedAfter6Months };
}

/** The PFRON instruments given person by person (issue #16, item 4): run by the county offices, few people a year each. */
const PFRON_INSTRUMENTS: [string, Instrument, number][] = [
  ["Zwrot kosztów przystosowania stanowisk pracy (art. 26)", Instrument.WORKSTATION_ADAPTATION_REFUND, 6],
  ["Zwrot kosztów wyposażenia stanowisk pracy dla osób niepełnosprawnych (art. 26e)", Instrument.WORKSTATION_EQUIPMENT_REFUND, 8],
  ["Zwrot kosztów zatrudnienia pracowników pomagających (art. 26d)", Instrument.ASSISTANT_COST_REFUND, 6],
  ["Jednorazowe środki na podjęcie działalności (art. 12a)", Instrument.START_UP_FUNDS, 10],
  ["Refundacja składek osób niepełnosprawnych prowadzących działalność (art. 25a)", Instrument.CONTRIBUTION_REFUND, 20],
  ["Zwrot kosztów szkolenia pracowników niepełnosprawnych (art. 41)", Instrument.EMPLOYEE_TRAINING_REFUND, 12],
];

/**
 * The county offices' PFRON instruments since 2023, as programmes with a
 * yearly handful of people, on a stream of their own (and apart from the
 * job places' draw of programmes) so what was seeded before keeps its
 * figures. Returns the programmes written.
 */
function seedPfronInstruments(em: EntityManager, operators: readonly DemoPartner[], esf: Random, counts: Record<string, number>): number {
  const rnd = new Random("disability-pfron-instruments");
  const offices = operators.filter((o) => o.sector === "LABOUR_OFFICE");
  let written = 0;
  PFRON_INSTRUMENTS.forEach(([name, instrument, capacity], i) => {
    const operator = offices[i % offices.length]!;
    const county = territorialUnit(operator.municipalityCode)?.parent;
    const gminas = GMINA_CODES.filter((g) => territorialUnit(g)?.parent === county);
    const programme = em.create(ActivationProgramme, {
      id: stableId(`activation:${operator.key}:pfron:${instrument}`), operatorId: operator.id, name,
      description: `${name}. Realizator: ${operator.name}, ze środków PFRON.`, instrument, municipalityCodes: gminas.length ? gminas : [operator.municipalityCode],
      fundingSource: FundingSource.PFRON, startsOn: "2023-01-02", endsOn: null, capacity, status: ActivationProgrammeStatus.ACTIVE,
    });
    written++;
    const people = rnd.int(Math.ceil(capacity / 2), capacity) * 3;
    for (let k = 0; k < people; k++) {
      const joinedOn = addDays("2023-01-10", rnd.int(0, daysBetween("2023-01-10", DEMO_TODAY)));
      const left = daysBetween(joinedOn, DEMO_TODAY) > 200 && rnd.chance(0.7);
      const outcome = left ? rnd.pick([ParticipantOutcome.EMPLOYED_OPEN_MARKET, ParticipantOutcome.EMPLOYED_OPEN_MARKET, ParticipantOutcome.COMPLETED_NO_EMPLOYMENT]) : ParticipantOutcome.IN_PROGRESS;
      const participant = em.create(ActivationParticipant, {
        id: stableId(`participant:${programme.id}:${k}`), programme, pseudonym: `PFRON-${i + 1}/${String(k + 1).padStart(4, "0")}`,
        degree: rnd.pick([DisabilityDegree.SEVERE, DisabilityDegree.MODERATE, DisabilityDegree.MODERATE, DisabilityDegree.MILD]),
        causeCodes: rnd.sample(CAUSES, 1), ageBand: rnd.pick([AgeBand.AGE_25_29, AgeBand.AGE_30_49, AgeBand.AGE_30_49, AgeBand.AGE_50_54, AgeBand.AGE_55_59]),
        sex: rnd.chance(0.45) ? Sex.FEMALE : Sex.MALE, municipalityCode: rnd.weighted(programme.municipalityCodes, (g) => territorialUnit(g)?.population ?? 0),
        joinedOn, leftOn: left ? minDate(addDays(joinedOn, rnd.int(180, 400)), DEMO_TODAY) : null, outcome,
      });
      Object.assign(participant, esfRecord(participant, esf));
      counts.activation_participant!++;
    }
  });
  return written;
}

/**
 * A job place's pay, subsidy, refund and end (issue #16, item 4), from a
 * stream of its own: one in four posts had its equipment refunded (art.
 * 26e), a subsidised post gets a monthly subsidy by the degree's usual range,
 * and about one post in seven has ended, some of them within their 36 months.
 */
function jobPlaceDetail(place: DisabilityJobPlace): Partial<DisabilityJobPlace> {
  const rnd = new Random(`job-place-detail:${place.id}`);
  const ended = rnd.chance(1 / 7) ? addDays(place.createdOn, rnd.int(200, 1500)) : null;
  return {
    wageBand: rnd.pick([WageBand.AT_MINIMUM_WAGE, WageBand.AT_MINIMUM_WAGE, WageBand.UP_TO_125_PERCENT, WageBand.UP_TO_125_PERCENT, WageBand.UP_TO_150_PERCENT, WageBand.ABOVE_150_PERCENT]),
    monthlySubsidy: place.subsidised ? `${rnd.int(6, 27) * 100}.00` : null,
    equipmentRefunded: rnd.chance(0.25),
    endedOn: ended && ended < DEMO_TODAY ? ended : null,
  };
}

export async function seed(em: EntityManager): Promise<SeedResult> {
  return { counts: seedPartners(em, DEMO_PARTNERS, new Random("disability-seed"), true) };
}

/** Benchmark data (issue #6): the generated partners' programmes, participants and job places, by the same rules. */
export async function generate(em: EntityManager, partners: readonly DemoPartner[], batch: number): Promise<SeedResult> {
  return { counts: seedPartners(em, partners, new Random(`disability-generated:${batch}`), false) };
}

/**
 * How many people a demo programme has taken in since it started: a yearly
 * intake for each year it has run (a sheltered enterprise or a workshop
 * takes in a fifth of its places a year, as people leave; other programmes
 * a half to the whole of their capacity); one in ten stays small, so that
 * suppression shows.
 */
function demoIntake(programme: ActivationProgramme, capacity: number, openEnded: boolean, rnd: Random): number {
  if (rnd.chance(0.1)) return rnd.int(1, 4);
  const until = programme.endsOn && programme.endsOn < DEMO_TODAY ? programme.endsOn : DEMO_TODAY;
  const years = Math.max(1, daysBetween(programme.startsOn, until) / 365);
  const yearly = openEnded ? capacity * 0.2 + rnd.int(0, 3) : rnd.int(Math.ceil(capacity * 0.5), capacity);
  return Math.round(years * yearly);
}

const minDate = (a: string, b: string) => (a < b ? a : b);

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Activation programmes of the operators among `partners`, and job places of the employers. */
function seedPartners(em: EntityManager, partners: readonly DemoPartner[], rnd: Random, demo: boolean): Record<string, number> {
  const counts = { activation_programme: 0, activation_participant: 0, disability_job_place: 0 };
  const programmes: ActivationProgramme[] = [];
  // the ESF+ fields come from a stream of their own: the rest of the demo (and its disclosure figures) is as before them
  const esf = new Random(`${demo ? "disability" : "disability-generated"}-esf:${partners.length}`);
  partnersWithRole(partners, "activationOperator").forEach((operator, o) => {
    const n = operator.sector === "LABOUR_OFFICE" ? 3 : rnd.int(1, 2);
    for (let i = 0; i < n; i++) {
      const [name, instrument, fundingSource, capacity] = PROGRAMMES[(o * 2 + i * 3) % PROGRAMMES.length]!;
      // the first operator's second programme starts next year
      // the demo's programmes run for years (issue #16: dozens of participants per gmina and year); the bench's for one or two
      const startsOn = demo && o === 0 && i === 1 ? addDays(DEMO_TODAY, 60) : addDays("2019-03-01", rnd.int(0, demo ? 700 : 2200));
      const openEnded = instrument === Instrument.SHELTERED_ENTERPRISE || instrument === Instrument.OCCUPATIONAL_THERAPY_WORKSHOP;
      const endsOn = openEnded ? null : addDays(startsOn, demo ? rnd.int(1000, 2600) : rnd.int(300, 900));
      const programme = em.create(ActivationProgramme, {
        id: stableId(`activation:${operator.key}:${i}`),
        operatorId: operator.id,
        name,
        description: `${name}. Realizator: ${operator.name}.`,
        instrument,
        municipalityCodes: [...new Set([operator.municipalityCode, ...rnd.sample(GMINA_CODES, rnd.int(0, 3))])],
        fundingSource,
        startsOn,
        endsOn,
        capacity,
        status: startsOn > DEMO_TODAY ? ActivationProgrammeStatus.PLANNED : endsOn && endsOn < DEMO_TODAY ? ActivationProgrammeStatus.CLOSED : ActivationProgrammeStatus.ACTIVE,
      });
      programmes.push(programme);
      counts.activation_programme++;
      if (programme.status === ActivationProgrammeStatus.PLANNED) continue;
      // some programmes stay small, so that suppression shows in the demo
      const participants = demo ? demoIntake(programme, capacity, openEnded, rnd) : rnd.chance(0.2) ? rnd.int(1, 4) : rnd.int(Math.ceil(capacity * 0.4), capacity);
      const runDays = Math.max(1, daysBetween(startsOn, endsOn && endsOn < DEMO_TODAY ? endsOn : DEMO_TODAY));
      for (let k = 0; k < participants; k++) {
        const joinedOn = addDays(startsOn, demo ? rnd.int(0, runDays) : rnd.int(0, 200));
        // in a demo programme that has run for years, most who joined over a year ago have left
        const longAgo = demo && daysBetween(joinedOn, DEMO_TODAY) > 365;
        const closed = programme.status === ActivationProgrammeStatus.CLOSED || rnd.chance(longAgo ? (openEnded ? 0.5 : 0.95) : 0.3);
        const outcome = !closed
          ? ParticipantOutcome.IN_PROGRESS
          : rnd.pick([ParticipantOutcome.EMPLOYED_OPEN_MARKET, ParticipantOutcome.EMPLOYED_OPEN_MARKET, ParticipantOutcome.EMPLOYED_SHELTERED, ParticipantOutcome.IN_EDUCATION, ParticipantOutcome.DROPPED_OUT, ParticipantOutcome.COMPLETED_NO_EMPLOYMENT]);
        const participant = em.create(ActivationParticipant, {
          id: stableId(`participant:${programme.id}:${k}`),
          programme,
          pseudonym: `${operator.key.slice(0, 6).toUpperCase()}/${String(k + 1).padStart(4, "0")}`,
          degree: instrument === Instrument.OCCUPATIONAL_THERAPY_WORKSHOP ? rnd.pick([DisabilityDegree.SEVERE, DisabilityDegree.MODERATE]) : rnd.pick([DisabilityDegree.SEVERE, DisabilityDegree.MODERATE, DisabilityDegree.MODERATE, DisabilityDegree.MILD, DisabilityDegree.MILD]),
          causeCodes: rnd.sample(CAUSES, rnd.chance(0.8) ? 1 : rnd.int(2, 3)).sort(),
          ageBand: rnd.pick([AgeBand.AGE_18_24, AgeBand.AGE_25_29, AgeBand.AGE_30_49, AgeBand.AGE_50_54, AgeBand.AGE_55_59]),
          sex: rnd.chance(0.48) ? Sex.FEMALE : Sex.MALE,
          municipalityCode: demo ? rnd.weighted(programme.municipalityCodes, (g) => territorialUnit(g)?.population ?? 0) : rnd.pick(programme.municipalityCodes),
          joinedOn: joinedOn > DEMO_TODAY ? DEMO_TODAY : joinedOn,
          leftOn: closed ? (endsOn && endsOn < DEMO_TODAY && !longAgo ? endsOn : minDate(addDays(joinedOn > DEMO_TODAY ? DEMO_TODAY : joinedOn, demo ? rnd.int(90, 360) : 120), demo ? DEMO_TODAY : "9999-12-31")) : null,
          outcome,
        });
        Object.assign(participant, esfRecord(participant, esf));
        counts.activation_participant++;
      }
    }
  });
  if (demo) counts.activation_programme += seedPfronInstruments(em, partnersWithRole(partners, "activationOperator"), esf, counts);
  partnersWithRole(partners, "employer").forEach((employer, e) => {
    const n = rnd.int(0, 4);
    for (let i = 0; i < n; i++) {
      const from = rnd.chance(0.5) && programmes.length ? rnd.pick(programmes) : null;
      const place = em.create(DisabilityJobPlace, {
        id: stableId(`job-place:${employer.key}:${i}`),
        employerId: employer.id,
        employerSector: employer.sector,
        programme: from,
        occupationCode: rnd.pick(OCCUPATIONS),
        municipalityCode: employer.municipalityCode,
        createdOn: addDays("2019-01-01", rnd.int(0, 2850)),
        fullTimeEquivalent: rnd.pick(["1.00", "1.00", "0.75", "0.50"]),
        subsidised: rnd.chance(0.7),
        adaptedWorkstation: rnd.chance(0.4),
        filled: rnd.chance(0.85),
      });
      Object.assign(place, jobPlaceDetail(place));
      counts.disability_job_place++;
    }
    void e;
  });
  return counts;
}
