import type { EntityManager } from "@mikro-orm/postgresql";
import { stableId, type SeedResult } from "@bdp/kit/server";
import { FundingSource, GMINA_CODES, MissionArea as M, TargetGroup as G, TERRITORY } from "@bdp/kit/domain";
import { DEMO_PARTNERS, DEMO_TODAY, Random, addDays } from "@bdp/kit/demo";
import { IssueStatus, LabourMarketIssue, PriorityVote } from "./issue/issue.entity.js";
import { Strategy, StrategyGoal, StrategyLevel } from "./strategy/strategy.entity.js";
import { Consultation, ConsultationPosition, ConsultationStatus, Stance } from "./consultation/consultation.entity.js";
import { AgreementParticipant, Initiative, InitiativeStatus, ParticipantRole } from "./initiative/initiative.entity.js";
import { scaledContributions, seedMoney } from "./initiative/money.seed.js";
import { seedGoalIndicators } from "./indicator/indicator.seed.js";
import { Indicator, IndicatorKind, IndicatorMeasurement } from "./indicator/indicator.entity.js";
import { StatisticSource, UnemploymentStatistic } from "./statistics/unemployment.entity.js";

const ISSUES: [string, M, G[], string[]][] = [
  ["Wysoki udział długotrwale bezrobotnych wśród zarejestrowanych", M.FUNDING_AND_TRAINING, [G.LONG_TERM_UNEMPLOYED, G.SOCIAL_ASSISTANCE_RECIPIENTS], ["2401011", "2401021", "2401031"]],
  ["Odpływ młodzieży po szkole poza region", M.YOUTH_LABOUR_MARKET_ENTRY, [G.UNDER_30, G.SCHOOL_LEAVERS], ["2465011", "2401011"]],
  ["Niedobór spawaczy i operatorów maszyn w przemyśle", M.PROFESSIONAL_DEVELOPMENT, [G.NO_VOCATIONAL_QUALIFICATIONS, G.EMPLOYERS], ["2465011", "2401081"]],
  ["Niska aktywność zawodowa osób z niepełnosprawnościami", M.DISABILITY_ACTIVATION, [G.PERSONS_WITH_DISABILITIES], GMINA_CODES.slice()],
  ["Bariery powrotu do pracy rodziców małych dzieci", M.NEW_EMPLOYMENT_FORMS, [G.PARENTS_OF_CHILD_UNDER_6, G.SINGLE_PARENTS], ["2401011", "2465011", "2401062"]],
  ["Wykluczenie cyfrowe osób 50+", M.PROFESSIONAL_DEVELOPMENT, [G.OVER_50], ["2401042", "2401052", "2401073"]],
  ["Słaba komunikacja publiczna do stref przemysłowych", M.COOPERATION, [G.JOB_SEEKERS], ["2401052", "2401081", "2401073"]],
  ["Przemoc i uzależnienia utrudniające aktywizację", M.SOCIAL_PATHOLOGIES, [G.SOCIAL_ASSISTANCE_RECIPIENTS], ["2401021", "2401031"]],
  ["Brak opieki wytchnieniowej dla opiekunów osób z niepełnosprawnościami", M.DISABILITY_ACTIVATION, [G.CARERS_OF_PERSONS_WITH_DISABILITIES], ["2465011", "2401011"]],
  ["Niewykorzystany potencjał turystyczny dziedzictwa Zagłębia", M.HERITAGE_AND_ENVIRONMENT, [G.JOB_SEEKERS, G.EMPLOYERS], ["2401073", "2401011"]],
  ["Małe wykorzystanie środków KFS przez mikroprzedsiębiorstwa", M.FUNDING_AND_TRAINING, [G.EMPLOYERS, G.EMPLOYEES], ["2401011", "2465011"]],
  ["Negatywny wizerunek pracy w usługach opiekuńczych", M.MEDIA_IMAGE, [G.OVER_50, G.JOB_SEEKERS], ["2465011"]],
  // raised from 2024 on (one every 170 days): the ESF+ characteristics; issues raised before June 2025 keep the 2004 act's categories
  ["Bierność zawodowa kobiet po przerwie na wychowanie dzieci", M.NEW_EMPLOYMENT_FORMS, [G.ECONOMICALLY_INACTIVE, G.SINGLE_PARENTS], ["2401011", "2401021"]],
  ["Młodzież NEET w gminach wiejskich", M.YOUTH_LABOUR_MARKET_ENTRY, [G.NEET, G.UNDER_30], ["2401042", "2401052", "2401062"]],
  ["Cudzoziemcy w zakładach przemysłowych bez wsparcia w integracji", M.COOPERATION, [G.FOREIGNERS, G.EMPLOYERS], ["2465011", "2401081"]],
  ["Ubóstwo i wykluczenie w dawnych dzielnicach przemysłowych", M.SOCIAL_PATHOLOGIES, [G.AT_RISK_OF_SOCIAL_EXCLUSION, G.LONG_TERM_UNEMPLOYED], ["2401021", "2465011"]],
];

