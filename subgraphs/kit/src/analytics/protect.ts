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
  const newSingles = (hidden: ReadonlySet<string>, id: string) => (relationsOf.get(id) ?? []).filter((r) => ![r.total, ...r.parts].some((m) => hidden.has(m))).length;

  /**
   * The members of `ids` that may be hidden next, best first: visible and
   * hideable, non-zero before zero; then those that leave the fewest
   * relations with a single hidden cell, then the smallest count (the least
   * information lost).
   */
  const candidates = (hidden: ReadonlySet<string>, ids: readonly string[]): string[] => {
    const pool = [...new Set(ids)].filter((id) => !hidden.has(id) && !publicCells.has(id)).map((id) => ({ id, zero: count(id) === 0, singles: newSingles(hidden, id), n: count(id) }));
    pool.sort((a, b) => Number(a.zero) - Number(b.zero) || a.singles - b.singles || a.n - b.n || a.id.localeCompare(b.id));
    return pool.map((c) => c.id);
  };
  const nextToHide = (hidden: ReadonlySet<string>, ids: readonly string[]): string | undefined => candidates(hidden, ids)[0];

  /** Hidden parts of a visible total that tell too much: less than the threshold, or small once an insider takes out its share. */
  const isNarrow = (hiddenParts: readonly string[]) => hiddenParts.reduce((s, id) => s + count(id), 0) < threshold || insiderNarrow(hiddenParts);
  /**
   * The part to hide when a total's hidden parts are narrow: the best (as
   * `nextToHide` orders them) after which they no longer are, else the best.
   * Smallest first alone would keep adding parts one holder dominates (a
   * labour office's records in every small gmina), which never widens what
   * the others hold, until the largest gmina goes too (issue #16).
   */
  const widening = (hidden: ReadonlySet<string>, parts: readonly string[], hiddenParts: readonly string[]): string | undefined => {
    const ranked = candidates(hidden, parts);
    return ranked.find((id) => !isNarrow([...hiddenParts, id])) ?? ranked[0];
  };

  /** Steps 1–2 until nothing changes: no relation with one hidden member, no narrow hidden parts of a visible total. */
  const secondary = (hidden: Set<string>): Set<string> => {
    let changed = true;
    while (changed) {
      changed = false;
      for (const rel of relations) {
        const members = [rel.total, ...rel.parts];
        const hiddenMembers = members.filter((id) => hidden.has(id));
        if (hiddenMembers.length === 0) continue;
        const hiddenParts = rel.parts.filter((id) => hidden.has(id));
        const narrow = !hidden.has(rel.total) && isNarrow(hiddenParts);
        if (hiddenMembers.length === 1 || narrow) {
          const next = (narrow ? widening(hidden, rel.parts, hiddenParts) : nextToHide(hidden, [...rel.parts, rel.total])) ?? nextToHide(hidden, members);
          if (next) {
            hidden.add(next);
            changed = true;
          }
        }
      }
    }
    return hidden;
  };

  /**
   * What to hide when `target` is pinned down: the best member of a relation
   * around it after which (with the secondary suppression it brings) the
   * target is no longer pinned; else the best member. Looking ahead matters:
   * a gmina's dropouts are pinned by its own total and public seats taken,
   * and hiding the smallest member of the county's dropouts instead (another
   * gmina's) frees nothing and costs that gmina its table too. On the demo
   * data such chains withheld every yearly training total of the county's
   * gminas (issue #16).
   */
  const LOOK_AHEAD = 6;
  const toUnpin = (hidden: ReadonlySet<string>, target: string): string | undefined => {
    const around = (relationsOf.get(target) ?? []).flatMap((r) => [r.total, ...r.parts]);
    const ranked = candidates(hidden, around);
    for (const id of ranked.slice(0, LOOK_AHEAD)) {
      if (!determinedCells(cells, relations, secondary(new Set([...hidden, id]))).includes(target)) return id;
    }
    return ranked[0] ?? nextToHide(hidden, relations.flatMap((r) => [r.total, ...r.parts]));
  };

  for (;;) {
    secondary(hidden);
    const determined = determinedCells(cells, relations, hidden);
    if (determined.length === 0) return hidden;
    const next = toUnpin(hidden, determined[0]!);
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
