import { AuditEntry, type SubgraphDefinition } from "@bdp/kit/server";
import { ActivationProgramme } from "./programme/programme.entity.js";
import { ActivationParticipant } from "./participant/participant.entity.js";
import { DisabilityJobPlace } from "./job-place/job-place.entity.js";
import { createLoaders, type Loaders } from "./loaders.js";
import { buildSchema } from "./schema.js";
import { migrations } from "./migrations/index.js";
import { generate, seed } from "./seed.js";

/** Activation of persons with disabilities: programmes, pseudonymous participants, job places. */
export const definition: SubgraphDefinition<Loaders> = {
  name: "disability",
  defaultPort: 4004,
  entities: [ActivationProgramme, ActivationParticipant, DisabilityJobPlace, AuditEntry],
  migrations,
  buildSchema,
  createLoaders,
  seed,
  generate,
};
