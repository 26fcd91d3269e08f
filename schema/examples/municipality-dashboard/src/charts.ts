/**
 * Small SVG charts, no library: a line for a series over periods and paired
 * bars for offered/taken counts. Each mark carries a class and data
 * attributes, so tests (and screen readers, via <title>) can read them.
 */
const NS = "http://www.w3.org/2000/svg";

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function lineChart(points: { label: string; value: number }[], caption: string): SVGSVGElement {
  const [w, h, pad] = [900, 260, 48];
  const svg = el("svg", { viewBox: `0 0 ${w} ${h}`, role: "img", "aria-label": caption });
  svg.append(el("title", {}, caption));
  if (points.length === 0) return svg;
  const max = Math.max(...points.map((p) => p.value)) || 1;
  const x = (i: number) => pad + (i * (w - 2 * pad)) / Math.max(1, points.length - 1);
  const y = (v: number) => h - pad - (v / max) * (h - 2 * pad);
  svg.append(el("line", { class: "axis", x1: pad, y1: h - pad, x2: w - pad, y2: h - pad }), el("line", { class: "axis", x1: pad, y1: pad, x2: pad, y2: h - pad }));
  svg.append(el("polyline", { class: "line", points: points.map((p, i) => `${x(i)},${y(p.value)}`).join(" ") }));
  points.forEach((p, i) => {
    const dot = el("circle", { class: "point", cx: x(i), cy: y(p.value), r: 3, "data-label": p.label, "data-value": p.value });
    dot.append(el("title", {}, `${p.label}: ${p.value}`));
    svg.append(dot);
    if (i % Math.ceil(points.length / 8) === 0) svg.append(el("text", { x: x(i), y: h - pad + 16, "text-anchor": "middle" }, p.label));
  });
  svg.append(el("text", { x: pad - 6, y: pad + 4, "text-anchor": "end" }, String(max)), el("text", { x: pad - 6, y: h - pad + 4, "text-anchor": "end" }, "0"));
  return svg;
}

/** Bars of places offered and taken per category: its label shown, its key in `data-label`. */
export function pairedBars(rows: { key: string; label: string; offered: number; taken: number }[], caption: string): SVGSVGElement {
  const barH = 18;
  const [w, pad, labelW] = [900, 10, 260];
  const h = pad * 2 + rows.length * (barH * 2 + 8);
  const svg = el("svg", { viewBox: `0 0 ${w} ${h}`, role: "img", "aria-label": caption });
  svg.append(el("title", {}, caption));
  const max = Math.max(1, ...rows.map((r) => Math.max(r.offered, r.taken)));
  // room on the right for the figures written after each bar
  const scale = (v: number) => (v / max) * (w - labelW - 2 * pad - 110);
  rows.forEach((r, i) => {
    const top = pad + i * (barH * 2 + 8);
    svg.append(el("text", { x: labelW - 6, y: top + barH + 4, "text-anchor": "end" }, r.label));
    svg.append(el("rect", { class: "bar-offered", x: labelW, y: top, width: scale(r.offered), height: barH, "data-label": r.key, "data-value": r.offered }));
    svg.append(el("rect", { class: "bar-taken", x: labelW, y: top + barH, width: scale(r.taken), height: barH, "data-label": r.key, "data-value": r.taken }));
    svg.append(el("text", { x: labelW + scale(r.offered) + 4, y: top + barH - 4 }, `${r.offered} miejsc`), el("text", { x: labelW + scale(r.taken) + 4, y: top + 2 * barH - 4 }, `${r.taken} zajętych`));
  });
  return svg;
}

type Value = { value: number | null; suppressed: boolean; reason?: string | null };
type Line = { key: string; label: string; values: Value[] };

/**
 * A statistic as a table: one row per period, one column per category and
 * the total. A withheld value is marked `:c` (as Eurostat marks confidential
 * cells), with the reason in its tooltip.
 */
export function yearTable(series: { periods: { key: string }[]; series: Line[]; total: Line }): HTMLTableElement {
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  head.append(document.createElement("th"));
  // the hub's label for each category (issue #17), its key kept for code
  for (const line of [...series.series, series.total]) head.append(Object.assign(document.createElement("th"), { textContent: line.label, title: line.key }));
  const body = table.createTBody();
  series.periods.forEach((p, i) => {
    const row = body.insertRow();
    row.append(Object.assign(document.createElement("th"), { textContent: p.key }));
    for (const v of [...series.series.map((l) => l.values[i]!), series.total.values[i]!]) {
      const td = row.insertCell();
      if (v.suppressed) {
        td.className = "suppressed";
        td.textContent = ":c";
        td.title = "utajnione (kontrola ujawniania: mniej niż 5 osób albo ochrona innej utajnionej komórki)";
      } else td.textContent = v.value === null ? "–" : String(v.value);
    }
  });
  return table;
}