const INITIATIVES: [string, number, FundingSource, string][] = [
  ["Klub Integracji Społecznej „Nowy Start”", 0, FundingSource.ESF_PLUS, "1850000.00"],
  ["Zagłębiowska Akademia Zawodowa – staże dla absolwentów", 1, FundingSource.LABOUR_FUND, "2400000.00"],
  ["Spawalnia Przyszłości – szkolenia z gwarancją zatrudnienia", 2, FundingSource.KFS, "620000.00"],
  ["Trener pracy w każdej gminie", 3, FundingSource.PFRON, "980000.00"],
  ["Elastyczna praca dla rodziców", 4, FundingSource.ESF_PLUS, "740000.00"],
  ["Cyfrowy Senior Zagłębia", 5, FundingSource.LOCAL_GOVERNMENT_BUDGET, "180000.00"],
  ["Dojazd do pracy – linie przemysłowe", 6, FundingSource.LOCAL_GOVERNMENT_BUDGET, "1250000.00"],
  ["Wytchnienie – wsparcie opiekunów", 8, FundingSource.PFRON, "430000.00"],
  ["Szlak Zamków Zagłębia – przewodnicy i animatorzy", 9, FundingSource.PARTNER_OWN_FUNDS, "95000.00"],
  ["KFS bliżej firm – punkt konsultacyjny", 10, FundingSource.KFS, "60000.00"],
  ["Opiekun to zawód – kampania medialna", 11, FundingSource.PARTNER_OWN_FUNDS, "45000.00"],
  ["Młodzi na rynku pracy – doradztwo w szkołach", 1, FundingSource.ESF_PLUS, "560000.00"],
];

const TASKS = ["rekrutacja uczestników", "doradztwo zawodowe", "organizacja szkoleń", "udostępnienie sali", "staże u pracodawcy", "promocja w mediach", "monitoring wskaźników", "obsługa finansowa projektu", "pośrednictwo pracy", "opieka nad dziećmi uczestników"];

/** Registered unemployed at month end for the county (2401) and Dąbrowa Górnicza (2465): a demo series through published anchors. */
function series(month: number, base: number, rnd: Random): number {
  const t = month / 12; // years since Jan 2019
  const covid = t > 1.2 && t < 2.6 ? 1 + 0.18 * Math.sin(((t - 1.2) / 1.4) * Math.PI) : 1;
  const trend = 1 - 0.045 * Math.min(t, 4) + 0.01 * Math.max(0, t - 5);
  const seasonal = 1 + 0.05 * Math.cos(((month % 12) / 12) * 2 * Math.PI);
  return Math.round(base * covid * trend * seasonal * (0.985 + rnd.next() * 0.03));
}

