import { registerEnumType } from "type-graphql";

export enum DisabilityDegree {
  SEVERE = "SEVERE",
  MODERATE = "MODERATE",
  MILD = "MILD",
}
registerEnumType(DisabilityDegree, {
  name: "DisabilityDegree",
  description: "Degree of disability (stopień niepełnosprawności).",
  valuesConfig: {
    SEVERE: { description: "Znaczny (severe)." },
    MODERATE: { description: "Umiarkowany (moderate)." },
    MILD: { description: "Lekki (mild)." },
  },
});

/** Cause codes of a disability certificate; at most 3 per certificate. */
export const CAUSE_CODES: Record<string, string> = {
  "01-U": "intellectual disability",
  "02-P": "mental illness",
  "03-L": "voice, speech and hearing disorders",
  "04-O": "sight",
  "05-R": "motor disability",
  "06-E": "epilepsy",
  "07-S": "respiratory and circulatory diseases",
  "08-T": "digestive diseases",
  "09-M": "urogenital diseases",
  "10-N": "neurological diseases",
  "11-I": "other",
  "12-C": "pervasive developmental disorders",
};

export enum Instrument {
  SUPPORTED_EMPLOYMENT = "SUPPORTED_EMPLOYMENT",
  SHELTERED_ENTERPRISE = "SHELTERED_ENTERPRISE",
  OCCUPATIONAL_THERAPY_WORKSHOP = "OCCUPATIONAL_THERAPY_WORKSHOP",
  WAGE_SUBSIDY = "WAGE_SUBSIDY",
  WORKSTATION_ADAPTATION = "WORKSTATION_ADAPTATION",
  VOCATIONAL_COUNSELLING = "VOCATIONAL_COUNSELLING",
  TRAINING = "TRAINING",
  WORKSTATION_ADAPTATION_REFUND = "WORKSTATION_ADAPTATION_REFUND",
  WORKSTATION_EQUIPMENT_REFUND = "WORKSTATION_EQUIPMENT_REFUND",
  ASSISTANT_COST_REFUND = "ASSISTANT_COST_REFUND",
  START_UP_FUNDS = "START_UP_FUNDS",
  CONTRIBUTION_REFUND = "CONTRIBUTION_REFUND",
  EMPLOYEE_TRAINING_REFUND = "EMPLOYEE_TRAINING_REFUND",
}
registerEnumType(Instrument, {
  name: "ActivationInstrument",
  description: "Instrument of vocational activation of persons with disabilities; an open list. The PFRON instruments of the 1997 act on vocational and social rehabilitation name their article (`labels` gives the legal term and basis).",
  valuesConfig: {
    SUPPORTED_EMPLOYMENT: { description: "Supported employment with a job coach (zatrudnienie wspomagane, trener pracy)." },
    SHELTERED_ENTERPRISE: { description: "Vocational activity establishment (zakład aktywności zawodowej, ZAZ)." },
    OCCUPATIONAL_THERAPY_WORKSHOP: { description: "Occupational therapy workshop (warsztat terapii zajęciowej, WTZ)." },
    WAGE_SUBSIDY: { description: "PFRON wage subsidy (dofinansowanie do wynagrodzeń)." },
    WORKSTATION_ADAPTATION: {
      description: "Refund of workstation adaptation or equipment, as one value (before issue #16).",
      deprecationReason: "It merged two instruments with different duties: WORKSTATION_ADAPTATION_REFUND (art. 26) and WORKSTATION_EQUIPMENT_REFUND (art. 26e, with 36 months' employment). Kept on programmes recorded before; refused on new ones.",
    },
    WORKSTATION_ADAPTATION_REFUND: { description: "Refund of the costs of adapting a workstation to a disabled employee (zwrot kosztów przystosowania stanowiska pracy, art. 26 of the 1997 act)." },
    WORKSTATION_EQUIPMENT_REFUND: { description: "Refund of the costs of equipping a workstation for a disabled person referred by the labour office, who must be employed for at least 36 months (zwrot kosztów wyposażenia stanowiska pracy, art. 26e)." },
    ASSISTANT_COST_REFUND: { description: "Refund of the costs of employing a co-worker who helps a disabled employee (zwrot kosztów zatrudnienia pracownika pomagającego, art. 26d)." },
    START_UP_FUNDS: { description: "One-off funds for a disabled person to start a business or a farm, or join a social cooperative (jednorazowe środki na podjęcie działalności, art. 12a)." },
    CONTRIBUTION_REFUND: { description: "Refund of the social insurance contributions of a self-employed disabled person (refundacja składek na ubezpieczenia społeczne, art. 25a)." },
    EMPLOYEE_TRAINING_REFUND: { description: "Refund to an employer of the costs of training disabled employees (zwrot kosztów szkolenia, art. 41)." },
    VOCATIONAL_COUNSELLING: { description: "Vocational counselling and job-search support." },
    TRAINING: { description: "Training aimed at persons with disabilities." },
  },
});

