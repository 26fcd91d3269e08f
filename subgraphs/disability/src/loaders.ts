import DataLoader from "dataloader";
import type { EntityManager } from "@mikro-orm/postgresql";
import { sqlRows, arrayGroupLoader, byIdLoader, groupLoader, placeholders } from "@bdp/kit/server";
import { ActivationProgramme } from "./programme/programme.entity.js";
import { DisabilityJobPlace } from "./job-place/job-place.entity.js";
import { ActivationParticipant } from "./participant/participant.entity.js";
import type { DisabilityDegree, ParticipantOutcome } from "./vocabulary.js";

/** Participants of one programme counted by degree and outcome (one SQL GROUP BY for all programmes asked for). */
export interface ParticipantCell {
  degree: DisabilityDegree;
  outcome: ParticipantOutcome;
  count: number;
}

export function createLoaders(em: EntityManager) {
  return {
    programme: byIdLoader(em, ActivationProgramme),
    programmesByOperator: groupLoader(em, ActivationProgramme, "operatorId", { name: "asc", id: "asc" }),
    programmesByMunicipality: arrayGroupLoader(em, ActivationProgramme, "municipalityCodes", { name: "asc", id: "asc" }),
    participantsByProgramme: groupLoader(em, ActivationParticipant, "programme", { joinedOn: "asc", id: "asc" }),
    jobPlacesByEmployer: groupLoader(em, DisabilityJobPlace, "employerId", { createdOn: "desc", id: "asc" }),
    participantCells: new DataLoader<string, ParticipantCell[]>(async (ids) => {
      const rows = await sqlRows<{ key: string; degree: DisabilityDegree; outcome: ParticipantOutcome; count: number }[]>(em,
        `select programme_id as key, degree, outcome, count(*)::int as count
         from activation_participant where programme_id in (${placeholders(ids)})
         group by programme_id, degree, outcome`,
        [...ids],
      );
      return ids.map((id) => rows.filter((r) => r.key === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
