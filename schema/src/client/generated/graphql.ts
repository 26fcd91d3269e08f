/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Instrument of vocational activation of persons with disabilities; an open list. */
export type ActivationInstrument =
  /** Occupational therapy workshop (warsztat terapii zajęciowej, WTZ). */
  | 'OCCUPATIONAL_THERAPY_WORKSHOP'
  /** Vocational activity establishment (zakład aktywności zawodowej, ZAZ). */
  | 'SHELTERED_ENTERPRISE'
  /** Supported employment with a job coach (zatrudnienie wspomagane, trener pracy). */
  | 'SUPPORTED_EMPLOYMENT'
  /** Training aimed at persons with disabilities. */
  | 'TRAINING'
  /** Vocational counselling and job-search support. */
  | 'VOCATIONAL_COUNSELLING'
  /** PFRON wage subsidy (dofinansowanie do wynagrodzeń). */
  | 'WAGE_SUBSIDY'
  /** Refund of workstation adaptation or equipment (art. 26 ustawy o rehabilitacji). */
  | 'WORKSTATION_ADAPTATION';

/** What an offer is. */
export type OfferKind =
  /** An event: job fair, open day, workshop. */
  | 'EVENT'
  /** A job (oferta pracy). */
  | 'JOB'
  /** A service: counselling, job club, coaching, support. */
  | 'SERVICE'
  /** A traineeship (staż) or apprenticeship. */
  | 'TRAINEESHIP'
  /** A place on a course or training. */
  | 'TRAINING_PLACE'
  /** A volunteering opportunity (wolontariat). */
  | 'VOLUNTEERING';

/** Where a participant of an activation programme ended up. */
export type ParticipantOutcome =
  /** Completed, not (yet) employed. */
  | 'COMPLETED_NO_EMPLOYMENT'
  /** Left before the end. */
  | 'DROPPED_OUT'
  /** Employed on the open labour market. */
  | 'EMPLOYED_OPEN_MARKET'
  /** Employed in a sheltered setting (ZAZ, sheltered employer). */
  | 'EMPLOYED_SHELTERED'
  /** Went on to education or training. */
  | 'IN_EDUCATION'
  /** Still taking part. */
  | 'IN_PROGRESS';

/** Where a figure comes from. */
export type StatisticSource =
  /** Demo data interpolated from published figures; not an official statistic. */
  | 'DEMO_ESTIMATE'
  /** Statistics Poland's Local Data Bank (BDL). */
  | 'GUS_BDL'
  /** A county labour office's monthly report (MRPiPS-01). */
  | 'PUP_REPORT';

/** Who a programme or issue is for: the priority groups of the 2025 labour-market act, and employers, employees, job seekers and school leavers. */
export type TargetGroup =
  /** Carers of a person with disabilities. */
  | 'CARERS_OF_PERSONS_WITH_DISABILITIES'
  /** Employed persons developing their skills. */
  | 'EMPLOYEES'
  /** Employers and their managers. */
  | 'EMPLOYERS'
  /** Job seekers who are not registered as unemployed. */
  | 'JOB_SEEKERS'
  /** Holders of the large-family card (Karta Dużej Rodziny). */
  | 'LARGE_FAMILY_CARD_HOLDERS'
  /** Long-term unemployed (długotrwale bezrobotni). */
  | 'LONG_TERM_UNEMPLOYED'
  /** Without vocational qualifications. */
  | 'NO_VOCATIONAL_QUALIFICATIONS'
  /** Unemployed over 50 years of age. */
  | 'OVER_50'
  /** Parents of at least one child under 6. */
  | 'PARENTS_OF_CHILD_UNDER_6'
  /** Persons with disabilities (osoby z niepełnosprawnościami). */
  | 'PERSONS_WITH_DISABILITIES'
  /** Young people finishing education. */
  | 'SCHOOL_LEAVERS'
  /** Single parents. */
  | 'SINGLE_PARENTS'
  /** Social assistance recipients. */
  | 'SOCIAL_ASSISTANCE_RECIPIENTS'
  /** Unemployed under 30 years of age. */
  | 'UNDER_30';

export type MunicipalityDashboardQueryVariables = Exact<{
  code: string;
  fromYear: number;
}>;


export type MunicipalityDashboardQuery = { territorialUnit: { code: string, name: string, unemployment: Array<{ period: string, registeredUnemployed: number, rate: number | null, source: StatisticSource }> | null, trainingEditions: Array<{ id: string, startsOn: string, capacity: number, seatsLeft: number, programme: { title: string, targetGroups: Array<TargetGroup> } }> | null, activationProgrammes: Array<{ id: string, name: string, instrument: ActivationInstrument, participantSummary: { total: { value: number | null, suppressed: boolean }, byOutcome: Array<{ outcome: ParticipantOutcome, count: { value: number | null, suppressed: boolean } }> } }> | null } | null };

export type OffersNearbyQueryVariables = Exact<{
  code: string;
  on?: string | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OffersNearbyQuery = { offers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, kind: OfferKind, title: string, validThrough: string | null, places: number | null, partner: { name: string } | null }> } };


export const MunicipalityDashboardDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MunicipalityDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"fromYear"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"territorialUnit"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"unemployment"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"fromYear"},"value":{"kind":"Variable","name":{"kind":"Name","value":"fromYear"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"period"}},{"kind":"Field","name":{"kind":"Name","value":"registeredUnemployed"}},{"kind":"Field","name":{"kind":"Name","value":"rate"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trainingEditions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"startsOn"}},{"kind":"Field","name":{"kind":"Name","value":"capacity"}},{"kind":"Field","name":{"kind":"Name","value":"seatsLeft"}},{"kind":"Field","name":{"kind":"Name","value":"programme"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"targetGroups"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"activationProgrammes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"instrument"}},{"kind":"Field","name":{"kind":"Name","value":"participantSummary"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byOutcome"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"outcome"}},{"kind":"Field","name":{"kind":"Name","value":"count"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"suppressed"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<MunicipalityDashboardQuery, MunicipalityDashboardQueryVariables>;
export const OffersNearbyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OffersNearby"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"on"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"municipalityCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"validOn"},"value":{"kind":"Variable","name":{"kind":"Name","value":"on"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"validThrough"}},{"kind":"Field","name":{"kind":"Name","value":"places"}},{"kind":"Field","name":{"kind":"Name","value":"partner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<OffersNearbyQuery, OffersNearbyQueryVariables>;