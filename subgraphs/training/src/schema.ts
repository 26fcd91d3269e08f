import { auditTrailResolver, buildFederatedSchema, referenceStubs, type HubContext } from "@bdp/kit/server";
import { TrainingProgrammeMutations } from "./programme/programme.mutation.js";
import { TrainingEditionMutations } from "./edition/edition.mutation.js";
import { EnrolmentMutations } from "./enrolment/enrolment.mutation.js";
import { TrainingProgrammeResolver } from "./programme/programme.resolver.js";
import { TrainingEditionResolver } from "./edition/edition.resolver.js";
import { PartnerTrainingResolver, TerritorialUnitTrainingResolver } from "./references/references.resolver.js";
import { TerritorialUnitTrainingStatisticsResolver } from "./statistics/statistics.resolver.js";
import { TerritorialUnitInstrumentStatisticsResolver } from "./statistics/instrument.statistics.js";
import { InstrumentMutations } from "./instrument/instrument.mutation.js";
import { InstrumentAgreementResolver, InstrumentCallResolver, InstrumentDutyResolver } from "./instrument/instrument.resolver.js";
import type { Loaders } from "./loaders.js";

/** The training subgraph's schema; needs no database. */
export function buildSchema() {
  return buildFederatedSchema({
    resolvers: [
      TrainingProgrammeResolver, TrainingEditionResolver, PartnerTrainingResolver, TerritorialUnitTrainingResolver, TerritorialUnitTrainingStatisticsResolver, TerritorialUnitInstrumentStatisticsResolver,
      InstrumentCallResolver, InstrumentAgreementResolver, InstrumentDutyResolver,
      TrainingProgrammeMutations, TrainingEditionMutations, EnrolmentMutations, InstrumentMutations,
      auditTrailResolver("trainingAuditTrail", "training subgraph", { personal: ["Enrolment", "InstrumentAgreement", "InstrumentDuty"] }),
    ],
    referenceResolvers: {
      ...referenceStubs,
      TrainingProgramme: { __resolveReference: (ref: { id: string }, ctx: HubContext<Loaders>) => ctx.loaders.programme.load(ref.id) },
    },
  });
}
