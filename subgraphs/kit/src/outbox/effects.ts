/**
 * The exchange by which a subgraph takes the effects of the partnership's
 * resolutions on the records it owns (issue #15, item 1): the register
 * records the resolution and its votes; the labour market puts an issue on
 * the agenda or adopts a strategy. The owning subgraph POSTs to the
 * register's route what it did with the effects it was last given and
 * receives the next ones still pending.
 */
export const EFFECTS_PATH = "/internal/resolution-effects";

/** An adopted resolution's effect, as the register hands it to the subgraph that owns its subject. */
export interface ResolutionEffectOrder {
  resolutionId: string;
  /** A `ResolutionEffect` the register does not take itself (PUT_ISSUE_ON_AGENDA, ADOPT_STRATEGY). */
  effect: string;
  subjectId: string;
  /** "Uchwała nr 3/2026 (Rada Partnerstwa)". */
  reference: string;
  reasons: string;
  /** The day of the meeting that adopted it (YYYY-MM-DD). */
  decidedOn: string;
}

/** What the owning subgraph did with one: taken, or refused with the reason. */
export interface ResolutionEffectOutcome {
  resolutionId: string;
  applied: boolean;
  note: string;
}
