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
}
registerEnumType(Instrument, {
  name: "ActivationInstrument",
  description: "Instrument of vocational activation of persons with disabilities; an open list.",
  valuesConfig: {
    SUPPORTED_EMPLOYMENT: { description: "Supported employment with a job coach (zatrudnienie wspomagane, trener pracy)." },
    SHELTERED_ENTERPRISE: { description: "Vocational activity establishment (zakład aktywności zawodowej, ZAZ)." },
    OCCUPATIONAL_THERAPY_WORKSHOP: { description: "Occupational therapy workshop (warsztat terapii zajęciowej, WTZ)." },
    WAGE_SUBSIDY: { description: "PFRON wage subsidy (dofinansowanie do wynagrodzeń)." },
    WORKSTATION_ADAPTATION: { description: "Refund of workstation adaptation or equipment (art. 26 ustawy o rehabilitacji)." },
    VOCATIONAL_COUNSELLING: { description: "Vocational counselling and job-search support." },
    TRAINING: { description: "Training aimed at persons with disabilities." },
  },
});

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
