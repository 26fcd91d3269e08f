import "reflect-metadata";
import { registerEnumType } from "type-graphql";

/**
 * The partnership's shared vocabulary (shared/DOMAIN.md). Every subgraph
 * registers these enums identically, so composition merges them. Adding a
 * value is a schema change in every subgraph at once: run `pnpm compose`.
 */

/** The declaration's mission lines, in its own order. */
export enum MissionArea {
  PARTNER_UNDERTAKINGS = "PARTNER_UNDERTAKINGS",
  LOCAL_STRATEGIES = "LOCAL_STRATEGIES",
  PROFESSIONAL_DEVELOPMENT = "PROFESSIONAL_DEVELOPMENT",
  COOPERATION = "COOPERATION",
  FUNDING_AND_TRAINING = "FUNDING_AND_TRAINING",
  NEW_EMPLOYMENT_FORMS = "NEW_EMPLOYMENT_FORMS",
  DISABILITY_ACTIVATION = "DISABILITY_ACTIVATION",
  YOUTH_LABOUR_MARKET_ENTRY = "YOUTH_LABOUR_MARKET_ENTRY",
  MEDIA_IMAGE = "MEDIA_IMAGE",
  HERITAGE_AND_ENVIRONMENT = "HERITAGE_AND_ENVIRONMENT",
  SOCIAL_PATHOLOGIES = "SOCIAL_PATHOLOGIES",
}
registerEnumType(MissionArea, {
  name: "MissionArea",
  description: "A line of the partnership declaration's mission, in the declaration's order.",
  valuesConfig: {
    PARTNER_UNDERTAKINGS: { description: "1. Undertakings initiated by partners that enrich the economic and social offer." },
    LOCAL_STRATEGIES: { description: "2. Involving partners in strategies for local problems." },
    PROFESSIONAL_DEVELOPMENT: { description: "3. Partners' professionalism, joint human-resource development, conditions for employment growth." },
    COOPERATION: { description: "4. Cooperation between local governments, social partners and business." },
    FUNDING_AND_TRAINING: { description: "5. Raising funds and training programmes for employers, employees, job seekers and the unemployed." },
    NEW_EMPLOYMENT_FORMS: { description: "6. New ways of earning and of employment." },
    DISABILITY_ACTIVATION: { description: "7. Activation, integration and new jobs for persons with disabilities." },
    YOUTH_LABOUR_MARKET_ENTRY: { description: "8. Young people finishing education entering the labour market." },
    MEDIA_IMAGE: { description: "9. With the media, a positive image of partners' undertakings." },
    HERITAGE_AND_ENVIRONMENT: { description: "10. Historical values, cultural heritage and the natural environment." },
    SOCIAL_PATHOLOGIES: { description: "11. Countering social pathologies." },
  },
});

