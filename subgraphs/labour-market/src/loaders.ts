import DataLoader from "dataloader";
import type { EntityManager } from "@mikro-orm/postgresql";
import { sqlRows, aggregateLoader, arrayGroupLoader, byIdLoader, groupLoader, placeholders } from "@bdp/kit/server";
import { LabourMarketIssue, PriorityVote } from "./issue/issue.entity.js";
import { Strategy, StrategyGoal } from "./strategy/strategy.entity.js";
import { Consultation, ConsultationPosition } from "./consultation/consultation.entity.js";
import { AgreementParticipant, Initiative } from "./initiative/initiative.entity.js";
import { AgreementAnnex, Expenditure, FundingShare } from "./initiative/money.entity.js";
import { FundingApplication, FundingCall } from "./initiative/funding.entity.js";
import { Indicator, IndicatorMeasurement } from "./indicator/indicator.entity.js";
import { UnemploymentStatistic } from "./statistics/unemployment.entity.js";

export interface PrioritySummary {
  key: string;
  votes: number;
  average: number | null;
}

export function createLoaders(em: EntityManager) {
  return {
    issue: byIdLoader(em, LabourMarketIssue),
    strategy: byIdLoader(em, Strategy),
    strategyGoal: byIdLoader(em, StrategyGoal),
    consultation: byIdLoader(em, Consultation),
    initiative: byIdLoader(em, Initiative),
    indicator: byIdLoader(em, Indicator),
    votesByIssue: groupLoader(em, PriorityVote, "issue", { priority: "desc", id: "asc" }),
    goalsByStrategy: groupLoader(em, StrategyGoal, "strategy", { ordinal: "asc" }),
    goalsByIssue: groupLoader(em, StrategyGoal, "issue", { ordinal: "asc" }),
    positionsByConsultation: groupLoader(em, ConsultationPosition, "consultation", { submittedOn: "asc", id: "asc" }),
    consultationsByIssue: groupLoader(em, Consultation, "issue", { opensOn: "desc", id: "asc" }),
    participantsByInitiative: groupLoader(em, AgreementParticipant, "initiative", { role: "asc", id: "asc" }),
    participationsByPartner: groupLoader(em, AgreementParticipant, "partnerId", { createdAt: "asc", id: "asc" }),
    initiativesByIssue: groupLoader(em, Initiative, "issue", { startsOn: "desc", id: "asc" }),
    fundingCall: byIdLoader(em, FundingCall),
    applicationsByCall: groupLoader(em, FundingApplication, "call", { submittedOn: "asc", id: "asc" }),
    applicationsByInitiative: groupLoader(em, FundingApplication, "initiative", { submittedOn: "desc", id: "asc" }),
    fundingSharesByInitiative: groupLoader(em, FundingShare, "initiative", { amount: "desc", id: "asc" }),
    annexesByInitiative: groupLoader(em, AgreementAnnex, "initiative", { number: "asc" }),
    spendingByInitiative: groupLoader(em, Expenditure, "initiative", { spentOn: "desc", id: "asc" }),
    contributionsByPartner: aggregateLoader<{ key: string; initiatives: number; cash: string; inKind: string; spent: string }>(
      (ids) =>
        sqlRows(em,
          `select ids.key, coalesce(c.initiatives, 0)::int as initiatives, coalesce(c.cash, 0)::numeric(14,2)::text as cash,
                  coalesce(c.in_kind, 0)::numeric(14,2)::text as "inKind", coalesce(s.spent, 0)::numeric(14,2)::text as spent
           from (values ${ids.map(() => "(?::uuid)").join(", ")}) as ids(key)
           left join (select partner_id, count(*) as initiatives, sum(cash_contribution) as cash, sum(in_kind_contribution) as in_kind
                      from agreement_participant where status = 'CONFIRMED' and partner_id in (${placeholders(ids)}) group by partner_id) c on c.partner_id = ids.key
           left join (select partner_id, sum(amount) as spent from expenditure where partner_id in (${placeholders(ids)}) group by partner_id) s on s.partner_id = ids.key`,
          [...ids, ...ids, ...ids],
        ),
      (key) => ({ key, initiatives: 0, cash: "0.00", inKind: "0.00", spent: "0.00" }),
    ),
    spentByInitiative: aggregateLoader<{ key: string; spent: string }>(
      (ids) => sqlRows(em, `select initiative_id as key, sum(amount)::text as spent from expenditure where initiative_id in (${placeholders(ids)}) group by initiative_id`, ids),
      (key) => ({ key, spent: "0.00" }),
    ),
    indicatorsByInitiative: groupLoader(em, Indicator, "initiative", { kind: "asc", name: "asc" }),
    indicatorsByIssue: groupLoader(em, Indicator, "issue", { kind: "asc", name: "asc" }),
    indicatorsByGoal: groupLoader(em, Indicator, "strategyGoal", { kind: "asc", name: "asc" }),
    measurementsByIndicator: groupLoader(em, IndicatorMeasurement, "indicator", { measuredOn: "asc" }),
    issuesRaisedBy: groupLoader(em, LabourMarketIssue, "raisedById", { raisedOn: "desc", id: "asc" }),
    positionsByPartner: groupLoader(em, ConsultationPosition, "partnerId", { submittedOn: "desc", id: "asc" }),
    issuesByMunicipality: arrayGroupLoader(em, LabourMarketIssue, "municipalityCodes", { raisedOn: "desc", id: "asc" }),
    initiativesByMunicipality: arrayGroupLoader(em, Initiative, "municipalityCodes", { startsOn: "desc", id: "asc" }),
    priority: aggregateLoader<PrioritySummary>(
      (ids) =>
        sqlRows(em,
          `select issue_id as key, count(*)::int as votes, round(avg(priority), 2)::float as average
           from priority_vote where issue_id in (${placeholders(ids)}) group by issue_id`,
          ids,
        ),
      (key) => ({ key, votes: 0, average: null }),
    ),
    /** Monthly series per unit, keyed `code:fromYear:toYear` (one query per distinct year range). */
    unemploymentSeries: new DataLoader<string, UnemploymentStatistic[]>(async (keys) => {
      const ranges = new Map<string, string[]>();
      for (const key of keys) {
        const [code, from, to] = key.split(":");
        const range = `${from}:${to}`;
        ranges.set(range, [...(ranges.get(range) ?? []), code!]);
      }
      const results = new Map<string, UnemploymentStatistic[]>();
      for (const [range, codes] of ranges) {
        const [from, to] = range.split(":").map(Number);
        const rows = await em.find(UnemploymentStatistic, { territoryCode: { $in: codes }, year: { $gte: from!, $lte: to! } }, { orderBy: { year: "asc", month: "asc" } });
        for (const code of codes) results.set(`${code}:${range}`, rows.filter((r) => r.territoryCode === code));
      }
      return keys.map((k) => results.get(k) ?? []);
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
