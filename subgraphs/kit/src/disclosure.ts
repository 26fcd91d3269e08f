import "reflect-metadata";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { isHolder } from "./auth/authorize.js";
import type { HubContext } from "./context.js";

/**
 * Statistical disclosure control for counts of people (shared/DOMAIN.md):
 * a count below the threshold is not published. Polish statistics law
 * forbids fewer than 3 units; agencies commonly suppress below 5.
 */
export const MIN_THRESHOLD = 3;

/** `DISCLOSURE_THRESHOLD` (default 5); a lower setting is raised to 3, anything not a whole number is refused. */
export function disclosureThreshold(): number {
  const raw = process.env.DISCLOSURE_THRESHOLD ?? "5";
  const configured = Number(raw);
  if (!Number.isInteger(configured)) throw new Error(`DISCLOSURE_THRESHOLD must be a whole number, got ${JSON.stringify(raw)}`);
  return Math.max(MIN_THRESHOLD, configured);
}

export interface ProtectedCount {
  value: number | null;
  suppressed: boolean;
}

/**
 * A count of people inside one partner's programme or edition: exact for
 * the partner holding the records (it can read them anyway), withheld for
 * everyone else. Published counts of people come from the territorial
 * statistics, which are protected as one table (analytics/protect.ts); a
 * per-programme count beside them would let a caller difference a
 * suppressed cell out of a gmina's total.
 */
export function holderCount(ctx: Pick<HubContext, "identity">, holderPartnerId: string, count: number): ProtectedCount {
  return isHolder(ctx, holderPartnerId) ? { value: count, suppressed: false } : { value: null, suppressed: true };
}

@Directive("@shareable")
@ObjectType({ description: "A count of people inside one programme or edition: exact for the partner holding the records, withheld (null, `suppressed` true) for everyone else. Published counts of people are the territorial statistics (`TerritorialUnit.trainingOutcomes`, `activationParticipants`)." })
export class SuppressibleCount {
  @Field(() => Int, { nullable: true, description: "The count, or null when suppressed." })
  value!: number | null;

  @Field({ description: "True when the count is withheld: the caller does not hold the records." })
  suppressed!: boolean;
}