/** Groups in a special situation on the labour market (act of 20 March 2025), and the other audiences of programmes. */
export enum TargetGroup {
  UNDER_30 = "UNDER_30",
  LONG_TERM_UNEMPLOYED = "LONG_TERM_UNEMPLOYED",
  OVER_50 = "OVER_50",
  PERSONS_WITH_DISABILITIES = "PERSONS_WITH_DISABILITIES",
  NO_VOCATIONAL_QUALIFICATIONS = "NO_VOCATIONAL_QUALIFICATIONS",
  SINGLE_PARENTS = "SINGLE_PARENTS",
  PARENTS_OF_CHILD_UNDER_6 = "PARENTS_OF_CHILD_UNDER_6",
  LARGE_FAMILY_CARD_HOLDERS = "LARGE_FAMILY_CARD_HOLDERS",
  SOCIAL_ASSISTANCE_RECIPIENTS = "SOCIAL_ASSISTANCE_RECIPIENTS",
  CARERS_OF_PERSONS_WITH_DISABILITIES = "CARERS_OF_PERSONS_WITH_DISABILITIES",
  SCHOOL_LEAVERS = "SCHOOL_LEAVERS",
  JOB_SEEKERS = "JOB_SEEKERS",
  EMPLOYEES = "EMPLOYEES",
  EMPLOYERS = "EMPLOYERS",
}
registerEnumType(TargetGroup, {
  name: "TargetGroup",
  description: "Who a programme or issue is for: the priority groups of the 2025 labour-market act, and employers, employees, job seekers and school leavers.",
  valuesConfig: {
    UNDER_30: { description: "Unemployed under 30 years of age." },
    LONG_TERM_UNEMPLOYED: { description: "Long-term unemployed (długotrwale bezrobotni)." },
    OVER_50: { description: "Unemployed over 50 years of age." },
    PERSONS_WITH_DISABILITIES: { description: "Persons with disabilities (osoby z niepełnosprawnościami)." },
    NO_VOCATIONAL_QUALIFICATIONS: { description: "Without vocational qualifications." },
    SINGLE_PARENTS: { description: "Single parents." },
    PARENTS_OF_CHILD_UNDER_6: { description: "Parents of at least one child under 6." },
    LARGE_FAMILY_CARD_HOLDERS: { description: "Holders of the large-family card (Karta Dużej Rodziny)." },
    SOCIAL_ASSISTANCE_RECIPIENTS: { description: "Social assistance recipients." },
    CARERS_OF_PERSONS_WITH_DISABILITIES: { description: "Carers of a person with disabilities." },
    SCHOOL_LEAVERS: { description: "Young people finishing education." },
    JOB_SEEKERS: { description: "Job seekers who are not registered as unemployed." },
    EMPLOYEES: { description: "Employed persons developing their skills." },
    EMPLOYERS: { description: "Employers and their managers." },
  },
});

/** Where the money comes from. */
export enum FundingSource {
  LABOUR_FUND = "LABOUR_FUND",
  KFS = "KFS",
  PFRON = "PFRON",
  ESF_PLUS = "ESF_PLUS",
  LOCAL_GOVERNMENT_BUDGET = "LOCAL_GOVERNMENT_BUDGET",
  PARTNER_OWN_FUNDS = "PARTNER_OWN_FUNDS",
}
registerEnumType(FundingSource, {
  name: "FundingSource",
  description: "The source of funding.",
  valuesConfig: {
    LABOUR_FUND: { description: "Labour Fund (Fundusz Pracy, FP)." },
    KFS: { description: "National Training Fund (Krajowy Fundusz Szkoleniowy)." },
    PFRON: { description: "State Fund for Rehabilitation of Persons with Disabilities (PFRON)." },
    ESF_PLUS: { description: "European Social Fund Plus (EFS+)." },
    LOCAL_GOVERNMENT_BUDGET: { description: "A local government's budget." },
    PARTNER_OWN_FUNDS: { description: "A partner's own funds." },
  },
});

