/**
 * The attacker's solver for the disclosure tests, kept apart from the hub's
 * own (`kit/analytics/protect.ts`), so a mistake in one is not repeated in
 * the other: Σ coefficient · cell = constant, over cells some of which are
 * known.
 */
export type Equation = { terms: [string, number][]; constant: number };

/**
 * Substitutes the known cells, reduces the system over the unknown ones to
 * reduced row echelon form, and returns every unknown whose row has no other
 * unknown left, with its value: what the equations pin down.
 */
export function pinnedDown(equations: readonly Equation[], known: ReadonlyMap<string, number>, unknown: readonly string[]): Map<string, number> {
  const column = new Map(unknown.map((id, i) => [id, i]));
  const rows: number[][] = [];
  for (const eq of equations) {
    const row = new Array<number>(unknown.length + 1).fill(0);
    let rhs = eq.constant;
    let any = false;
    for (const [id, k] of eq.terms) {
      const j = column.get(id);
      if (j !== undefined) {
        row[j]! += k;
        any = true;
      } else rhs -= k * known.get(id)!;
    }
    row[unknown.length] = rhs;
    if (any) rows.push(row);
  }
  const n = unknown.length;
  let r = 0;
  const pivots: [number, number][] = [];
  for (let c = 0; c < n && r < rows.length; c++) {
    let best = -1;
    for (let i = r; i < rows.length; i++) if (Math.abs(rows[i]![c]!) > 1e-9 && (best < 0 || Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!))) best = i;
    if (best < 0) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const p = rows[r]![c]!;
    for (let k = c; k <= n; k++) rows[r]![k]! /= p;
    for (let i = 0; i < rows.length; i++) {
      if (i === r || Math.abs(rows[i]![c]!) < 1e-9) continue;
      const f = rows[i]![c]!;
      for (let k = c; k <= n; k++) rows[i]![k]! -= f * rows[r]![k]!;
    }
    pivots.push([r, c]);
    r++;
  }
  const pinned = new Map<string, number>();
  for (const [row, c] of pivots) {
    if (rows[row]!.every((v, k) => k === c || k === n || Math.abs(v) < 1e-9)) pinned.set(unknown[c]!, Math.round(rows[row]![n]!));
  }
  return pinned;
}
