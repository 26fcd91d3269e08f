/**
 * A municipality dashboard (issue #5): an example of a custom view built on
 * the hub's typed operations (`pnpm codegen` → `schema/src/client`). It asks
 * the gateway once — statistics from four subgraphs, shaped for charts — and
 * draws the unemployment trend, training places by target group, and
 * training and activation outcomes, with withheld counts shown as `:c`.
 * It sends its operation by id, as a trusted document: the demo hub
 * registers its manifest (`pnpm documents register municipality-dashboard`).
 *
 *   ?code=<TERYT gmina, county or city>&gateway=<GraphQL URL>&toYear=<year>&lang=<PL|EN>
 */
import {
  MunicipalityDashboardDocument, documentIdOf, type ChartSeriesFragment, type MunicipalityDashboardQuery, type MunicipalityDashboardQueryVariables,
} from "../../../src/client/index.js";
import { lineChart, pairedBars, yearTable } from "./charts.js";

const params = new URLSearchParams(location.search);
const code = params.get("code") ?? "2465011";
const gateway = params.get("gateway") ?? "http://127.0.0.1:4000/graphql";
const toYear = Number(params.get("toYear") ?? new Date().getFullYear());
// the labels' language: the hub's Polish labels unless ?lang=EN
const lang = params.get("lang") === "EN" ? "EN" : "PL";
const app = document.querySelector<HTMLElement>("#app")!;

async function load(variables: MunicipalityDashboardQueryVariables): Promise<MunicipalityDashboardQuery> {
  const response = await fetch(gateway, {
    method: "POST",
    headers: { "content-type": "application/json" },
    // a trusted document (issue #17): the id of the operation the hub registered, never its text
    body: JSON.stringify({ documentId: documentIdOf(MunicipalityDashboardDocument), variables }),
  });
  const body = (await response.json()) as { data?: MunicipalityDashboardQuery; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => `${e.extensions?.code}: ${e.message}`).join("; ") ?? "no data");
  return body.data;
}

/** Each category's sum over the years, for the lines that have any. */
const sums = (s: ChartSeriesFragment | null) => new Map((s?.series ?? []).map((l) => [l.key, l.sum?.value ?? 0]));

function render(data: MunicipalityDashboardQuery): void {
  const unit = data.territorialUnit;
  if (!unit) throw new Error(`no unit ${code}`);
  document.querySelector("#title")!.textContent = `${unit.name} w liczbach`;
  document.querySelector<HTMLInputElement>("#pick input")!.value = unit.code;

  const trend = unit.unemployment!;
  // months without a figure (not yet imported) are left out of the line, not drawn as zero
  const points = trend.periods.flatMap((p, i) => (trend.total.values[i]!.value === null ? [] : [{ label: p.key, value: trend.total.values[i]!.value! }]));
  document.querySelector("#unemployment")!.replaceChildren(lineChart(points, `Zarejestrowani bezrobotni, ${unit.name}`));

  const offered = sums(unit.placesOffered);
  const taken = sums(unit.placesTaken);
  const labels = new Map((unit.placesOffered?.series ?? []).map((l) => [l.key, l.label]));
  const rows = [...offered].filter(([, n]) => n > 0).map(([key, n]) => ({ key, label: labels.get(key) ?? key, offered: n, taken: taken.get(key) ?? 0 })).sort((a, b) => b.offered - a.offered);
  document.querySelector("#training")!.replaceChildren(pairedBars(rows, `Miejsca szkoleniowe ${trend.periods[0]?.key.slice(0, 4)}–${toYear}, ${unit.name}`));

  document.querySelector("#outcomes")!.replaceChildren(yearTable(unit.trainingOutcomes!));
  document.querySelector("#activation")!.replaceChildren(yearTable(unit.activation!));
}

load({ code, fromYear: toYear - 7, toYear, lang })
  .then((data) => {
    render(data);
    app.dataset.state = "ready";
  })
  .catch((error: Error) => {
    app.dataset.state = "error";
    app.insertAdjacentHTML("afterbegin", `<p class="error"></p>`);
    app.querySelector(".error")!.textContent = error.message;
  });