export enum WageBand {
  AT_MINIMUM_WAGE = "AT_MINIMUM_WAGE",
  UP_TO_125_PERCENT = "UP_TO_125_PERCENT",
  UP_TO_150_PERCENT = "UP_TO_150_PERCENT",
  ABOVE_150_PERCENT = "ABOVE_150_PERCENT",
}
registerEnumType(WageBand, {
  name: "WageBand",
  description: "A post's gross monthly pay for full time, against the statutory minimum wage of the month (minimalne wynagrodzenie za pracę).",
  valuesConfig: {
    AT_MINIMUM_WAGE: { description: "The minimum wage." },
    UP_TO_125_PERCENT: { description: "Above the minimum wage, up to 125 % of it." },
    UP_TO_150_PERCENT: { description: "Above 125 %, up to 150 % of the minimum wage." },
    ABOVE_150_PERCENT: { description: "Above 150 % of the minimum wage." },
  },
});

export enum RetentionStatus {
  NOT_BOUND = "NOT_BOUND",
  RUNNING = "RUNNING",
  KEPT = "KEPT",
  BROKEN = "BROKEN",
}
registerEnumType(RetentionStatus, {
  name: "RetentionStatus",
  description: "Whether a post the employer must keep (art. 26e: 36 months after an equipment refund) was kept.",
  valuesConfig: {
    NOT_BOUND: { description: "No duty to keep it." },
    RUNNING: { description: "The period runs and the post exists." },
    KEPT: { description: "The post existed for the whole period." },
    BROKEN: { description: "The post ended before the period was over: the refund is due back in part." },
  },
});

/** Instruments kept only on records made before: refused on new programmes (issue #16). */
export const LEGACY_INSTRUMENTS: ReadonlySet<Instrument> = new Set([Instrument.WORKSTATION_ADAPTATION]);

/** What an instrument binds the employer to, in months of employment, where the 1997 act says so (art. 26e: 36 months). */
export const EMPLOYMENT_DUTY_MONTHS: Partial<Record<Instrument, number>> = { [Instrument.WORKSTATION_EQUIPMENT_REFUND]: 36 };

export enum ParticipantOutcome {
  IN_PROGRESS = "IN_PROGRESS",
  EMPLOYED_OPEN_MARKET = "EMPLOYED_OPEN_MARKET",
  EMPLOYED_SHELTERED = "EMPLOYED_SHELTERED",
  IN_EDUCATION = "IN_EDUCATION",
  DROPPED_OUT = "DROPPED_OUT",
  COMPLETED_NO_EMPLOYMENT = "COMPLETED_NO_EMPLOYMENT",
}
registerEnumType(ParticipantOutcome, {
  name: "ParticipantOutcome",
  description: "Where a participant of an activation programme ended up.",
  valuesConfig: {
    IN_PROGRESS: { description: "Still taking part." },
    EMPLOYED_OPEN_MARKET: { description: "Employed on the open labour market." },
    EMPLOYED_SHELTERED: { description: "Employed in a sheltered setting (ZAZ, sheltered employer)." },
    IN_EDUCATION: { description: "Went on to education or training." },
    DROPPED_OUT: { description: "Left before the end." },
    COMPLETED_NO_EMPLOYMENT: { description: "Completed, not (yet) employed." },
  },
});
