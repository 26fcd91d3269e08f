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

/**
 * Who a programme, an enrolment or an issue is for. Each value's kind, legal
 * basis and validity are data (`TARGET_GROUPS` in vocabularies/definitions.ts,
 * issue #16): the seven priority groups of art. 69 of the 2025 act, the two
 * categories of the repealed 2004 act (kept for records made before June
 * 2025, refused on new ones), eligibility categories, the ESF+ participant
 * characteristics and the other audiences.
 */
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
  ECONOMICALLY_INACTIVE = "ECONOMICALLY_INACTIVE",
  NEET = "NEET",
  FOREIGNERS = "FOREIGNERS",
  AT_RISK_OF_SOCIAL_EXCLUSION = "AT_RISK_OF_SOCIAL_EXCLUSION",
}
const REPEALED_2004 = "A category of the repealed 2004 act (art. 49), in force until 31 May 2025: kept for records made before, refused on new ones. The 2025 act has no such priority group.";
registerEnumType(TargetGroup, {
  name: "TargetGroup",
  description: "Who a programme, enrolment or issue is for: the seven priority groups of art. 69 of the 2025 labour-market act, eligibility categories, ESF+ participant characteristics, and employers, employees and school leavers. `vocabulary { targetGroups }` gives each value's kind, legal basis and validity.",
  valuesConfig: {
    UNDER_30: { description: "Priority group (art. 69 of the 2025 act): unemployed and job seekers under 30 (bezrobotni do 30. roku życia)." },
    LONG_TERM_UNEMPLOYED: { description: "Priority group (art. 69): long-term unemployed (długotrwale bezrobotni)." },
    OVER_50: { description: "Priority group (art. 69): unemployed over 50 (bezrobotni powyżej 50. roku życia)." },
    PERSONS_WITH_DISABILITIES: { description: "Priority group (art. 69): persons with disabilities (bezrobotni niepełnosprawni)." },
    NO_VOCATIONAL_QUALIFICATIONS: { description: "Priority group (art. 69): without vocational qualifications (bez kwalifikacji zawodowych)." },
    SINGLE_PARENTS: { description: "Priority group (art. 69): single parents of at least one child (samotnie wychowujący dziecko)." },
    PARENTS_OF_CHILD_UNDER_6: { description: "Parents of at least one child under 6: a category of the repealed 2004 act (art. 49).", deprecationReason: REPEALED_2004 },
    LARGE_FAMILY_CARD_HOLDERS: { description: "Priority group (art. 69): holders of the large-family card (Karta Dużej Rodziny)." },
    SOCIAL_ASSISTANCE_RECIPIENTS: { description: "Social assistance recipients: a category of the repealed 2004 act (art. 49).", deprecationReason: REPEALED_2004 },
    CARERS_OF_PERSONS_WITH_DISABILITIES: { description: "Carers of a person with disabilities (opiekun osoby niepełnosprawnej): an eligibility category of the 2025 act, not a priority group." },
    SCHOOL_LEAVERS: { description: "Young people finishing education (an audience, not a legal category)." },
    JOB_SEEKERS: { description: "Job seekers who are not registered as unemployed (poszukujący pracy): a status under the 2025 act, not a priority group." },
    EMPLOYEES: { description: "Employed persons developing their skills (an audience)." },
    EMPLOYERS: { description: "Employers and their managers (an audience)." },
    ECONOMICALLY_INACTIVE: { description: "Economically inactive persons (osoby bierne zawodowo): an ESF+ participant characteristic (Regulation (EU) 2021/1057, Annex I)." },
    NEET: { description: "Young people not in employment, education or training (młodzież NEET): an ESF+ target group." },
    FOREIGNERS: { description: "Foreigners (cudzoziemcy): third-country nationals and persons of foreign background, an ESF+ participant characteristic (Annex I)." },
    AT_RISK_OF_SOCIAL_EXCLUSION: { description: "Persons at risk of poverty or social exclusion (osoby zagrożone ubóstwem lub wykluczeniem społecznym): the ESF+ term, which covers social assistance recipients of the repealed act among others." },
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
  JOB_PLACEMENT = "JOB_PLACEMENT",
  CAREER_GUIDANCE = "CAREER_GUIDANCE",
}
registerEnumType(SupportForm, {
  name: "SupportForm",
  description: "A form of labour-market support: a service (training, job placement, career guidance) or an instrument (grants, refunds, subsidies, loans, works, traineeships, vouchers). `vocabulary { supportForms }` gives each form's kind, legal basis and validity.",
  valuesConfig: {
    TRAINING: { description: "Training (szkolenie)." },
    TRAINEESHIP: { description: "Traineeship with an employer (staż)." },
    INTERVENTION_WORKS: { description: "Intervention works (prace interwencyjne)." },
    PUBLIC_WORKS: { description: "Public works (roboty publiczne)." },
    START_UP_GRANT: { description: "Grant to start a business." },
    WORKSTATION_EQUIPMENT_REFUND: { description: "Refund of the cost of equipping a workstation." },
    TRAINING_VOUCHER: { description: "Training voucher (bon szkoleniowy) of the repealed 2004 act, until 31 May 2025.", deprecationReason: "A form of the repealed 2004 act (art. 66k), until 31 May 2025: kept for records made before, refused on new ones; the 2025 act has LIFELONG_LEARNING_VOUCHER." },
    LIFELONG_LEARNING_VOUCHER: { description: "Lifelong-learning voucher (2025 act)." },
    EDUCATION_LOAN: { description: "Education loan (2025 act)." },
    WAGE_SUBSIDY_50_PLUS: { description: "Wage subsidy for employing a person over 50 (2025 act)." },
    KFS_EMPLOYER_TRAINING: { description: "Employer's staff training co-financed by the KFS." },
    JOB_PLACEMENT: { description: "Job placement (pośrednictwo pracy): a labour-market service." },
    CAREER_GUIDANCE: { description: "Career guidance (poradnictwo zawodowe): a labour-market service." },
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

/**
 * Age bands, split at 18, 25, 30, 50, 55 and 60 (issue #16): the 2025 act's
 * "under 30" and "over 50" and the ESF+ "below 18" and "55 and over" are
 * unions of bands. Four bands of the earlier split are legacy: 30–44 and 65+
 * were migrated into 30–49 and 60+; 45–54 and 55–64 straddle 50 and 60 and
 * stay on records made before, refused on new ones.
 */
export enum AgeBand {
  AGE_UNDER_18 = "AGE_UNDER_18",
  AGE_18_24 = "AGE_18_24",
  AGE_25_29 = "AGE_25_29",
  AGE_30_49 = "AGE_30_49",
  AGE_50_54 = "AGE_50_54",
  AGE_55_59 = "AGE_55_59",
  AGE_60_PLUS = "AGE_60_PLUS",
  AGE_30_44 = "AGE_30_44",
  AGE_45_54 = "AGE_45_54",
  AGE_55_64 = "AGE_55_64",
  AGE_65_PLUS = "AGE_65_PLUS",
}
const STRADDLES = (limit: number) => `Straddles ${limit}, so the 2025 act's and ESF+ groups cannot be derived from it: kept on records made before issue #16, refused on new ones.`;
registerEnumType(AgeBand, {
  name: "AgeBand",
  description: "Age band of a pseudonymous participant, split at 18, 25, 30, 50, 55 and 60; exact birth dates are never stored.",
  valuesConfig: {
    AGE_UNDER_18: { description: "Under 18." },
    AGE_18_24: { description: "18 to 24." },
    AGE_25_29: { description: "25 to 29." },
    AGE_30_49: { description: "30 to 49." },
    AGE_50_54: { description: "50 to 54." },
    AGE_55_59: { description: "55 to 59." },
    AGE_60_PLUS: { description: "60 and over." },
    AGE_30_44: { description: "30 to 44 (legacy).", deprecationReason: "Merged into AGE_30_49: stored values were migrated." },
    AGE_45_54: { description: "45 to 54 (legacy).", deprecationReason: STRADDLES(50) },
    AGE_55_64: { description: "55 to 64 (legacy).", deprecationReason: STRADDLES(60) },
    AGE_65_PLUS: { description: "65 and over (legacy).", deprecationReason: "Merged into AGE_60_PLUS: stored values were migrated." },
  },
});

/** The kind of organisation a partner is. */
/**
 * What a partner can do for the others (issue #16, item 6): the shared
 * vocabulary partners' competences are stated and searched in, the
 * partnership's own list (each value's Polish term is its label). What it
 * does not name a partner says in its own words (`otherCompetences`).
 */
export enum Competence {
  VOCATIONAL_COUNSELLING = "VOCATIONAL_COUNSELLING",
  JOB_PLACEMENT = "JOB_PLACEMENT",
  OSH_TRAINING = "OSH_TRAINING",
  TRAINING_VENUE = "TRAINING_VENUE",
  HR_ADVICE = "HR_ADVICE",
  DISABILITY_SUPPORT = "DISABILITY_SUPPORT",
  LOCAL_MEDIA = "LOCAL_MEDIA",
  VOLUNTEERING = "VOLUNTEERING",
  TRAINEESHIPS = "TRAINEESHIPS",
  LABOUR_MARKET_ANALYSIS = "LABOUR_MARKET_ANALYSIS",
  EU_FUNDRAISING = "EU_FUNDRAISING",
  YOUTH_MENTORING = "YOUTH_MENTORING",
  LEGAL_ADVICE = "LEGAL_ADVICE",
  DIGITAL_SKILLS = "DIGITAL_SKILLS",
  LANGUAGE_TRAINING = "LANGUAGE_TRAINING",
  SOCIAL_ECONOMY = "SOCIAL_ECONOMY",
}
registerEnumType(Competence, {
  name: "Competence",
  description: "What a partner can do for the others: the partnership's shared vocabulary of competences (its Polish term in `labels`).",
  valuesConfig: {
    VOCATIONAL_COUNSELLING: { description: "Vocational counselling (doradztwo zawodowe)." },
    JOB_PLACEMENT: { description: "Job placement (pośrednictwo pracy)." },
    OSH_TRAINING: { description: "Occupational safety and health training (szkolenia BHP)." },
    TRAINING_VENUE: { description: "Training rooms (sale szkoleniowe)." },
    HR_ADVICE: { description: "HR advice for employers (doradztwo HR)." },
    DISABILITY_SUPPORT: { description: "Support for persons with disabilities (wsparcie osób z niepełnosprawnościami)." },
    LOCAL_MEDIA: { description: "Promotion in the local media (promocja w mediach lokalnych)." },
    VOLUNTEERING: { description: "Volunteers (wolontariat)." },
    TRAINEESHIPS: { description: "Traineeships and student placements (staże i praktyki)." },
    LABOUR_MARKET_ANALYSIS: { description: "Labour-market analysis (analiza rynku pracy)." },
    EU_FUNDRAISING: { description: "Raising EU funds (pozyskiwanie funduszy UE)." },
    YOUTH_MENTORING: { description: "Mentoring young people (mentoring młodzieży)." },
    LEGAL_ADVICE: { description: "Legal advice (poradnictwo prawne)." },
    DIGITAL_SKILLS: { description: "Digital skills training (szkolenia kompetencji cyfrowych)." },
    LANGUAGE_TRAINING: { description: "Language courses (kursy językowe)." },
    SOCIAL_ECONOMY: { description: "Social economy support: social cooperatives, social enterprises (wsparcie ekonomii społecznej)." },
  },
});

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

/** A participant's labour-market status on entering support, as ESF+ reporting records it (issue #16). */
export enum LabourMarketStatus {
  EMPLOYED = "EMPLOYED",
  UNEMPLOYED = "UNEMPLOYED",
  LONG_TERM_UNEMPLOYED = "LONG_TERM_UNEMPLOYED",
  INACTIVE = "INACTIVE",
}
registerEnumType(LabourMarketStatus, {
  name: "LabourMarketStatus",
  description: "A participant's labour-market status on entry (ESF+, Regulation (EU) 2021/1057, Annex I). The four values partition participants: \"unemployed, including long-term\" (EECO02) is UNEMPLOYED plus LONG_TERM_UNEMPLOYED.",
  valuesConfig: {
    EMPLOYED: { description: "Employed, including self-employed (osoba pracująca; EECO05)." },
    UNEMPLOYED: { description: "Unemployed, not long-term (osoba bezrobotna)." },
    LONG_TERM_UNEMPLOYED: { description: "Long-term unemployed (osoba długotrwale bezrobotna; EECO03)." },
    INACTIVE: { description: "Economically inactive (osoba bierna zawodowo; EECO04)." },
  },
});

/** The highest level of education completed on entry, in the groups ESF+ reports (ISCED 2011). */
export enum EducationLevel {
  ISCED_0_2 = "ISCED_0_2",
  ISCED_3_4 = "ISCED_3_4",
  ISCED_5_8 = "ISCED_5_8",
}
registerEnumType(EducationLevel, {
  name: "EducationLevel",
  description: "Highest level of education completed on entry, grouped as ESF+ reports it (ISCED 2011).",
  valuesConfig: {
    ISCED_0_2: { description: "At most lower secondary, ISCED 0–2 (EECO09)." },
    ISCED_3_4: { description: "Upper secondary or post-secondary non-tertiary, ISCED 3–4 (EECO10)." },
    ISCED_5_8: { description: "Tertiary, ISCED 5–8 (EECO11)." },
  },
});

/** Where a participant stands on leaving support, for the ESF+ immediate result indicators. */
export enum SituationOnLeaving {
  IN_EMPLOYMENT = "IN_EMPLOYMENT",
  JOB_SEARCHING = "JOB_SEARCHING",
  IN_EDUCATION_OR_TRAINING = "IN_EDUCATION_OR_TRAINING",
  OTHER = "OTHER",
}
registerEnumType(SituationOnLeaving, {
  name: "SituationOnLeaving",
  description: "Where a participant stands on leaving support, within four weeks (ESF+ immediate results). Gaining a qualification (EECR03) is recorded apart, as the certificate.",
  valuesConfig: {
    IN_EMPLOYMENT: { description: "In employment, including self-employment (EECR04)." },
    JOB_SEARCHING: { description: "Engaged in job searching (EECR01)." },
    IN_EDUCATION_OR_TRAINING: { description: "In education or training (EECR02)." },
    OTHER: { description: "None of these (inactive, or not known to be any of them)." },
  },
});