/** Forms of activation (formy aktywizacji); an open list. */
export enum SupportForm {
  TRAINING = "TRAINING",
  TRAINEESHIP = "TRAINEESHIP",
  INTERVENTION_WORKS = "INTERVENTION_WORKS",
  PUBLIC_WORKS = "PUBLIC_WORKS",
  START_UP_GRANT = "START_UP_GRANT",
  WORKSTATION_EQUIPMENT_REFUND = "WORKSTATION_EQUIPMENT_REFUND",
  TRAINING_VOUCHER = "TRAINING_VOUCHER",
  LIFELONG_LEARNING_VOUCHER = "LIFELONG_LEARNING_VOUCHER",
  EDUCATION_LOAN = "EDUCATION_LOAN",
  WAGE_SUBSIDY_50_PLUS = "WAGE_SUBSIDY_50_PLUS",
  KFS_EMPLOYER_TRAINING = "KFS_EMPLOYER_TRAINING",
}
registerEnumType(SupportForm, {
  name: "SupportForm",
  description: "A form of labour-market support (forma aktywizacji).",
  valuesConfig: {
    TRAINING: { description: "Training (szkolenie)." },
    TRAINEESHIP: { description: "Traineeship with an employer (staż)." },
    INTERVENTION_WORKS: { description: "Intervention works (prace interwencyjne)." },
    PUBLIC_WORKS: { description: "Public works (roboty publiczne)." },
    START_UP_GRANT: { description: "Grant to start a business." },
    WORKSTATION_EQUIPMENT_REFUND: { description: "Refund of the cost of equipping a workstation." },
    TRAINING_VOUCHER: { description: "Training voucher (bon szkoleniowy; legacy, before June 2025)." },
    LIFELONG_LEARNING_VOUCHER: { description: "Lifelong-learning voucher (2025 act)." },
    EDUCATION_LOAN: { description: "Education loan (2025 act)." },
    WAGE_SUBSIDY_50_PLUS: { description: "Wage subsidy for employing a person over 50 (2025 act)." },
    KFS_EMPLOYER_TRAINING: { description: "Employer's staff training co-financed by the KFS." },
  },
});

export enum Sex {
  FEMALE = "FEMALE",
  MALE = "MALE",
}
registerEnumType(Sex, {
  name: "Sex",
  description: "Sex, as recorded for statistics broken down by sex (ESF+ indicators).",
  valuesConfig: { FEMALE: { description: "Woman." }, MALE: { description: "Man." } },
});

export enum AgeBand {
  AGE_18_24 = "AGE_18_24",
  AGE_25_29 = "AGE_25_29",
  AGE_30_44 = "AGE_30_44",
  AGE_45_54 = "AGE_45_54",
  AGE_55_64 = "AGE_55_64",
  AGE_65_PLUS = "AGE_65_PLUS",
}
registerEnumType(AgeBand, {
  name: "AgeBand",
  description: "Age band of a pseudonymous participant; exact birth dates are never stored.",
  valuesConfig: {
    AGE_18_24: { description: "18 to 24." },
    AGE_25_29: { description: "25 to 29." },
    AGE_30_44: { description: "30 to 44." },
    AGE_45_54: { description: "45 to 54." },
    AGE_55_64: { description: "55 to 64." },
    AGE_65_PLUS: { description: "65 and over." },
  },
});

/** The kind of organisation a partner is. */
export enum Sector {
  LOCAL_GOVERNMENT = "LOCAL_GOVERNMENT",
  LABOUR_OFFICE = "LABOUR_OFFICE",
  BUSINESS = "BUSINESS",
  NGO = "NGO",
  EDUCATION = "EDUCATION",
  OTHER_INSTITUTION = "OTHER_INSTITUTION",
  INDIVIDUAL = "INDIVIDUAL",
  TRADE_UNION = "TRADE_UNION",
  EMPLOYERS_ORGANISATION = "EMPLOYERS_ORGANISATION",
}
registerEnumType(Sector, {
  name: "Sector",
  description: "The kind of partner that signed the declaration.",
  valuesConfig: {
    LOCAL_GOVERNMENT: { description: "A local government unit (gmina, city, county) or its office." },
    LABOUR_OFFICE: { description: "A county labour office (powiatowy urząd pracy)." },
    BUSINESS: { description: "A business or employer." },
    NGO: { description: "A non-governmental organisation: association, foundation, social cooperative." },
    EDUCATION: { description: "A school, college or training body." },
    OTHER_INSTITUTION: { description: "Another public or social institution." },
    INDIVIDUAL: { description: "A private person who shares the mission." },
    TRADE_UNION: { description: "A trade union or its regional structure (związek zawodowy): a social partner of the declaration." },
    EMPLOYERS_ORGANISATION: { description: "An employers' organisation (organizacja pracodawców, e.g. a regional employers' association): a social partner of the declaration." },
  },
});

