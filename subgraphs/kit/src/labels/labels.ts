/**
 * Labels of every enum value of the hub's API, in Polish and English, with
 * the Polish legal term and where the law defines it when there is one
 * (issue #17). Kept as data, next to the vocabulary: front-ends show these
 * instead of the raw values (`enumLabels(lang: PL)`, `StatisticLine.label`),
 * and a test fails when an enum value of the schema has no label.
 */
import "reflect-metadata";
import { getMetadataStorage, registerEnumType } from "type-graphql";
import { Competence } from "../vocabulary.js";

/** The languages labels come in. */
export enum Language {
  PL = "PL",
  EN = "EN",
}
registerEnumType(Language, {
  name: "Language",
  description: "A language of labels.",
  valuesConfig: { PL: { description: "Polish: the partnership's language, the default." }, EN: { description: "English." } },
});

export interface ValueLabel {
  pl: string;
  en: string;
  /** The term the law uses, in Polish, and the provision that defines it. */
  legal?: { term: string; basis: string };
}

/** Where the vocabularies' legal terms come from. */
export const LAWS = {
  LABOUR_MARKET_2025: "ustawa z dnia 20 marca 2025 r. o rynku pracy i służbach zatrudnienia (Dz.U. 2025 poz. 620)",
  EMPLOYMENT_PROMOTION_2004: "ustawa z dnia 20 kwietnia 2004 r. o promocji zatrudnienia i instytucjach rynku pracy (uchylona 1 czerwca 2025 r.)",
  REHABILITATION_1997: "ustawa z dnia 27 sierpnia 1997 r. o rehabilitacji zawodowej i społecznej oraz zatrudnianiu osób niepełnosprawnych",
  TERRITORIAL_DIVISION_1998: "ustawa z dnia 24 lipca 1998 r. o wprowadzeniu zasadniczego trójstopniowego podziału terytorialnego państwa",
  PUBLIC_STATISTICS_1995: "ustawa z dnia 29 czerwca 1995 r. o statystyce publicznej",
  ESF_PLUS_2021: "rozporządzenie Parlamentu Europejskiego i Rady (UE) 2021/1057 (EFS+)",
  ESF_PLUS_GUIDELINES: "Wytyczne dotyczące realizacji projektów z udziałem środków EFS+ w regionalnych programach na lata 2021–2027",
} as const;

/** A provision: "art. 69 ustawy z dnia …" (the act in the genitive after an article), or the act alone. */
export const basis = (act: string, article?: string) => (article ? `art. ${article} ${act.replace(/^ustawa /, "ustawy ")}` : act);
const labourMarket = (term: string, article?: string) => ({ term, basis: basis(LAWS.LABOUR_MARKET_2025, article) });
const promotion2004 = (term: string, article: string) => ({ term, basis: basis(LAWS.EMPLOYMENT_PROMOTION_2004, article) });
const rehabilitation = (term: string, article?: string) => ({ term, basis: basis(LAWS.REHABILITATION_1997, article) });

const ESF_PLUS = LAWS.ESF_PLUS_2021;
export const ESF_PLUS_ANNEX_I = `${ESF_PLUS}, załącznik I`;

/** The label of a series' total line (`StatisticLine.key` TOTAL). */
export const TOTAL_LABEL: ValueLabel = { pl: "Ogółem", en: "Total" };

