/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment ChartSeries on StatisticSeries {\n  statistic\n  measure\n  grain\n  dimension\n  disclosureControlled\n  periods {\n    key\n    start\n    end\n  }\n  series {\n    ...ChartLine\n  }\n  total {\n    ...ChartLine\n  }\n}\n\nfragment ChartLine on StatisticLine {\n  key\n  label(lang: $lang)\n  values {\n    value\n    suppressed\n    reason\n  }\n  sum {\n    value\n    suppressed\n    reason\n    lowerBound\n  }\n}\n\nquery MunicipalityDashboard($code: String!, $fromYear: Int!, $toYear: Int!, $lang: Language = PL) {\n  territorialUnit(code: $code) {\n    code\n    name\n    kind\n    unemployment: registeredUnemployment(\n      fromYear: $fromYear\n      toYear: $toYear\n      grain: MONTH\n    ) {\n      ...ChartSeries\n    }\n    placesOffered: trainingPlaces(\n      fromYear: $fromYear\n      toYear: $toYear\n      measure: OFFERED\n    ) {\n      ...ChartSeries\n    }\n    placesTaken: trainingPlaces(\n      fromYear: $fromYear\n      toYear: $toYear\n      measure: TAKEN\n    ) {\n      ...ChartSeries\n    }\n    trainingOutcomes(fromYear: $fromYear, toYear: $toYear) {\n      ...ChartSeries\n    }\n    activation: activationParticipants(\n      fromYear: $fromYear\n      toYear: $toYear\n      by: OUTCOME\n    ) {\n      ...ChartSeries\n    }\n  }\n}": typeof types.ChartSeriesFragmentDoc,
    "query OffersNearby($code: String!, $on: Date, $first: Int, $after: String) {\n  offers(\n    first: $first\n    after: $after\n    filter: {municipalityCode: $code, validOn: $on}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      kind\n      title\n      validThrough\n      places\n      partner {\n        name\n      }\n    }\n  }\n}": typeof types.OffersNearbyDocument,
};
const documents: Documents = {
    "fragment ChartSeries on StatisticSeries {\n  statistic\n  measure\n  grain\n  dimension\n  disclosureControlled\n  periods {\n    key\n    start\n    end\n  }\n  series {\n    ...ChartLine\n  }\n  total {\n    ...ChartLine\n  }\n}\n\nfragment ChartLine on StatisticLine {\n  key\n  label(lang: $lang)\n  values {\n    value\n    suppressed\n    reason\n  }\n  sum {\n    value\n    suppressed\n    reason\n    lowerBound\n  }\n}\n\nquery MunicipalityDashboard($code: String!, $fromYear: Int!, $toYear: Int!, $lang: Language = PL) {\n  territorialUnit(code: $code) {\n    code\n    name\n    kind\n    unemployment: registeredUnemployment(\n      fromYear: $fromYear\n      toYear: $toYear\n      grain: MONTH\n    ) {\n      ...ChartSeries\n    }\n    placesOffered: trainingPlaces(\n      fromYear: $fromYear\n      toYear: $toYear\n      measure: OFFERED\n    ) {\n      ...ChartSeries\n    }\n    placesTaken: trainingPlaces(\n      fromYear: $fromYear\n      toYear: $toYear\n      measure: TAKEN\n    ) {\n      ...ChartSeries\n    }\n    trainingOutcomes(fromYear: $fromYear, toYear: $toYear) {\n      ...ChartSeries\n    }\n    activation: activationParticipants(\n      fromYear: $fromYear\n      toYear: $toYear\n      by: OUTCOME\n    ) {\n      ...ChartSeries\n    }\n  }\n}": types.ChartSeriesFragmentDoc,
    "query OffersNearby($code: String!, $on: Date, $first: Int, $after: String) {\n  offers(\n    first: $first\n    after: $after\n    filter: {municipalityCode: $code, validOn: $on}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      kind\n      title\n      validThrough\n      places\n      partner {\n        name\n      }\n    }\n  }\n}": types.OffersNearbyDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment ChartSeries on StatisticSeries {\n  statistic\n  measure\n  grain\n  dimension\n  disclosureControlled\n  periods {\n    key\n    start\n    end\n  }\n  series {\n    ...ChartLine\n  }\n  total {\n    ...ChartLine\n  }\n}\n\nfragment ChartLine on StatisticLine {\n  key\n  label(lang: $lang)\n  values {\n    value\n    suppressed\n    reason\n  }\n  sum {\n    value\n    suppressed\n    reason\n    lowerBound\n  }\n}\n\nquery MunicipalityDashboard($code: String!, $fromYear: Int!, $toYear: Int!, $lang: Language = PL) {\n  territorialUnit(code: $code) {\n    code\n    name\n    kind\n    unemployment: registeredUnemployment(\n      fromYear: $fromYear\n      toYear: $toYear\n      grain: MONTH\n    ) {\n      ...ChartSeries\n    }\n    placesOffered: trainingPlaces(\n      fromYear: $fromYear\n      toYear: $toYear\n      measure: OFFERED\n    ) {\n      ...ChartSeries\n    }\n    placesTaken: trainingPlaces(\n      fromYear: $fromYear\n      toYear: $toYear\n      measure: TAKEN\n    ) {\n      ...ChartSeries\n    }\n    trainingOutcomes(fromYear: $fromYear, toYear: $toYear) {\n      ...ChartSeries\n    }\n    activation: activationParticipants(\n      fromYear: $fromYear\n      toYear: $toYear\n      by: OUTCOME\n    ) {\n      ...ChartSeries\n    }\n  }\n}"): (typeof documents)["fragment ChartSeries on StatisticSeries {\n  statistic\n  measure\n  grain\n  dimension\n  disclosureControlled\n  periods {\n    key\n    start\n    end\n  }\n  series {\n    ...ChartLine\n  }\n  total {\n    ...ChartLine\n  }\n}\n\nfragment ChartLine on StatisticLine {\n  key\n  label(lang: $lang)\n  values {\n    value\n    suppressed\n    reason\n  }\n  sum {\n    value\n    suppressed\n    reason\n    lowerBound\n  }\n}\n\nquery MunicipalityDashboard($code: String!, $fromYear: Int!, $toYear: Int!, $lang: Language = PL) {\n  territorialUnit(code: $code) {\n    code\n    name\n    kind\n    unemployment: registeredUnemployment(\n      fromYear: $fromYear\n      toYear: $toYear\n      grain: MONTH\n    ) {\n      ...ChartSeries\n    }\n    placesOffered: trainingPlaces(\n      fromYear: $fromYear\n      toYear: $toYear\n      measure: OFFERED\n    ) {\n      ...ChartSeries\n    }\n    placesTaken: trainingPlaces(\n      fromYear: $fromYear\n      toYear: $toYear\n      measure: TAKEN\n    ) {\n      ...ChartSeries\n    }\n    trainingOutcomes(fromYear: $fromYear, toYear: $toYear) {\n      ...ChartSeries\n    }\n    activation: activationParticipants(\n      fromYear: $fromYear\n      toYear: $toYear\n      by: OUTCOME\n    ) {\n      ...ChartSeries\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OffersNearby($code: String!, $on: Date, $first: Int, $after: String) {\n  offers(\n    first: $first\n    after: $after\n    filter: {municipalityCode: $code, validOn: $on}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      kind\n      title\n      validThrough\n      places\n      partner {\n        name\n      }\n    }\n  }\n}"): (typeof documents)["query OffersNearby($code: String!, $on: Date, $first: Int, $after: String) {\n  offers(\n    first: $first\n    after: $after\n    filter: {municipalityCode: $code, validOn: $on}\n  ) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    nodes {\n      id\n      kind\n      title\n      validThrough\n      places\n      partner {\n        name\n      }\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;