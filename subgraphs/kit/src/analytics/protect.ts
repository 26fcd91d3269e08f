/**
 * Disclosure control for a table of counts of people that is published as a
 * whole: every cell a caller can ever see, through any grouping, territory or
 * filter, is a cell of this one table (or a sum of its published cells), so
 * protecting the table protects every path to the number.
 *
 * A table is cells (id → count) and the additive relations between them
 * (`total = Σ parts`: a county is the sum of its gminas, a gmina's total is
 * the sum of the categories of a breakdown). Protection runs in three steps:
 *
 * 1. primary suppression: a count of 1 … threshold−1 is hidden (zero is not:
 *    an empty cell discloses no one);
 * 2. secondary suppression per relation: no relation may have exactly one
 *    hidden member (its value would be the total minus the rest), and where
 *    the total is visible the hidden parts must add up to at least the
 *    threshold (else each hidden part is known to be small);
 * 3. an audit over all relations together: Gaussian elimination on the
 *    system "hidden cells = what the visible cells imply" finds any hidden
 *    cell that a combination of relations pins down (a differencing attack
 *    across groupings and territories), and hides more until none is.
 *
 * Cells marked public are known to everyone from elsewhere (seats taken in an
 * edition, for one) and are never hidden: the audit counts them as known.
 *
 * Against insiders (issue #11): a partner knows its own records and can add
 * fake ones, so with each cell's contribution by holder, a count is
 * published only if, for every holder contributing to it, the count minus
 * that holder's part is also 0 or at least the threshold (a dominance-style
 * rule, as statistical offices apply to businesses); and where a total is
 * visible, the hidden parts minus any one holder's share of them must be 0
 * or at least the threshold too. Padding a cell with one's own fake records
 * and subtracting them then reveals nothing of anyone else's.
 */
export interface Relation {
  total: string;
  parts: readonly string[];
}

