import "reflect-metadata";
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

export interface Cell<K> {
  key: K;
  count: number;
}

export interface ProtectedCell<K> {
  key: K;
  count: ProtectedCount;
}

/**
 * A breakdown of a published total: primary suppression of small cells, then
 * secondary suppression so that the total minus the visible cells never
 * reveals a hidden one. While exactly one cell is hidden (or the hidden sum
 * is itself below the threshold), the smallest visible non-zero cell is
 * hidden too.
 */
export function protectBreakdown<K>(cells: readonly Cell<K>[], threshold = disclosureThreshold()): ProtectedCell<K>[] {
  const hidden = new Set<number>();
  cells.forEach((c, i) => {
    if (c.count > 0 && c.count < threshold) hidden.add(i);
  });
  const hiddenSum = () => [...hidden].reduce((s, i) => s + cells[i]!.count, 0);
  while (hidden.size > 0 && (hidden.size === 1 || hiddenSum() < threshold)) {
    let next = -1;
    cells.forEach((c, i) => {
      if (!hidden.has(i) && c.count > 0 && (next < 0 || c.count < cells[next]!.count)) next = i;
    });
    if (next < 0) break;
    hidden.add(next);
  }
  return cells.map((c, i) => ({ key: c.key, count: hidden.has(i) ? { value: null, suppressed: true } : { value: c.count, suppressed: false } }));
}
