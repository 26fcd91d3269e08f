import type { EntityManager } from "@mikro-orm/postgresql";
import { sqlRows, aggregateLoader, arrayGroupLoader, byIdLoader, groupLoader, placeholders } from "@bdp/kit/server";
import { TrainingProgramme } from "./programme/programme.entity.js";
import { TrainingEdition } from "./edition/edition.entity.js";
import { Enrolment } from "./enrolment/enrolment.entity.js";
import { InstrumentAgreement, InstrumentCall, InstrumentDuty } from "./instrument/instrument.entity.js";

export interface EditionStats {
  key: string;
  /** Enrolled or completed: the seats in use. */
  taken: number;
  completed: number;
  certified: number;
  employed: number;
}

export function createLoaders(em: EntityManager) {
  return {
    programme: byIdLoader(em, TrainingProgramme),
    edition: byIdLoader(em, TrainingEdition),
    programmesByProvider: groupLoader(em, TrainingProgramme, "providerId", { title: "asc", id: "asc" }),
    editionsByProgramme: groupLoader(em, TrainingEdition, "programme", { startsOn: "asc", id: "asc" }),
    enrolmentsByEdition: groupLoader(em, Enrolment, "edition", { enrolledOn: "asc", id: "asc" }),
    editionsByMunicipality: groupLoader(em, TrainingEdition, "municipalityCode", { startsOn: "desc", id: "asc" }),
    instrumentCall: byIdLoader(em, InstrumentCall),
    agreementsByCall: groupLoader(em, InstrumentAgreement, "call", { signedOn: "asc", id: "asc" }),
    dutiesByAgreement: groupLoader(em, InstrumentDuty, "agreement", { dueOn: "asc", id: "asc" }),
    callCommitted: aggregateLoader<{ key: string; committed: string; agreements: number }>(
      (ids) => sqlRows(em, `select call_id as key, sum(amount)::text as committed, count(*)::int as agreements from instrument_agreement where call_id in (${placeholders(ids)}) group by call_id`, ids),
      (key) => ({ key, committed: "0.00", agreements: 0 }),
    ),
    programmesByTargetGroup: arrayGroupLoader(em, TrainingProgramme, "targetGroups", { title: "asc" }),
    editionStats: aggregateLoader<EditionStats>(
      (ids) =>
        sqlRows(em,
          `select edition_id as key,
             count(*) filter (where status in ('ENROLLED', 'COMPLETED'))::int as taken,
             count(*) filter (where status = 'COMPLETED')::int as completed,
             count(*) filter (where certificate_obtained)::int as certified,
             count(*) filter (where employed_within3months)::int as employed
           from enrolment where edition_id in (${placeholders(ids)}) group by edition_id`,
          ids,
        ),
      (key) => ({ key, taken: 0, completed: 0, certified: 0, employed: 0 }),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
