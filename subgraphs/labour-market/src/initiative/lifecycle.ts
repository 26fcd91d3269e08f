import { HubError, centsToMoney, moneyCents } from "@bdp/kit/server";
import { InitiativeStatus, PartStatus } from "./initiative.entity.js";

/**
 * The rules of an initiative's lifecycle (issue #15, item 2), apart from the
 * mutations so they read as one table and are tested on their own.
 *
 *   PLANNED ──signAgreement──▶ AGREED ──▶ RUNNING ──▶ COMPLETED
 *      └──────────┴───────────────┴──▶ CANCELLED
 */

/** Where `changeInitiativeStatus` may take an initiative from each status (signing is `signAgreement`). */
export const STATUS_CHANGES: Readonly<Record<InitiativeStatus, readonly InitiativeStatus[]>> = {
  [InitiativeStatus.PLANNED]: [InitiativeStatus.CANCELLED],
  [InitiativeStatus.AGREED]: [InitiativeStatus.RUNNING, InitiativeStatus.CANCELLED],
  [InitiativeStatus.RUNNING]: [InitiativeStatus.COMPLETED, InitiativeStatus.CANCELLED],
  [InitiativeStatus.COMPLETED]: [],
  [InitiativeStatus.CANCELLED]: [],
};

/** What `updateInitiative` may change in each status: dates and budget only while PLANNED (after signing, by an annex). */
export const CHANGEABLE: Readonly<Record<InitiativeStatus, readonly string[]>> = {
  [InitiativeStatus.PLANNED]: ["title", "description", "issueId", "missionAreas", "municipalityCodes", "startsOn", "endsOn", "fundingSource", "totalBudget"],
  [InitiativeStatus.AGREED]: ["title", "description", "issueId", "missionAreas", "municipalityCodes"],
  [InitiativeStatus.RUNNING]: ["title", "description", "issueId", "missionAreas", "municipalityCodes"],
  [InitiativeStatus.COMPLETED]: [],
  [InitiativeStatus.CANCELLED]: [],
};

/** CONFLICT when the initiative is not in one of `allowed` (a decision already taken, or not yet). */
export function requireStatus(status: InitiativeStatus, allowed: readonly InitiativeStatus[], doing: string): void {
  if (!allowed.includes(status)) {
    throw new HubError("CONFLICT", `The initiative is ${status}: ${doing} needs it ${allowed.join(" or ")}`, { reason: "INITIATIVE_STATUS", status, allowed });
  }
}

export interface PartMoney {
  status: PartStatus;
  cashContribution: string;
  inKindContribution: string;
}

/** How an initiative's budget is covered: every amount exact, in PLN. */
export interface Coverage {
  totalBudget: string;
  fundingShares: string;
  cashContributions: string;
  inKindContributions: string;
  covered: string;
  /** The budget less what covers it: positive is uncovered, negative is over-covered. */
  gap: string;
}

/** The budget against the funding shares and the confirmed parts' cash and in-kind contributions (declined, withdrawn and unanswered parts count nothing). */
export function coverage(totalBudget: string, shares: readonly string[], parts: readonly PartMoney[]): Coverage {
  const confirmed = parts.filter((p) => p.status === PartStatus.CONFIRMED);
  const funding = shares.reduce((s, a) => s + moneyCents(a), 0n);
  const cash = confirmed.reduce((s, p) => s + moneyCents(p.cashContribution), 0n);
  const inKind = confirmed.reduce((s, p) => s + moneyCents(p.inKindContribution), 0n);
  const covered = funding + cash + inKind;
  return {
    totalBudget,
    fundingShares: centsToMoney(funding),
    cashContributions: centsToMoney(cash),
    inKindContributions: centsToMoney(inKind),
    covered: centsToMoney(covered),
    gap: centsToMoney(moneyCents(totalBudget) - covered),
  };
}

/** BAD_USER_INPUT naming the figures unless the budget is covered exactly (the rule for a signed agreement and every annex). */
export function requireCovered(c: Coverage, field: string, doing: string): void {
  if (moneyCents(c.gap) === 0n) return;
  throw HubError.badInput(
    field,
    `${doing}: funding shares ${c.fundingShares} + cash ${c.cashContributions} + in kind ${c.inKindContributions} = ${c.covered} PLN, the budget is ${c.totalBudget} PLN (${moneyCents(c.gap) > 0n ? "uncovered" : "over"} by ${centsToMoney(moneyCents(c.gap) < 0n ? -moneyCents(c.gap) : moneyCents(c.gap))})`,
    { coverage: c },
  );
}