/** Enum name (as in the schema, or a statistic's dimension) → value → label. */
export const LABELS: Record<string, Record<string, ValueLabel>> = {
  Language: {
    PL: { pl: "polski", en: "Polish" },
    EN: { pl: "angielski", en: "English" },
  },
  MissionArea: {
    PARTNER_UNDERTAKINGS: { pl: "Przedsięwzięcia partnerów", en: "Partners' undertakings" },
    LOCAL_STRATEGIES: { pl: "Strategie rozwiązywania lokalnych problemów", en: "Strategies for local problems" },
    PROFESSIONAL_DEVELOPMENT: { pl: "Profesjonalizm i rozwój kadr partnerów", en: "Partners' professionalism and staff development" },
    COOPERATION: { pl: "Współpraca samorządów, partnerów społecznych i biznesu", en: "Cooperation of local governments, social partners and business" },
    FUNDING_AND_TRAINING: { pl: "Pozyskiwanie środków i programy szkoleniowe", en: "Raising funds and training programmes" },
    NEW_EMPLOYMENT_FORMS: { pl: "Nowe formy zarobkowania i zatrudnienia", en: "New ways of earning and employment" },
    DISABILITY_ACTIVATION: { pl: "Aktywizacja osób z niepełnosprawnościami", en: "Activation of persons with disabilities" },
    YOUTH_LABOUR_MARKET_ENTRY: { pl: "Wejście młodzieży na rynek pracy", en: "Young people entering the labour market" },
    MEDIA_IMAGE: { pl: "Wizerunek przedsięwzięć partnerów w mediach", en: "Partners' undertakings in the media" },
    HERITAGE_AND_ENVIRONMENT: { pl: "Dziedzictwo kulturowe i środowisko naturalne", en: "Cultural heritage and the natural environment" },
    SOCIAL_PATHOLOGIES: { pl: "Przeciwdziałanie patologiom społecznym", en: "Countering social pathologies" },
  },
  TargetGroup: {
    UNDER_30: { pl: "Bezrobotni do 30. roku życia", en: "Unemployed under 30", legal: labourMarket("bezrobotni i poszukujący pracy do 30. roku życia", "69") },
    LONG_TERM_UNEMPLOYED: { pl: "Długotrwale bezrobotni", en: "Long-term unemployed", legal: labourMarket("długotrwale bezrobotni", "69") },
    OVER_50: { pl: "Bezrobotni powyżej 50. roku życia", en: "Unemployed over 50", legal: labourMarket("bezrobotni powyżej 50. roku życia", "69") },
    PERSONS_WITH_DISABILITIES: { pl: "Osoby z niepełnosprawnościami", en: "Persons with disabilities", legal: labourMarket("bezrobotni niepełnosprawni", "69") },
    NO_VOCATIONAL_QUALIFICATIONS: { pl: "Bez kwalifikacji zawodowych", en: "Without vocational qualifications", legal: labourMarket("bezrobotni bez kwalifikacji zawodowych", "69") },
    SINGLE_PARENTS: { pl: "Samotni rodzice", en: "Single parents", legal: labourMarket("samotnie wychowujący co najmniej jedno dziecko", "69") },
    PARENTS_OF_CHILD_UNDER_6: { pl: "Rodzice dziecka do 6. roku życia", en: "Parents of a child under 6", legal: promotion2004("bezrobotni posiadający co najmniej jedno dziecko do 6 roku życia", "49") },
    LARGE_FAMILY_CARD_HOLDERS: { pl: "Posiadacze Karty Dużej Rodziny", en: "Large-family card holders", legal: labourMarket("bezrobotni posiadający Kartę Dużej Rodziny", "69") },
    SOCIAL_ASSISTANCE_RECIPIENTS: { pl: "Korzystający ze świadczeń pomocy społecznej", en: "Social assistance recipients", legal: promotion2004("bezrobotni korzystający ze świadczeń z pomocy społecznej", "49") },
    CARERS_OF_PERSONS_WITH_DISABILITIES: { pl: "Opiekunowie osób z niepełnosprawnościami", en: "Carers of persons with disabilities", legal: labourMarket("opiekunowie osoby niepełnosprawnej") },
    SCHOOL_LEAVERS: { pl: "Absolwenci i kończący naukę", en: "School leavers" },
    JOB_SEEKERS: { pl: "Poszukujący pracy", en: "Job seekers", legal: labourMarket("poszukujący pracy") },
    EMPLOYEES: { pl: "Pracownicy", en: "Employees" },
    EMPLOYERS: { pl: "Pracodawcy", en: "Employers" },
    ECONOMICALLY_INACTIVE: { pl: "Osoby bierne zawodowo", en: "Economically inactive", legal: { term: "osoby bierne zawodowo", basis: ESF_PLUS_ANNEX_I } },
    NEET: { pl: "Młodzież NEET", en: "NEETs (not in employment, education or training)", legal: { term: "osoby młode niepracujące, niekształcące się ani nieszkolące się (NEET)", basis: ESF_PLUS } },
    FOREIGNERS: { pl: "Cudzoziemcy", en: "Foreigners", legal: { term: "obywatele państw trzecich; osoby obcego pochodzenia", basis: ESF_PLUS_ANNEX_I } },
    AT_RISK_OF_SOCIAL_EXCLUSION: { pl: "Osoby zagrożone ubóstwem lub wykluczeniem społecznym", en: "At risk of poverty or social exclusion", legal: { term: "osoby zagrożone ubóstwem lub wykluczeniem społecznym", basis: LAWS.ESF_PLUS_GUIDELINES } },
  },
  TargetGroupKind: {
    PRIORITY_GROUP: { pl: "Osoby w szczególnej sytuacji na rynku pracy", en: "Priority group", legal: labourMarket("osoby w szczególnej sytuacji na rynku pracy", "69") },
    REPEALED_CATEGORY: { pl: "Kategoria uchylonej ustawy z 2004 r.", en: "Category of the repealed 2004 act", legal: promotion2004("bezrobotni będący w szczególnej sytuacji na rynku pracy", "49") },
    ELIGIBILITY: { pl: "Uprawnieni do usług i instrumentów", en: "Eligibility category" },
    ESF_PLUS_CHARACTERISTIC: { pl: "Cecha uczestnika EFS+", en: "ESF+ participant characteristic" },
    AUDIENCE: { pl: "Adresaci", en: "Audience" },
  },
  SupportFormKind: {
    SERVICE: { pl: "Usługa rynku pracy", en: "Labour-market service", legal: labourMarket("usługi rynku pracy") },
    INSTRUMENT: { pl: "Instrument rynku pracy", en: "Labour-market instrument", legal: labourMarket("instrumenty rynku pracy") },
  },
  InstrumentType: {
    GRANT: { pl: "Dotacja", en: "Grant" },
    REFUND: { pl: "Refundacja", en: "Refund" },
    SUBSIDY: { pl: "Dofinansowanie", en: "Subsidy" },
    LOAN: { pl: "Pożyczka", en: "Loan" },
    WORKS: { pl: "Prace i roboty", en: "Works" },
    TRAINEESHIP: { pl: "Staż", en: "Traineeship" },
    VOUCHER: { pl: "Bon", en: "Voucher" },
  },
  FundingSource: {
    LABOUR_FUND: { pl: "Fundusz Pracy", en: "Labour Fund", legal: labourMarket("Fundusz Pracy") },
    KFS: { pl: "Krajowy Fundusz Szkoleniowy", en: "National Training Fund", legal: labourMarket("Krajowy Fundusz Szkoleniowy") },
    PFRON: { pl: "PFRON", en: "PFRON (State Fund for Rehabilitation of Persons with Disabilities)", legal: rehabilitation("Państwowy Fundusz Rehabilitacji Osób Niepełnosprawnych") },
    ESF_PLUS: { pl: "Europejski Fundusz Społeczny Plus", en: "European Social Fund Plus" },
    LOCAL_GOVERNMENT_BUDGET: { pl: "Budżet samorządu", en: "Local government budget" },
    PARTNER_OWN_FUNDS: { pl: "Środki własne partnera", en: "Partner's own funds" },
  },
  SupportForm: {
    TRAINING: { pl: "Szkolenie", en: "Training", legal: labourMarket("szkolenie") },
    TRAINEESHIP: { pl: "Staż", en: "Traineeship", legal: labourMarket("staż") },
    INTERVENTION_WORKS: { pl: "Prace interwencyjne", en: "Intervention works", legal: labourMarket("prace interwencyjne") },
    PUBLIC_WORKS: { pl: "Roboty publiczne", en: "Public works", legal: labourMarket("roboty publiczne") },
    START_UP_GRANT: { pl: "Dofinansowanie podjęcia działalności gospodarczej", en: "Start-up grant", legal: labourMarket("dofinansowanie podjęcia działalności gospodarczej") },
    WORKSTATION_EQUIPMENT_REFUND: { pl: "Refundacja wyposażenia stanowiska pracy", en: "Workstation equipment refund", legal: labourMarket("refundacja kosztów wyposażenia lub doposażenia stanowiska pracy") },
    TRAINING_VOUCHER: { pl: "Bon szkoleniowy", en: "Training voucher", legal: promotion2004("bon szkoleniowy", "66k") },
    LIFELONG_LEARNING_VOUCHER: { pl: "Bon na kształcenie ustawiczne", en: "Lifelong-learning voucher", legal: labourMarket("bon na kształcenie ustawiczne") },
    EDUCATION_LOAN: { pl: "Pożyczka edukacyjna", en: "Education loan", legal: labourMarket("pożyczka edukacyjna") },
    WAGE_SUBSIDY_50_PLUS: { pl: "Dofinansowanie wynagrodzenia za zatrudnienie osoby 50+", en: "50+ wage subsidy", legal: labourMarket("dofinansowanie wynagrodzenia za zatrudnienie skierowanego bezrobotnego, który ukończył 50. rok życia") },
    KFS_EMPLOYER_TRAINING: { pl: "Kształcenie ustawiczne pracowników z KFS", en: "Staff training co-financed by the KFS", legal: labourMarket("kształcenie ustawiczne pracowników i pracodawcy finansowane z Krajowego Funduszu Szkoleniowego") },
    JOB_PLACEMENT: { pl: "Pośrednictwo pracy", en: "Job placement", legal: labourMarket("pośrednictwo pracy") },
    CAREER_GUIDANCE: { pl: "Poradnictwo zawodowe", en: "Career guidance", legal: labourMarket("poradnictwo zawodowe") },
  },
  DisabilityDegree: {
    SEVERE: { pl: "Znaczny", en: "Severe", legal: rehabilitation("znaczny stopień niepełnosprawności", "4 ust. 1") },
    MODERATE: { pl: "Umiarkowany", en: "Moderate", legal: rehabilitation("umiarkowany stopień niepełnosprawności", "4 ust. 2") },
    MILD: { pl: "Lekki", en: "Mild", legal: rehabilitation("lekki stopień niepełnosprawności", "4 ust. 3") },
  },
  ActivationInstrument: {
    SUPPORTED_EMPLOYMENT: { pl: "Zatrudnienie wspomagane (trener pracy)", en: "Supported employment (job coach)" },
    SHELTERED_ENTERPRISE: { pl: "Zakład aktywności zawodowej (ZAZ)", en: "Vocational activity establishment (ZAZ)", legal: rehabilitation("zakład aktywności zawodowej", "29") },
    OCCUPATIONAL_THERAPY_WORKSHOP: { pl: "Warsztat terapii zajęciowej (WTZ)", en: "Occupational therapy workshop (WTZ)", legal: rehabilitation("warsztat terapii zajęciowej", "10a") },
    WAGE_SUBSIDY: { pl: "Dofinansowanie do wynagrodzeń (PFRON)", en: "PFRON wage subsidy", legal: rehabilitation("miesięczne dofinansowanie do wynagrodzenia pracownika niepełnosprawnego", "26a") },
    WORKSTATION_ADAPTATION: { pl: "Przystosowanie lub wyposażenie stanowiska pracy (dawna wartość łączna)", en: "Workstation adaptation or equipment (former merged value)" },
    VOCATIONAL_COUNSELLING: { pl: "Poradnictwo zawodowe", en: "Vocational counselling" },
    TRAINING: { pl: "Szkolenie", en: "Training" },
    WORKSTATION_ADAPTATION_REFUND: { pl: "Zwrot kosztów przystosowania stanowiska pracy", en: "Refund of workstation adaptation", legal: rehabilitation("zwrot kosztów przystosowania stanowiska pracy", "26") },
    WORKSTATION_EQUIPMENT_REFUND: { pl: "Zwrot kosztów wyposażenia stanowiska pracy", en: "Refund of workstation equipment", legal: rehabilitation("zwrot kosztów wyposażenia stanowiska pracy", "26e") },
    ASSISTANT_COST_REFUND: { pl: "Zwrot kosztów zatrudnienia pracownika pomagającego", en: "Refund of an assisting co-worker's costs", legal: rehabilitation("zwrot kosztów zatrudnienia pracowników pomagających pracownikowi niepełnosprawnemu", "26d") },
    START_UP_FUNDS: { pl: "Jednorazowe środki na podjęcie działalności", en: "One-off start-up funds", legal: rehabilitation("jednorazowe środki na podjęcie działalności gospodarczej, rolniczej albo wniesienie wkładu do spółdzielni socjalnej", "12a") },
    CONTRIBUTION_REFUND: { pl: "Refundacja składek na ubezpieczenia społeczne", en: "Refund of social insurance contributions", legal: rehabilitation("refundacja składek na ubezpieczenia społeczne", "25a") },
    EMPLOYEE_TRAINING_REFUND: { pl: "Zwrot kosztów szkolenia pracowników", en: "Refund of employee training costs", legal: rehabilitation("zwrot kosztów szkolenia", "41") },
  },
  ParticipantOutcome: {
    IN_PROGRESS: { pl: "W trakcie udziału", en: "Taking part" },
    EMPLOYED_OPEN_MARKET: { pl: "Zatrudnieni na otwartym rynku pracy", en: "Employed on the open market" },
    EMPLOYED_SHELTERED: { pl: "Zatrudnieni w warunkach chronionych", en: "Employed in a sheltered setting" },
    IN_EDUCATION: { pl: "Podjęli naukę", en: "Went on to education" },
    DROPPED_OUT: { pl: "Przerwali udział", en: "Dropped out" },
    COMPLETED_NO_EMPLOYMENT: { pl: "Ukończyli, bez zatrudnienia", en: "Completed, not employed" },
  },
  ActivationProgrammeStatus: {
    PLANNED: { pl: "Planowany", en: "Planned" },
    ACTIVE: { pl: "Realizowany", en: "Active" },
    CLOSED: { pl: "Zakończony", en: "Closed" },
  },
  ActivationParticipantDimension: {
    DEGREE: { pl: "Stopień niepełnosprawności", en: "Degree of disability" },
    INSTRUMENT: { pl: "Instrument aktywizacji", en: "Activation instrument" },
    OUTCOME: { pl: "Rezultat udziału", en: "Outcome" },
  },
  AgeBand: {
    AGE_UNDER_18: { pl: "Poniżej 18 lat", en: "Under 18" },
    AGE_18_24: { pl: "18–24 lata", en: "18–24" },
    AGE_25_29: { pl: "25–29 lat", en: "25–29" },
    AGE_30_49: { pl: "30–49 lat", en: "30–49" },
    AGE_50_54: { pl: "50–54 lata", en: "50–54" },
    AGE_55_59: { pl: "55–59 lat", en: "55–59" },
    AGE_60_PLUS: { pl: "60 lat i więcej", en: "60 and over" },
    AGE_30_44: { pl: "30–44 lata", en: "30–44" },
    AGE_45_54: { pl: "45–54 lata", en: "45–54" },
    AGE_55_64: { pl: "55–64 lata", en: "55–64" },
    AGE_65_PLUS: { pl: "65 lat i więcej", en: "65 and over" },
  },
  LabourMarketStatus: {
    EMPLOYED: { pl: "Pracujący", en: "Employed", legal: { term: "osoby pracujące, łącznie z prowadzącymi działalność na własny rachunek", basis: ESF_PLUS_ANNEX_I } },
    UNEMPLOYED: { pl: "Bezrobotni (nie długotrwale)", en: "Unemployed (not long-term)", legal: { term: "osoby bezrobotne", basis: ESF_PLUS_ANNEX_I } },
    LONG_TERM_UNEMPLOYED: { pl: "Długotrwale bezrobotni", en: "Long-term unemployed", legal: { term: "osoby długotrwale bezrobotne", basis: ESF_PLUS_ANNEX_I } },
    INACTIVE: { pl: "Bierni zawodowo", en: "Economically inactive", legal: { term: "osoby bierne zawodowo", basis: ESF_PLUS_ANNEX_I } },
  },
  EducationLevel: {
    ISCED_0_2: { pl: "Wykształcenie do gimnazjalnego (ISCED 0–2)", en: "Up to lower secondary (ISCED 0–2)" },
    ISCED_3_4: { pl: "Ponadgimnazjalne lub policealne (ISCED 3–4)", en: "Upper or post-secondary (ISCED 3–4)" },
    ISCED_5_8: { pl: "Wyższe (ISCED 5–8)", en: "Tertiary (ISCED 5–8)" },
  },
  SituationOnLeaving: {
    IN_EMPLOYMENT: { pl: "Pracujący po opuszczeniu programu", en: "In employment on leaving" },
    JOB_SEARCHING: { pl: "Poszukujący pracy po opuszczeniu programu", en: "Job searching on leaving" },
    IN_EDUCATION_OR_TRAINING: { pl: "Kształcący się lub szkolący po opuszczeniu programu", en: "In education or training on leaving" },
    OTHER: { pl: "Inna sytuacja", en: "Other" },
  },
  EsfIndicatorKind: {
    OUTPUT: { pl: "Wskaźnik produktu", en: "Output indicator" },
    RESULT: { pl: "Wskaźnik rezultatu", en: "Result indicator" },
  },
  EsfBreakdown: {
    STATUS_ON_ENTRY: { pl: "Status na rynku pracy przy przystąpieniu", en: "Labour-market status on entry" },
    AGE: { pl: "Wiek przy przystąpieniu", en: "Age on entry" },
    EDUCATION: { pl: "Wykształcenie przy przystąpieniu", en: "Education on entry" },
    ON_LEAVING: { pl: "Sytuacja po opuszczeniu programu", en: "Situation on leaving" },
    AFTER_6_MONTHS: { pl: "Sytuacja 6 miesięcy po opuszczeniu", en: "Six months after leaving" },
  },
  EsfStatusOnEntry: {
    EMPLOYED: { pl: "Pracujący (EECO05)", en: "Employed (EECO05)" },
    UNEMPLOYED: { pl: "Bezrobotni, nie długotrwale", en: "Unemployed, not long-term" },
    LONG_TERM_UNEMPLOYED: { pl: "Długotrwale bezrobotni (EECO03)", en: "Long-term unemployed (EECO03)" },
    INACTIVE: { pl: "Bierni zawodowo (EECO04)", en: "Inactive (EECO04)" },
    NOT_RECORDED: { pl: "Nie odnotowano", en: "Not recorded" },
  },
  EsfAge: {
    UNDER_18: { pl: "Poniżej 18 lat (EECO06)", en: "Below 18 (EECO06)" },
    AGE_18_29: { pl: "18–29 lat (EECO07)", en: "18–29 (EECO07)" },
    AGE_30_54: { pl: "30–54 lata", en: "30–54" },
    AGE_55_PLUS: { pl: "55 lat i więcej (EECO08)", en: "55 and over (EECO08)" },
  },
  EsfEducation: {
    ISCED_0_2: { pl: "ISCED 0–2 (EECO09)", en: "ISCED 0–2 (EECO09)" },
    ISCED_3_4: { pl: "ISCED 3–4 (EECO10)", en: "ISCED 3–4 (EECO10)" },
    ISCED_5_8: { pl: "ISCED 5–8 (EECO11)", en: "ISCED 5–8 (EECO11)" },
    NOT_RECORDED: { pl: "Nie odnotowano", en: "Not recorded" },
  },
  EsfOnLeaving: {
    IN_EMPLOYMENT: { pl: "Pracujący po opuszczeniu (EECR04)", en: "In employment on leaving (EECR04)" },
    JOB_SEARCHING: { pl: "Poszukujący pracy po opuszczeniu (EECR01)", en: "Job searching on leaving (EECR01)" },
    IN_EDUCATION_OR_TRAINING: { pl: "Kształcący się po opuszczeniu (EECR02)", en: "In education or training on leaving (EECR02)" },
    OTHER: { pl: "Inna sytuacja", en: "Other" },
    NOT_RECORDED: { pl: "Nie odnotowano", en: "Not recorded" },
    NOT_LEFT: { pl: "W trakcie udziału", en: "Still taking part" },
  },
  EsfAfter6Months: {
    IN_EMPLOYMENT: { pl: "Pracujący 6 miesięcy po opuszczeniu (EECR05)", en: "In employment six months after leaving (EECR05)" },
    NOT_IN_EMPLOYMENT: { pl: "Niepracujący 6 miesięcy po opuszczeniu", en: "Not in employment six months after leaving" },
    NOT_KNOWN: { pl: "Nieznane", en: "Not known" },
  },
  Sex: {
    FEMALE: { pl: "Kobiety", en: "Women" },
    MALE: { pl: "Mężczyźni", en: "Men" },
  },
  PeriodGrain: {
    MONTH: { pl: "Miesiąc", en: "Month" },
    QUARTER: { pl: "Kwartał", en: "Quarter" },
    YEAR: { pl: "Rok", en: "Year" },
  },
  SuppressionReason: {
    DISCLOSURE_CONTROL: { pl: "Utajnione (tajemnica statystyczna)", en: "Withheld (disclosure control)", legal: { term: "tajemnica statystyczna", basis: basis(LAWS.PUBLIC_STATISTICS_1995, "10") } },
    INCLUDES_WITHHELD: { pl: "Suma z utajnioną wartością", en: "Sum including a withheld value" },
  },
  AuditAction: {
    CREATE: { pl: "Utworzenie", en: "Created" },
    UPDATE: { pl: "Zmiana", en: "Changed" },
    DELETE: { pl: "Usunięcie", en: "Deleted" },
    DECIDE: { pl: "Decyzja", en: "Decision" },
  },
  IssueStatus: {
    PROPOSED: { pl: "Zgłoszony", en: "Proposed" },
    ACCEPTED: { pl: "Przyjęty", en: "Accepted" },
    IN_PROGRESS: { pl: "W realizacji", en: "In progress" },
    RESOLVED: { pl: "Rozwiązany", en: "Resolved" },
    DROPPED: { pl: "Porzucony", en: "Dropped" },
  },
  AgreementRole: {
    LEAD: { pl: "Lider", en: "Lead" },
    PARTNER: { pl: "Partner", en: "Partner" },
    SUPPORTING: { pl: "Partner wspierający", en: "Supporting partner" },
  },
  InitiativeStatus: {
    PLANNED: { pl: "Planowana", en: "Planned" },
    AGREED: { pl: "Porozumienie podpisane", en: "Agreement signed" },
    RUNNING: { pl: "W trakcie", en: "Running" },
    COMPLETED: { pl: "Zakończona", en: "Completed" },
    CANCELLED: { pl: "Odwołana", en: "Cancelled" },
  },
  FundingApplicationStatus: {
    SUBMITTED: { pl: "Złożony", en: "Submitted" },
    GRANTED: { pl: "Przyznane dofinansowanie", en: "Granted" },
    REJECTED: { pl: "Odrzucony", en: "Rejected" },
    WITHDRAWN: { pl: "Wycofany", en: "Withdrawn" },
  },
  AgreementPartStatus: {
    PROPOSED: { pl: "Zaproponowany", en: "Proposed" },
    CONFIRMED: { pl: "Potwierdzony", en: "Confirmed" },
    DECLINED: { pl: "Odrzucony przez partnera", en: "Declined" },
    WITHDRAWN: { pl: "Wycofany", en: "Withdrawn" },
  },
  IndicatorKind: {
    OUTPUT: { pl: "Wskaźnik produktu", en: "Output indicator" },
    RESULT: { pl: "Wskaźnik rezultatu", en: "Result indicator" },
  },
  StatisticSource: {
    PUP_REPORT: { pl: "Sprawozdanie PUP (MRPiPS-01)", en: "Labour office report (MRPiPS-01)" },
    GUS_BDL: { pl: "GUS, Bank Danych Lokalnych", en: "Statistics Poland, Local Data Bank" },
    DEMO_ESTIMATE: { pl: "Szacunek demonstracyjny", en: "Demo estimate" },
  },
  Stance: {
    SUPPORT: { pl: "Popiera", en: "Supports" },
    SUPPORT_WITH_AMENDMENTS: { pl: "Popiera z poprawkami", en: "Supports with amendments" },
    OPPOSE: { pl: "Sprzeciwia się", en: "Opposes" },
    ABSTAIN: { pl: "Wstrzymuje się", en: "Abstains" },
  },
  ConsultationStatus: {
    PLANNED: { pl: "Zapowiedziane", en: "Planned" },
    OPEN: { pl: "Otwarte", en: "Open" },
    CLOSED: { pl: "Zamknięte", en: "Closed" },
  },
  StrategyLevel: {
    MUNICIPAL: { pl: "Gminna", en: "Municipal" },
    COUNTY: { pl: "Powiatowa", en: "County" },
    PARTNERSHIP: { pl: "Partnerstwa", en: "Partnership" },
  },
  SortDirection: {
    ASC: { pl: "Rosnąco", en: "Ascending" },
    DESC: { pl: "Malejąco", en: "Descending" },
  },
  OfferKind: {
    JOB: { pl: "Oferta pracy", en: "Job" },
    TRAINEESHIP: { pl: "Staż", en: "Traineeship", legal: labourMarket("staż") },
    TRAINING_PLACE: { pl: "Miejsce na szkoleniu", en: "Training place" },
    SERVICE: { pl: "Usługa", en: "Service" },
    EVENT: { pl: "Wydarzenie", en: "Event" },
    VOLUNTEERING: { pl: "Wolontariat", en: "Volunteering" },
    FUNDING_CALL: { pl: "Nabór wniosków o finansowanie", en: "Call for funding" },
    STUDENT_PLACEMENT: { pl: "Praktyka studencka lub zawodowa", en: "Student placement" },
  },
  ContractType: {
    EMPLOYMENT_CONTRACT: { pl: "Umowa o pracę", en: "Employment contract", legal: { term: "umowa o pracę", basis: "art. 25 ustawy z dnia 26 czerwca 1974 r. Kodeks pracy" } },
    CONTRACT_OF_MANDATE: { pl: "Umowa zlecenia", en: "Contract of mandate", legal: { term: "umowa zlecenia", basis: "art. 734 ustawy z dnia 23 kwietnia 1964 r. Kodeks cywilny" } },
    CONTRACT_FOR_SPECIFIC_WORK: { pl: "Umowa o dzieło", en: "Contract for specific work", legal: { term: "umowa o dzieło", basis: "art. 627 ustawy z dnia 23 kwietnia 1964 r. Kodeks cywilny" } },
    B2B: { pl: "Kontrakt B2B", en: "B2B contract" },
    TRAINEESHIP_AGREEMENT: { pl: "Umowa o odbycie stażu", en: "Traineeship agreement", legal: labourMarket("staż") },
    APPRENTICESHIP: { pl: "Przygotowanie zawodowe", en: "Apprenticeship" },
    OTHER: { pl: "Inna forma", en: "Other" },
  },
  WorkingTime: {
    FULL_TIME: { pl: "Pełny etat", en: "Full time" },
    PART_TIME: { pl: "Część etatu", en: "Part time" },
    FLEXIBLE: { pl: "Elastyczny czas pracy", en: "Flexible hours" },
  },
  SalaryPeriod: {
    HOUR: { pl: "Za godzinę", en: "Per hour" },
    MONTH: { pl: "Miesięcznie", en: "Per month" },
    YEAR: { pl: "Rocznie", en: "Per year" },
  },
  OfferSortField: {
    VALID_FROM: { pl: "Data rozpoczęcia", en: "Start date" },
    TITLE: { pl: "Tytuł", en: "Title" },
  },
  TerritorialUnitKind: {
    VOIVODESHIP: { pl: "Województwo", en: "Voivodeship", legal: { term: "województwo", basis: LAWS.TERRITORIAL_DIVISION_1998 } },
    COUNTY: { pl: "Powiat", en: "County", legal: { term: "powiat", basis: LAWS.TERRITORIAL_DIVISION_1998 } },
    CITY_WITH_COUNTY_RIGHTS: { pl: "Miasto na prawach powiatu", en: "City with county rights", legal: { term: "miasto na prawach powiatu", basis: LAWS.TERRITORIAL_DIVISION_1998 } },
    URBAN_GMINA: { pl: "Gmina miejska", en: "Urban gmina" },
    RURAL_GMINA: { pl: "Gmina wiejska", en: "Rural gmina" },
    URBAN_RURAL_GMINA: { pl: "Gmina miejsko-wiejska", en: "Urban-rural gmina" },
    TOWN_PART: { pl: "Miasto w gminie miejsko-wiejskiej", en: "Town part of an urban-rural gmina" },
    RURAL_PART: { pl: "Obszar wiejski w gminie miejsko-wiejskiej", en: "Rural part of an urban-rural gmina" },
  },
  Sector: {
    LOCAL_GOVERNMENT: { pl: "Samorząd", en: "Local government" },
    LABOUR_OFFICE: { pl: "Urząd pracy", en: "Labour office", legal: labourMarket("powiatowy urząd pracy") },
    BUSINESS: { pl: "Przedsiębiorstwo", en: "Business" },
    NGO: { pl: "Organizacja pozarządowa", en: "NGO" },
    EDUCATION: { pl: "Edukacja", en: "Education" },
    OTHER_INSTITUTION: { pl: "Inna instytucja", en: "Other institution" },
    INDIVIDUAL: { pl: "Osoba prywatna", en: "Individual" },
    TRADE_UNION: { pl: "Związek zawodowy", en: "Trade union", legal: { term: "związek zawodowy", basis: "art. 1 ustawy z dnia 23 maja 1991 r. o związkach zawodowych" } },
    EMPLOYERS_ORGANISATION: { pl: "Organizacja pracodawców", en: "Employers' organisation", legal: { term: "organizacja pracodawców", basis: "art. 1 ustawy z dnia 23 maja 1991 r. o organizacjach pracodawców" } },
  },
  PartnerStatus: {
    ACTIVE: { pl: "Aktywny", en: "Active" },
    SUSPENDED: { pl: "Zawieszony", en: "Suspended" },
    WITHDRAWN: { pl: "Wystąpił", en: "Withdrawn" },
  },
  PartnerSortField: {
    NAME: { pl: "Nazwa", en: "Name" },
    ACCEDED_ON: { pl: "Data przystąpienia", en: "Accession date" },
    CREATED_AT: { pl: "Data utworzenia", en: "Created" },
  },
  BodyKind: {
    COUNCIL: { pl: "Rada partnerstwa", en: "Council" },
    WORKING_GROUP: { pl: "Zespół roboczy", en: "Working group" },
  },
  QuorumRule: {
    HALF: { pl: "Co najmniej połowa członków", en: "At least half of the members" },
    TWO_THIRDS: { pl: "Co najmniej dwie trzecie członków", en: "At least two thirds of the members" },
  },
  MajorityRule: {
    SIMPLE: { pl: "Zwykła większość głosów", en: "Simple majority" },
    ABSOLUTE: { pl: "Bezwzględna większość głosów", en: "Absolute majority" },
    TWO_THIRDS: { pl: "Większość dwóch trzecich głosów", en: "Two-thirds majority" },
  },
  ResolutionEffect: {
    NONE: { pl: "Bez skutku w rejestrze", en: "No effect in the register" },
    ADMIT_APPLICANT: { pl: "Przyjęcie do partnerstwa", en: "Admits the applicant" },
    REJECT_APPLICANT: { pl: "Odmowa przyjęcia", en: "Rejects the application" },
    SUSPEND_PARTNER: { pl: "Zawieszenie partnera", en: "Suspends the partner" },
    REINSTATE_PARTNER: { pl: "Przywrócenie partnera", en: "Reinstates the partner" },
    PUT_ISSUE_ON_AGENDA: { pl: "Wprowadzenie problemu na agendę partnerstwa", en: "Puts the issue on the partnership's agenda" },
    ADOPT_STRATEGY: { pl: "Przyjęcie strategii przez partnerstwo", en: "Adopts the strategy as the partnership's" },
  },
  ResolutionEffectState: {
    NONE: { pl: "Bez skutku", en: "No effect" },
    APPLIED: { pl: "Wykonana", en: "Taken" },
    PENDING: { pl: "W toku wykonania", en: "Pending" },
    REFUSED: { pl: "Niewykonalna", en: "Refused" },
  },
  DutyKind: {
    RUN_BUSINESS: { pl: "Prowadzenie działalności gospodarczej", en: "Run the business" },
    KEEP_POST: { pl: "Utrzymanie stanowiska pracy", en: "Keep the post" },
    KEEP_EMPLOYED: { pl: "Utrzymanie zatrudnienia", en: "Keep the person employed" },
  },
  DutyStatus: {
    RUNNING: { pl: "W okresie obowiązku", en: "Running" },
    FULFILLED: { pl: "Wypełniony", en: "Fulfilled" },
    BROKEN: { pl: "Niedotrzymany (zwrot)", en: "Broken (refund due)" },
  },
  Competence: {
    VOCATIONAL_COUNSELLING: { pl: "doradztwo zawodowe", en: "Vocational counselling" },
    JOB_PLACEMENT: { pl: "pośrednictwo pracy", en: "Job placement" },
    OSH_TRAINING: { pl: "szkolenia BHP", en: "OSH training" },
    TRAINING_VENUE: { pl: "sale szkoleniowe", en: "Training rooms" },
    HR_ADVICE: { pl: "doradztwo HR", en: "HR advice" },
    DISABILITY_SUPPORT: { pl: "wsparcie osób z niepełnosprawnościami", en: "Support for persons with disabilities" },
    LOCAL_MEDIA: { pl: "promocja w mediach lokalnych", en: "Promotion in the local media" },
    VOLUNTEERING: { pl: "wolontariat", en: "Volunteers" },
    TRAINEESHIPS: { pl: "staże i praktyki", en: "Traineeships and placements" },
    LABOUR_MARKET_ANALYSIS: { pl: "analiza rynku pracy", en: "Labour-market analysis" },
    EU_FUNDRAISING: { pl: "pozyskiwanie funduszy UE", en: "Raising EU funds" },
    YOUTH_MENTORING: { pl: "mentoring młodzieży", en: "Mentoring young people" },
    LEGAL_ADVICE: { pl: "poradnictwo prawne", en: "Legal advice" },
    DIGITAL_SKILLS: { pl: "szkolenia kompetencji cyfrowych", en: "Digital skills training" },
    LANGUAGE_TRAINING: { pl: "kursy językowe", en: "Language courses" },
    SOCIAL_ECONOMY: { pl: "wsparcie ekonomii społecznej", en: "Social economy support" },
  },
  WageBand: {
    AT_MINIMUM_WAGE: { pl: "Płaca minimalna", en: "Minimum wage" },
    UP_TO_125_PERCENT: { pl: "Do 125% płacy minimalnej", en: "Up to 125% of the minimum wage" },
    UP_TO_150_PERCENT: { pl: "Do 150% płacy minimalnej", en: "Up to 150% of the minimum wage" },
    ABOVE_150_PERCENT: { pl: "Powyżej 150% płacy minimalnej", en: "Above 150% of the minimum wage" },
  },
  RetentionStatus: {
    NOT_BOUND: { pl: "Bez obowiązku utrzymania", en: "Not bound" },
    RUNNING: { pl: "W okresie utrzymania", en: "Running" },
    KEPT: { pl: "Utrzymane", en: "Kept" },
    BROKEN: { pl: "Nieutrzymane", en: "Broken" },
  },
  InstrumentDutyOutcome: {
    NO_DUTY: { pl: "Bez obowiązku", en: "No duty" },
    RUNNING: { pl: "Obowiązek w toku", en: "Duty running" },
    FULFILLED: { pl: "Obowiązek wypełniony", en: "Duty fulfilled" },
    BROKEN: { pl: "Obowiązek niedotrzymany (zwrot)", en: "Duty broken (refund due)" },
  },
  InstrumentBreakdown: {
    INSTRUMENT: { pl: "Według instrumentu", en: "By instrument" },
    DUTY: { pl: "Według wypełnienia obowiązku", en: "By duty outcome" },
  },
  PartnerRegistry: {
    RIS: { pl: "Rejestr Instytucji Szkoleniowych (RIS)", en: "Register of training institutions (RIS)" },
    KRAZ: { pl: "Rejestr agencji zatrudnienia (KRAZ)", en: "Register of employment agencies (KRAZ)" },
    PUBLIC_BENEFIT: { pl: "Status organizacji pożytku publicznego (OPP)", en: "Public benefit status (OPP)" },
  },
  BeneficiaryKind: {
    EMPLOYER: { pl: "Pracodawca", en: "Employer" },
    PERSON: { pl: "Osoba", en: "Person" },
  },
  BodyMemberRole: {
    CHAIR: { pl: "Przewodniczący", en: "Chair" },
    VICE_CHAIR: { pl: "Wiceprzewodniczący", en: "Vice-chair" },
    MEMBER: { pl: "Członek", en: "Member" },
  },
  MeetingStatus: {
    CALLED: { pl: "Zwołane", en: "Called" },
    HELD: { pl: "Odbyte", en: "Held" },
    CANCELLED: { pl: "Odwołane", en: "Cancelled" },
  },
  AgendaSubject: {
    APPLICATION: { pl: "Wniosek o przystąpienie", en: "Application to join" },
    PARTNER: { pl: "Partner", en: "Partner" },
    ISSUE: { pl: "Problem rynku pracy", en: "Labour-market issue" },
    CONSULTATION: { pl: "Konsultacje", en: "Consultation" },
    INITIATIVE: { pl: "Inicjatywa", en: "Initiative" },
    STRATEGY: { pl: "Strategia", en: "Strategy" },
    OTHER: { pl: "Inne", en: "Other" },
  },
  VoteChoice: {
    FOR: { pl: "Za", en: "For" },
    AGAINST: { pl: "Przeciw", en: "Against" },
    ABSTAIN: { pl: "Wstrzymuje się", en: "Abstains" },
  },
  WebhookEventType: {
    APPLICATION_DECIDED: { pl: "Rozpatrzenie wniosku o przystąpienie", en: "Application decided" },
    PARTNER_JOINED: { pl: "Przystąpienie partnera", en: "Partner joined" },
    PARTNER_WITHDREW: { pl: "Wystąpienie partnera", en: "Partner withdrew" },
    PARTNER_SUSPENDED: { pl: "Zawieszenie partnera", en: "Partner suspended" },
    PARTNER_REINSTATED: { pl: "Przywrócenie partnera", en: "Partner reinstated" },
    MEETING_CALLED: { pl: "Zwołanie posiedzenia", en: "Meeting called" },
    RESOLUTION_ADOPTED: { pl: "Głosowanie nad uchwałą", en: "Resolution voted on" },
    CONSULTATION_OPENED: { pl: "Otwarcie konsultacji", en: "Consultation opened" },
    AGREEMENT_PART_PROPOSED: { pl: "Propozycja udziału w porozumieniu", en: "Part in an agreement proposed" },
    AGREEMENT_SIGNED: { pl: "Podpisanie porozumienia wykonawczego", en: "Executive agreement signed" },
    INITIATIVE_STATUS_CHANGED: { pl: "Zmiana etapu inicjatywy", en: "Initiative status changed" },
    FUNDING_CALL_ANNOUNCED: { pl: "Ogłoszenie naboru", en: "Call for funding announced" },
    FUNDING_APPLICATION_DECIDED: { pl: "Rozstrzygnięcie wniosku o dofinansowanie", en: "Funding application decided" },
    CONSULTATION_CLOSING_SOON: { pl: "Zbliża się koniec konsultacji", en: "Consultation closing soon" },
    FUNDING_CALL_CLOSING_SOON: { pl: "Zbliża się koniec naboru", en: "Call for funding closing soon" },
    OFFER_PUBLISHED: { pl: "Nowa oferta", en: "Offer published" },
  },
  WebhookDeliveryStatus: {
    PENDING: { pl: "Oczekuje", en: "Pending" },
    DELIVERED: { pl: "Doręczone", en: "Delivered" },
    FAILED: { pl: "Niedoręczone", en: "Failed" },
  },
  ApplicationStatus: {
    SUBMITTED: { pl: "Złożony", en: "Submitted" },
    APPROVED: { pl: "Przyjęty", en: "Approved" },
    REJECTED: { pl: "Odrzucony", en: "Rejected" },
  },
  ProgrammeStatus: {
    DRAFT: { pl: "Projekt", en: "Draft" },
    PUBLISHED: { pl: "Opublikowany", en: "Published" },
    ARCHIVED: { pl: "Zarchiwizowany", en: "Archived" },
  },
  EditionStatus: {
    PLANNED: { pl: "Planowana", en: "Planned" },
    RECRUITING: { pl: "Rekrutacja", en: "Recruiting" },
    IN_PROGRESS: { pl: "W trakcie", en: "In progress" },
    COMPLETED: { pl: "Zakończona", en: "Completed" },
    CANCELLED: { pl: "Odwołana", en: "Cancelled" },
  },
  EnrolmentStatus: {
    ENROLLED: { pl: "Zapisany", en: "Enrolled" },
    COMPLETED: { pl: "Ukończył", en: "Completed" },
    DROPPED_OUT: { pl: "Przerwał", en: "Dropped out" },
    CANCELLED: { pl: "Wycofany", en: "Cancelled" },
  },
  TrainingPlaceMeasure: {
    OFFERED: { pl: "Miejsca oferowane", en: "Places offered" },
    TAKEN: { pl: "Miejsca zajęte", en: "Places taken" },
  },
  TrainingProgrammeSortField: {
    TITLE: { pl: "Tytuł", en: "Title" },
    HOURS: { pl: "Liczba godzin", en: "Hours" },
    COST: { pl: "Koszt na uczestnika", en: "Cost per participant" },
    CREATED_AT: { pl: "Data utworzenia", en: "Created" },
  },
  TrainingOutcome: {
    IN_PROGRESS: { pl: "W trakcie szkolenia", en: "In training" },
    DROPPED_OUT: { pl: "Przerwali szkolenie", en: "Dropped out" },
    COMPLETED_EMPLOYED: { pl: "Ukończyli, zatrudnieni w ciągu 3 miesięcy", en: "Completed, employed within 3 months" },
    COMPLETED_NOT_EMPLOYED: { pl: "Ukończyli, bez zatrudnienia w ciągu 3 miesięcy", en: "Completed, not employed within 3 months" },
    COMPLETED_EMPLOYMENT_UNKNOWN: { pl: "Ukończyli, zatrudnienie jeszcze nieznane", en: "Completed, employment not yet known" },
  },
  UnemployedGroup: {
    WOMEN: { pl: "Kobiety", en: "Women" },
    LONG_TERM: { pl: "Długotrwale bezrobotni", en: "Long-term unemployed", legal: labourMarket("długotrwale bezrobotni", "69") },
    UNDER_30: { pl: "Do 30. roku życia", en: "Under 30", legal: labourMarket("bezrobotni i poszukujący pracy do 30. roku życia", "69") },
    OVER_50: { pl: "Powyżej 50. roku życia", en: "Over 50", legal: labourMarket("bezrobotni powyżej 50. roku życia", "69") },
    WITH_DISABILITIES: { pl: "Z niepełnosprawnościami", en: "With disabilities", legal: labourMarket("bezrobotni niepełnosprawni", "69") },
  },
};

/** A value's label in a language; the value itself when the hub has none (a test keeps that from happening for the schema's enums). */
export function labelOf(enumName: string | null, value: string, lang: Language): string {
  const label = value === "TOTAL" ? TOTAL_LABEL : enumName ? LABELS[enumName]?.[value] : undefined;
  return label ? (lang === Language.EN ? label.en : label.pl) : value;
}

/** Every enum registered so far (by the subgraphs imported), with its GraphQL values (the TypeScript enum's keys): what must have labels. */
export function registeredEnums(): { name: string; values: string[] }[] {
  return getMetadataStorage().enums.map((e) => ({ name: e.name, values: Object.keys(e.enumObj as object).filter((key) => Number.isNaN(Number(key))) }));
}

/** A competence stated in Polish words, as the vocabulary's term (any case, spaces trimmed), or null when the vocabulary does not name it. */
export function competenceOf(text: string): Competence | null {
  const wanted = text.trim().toLocaleLowerCase("pl");
  const found = Object.entries(LABELS.Competence ?? {}).find(([, label]) => label.pl.toLocaleLowerCase("pl") === wanted);
  return found ? (found[0] as Competence) : null;
}