export interface ProtectionInput {
  cells: ReadonlyMap<string, number>;
  relations: readonly Relation[];
  threshold: number;
  /** Cells known from elsewhere: never hidden, always counted as known. */
  publicCells?: ReadonlySet<string>;
  /** Each cell's count by holder (the partner whose records they are): what an insider knows of it. */
  contributions?: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** Whether `n` minus some holder's part of it is a small non-zero number: what that holder would learn of the others. */
function exposedToAHolder(n: number, byHolder: Iterable<number>, threshold: number): boolean {
  for (const own of byHolder) if (n - own > 0 && n - own < threshold) return true;
  return false;
}

export function protectTable({ cells, relations, threshold, publicCells = new Set(), contributions = new Map() }: ProtectionInput): Set<string> {
  const count = (id: string) => cells.get(id) ?? 0;
  const hidden = new Set<string>();
  for (const [id, n] of cells) {
    if (publicCells.has(id) || n === 0) continue;
    if (n < threshold || exposedToAHolder(n, contributions.get(id)?.values() ?? [], threshold)) hidden.add(id);
  }
  /** The hidden parts of a visible total tell an insider their sum minus its own share: that too must not be small. */
  const insiderNarrow = (parts: readonly string[]) => {
    const shares = new Map<string, number>();
    for (const id of parts) for (const [holder, c] of contributions.get(id) ?? []) shares.set(holder, (shares.get(holder) ?? 0) + c);
    return exposedToAHolder(parts.reduce((s, id) => s + count(id), 0), shares.values(), threshold);
  };

  const relationsOf = new Map<string, Relation[]>();
  for (const rel of relations) for (const id of [rel.total, ...rel.parts]) relationsOf.set(id, [...(relationsOf.get(id) ?? []), rel]);
  /** Relations in which hiding `id` would make it the only hidden member: each would need yet another cell. */
  const newSingles = (id: string) => (relationsOf.get(id) ?? []).filter((r) => ![r.total, ...r.parts].some((m) => hidden.has(m))).length;

  /**
   * The member of `ids` to hide next: visible and hideable, non-zero if any
   * is; among those, the one that leaves the fewest relations with a single
   * hidden cell, then the smallest count (the least information lost).
   */
  const nextToHide = (ids: readonly string[]): string | undefined => {
    const candidates = ids.filter((id) => !hidden.has(id) && !publicCells.has(id));
    const nonZero = candidates.filter((id) => count(id) > 0);
    const pool = (nonZero.length > 0 ? nonZero : candidates).map((id) => ({ id, singles: newSingles(id), n: count(id) }));
    pool.sort((a, b) => a.singles - b.singles || a.n - b.n || a.id.localeCompare(b.id));
    return pool[0]?.id;
  };

  for (;;) {
    let changed = true;
    while (changed) {
      changed = false;
      for (const rel of relations) {
        const members = [rel.total, ...rel.parts];
        const hiddenMembers = members.filter((id) => hidden.has(id));
        if (hiddenMembers.length === 0) continue;
        const hiddenParts = rel.parts.filter((id) => hidden.has(id));
        const narrow = !hidden.has(rel.total) && (hiddenParts.reduce((s, id) => s + count(id), 0) < threshold || insiderNarrow(hiddenParts));
        if (hiddenMembers.length === 1 || narrow) {
          const next = nextToHide(narrow ? rel.parts : [...rel.parts, rel.total]) ?? nextToHide(members);
          if (next) {
            hidden.add(next);
            changed = true;
          }
        }
      }
    }
    const determined = determinedCells(cells, relations, hidden);
    if (determined.length === 0) return hidden;
    // Hide the smallest visible member of a relation that pins the cell down.
    const target = determined[0]!;
    const around = relations.filter((r) => r.total === target || r.parts.includes(target)).flatMap((r) => [r.total, ...r.parts]);
    const next = nextToHide(around) ?? nextToHide(relations.flatMap((r) => [r.total, ...r.parts]));
    if (!next) return hidden; // nothing left to hide: every cell is hidden or public
    hidden.add(next);
  }
}

/**
 * Hidden cells whose value follows from the relations and the visible cells
 * (linear algebra over the reals: a cell is determined when its unit vector
 * lies in the row space of the relations restricted to hidden cells).
 */
export function determinedCells(cells: ReadonlyMap<string, number>, relations: readonly Relation[], hidden: ReadonlySet<string>): string[] {
  const vars = [...hidden].sort();
  const column = new Map(vars.map((id, i) => [id, i]));
  const rows: number[][] = [];
  for (const rel of relations) {
    const row = new Array<number>(vars.length).fill(0);
    let any = false;
    const add = (id: string, coefficient: number) => {
      const j = column.get(id);
      if (j !== undefined) {
        row[j]! += coefficient;
        any = true;
      }
    };
    add(rel.total, 1);
    for (const p of rel.parts) add(p, -1);
    if (any) rows.push(row);
  }
  return determinedColumns(rows, vars.length).map((j) => vars[j]!);
}

/**
 * Columns of the system `rows · x = b` whose unknown has one value in every
 * solution: after reduction to row echelon form, a pivot column whose row
 * has no other non-zero entry. Entries are small integers, so a tolerance on
 * floating point is exact enough.
 */
export function determinedColumns(rows: readonly (readonly number[])[], columns: number): number[] {
  const m = rows.map((r) => [...r]);
  const eps = 1e-9;
  const pivotRowOf = new Map<number, number>();
  let r = 0;
  for (let c = 0; c < columns && r < m.length; c++) {
    let best = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[best]![c]!)) best = i;
    if (Math.abs(m[best]![c]!) < eps) continue;
    [m[r], m[best]] = [m[best]!, m[r]!];
    const pivot = m[r]![c]!;
    for (let k = 0; k < columns; k++) m[r]![k]! /= pivot;
    for (let i = 0; i < m.length; i++) {
      if (i === r) continue;
      const f = m[i]![c]!;
      if (Math.abs(f) < eps) continue;
      for (let k = 0; k < columns; k++) m[i]![k]! -= f * m[r]![k]!;
    }
    pivotRowOf.set(c, r);
    r++;
  }
  const out: number[] = [];
  for (const [c, row] of pivotRowOf) {
    if (m[row]!.every((v, k) => k === c || Math.abs(v) < eps)) out.push(c);
  }
  return out.sort((a, b) => a - b);
}