export async function seed(em: EntityManager): Promise<SeedResult> {
  const rnd = new Random("labour-market-seed");
  const counts: Record<string, number> = {};
  const count = (table: string) => (counts[table] = (counts[table] ?? 0) + 1);
  const active = DEMO_PARTNERS.filter((p) => p.withdrewOn === null);
  const governments = active.filter((p) => p.sector === "LOCAL_GOVERNMENT" || p.sector === "LABOUR_OFFICE");

  const issues = ISSUES.map(([title, area, groups, codes], i) => {
    const issue = em.create(LabourMarketIssue, {
      id: stableId(`issue:${i}`),
      title,
      description: `Diagnoza partnerstwa: ${title.toLowerCase()}. Problem wskazany w konsultacjach i potwierdzony danymi urzędów pracy.`,
      area,
      affectedGroups: groups,
      municipalityCodes: codes,
      status: i < 2 ? IssueStatus.IN_PROGRESS : i < 7 ? rnd.pick([IssueStatus.ACCEPTED, IssueStatus.IN_PROGRESS]) : i === 7 ? IssueStatus.RESOLVED : i === 11 ? IssueStatus.PROPOSED : i === 10 ? IssueStatus.DROPPED : rnd.pick([IssueStatus.ACCEPTED, IssueStatus.PROPOSED]),
      raisedById: rnd.pick(active).id,
      raisedOn: addDays("2019-02-01", i * 170 + rnd.int(0, 60)),
    });
    count("labour_market_issue");
    for (const voter of rnd.sample(active, rnd.int(5, 22))) {
      em.create(PriorityVote, { id: stableId(`vote:${i}:${voter.key}`), issue, partnerId: voter.id, priority: rnd.int(1, 5), votedOn: addDays(issue.raisedOn, rnd.int(5, 60)) });
      count("priority_vote");
    }
    return issue;
  });

  const strategies: [string, StrategyLevel, string, string, number, number][] = [
    ["Strategia Rozwoju Powiatu Będzińskiego na lata 2021–2030", StrategyLevel.COUNTY, "2401", "starostwo-bedzin", 2021, 2030],
    ["Strategia Rozwoju Miasta Dąbrowa Górnicza 2022–2030", StrategyLevel.MUNICIPAL, "2465011", "um-dabrowa", 2022, 2030],
    ["Powiatowy Program Promocji Zatrudnienia 2023–2027", StrategyLevel.COUNTY, "2401", "pup-bedzin", 2023, 2027],
    ["Strategia Rozwiązywania Problemów Społecznych Gminy Czeladź 2021–2027", StrategyLevel.MUNICIPAL, "2401021", "um-czeladz", 2021, 2027],
    ["Wspólna strategia Porozumienia na rzecz zatrudnienia 2024–2028", StrategyLevel.PARTNERSHIP, "2401", "pup-dabrowa", 2024, 2028],
  ];
  const goals: StrategyGoal[] = [];
  const strategyRows = strategies.map(([title, level, territoryCode, adopter, from, to], s) => {
    const strategy = em.create(Strategy, {
      id: stableId(`strategy:${s}`),
      title, level, territoryCode,
      adoptedById: DEMO_PARTNERS.find((p) => p.key === adopter)!.id,
      periodStart: from, periodEnd: to,
      adoptedOn: `${from - 1}-12-${String(rnd.int(10, 28)).padStart(2, "0")}`,
      documentUrl: `https://bip.example.pl/strategie/${s + 1}`,
    });
    count("strategy");
    rnd.sample(issues, rnd.int(2, 4)).forEach((issue, g) => {
      goals.push(em.create(StrategyGoal, { id: stableId(`goal:${s}:${g}`), strategy, ordinal: g + 1, title: `Cel ${g + 1}: ${issue.title.replace(/^./, (c) => c.toLowerCase())} – ograniczenie skali`, issue }));
      count("strategy_goal");
    });
    return strategy;
  });

  for (let c = 0; c < 7; c++) {
    const issue = issues[(c * 5) % issues.length]!;
    // the last two: one open now, one announced for later
    const opensOn = c === 5 ? addDays(DEMO_TODAY, -10) : c === 6 ? addDays(DEMO_TODAY, 40) : addDays("2020-03-01", c * 300 + rnd.int(0, 90));
    const closesOn = addDays(opensOn, 30);
    const status = opensOn > DEMO_TODAY ? ConsultationStatus.PLANNED : closesOn >= DEMO_TODAY ? ConsultationStatus.OPEN : ConsultationStatus.CLOSED;
    const consultation = em.create(Consultation, {
      id: stableId(`consultation:${c}`),
      subject: `Konsultacje: ${issue.title}`,
      description: "Prosimy partnerów o stanowiska wobec proponowanych działań i podziału zadań.",
      issue,
      strategy: c % 3 === 0 ? strategyRows[c % strategyRows.length]! : null,
      organiserId: rnd.pick(governments).id,
      opensOn, closesOn, status,
      outcome: status === ConsultationStatus.CLOSED ? "Przyjęto propozycję z poprawkami zgłoszonymi przez partnerów społecznych; uzasadnienie w protokole." : null,
    });
    count("consultation");
    if (status === ConsultationStatus.PLANNED) continue;
    for (const partner of rnd.sample(active, rnd.int(4, 12))) {
      em.create(ConsultationPosition, {
        id: stableId(`position:${c}:${partner.key}`),
        consultation, partnerId: partner.id,
        stance: rnd.pick([Stance.SUPPORT, Stance.SUPPORT, Stance.SUPPORT_WITH_AMENDMENTS, Stance.OPPOSE, Stance.ABSTAIN]),
        statement: rnd.pick(["Popieramy i deklarujemy udział.", "Popieramy, proponujemy zwiększenie liczby miejsc stażowych.", "Wnosimy o uwzględnienie gmin wiejskich.", "Brak zasobów po naszej stronie w tym okresie."]),
        submittedOn: addDays(opensOn, rnd.int(1, 29)),
      });
      count("consultation_position");
    }
  }

  const initiatives: Initiative[] = [];
  const partsOf = new Map<string, AgreementParticipant[]>();
  INITIATIVES.forEach(([title, issueIndex, fundingSource, budget], n) => {
    const issue = issues[issueIndex]!;
    // the last starts next year; one was abandoned
    const startsOn = n === INITIATIVES.length - 1 ? addDays(DEMO_TODAY, 75) : addDays("2019-06-01", n * 200 + rnd.int(0, 100));
    const endsOn = addDays(startsOn, rnd.int(365, 1000));
    const status = startsOn > DEMO_TODAY ? InitiativeStatus.PLANNED : n === 6 ? InitiativeStatus.CANCELLED : endsOn < DEMO_TODAY ? InitiativeStatus.COMPLETED : InitiativeStatus.RUNNING;
    const members = [rnd.pick(governments), ...rnd.sample(active, rnd.int(2, 5))].filter((p, i, all) => all.findIndex((q) => q.id === p.id) === i);
    const initiative = em.create(Initiative, {
      id: stableId(`initiative:${n}`),
      title,
      description: `${title}. Działanie wspólne partnerów porozumienia odpowiadające na problem: ${issue.title.toLowerCase()}.`,
      issue, missionAreas: [issue.area, ...(rnd.chance(0.4) ? [M.COOPERATION] : [])].filter((a, i, all) => all.indexOf(a) === i),
      municipalityCodes: issue.municipalityCodes, startsOn, endsOn, status, fundingSource, totalBudget: budget,
      leadPartnerId: members[0]!.id,
    });
    count("initiative");
    initiatives.push(initiative);
    const drawn = members.map((partner, m) => ({
      id: stableId(`agreement:${n}:${partner.key}`),
      initiative, partnerId: partner.id, partnerSector: partner.sector,
      role: m === 0 ? ParticipantRole.LEAD : rnd.chance(0.7) ? ParticipantRole.PARTNER : ParticipantRole.SUPPORTING,
      tasks: rnd.sample(TASKS, rnd.int(1, 3)),
      responsibilities: m === 0 ? "Koordynacja, rozliczenie i sprawozdawczość." : "Realizacja powierzonych zadań zgodnie z harmonogramem.",
      cashContribution: m === 0 ? (Number(budget) * 0.1).toFixed(2) : `${rnd.int(0, 40) * 500}.00`,
      inKindContribution: `${rnd.int(0, 60) * 250}.00`,
      inKindDescription: rnd.chance(0.6) ? rnd.pick(["sala szkoleniowa", "czas pracy doradcy", "transport", "materiały promocyjne"]) : null,
      confirmedOn: status === InitiativeStatus.PLANNED && rnd.chance(0.4) ? null : addDays(startsOn, -rnd.int(10, 60)),
    }));
    // the partners bring at most half of the budget; the funds the rest (money.seed.ts)
    const [lead, ...others] = drawn;
    const scaled = scaledContributions(budget, [lead!.cashContribution, lead!.inKindContribution], others.map((o) => [o.cashContribution, o.inKindContribution]));
    others.forEach((o, i) => ([o.cashContribution, o.inKindContribution] = scaled[i]!));
    partsOf.set(initiative.id, drawn.map((part) => {
      count("agreement_participant");
      return em.create(AgreementParticipant, part);
    }));
    const indicators: [string | null, string, IndicatorKind, string, number, number, boolean][] = [
      ["EECO02", "Liczba osób bezrobotnych, w tym długotrwale bezrobotnych, objętych wsparciem", IndicatorKind.OUTPUT, "osoby", 0, rnd.int(4, 12) * 10, true],
      ["EECR03", "Liczba osób, które uzyskały kwalifikacje po opuszczeniu programu", IndicatorKind.RESULT, "osoby", 0, rnd.int(2, 8) * 10, true],
      [null, "Odsetek uczestników pracujących 3 miesiące po zakończeniu", IndicatorKind.RESULT, "%", 0, rnd.int(35, 60), false],
    ];
    indicators.slice(0, rnd.int(2, 3)).forEach(([code, name, kind, unit, baseline, target, bySex], k) => {
      const indicator = em.create(Indicator, { id: stableId(`indicator:${n}:${k}`), initiative, code, name, kind, unit, baseline: `${baseline}.00`, target: `${target}.00`, bySex });
      count("indicator");
      let value = baseline;
      for (let q = 1, on = addDays(startsOn, 90); on <= DEMO_TODAY && on <= addDays(endsOn, 90); q++, on = addDays(startsOn, 90 * q)) {
        value = Math.min(Math.round(target * 1.1), value + Math.round((target / Math.max(1, Math.ceil((Date.parse(endsOn) - Date.parse(startsOn)) / 7.776e9))) * (0.6 + rnd.next() * 0.8)));
        const women = bySex ? Math.round(value * (0.45 + rnd.next() * 0.2)) : null;
        em.create(IndicatorMeasurement, { id: stableId(`measurement:${n}:${k}:${q}`), indicator, measuredOn: on, value: `${value}.00`, women: women === null ? null : `${women}.00`, men: women === null ? null : `${value - women}.00` });
        count("indicator_measurement");
      }
    });
  });

  // Registered unemployment, Jan 2019 – the demo "today": county and city with rates,
  // gminas as shares of the county by population.
  const county = TERRITORY.filter((u) => u.parent === "2401" && u.code.length === 7);
  const countyPopulation = county.reduce((s, u) => s + (u.population ?? 0), 0);
  const months = (Number(DEMO_TODAY.slice(0, 4)) - 2019) * 12 + Number(DEMO_TODAY.slice(5, 7)) - 1;
  for (let m = 0; m < months; m++) {
    const year = 2019 + Math.floor(m / 12);
    const month = (m % 12) + 1;
    const countyTotal = year === 2019 && month === 9 ? 2615 : series(m, 2760, rnd);
    const cityTotal = series(m, 2950, rnd);
    const add = (territoryCode: string, total: number, rate: string | null, source = StatisticSource.DEMO_ESTIMATE) => {
      em.create(UnemploymentStatistic, {
        id: stableId(`unemployment:${territoryCode}:${year}:${month}`),
        territoryCode, year, month, registeredUnemployed: total,
        women: Math.round(total * (0.52 + rnd.next() * 0.04)),
        longTermUnemployed: Math.round(total * (0.48 + rnd.next() * 0.06)),
        under30: Math.round(total * (0.2 + rnd.next() * 0.04)),
        over50: Math.round(total * (0.27 + rnd.next() * 0.04)),
        withDisabilities: Math.round(total * (0.06 + rnd.next() * 0.02)),
        rate, source,
      });
      count("unemployment_statistic");
    };
    add("2401", countyTotal, (countyTotal / 45_900 * 100).toFixed(1), year === 2019 && month === 9 ? StatisticSource.PUP_REPORT : StatisticSource.DEMO_ESTIMATE);
    add("2465", cityTotal, (cityTotal / 64_000 * 100).toFixed(1));
    add("2465011", cityTotal, null);
    let rest = countyTotal;
    county.forEach((u, i) => {
      const share = i === county.length - 1 ? rest : Math.round((countyTotal * (u.population ?? 0)) / countyPopulation);
      rest -= share;
      add(u.code, share, null);
    });
  }
  seedMoney(em, initiatives, partsOf, count);
  seedGoalIndicators(em, goals, count);
  return { counts };
}
