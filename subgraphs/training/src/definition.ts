import { AuditEntry, type SubgraphDefinition } from "@bdp/kit/server";
import { TrainingProgramme } from "./programme/programme.entity.js";
import { TrainingEdition } from "./edition/edition.entity.js";
import { Enrolment } from "./enrolment/enrolment.entity.js";
import { InstrumentAgreement, InstrumentCall, InstrumentDuty } from "./instrument/instrument.entity.js";
import { instrumentOffersRoute } from "./instrument/instrument-offers.route.js";
import { createLoaders, type Loaders } from "./loaders.js";
import { buildSchema } from "./schema.js";
import { migrations } from "./migrations/index.js";
import { generate, seed } from "./seed.js";

/** Training programmes, their editions, pseudonymous enrolments and outcomes; labour-market instruments: calls, agreements and their duties. */
export const definition: SubgraphDefinition<Loaders> = {
  name: "training",
  defaultPort: 4003,
  entities: [TrainingProgramme, TrainingEdition, Enrolment, InstrumentCall, InstrumentAgreement, InstrumentDuty, AuditEntry],
  migrations,
  buildSchema,
  createLoaders,
  seed,
  generate,
  // the calls, as offers, for the catalogue
  routes: (db, service) => [instrumentOffersRoute(db, service)],
};
