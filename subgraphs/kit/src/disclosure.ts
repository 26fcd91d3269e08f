import { Directive, Field, Int, ObjectType } from "type-graphql";

/**
 * Statistical disclosure control for counts of people (shared/DOMAIN.md):
 * a count below the threshold is not published. Polish statistics law
 * forbids fewer than 3 units; agencies commonly suppress below 5.
 */
export const MIN_THRESHOLD = 3;

export function disclosureThreshold(): number {
  const configured = Number(process.env.DISCLOSURE_THRESHOLD ?? 5);
  return Number.isInteger(configured) && configured >= MIN_THRESHOLD ? configured : 5;
}

export interface ProtectedCount {
  value: number | null;
  suppressed: boolean;
}

/** A count of people, or null with `suppressed` when it is 1..threshold-1. Zero is published. */
export function protectCount(count: number, threshold = disclosureThreshold()): ProtectedCount {
  return count > 0 && count < threshold ? { value: null, suppressed: true } : { value: count, suppressed: false };
}

@Directive("@shareable")
@ObjectType({ description: "A count of people under disclosure control: null with `suppressed` true when publishing it could identify someone." })
export class SuppressibleCount {
  @Field(() => Int, { nullable: true, description: "The count, or null when suppressed." })
  value!: number | null;

  @Field({ description: "True when the count was withheld (below the disclosure threshold, default 5; Eurostat marks such cells `:c`)." })
  suppressed!: boolean;
}
