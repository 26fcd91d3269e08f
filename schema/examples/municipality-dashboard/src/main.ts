/**
 * A municipality dashboard (issue #5): an example of a custom view built on
 * the hub's typed operations (`pnpm codegen` → `schema/src/client`). It asks
 * the gateway once, and draws the unemployment trend, training places by
 * target group and activation outcomes, with suppressed counts shown as `:c`.
 *
 *   ?code=<TERYT gmina>&gateway=<GraphQL URL>
 */
import { print } from "graphql";
import { MunicipalityDashboardDocument, type MunicipalityDashboardQuery, type MunicipalityDashboardQueryVariables } from "../../../src/client/index.js";
import { lineChart, pairedBars } from "./charts.js";

const params = new URLSearchParams(location.search);
const code = params.get("code") ?? "2465011";
const gateway = params.get("gateway") ?? "http://127.0.0.1:4000/graphql";
const app = document.querySelector<HTMLElement>("#app")!;

async function load(variables: MunicipalityDashboardQueryVariables): Promise<MunicipalityDashboardQuery> {
  const response = await fetch(gateway, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: print(MunicipalityDashboardDocument), variables }),
  });
  const body = (await response.json()) as { data?: MunicipalityDashboardQuery; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => `${e.extensions?.code}: ${e.message}`).join("; ") ?? "no data");
  return body.data;
}

function render(data: MunicipalityDashboardQuery): void {
  const unit = data.territorialUnit;
  if (!unit) throw new Error(`no unit ${code}`);
  document.querySelector("#title")!.textContent = `${unit.name} w liczbach`;
  document.querySelector<HTMLInputElement>("#pick input")!.value = unit.code;

  const series = (unit.unemployment ?? []).map((p) => ({ label: p.period, value: p.registeredUnemployed }));
  document.querySelector("#unemployment")!.replaceChildren(lineChart(series, `Zarejestrowani bezrobotni, ${unit.name}`));

  // places offered (capacity) and taken (capacity − seats left) by the programmes' target groups
  const groups = new Map<string, { offered: number; taken: number }>();
  for (const edition of unit.trainingEditions ?? []) {
    for (const group of edition.programme.targetGroups) {
      const g = groups.get(group) ?? { offered: 0, taken: 0 };
      g.offered += edition.capacity;
      g.taken += edition.capacity - edition.seatsLeft;
      groups.set(group, g);
    }
  }
  const rows = [...groups].map(([label, g]) => ({ label, ...g })).sort((a, b) => b.offered - a.offered);
  document.querySelector("#training")!.replaceChildren(pairedBars(rows, `Miejsca szkoleniowe, ${unit.name}`));

  const table = document.createElement("table");
  const outcomes = [...new Set((unit.activationProgrammes ?? []).flatMap((p) => p.participantSummary.byOutcome.map((o) => o.outcome)))];
  table.innerHTML = `<thead><tr><th>Program</th><th>Razem</th>${outcomes.map((o) => `<th>${o}</th>`).join("")}</tr></thead>`;
  const body = document.createElement("tbody");
  for (const programme of unit.activationProgrammes ?? []) {
    const row = document.createElement("tr");
    const cell = (count: { value: number | null; suppressed: boolean } | undefined) => {
      const td = document.createElement("td");
      if (count?.suppressed) {
        td.className = "suppressed";
        td.textContent = ":c";
        td.title = "utajnione: mniej niż 5 osób lub ochrona wtórna";
      } else td.textContent = String(count?.value ?? 0);
      return td;
    };
    const name = document.createElement("td");
    name.textContent = programme.name;
    row.append(name, cell(programme.participantSummary.total), ...outcomes.map((o) => cell(programme.participantSummary.byOutcome.find((b) => b.outcome === o)?.count)));
    body.append(row);
  }
  table.append(body);
  document.querySelector("#activation")!.replaceChildren(table);
}

load({ code, fromYear: 2019 })
  .then((data) => {
    render(data);
    app.dataset.state = "ready";
  })
  .catch((error: Error) => {
    app.dataset.state = "error";
    app.insertAdjacentHTML("afterbegin", `<p class="error"></p>`);
    app.querySelector(".error")!.textContent = error.message;
  });
