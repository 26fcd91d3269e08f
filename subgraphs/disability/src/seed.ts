import type { EntityManager } from "@mikro-orm/postgresql";
import { stableId, type SeedResult } from "@bdp/kit/server";
import { AgeBand, FundingSource, GMINA_CODES, Sex } from "@bdp/kit/domain";
import { DEMO_TODAY, Random, addDays, DEMO_PARTNERS, partnersWithRole, type DemoPartner } from "@bdp/kit/demo";
import { ActivationProgramme, ActivationProgrammeStatus } from "./programme/programme.entity.js";
import { ActivationParticipant } from "./participant/participant.entity.js";
import { DisabilityJobPlace } from "./job-place/job-place.entity.js";
import { CAUSE_CODES, DisabilityDegree, Instrument, ParticipantOutcome } from "./vocabulary.js";

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

export async function seed(em: EntityManager): Promise<SeedResult> {
  return { counts: seedPartners(em, DEMO_PARTNERS, new Random("disability-seed"), true) };
}

/** Benchmark data (issue #6): the generated partners' programmes, participants and job places, by the same rules. */
export async function generate(em: EntityManager, partners: readonly DemoPartner[], batch: number): Promise<SeedResult> {
  return { counts: seedPartners(em, partners, new Random(`disability-generated:${batch}`), false) };
}

/** Activation programmes of the operators among `partners`, and job places of the employers. */
function seedPartners(em: EntityManager, partners: readonly DemoPartner[], rnd: Random, demo: boolean): Record<string, number> {
  const counts = { activation_programme: 0, activation_participant: 0, disability_job_place: 0 };
  const programmes: ActivationProgramme[] = [];
  partnersWithRole(partners, "activationOperator").forEach((operator, o) => {
    const n = operator.sector === "LABOUR_OFFICE" ? 3 : rnd.int(1, 2);
    for (let i = 0; i < n; i++) {
      const [name, instrument, fundingSource, capacity] = PROGRAMMES[(o * 2 + i * 3) % PROGRAMMES.length]!;
      // the first operator's second programme starts next year
      const startsOn = demo && o === 0 && i === 1 ? addDays(DEMO_TODAY, 60) : addDays("2019-03-01", rnd.int(0, 2200));
      const openEnded = instrument === Instrument.SHELTERED_ENTERPRISE || instrument === Instrument.OCCUPATIONAL_THERAPY_WORKSHOP;
      const endsOn = openEnded ? null : addDays(startsOn, rnd.int(300, 900));
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
      const participants = rnd.chance(0.2) ? rnd.int(1, 4) : rnd.int(Math.ceil(capacity * 0.4), capacity);
      for (let k = 0; k < participants; k++) {
        const joinedOn = addDays(startsOn, rnd.int(0, 200));
        const closed = programme.status === ActivationProgrammeStatus.CLOSED || rnd.chance(0.3);
        const outcome = !closed
          ? ParticipantOutcome.IN_PROGRESS
          : rnd.pick([ParticipantOutcome.EMPLOYED_OPEN_MARKET, ParticipantOutcome.EMPLOYED_OPEN_MARKET, ParticipantOutcome.EMPLOYED_SHELTERED, ParticipantOutcome.IN_EDUCATION, ParticipantOutcome.DROPPED_OUT, ParticipantOutcome.COMPLETED_NO_EMPLOYMENT]);
        em.create(ActivationParticipant, {
          id: stableId(`participant:${programme.id}:${k}`),
          programme,
          pseudonym: `${operator.key.slice(0, 6).toUpperCase()}/${String(k + 1).padStart(4, "0")}`,
          degree: instrument === Instrument.OCCUPATIONAL_THERAPY_WORKSHOP ? rnd.pick([DisabilityDegree.SEVERE, DisabilityDegree.MODERATE]) : rnd.pick([DisabilityDegree.SEVERE, DisabilityDegree.MODERATE, DisabilityDegree.MODERATE, DisabilityDegree.MILD, DisabilityDegree.MILD]),
          causeCodes: rnd.sample(CAUSES, rnd.chance(0.8) ? 1 : rnd.int(2, 3)).sort(),
          ageBand: rnd.pick(Object.values(AgeBand).slice(0, 5)),
          sex: rnd.chance(0.48) ? Sex.FEMALE : Sex.MALE,
          municipalityCode: rnd.pick(programme.municipalityCodes),
          joinedOn: joinedOn > DEMO_TODAY ? DEMO_TODAY : joinedOn,
          leftOn: closed ? (endsOn && endsOn < DEMO_TODAY ? endsOn : addDays(joinedOn > DEMO_TODAY ? DEMO_TODAY : joinedOn, 120)) : null,
          outcome,
        });
        counts.activation_participant++;
      }
    }
  });
  partnersWithRole(partners, "employer").forEach((employer, e) => {
    const n = rnd.int(0, 4);
    for (let i = 0; i < n; i++) {
      const from = rnd.chance(0.5) && programmes.length ? rnd.pick(programmes) : null;
      em.create(DisabilityJobPlace, {
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
      counts.disability_job_place++;
    }
    void e;
  });
  return counts;
}