/** What a partner's offer is (the hub's offers catalogue; schema.org JobPosting and EducationalOccupationalProgram). */
export enum OfferKind {
  JOB = "JOB",
  TRAINEESHIP = "TRAINEESHIP",
  TRAINING_PLACE = "TRAINING_PLACE",
  SERVICE = "SERVICE",
  EVENT = "EVENT",
  VOLUNTEERING = "VOLUNTEERING",
  FUNDING_CALL = "FUNDING_CALL",
  STUDENT_PLACEMENT = "STUDENT_PLACEMENT",
}
registerEnumType(OfferKind, {
  name: "OfferKind",
  description: "What an offer is.",
  valuesConfig: {
    JOB: { description: "A job (oferta pracy)." },
    TRAINEESHIP: { description: "A traineeship (staż) or apprenticeship." },
    TRAINING_PLACE: { description: "A place on a course or training." },
    SERVICE: { description: "A service: counselling, job club, coaching, support." },
    EVENT: { description: "An event: job fair, open day, workshop." },
    VOLUNTEERING: { description: "A volunteering opportunity (wolontariat)." },
    FUNDING_CALL: { description: "A call for applications for funding: a KFS call, a labour office's call for grants or refunds, an employers' call (nabór wniosków)." },
    STUDENT_PLACEMENT: { description: "A student's or pupil's work placement (praktyka studencka, praktyka zawodowa)." },
  },
});

/** The legal form of the work an offer is for (issue #16). */
export enum ContractType {
  EMPLOYMENT_CONTRACT = "EMPLOYMENT_CONTRACT",
  CONTRACT_OF_MANDATE = "CONTRACT_OF_MANDATE",
  CONTRACT_FOR_SPECIFIC_WORK = "CONTRACT_FOR_SPECIFIC_WORK",
  B2B = "B2B",
  TRAINEESHIP_AGREEMENT = "TRAINEESHIP_AGREEMENT",
  APPRENTICESHIP = "APPRENTICESHIP",
  OTHER = "OTHER",
}
registerEnumType(ContractType, {
  name: "ContractType",
  description: "The legal form of the work an offer is for.",
  valuesConfig: {
    EMPLOYMENT_CONTRACT: { description: "An employment contract under the Labour Code (umowa o pracę)." },
    CONTRACT_OF_MANDATE: { description: "A contract of mandate under the Civil Code (umowa zlecenia)." },
    CONTRACT_FOR_SPECIFIC_WORK: { description: "A contract for specific work under the Civil Code (umowa o dzieło)." },
    B2B: { description: "A contract between businesses: the worker runs a business of their own." },
    TRAINEESHIP_AGREEMENT: { description: "A traineeship agreement with a labour office; the trainee receives a stipend, not a wage (umowa o odbycie stażu)." },
    APPRENTICESHIP: { description: "Vocational preparation of a juvenile or an adult (przygotowanie zawodowe)." },
    OTHER: { description: "Another form, named in the offer's description." },
  },
});

/** How much of the week an offer's work takes (issue #16). */
export enum WorkingTime {
  FULL_TIME = "FULL_TIME",
  PART_TIME = "PART_TIME",
  FLEXIBLE = "FLEXIBLE",
}
registerEnumType(WorkingTime, {
  name: "WorkingTime",
  description: "How much of the week the work takes.",
  valuesConfig: {
    FULL_TIME: { description: "Full time (pełny etat)." },
    PART_TIME: { description: "Part time (część etatu)." },
    FLEXIBLE: { description: "Hours agreed with the worker, varying from week to week." },
  },
});

/** The period a salary is given for. */
export enum SalaryPeriod {
  HOUR = "HOUR",
  MONTH = "MONTH",
  YEAR = "YEAR",
}
registerEnumType(SalaryPeriod, {
  name: "SalaryPeriod",
  description: "The period a salary is given for.",
  valuesConfig: { HOUR: { description: "Per hour." }, MONTH: { description: "Per month." }, YEAR: { description: "Per year." } },
});
