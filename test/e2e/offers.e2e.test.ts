import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSubgraph, type SubgraphDefinition } from "@bdp/kit/server";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { definition as jobs, manifest as jobsManifest } from "@bdp/plugin-pup-bedzin-jobs";
import { definition as courses, manifest as coursesManifest } from "@bdp/plugin-ckz-bedzin-courses";
import { freshTarget } from "../src/databases.js";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * One list of offers from every plugin (issue #4): the two example plugins'
 * offers, filtered and paginated, each reaching its partner, its gmina and
 * its own plugin's details. Expected figures are counted by hand from the
 * plugins' seeds (plugins/<slug>/src/seed.ts).
 */
let hub: TestHub;
const plugins: RunningSubgraph[] = [];
const targets = [freshTarget("e2e_offers_jobs"), freshTarget("e2e_offers_courses")];
const ckz = DEMO_PARTNERS.find((p) => p.key === "edu-centrum-ksztalcenia-zawodowego-w-bedzinie")!;

beforeAll(async () => {
  hub = await startTestHub("e2e_offers");
  for (const [i, [definition, manifest]] of ([[jobs, jobsManifest], [courses, coursesManifest]] as [SubgraphDefinition<any>, typeof jobsManifest][]).entries()) {
    plugins.push(await hub.startPlugin(definition, manifest, targets[i]!.target));
  }
});
afterAll(async () => {
  for (const p of plugins) await p.close();
  await targets[0]!.drop([jobsManifest.slug]);
  await targets[1]!.drop([coursesManifest.slug]);
  await hub?.close();
});

const titles = async (filter: Record<string, unknown>) => {
  const { body } = await hub.query(`query($f: OfferFilter) { offers(first: 100, filter: $f) { totalCount nodes { title } } }`, { f: filter });
  expect(body.errors).toBeUndefined();
  expect(body.data.offers.totalCount).toBe(body.data.offers.nodes.length);
  return body.data.offers.nodes.map((n: { title: string }) => n.title).sort();
};

describe("offers from every plugin", () => {
  it("pages through the offers of both plugins by cursor, newest first, without gaps or repeats", async () => {
    const seen: { id: string; validFrom: string; plugin: string }[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { body }: { body: any } = await hub.query(
        `query($after: String) { offers(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id validFrom plugin { slug } } } }`,
        { after },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data.offers.totalCount).toBe(14);
      seen.push(...body.data.offers.nodes.map((n: any) => ({ id: n.id, validFrom: n.validFrom, plugin: n.plugin.slug })));
      after = body.data.offers.pageInfo.hasNextPage ? body.data.offers.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(4);
    expect(new Set(seen.map((s) => s.id)).size).toBe(14);
    expect(seen.map((s) => s.validFrom)).toEqual([...seen.map((s) => s.validFrom)].sort().reverse());
    expect(new Set(seen.map((s) => s.plugin))).toEqual(new Set(["pup-bedzin-jobs", "ckz-bedzin-courses"]));
  });

  it("filters by kind, target group, gmina, partner, date and text", async () => {
    expect(await titles({ kinds: ["JOB"] })).toEqual([
      "Magazynier – operator wózka widłowego", "Opiekun osoby starszej – praca w domu podopiecznego", "Spawacz MAG z uprawnieniami", "Sprzedawca – kasjer w sklepie spożywczym",
    ]);
    expect(await titles({ targetGroups: ["OVER_50"] })).toEqual([
      "Opiekun osoby starszej – praca w domu podopiecznego", "Podstawy obsługi komputera dla osób 50+", "Sprzedawca – kasjer w sklepie spożywczym",
    ]);
    expect(await titles({ municipalityCode: "2465011" })).toEqual(["Kurs języka angielskiego zawodowego w logistyce", "Spawacz MAG z uprawnieniami"]);
    // the county takes in its gminas, Dąbrowa Górnicza is not one of them
    expect((await titles({ municipalityCode: "2401" })).length).toBe(12);
    expect((await titles({ partnerIds: [ckz.id] })).length).toBe(7);
    expect((await titles({ validOn: "2027-03-13" })).length).toBe(9);
    expect(await titles({ text: "spaw" })).toEqual(["Kurs spawania metodą TIG (141)", "Spawacz MAG z uprawnieniami"]);
    expect(await titles({ kinds: ["TRAINING_PLACE"], validOn: "2027-03-13", municipalityCode: "2401" })).toEqual([
      "Kurs kwalifikacyjny: technik logistyk (KKZ)", "Podstawy obsługi komputera dla osób 50+",
    ]);
  });

  it("reaches each offer's partner, gmina and its own plugin's details", async () => {
    const { body } = await hub.query(`{ offers(first: 100) { nodes { kind partner { name } municipality { name } plugin { slug } pupBedzinJobs { employmentType monthlySalaryFrom } ckzBedzinCourses { schedule freeOfCharge } } } }`);
    expect(body.errors).toBeUndefined();
    for (const offer of body.data.offers.nodes) {
      const jobsOffer = offer.plugin.slug === "pup-bedzin-jobs";
      expect(offer.partner.name).toBe(jobsOffer ? "Powiatowy Urząd Pracy w Będzinie" : ckz.name);
      expect(offer.municipality.name).toBeTruthy();
      expect(offer.pupBedzinJobs === null).toBe(!jobsOffer);
      expect(offer.ckzBedzinCourses === null).toBe(jobsOffer);
    }
    const job = body.data.offers.nodes.find((o: any) => o.kind === "JOB" && o.pupBedzinJobs.monthlySalaryFrom);
    expect(job.pupBedzinJobs.employmentType).toBe("umowa o pracę");
  });

  it("refuses a bad filter with a coded error", async () => {
    const { body } = await hub.query(`{ offers(filter: { municipalityCode: "9999" }) { totalCount } }`);
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.municipalityCode" });
  });
});

describe("a partner's and a gmina's offers (issue #11)", () => {
  it("are pages with cursors, the first page of every partner from one statement, the next by cursor", async () => {
    const owner = jobsManifest.ownerPartnerId;
    const all = (await hub.query(`query($p: [ID!]) { offers(first: 100, filter: { partnerIds: $p }) { nodes { id } } }`, { p: [owner] })).body.data.offers.nodes.map((n: { id: string }) => n.id);
    expect(all.length).toBeGreaterThan(3);
    const before = hub.subgraphs.offers!.db.sql.total;
    const { body } = await hub.query(`{ partners(first: 100) { nodes { id offers(first: 3) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } } }`);
    expect(body.errors).toBeUndefined();
    // one statement for every partner's first page, one for every partner's count
    expect(hub.subgraphs.offers!.db.sql.total - before).toBe(2);
    const mine = body.data.partners.nodes.find((p: { id: string }) => p.id === owner).offers;
    expect(mine).toMatchObject({ totalCount: all.length, pageInfo: { hasNextPage: true } });
    expect(mine.nodes.map((n: { id: string }) => n.id)).toEqual(all.slice(0, 3));
    const next = await hub.query(`query($id: ID!, $after: String) { partner(id: $id) { offers(first: 100, after: $after) { nodes { id } pageInfo { hasNextPage } } } }`, { id: owner, after: mine.pageInfo.endCursor });
    expect(next.body.data.partner.offers.nodes.map((n: { id: string }) => n.id)).toEqual(all.slice(3));
    const gmina = await hub.query(`{ territorialUnit(code: "2401011") { offers(first: 2) { nodes { title } pageInfo { hasNextPage } } } }`);
    expect(gmina.body.data.territorialUnit.offers.nodes.length).toBeLessThanOrEqual(2);
  });
});

describe("richer offers (issue #16): pay, form of work and working time in the uniform shape", () => {
  it("an offer states its pay, contract and working time", async () => {
    const { body } = await hub.query(`{ offers(first: 100, filter: { text: "Spawacz" }) { nodes { title salary { min max currency period } contractType workingTime requirements accessibility } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.offers.nodes).toEqual([
      { title: "Spawacz MAG z uprawnieniami", salary: { min: "7500.00", max: null, currency: "PLN", period: "MONTH" }, contractType: "EMPLOYMENT_CONTRACT", workingTime: "FULL_TIME", requirements: null, accessibility: null },
    ]);
  });

  it("filters by the least pay wanted, in its currency and period; offers that state none are left out", async () => {
    // the labour office's jobs state 5,200, 4,806, 7,500 and 5,000 zł a month (plugins/pup-bedzin-jobs/src/seed.ts)
    expect(await titles({ salary: { atLeast: "5000" } })).toEqual(["Magazynier – operator wózka widłowego", "Opiekun osoby starszej – praca w domu podopiecznego", "Spawacz MAG z uprawnieniami"]);
    expect(await titles({ salary: { atLeast: "7000.50" } })).toEqual(["Spawacz MAG z uprawnieniami"]);
    expect(await titles({ salary: { atLeast: "20", period: "HOUR" } })).toEqual([]);
    expect(await titles({ salary: { atLeast: "4000", currency: "EUR" } })).toEqual([]);
    expect(await titles({ contractTypes: ["TRAINEESHIP_AGREEMENT"] })).toEqual(["Staż: asystent w biurze rachunkowym", "Staż: pomoc kuchenna w hotelu"]);
    const bad = await hub.query(`{ offers(filter: { salary: { atLeast: "5000", currency: "zł" } }) { totalCount } }`);
    expect(bad.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const notMoney = await hub.query(`query ($s: SalaryFilter) { offers(filter: { salary: $s }) { totalCount } }`, { s: { atLeast: "5 000 zł" } });
    expect(notMoney.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
