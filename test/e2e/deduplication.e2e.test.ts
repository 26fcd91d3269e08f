import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * Identical reads in flight at once share one subgraph request (issue #6),
 * but never across callers, and never for writes.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub("e2e_dedup");
});
afterAll(async () => {
  await hub?.close();
});

async function subgraphRequests(name: string): Promise<number> {
  const text = await (await fetch(`${hub.subgraphs[name]!.url}/metrics`)).text();
  return Number(/bdp_subgraph_graphql_requests_total\{[^}]*\} (\d+)/.exec(text)![1]);
}

async function skippedRepresentations(): Promise<number> {
  const text = await (await fetch(`${hub.gateway.url}/metrics`)).text();
  return [...text.matchAll(/^bdp_gateway_entity_representations_skipped_total\{[^}]*\} (\d+)/gm)].reduce((sum, m) => sum + Number(m[1]), 0);
}

describe("each entity representation sent once (issue #14)", () => {
  it("fifty programmes of a handful of providers ask the register for each provider once, and every programme gets its provider", async () => {
    const before = await skippedRepresentations();
    const { body } = await hub.query(`{ trainingProgrammes(first: 50) { nodes { title provider { id name sector } } } }`);
    expect(body.errors).toBeUndefined();
    const providers = body.data.trainingProgrammes.nodes.map((n: { provider: { id: string } }) => n.provider);
    const unique = new Map(providers.map((p: { id: string }) => [p.id, p]));
    expect(unique.size).toBeLessThan(providers.length);
    expect((await skippedRepresentations()) - before, "representations not sent").toBe(providers.length - unique.size);
    // every item has its provider, equal to what the register says of it, and each its own object
    const register = await hub.query(`query($ids: [ID!]!) { partners(first: 100, filter: { ids: $ids }) { nodes { id name sector } } }`, { ids: [...unique.keys()] });
    const byId = new Map(register.body.data.partners.nodes.map((p: { id: string }) => [p.id, p]));
    for (const p of providers) expect(p).toEqual(byId.get(p.id));
  });
});

describe("the parallel reads of a plan step sent as one request (issue #14)", () => {
  // a programme's provider and its editions' gminas: two reads of the register in one step
  const QUERY = `{ trainingProgrammes(first: 20) { nodes { title provider { id shortName } editions { municipality { code name } } } } }`;
  const merged = async () => {
    const text = await (await fetch(`${hub.gateway.url}/metrics`)).text();
    return Number(/^bdp_gateway_subgraph_fetches_merged_total\{subgraph="partners"\} (\d+)/m.exec(text)?.[1] ?? 0);
  };

  it("asks the register once where it asked twice, with the same answer as one request each", async () => {
    const alone = await hub.replica({ mergeFetches: false });
    try {
      const before = await subgraphRequests("partners");
      const separately = await hub.query(QUERY, {}, { url: alone.graphqlUrl });
      const sentAlone = (await subgraphRequests("partners")) - before;
      const mergedBefore = await merged();
      const together = await hub.query(QUERY);
      const sentTogether = (await subgraphRequests("partners")) - before - sentAlone;
      console.log("register requests for one query, each read alone / merged:", sentAlone, sentTogether);
      expect(together.body.errors).toBeUndefined();
      expect(together.body).toEqual(separately.body);
      expect(sentTogether).toBe(sentAlone - 1);
      expect((await merged()) - mergedBefore).toBe(1);
    } finally {
      await alone.close();
    }
  });

  it("shows a write on the next read, and merges only the reads of one caller's request", async () => {
    const provider = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;
    const token = hub.token({ sub: "anna", role: "partner", partnerId: provider.id });
    const { body } = await hub.query(`query($id: ID!) { partner(id: $id) { version } }`, { id: provider.id });
    const updated = await hub.query(
      `mutation($id: ID!, $version: Int!, $changes: PartnerProfileChanges!) { updatePartnerProfile(id: $id, version: $version, changes: $changes) { shortName } }`,
      { id: provider.id, version: body.data.partner.version, changes: { shortName: "PUP w Będzinie (scalone)" } },
      { token },
    );
    expect(updated.body.errors).toBeUndefined();
    const mine = `query($p: [ID!]) { trainingProgrammes(first: 5, filter: { providerIds: $p }) { nodes { provider { shortName } editions { municipality { name } } } } }`;
    // a caller with a token and one without at the same moment: each request's reads go on their own
    const [anonymous, signedIn] = await Promise.all([hub.query(mine, { p: [provider.id] }), hub.query(mine, { p: [provider.id] }, { token })]);
    for (const answer of [anonymous, signedIn]) {
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.trainingProgrammes.nodes.every((n: { provider: { shortName: string } }) => n.provider.shortName === "PUP w Będzinie (scalone)")).toBe(true);
    }
  });
});

describe("in-flight deduplication", () => {
  it("20 identical reads at once reach the subgraph fewer times, and each gets the whole answer", async () => {
    const query = `{ partners(first: 30) { totalCount nodes { id name sector } } }`;
    const alone = await hub.query(query);
    const before = await subgraphRequests("partners");
    const answers = await Promise.all(Array.from({ length: 20 }, () => hub.query(query)));
    const sent = (await subgraphRequests("partners")) - before;
    console.log("20 identical reads, partners subgraph requests:", sent);
    expect(sent).toBeLessThan(20);
    for (const answer of answers) expect(answer.body).toEqual(alone.body);
  });

  it("is never shared between callers: the holder sees its enrolments, anonymous callers get FORBIDDEN, at the same moment", async () => {
    const holder = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;
    const list = await hub.query(`query($p: [ID!]) { trainingProgrammes(first: 5, filter: { providerIds: $p }) { nodes { editions { id seatsTaken } } } }`, { p: [holder.id] });
    const edition = list.body.data.trainingProgrammes.nodes.flatMap((n: { editions: { id: string; seatsTaken: number }[] }) => n.editions).find((e: { seatsTaken: number }) => e.seatsTaken > 0);
    const token = hub.token({ sub: "anna", role: "partner", partnerId: holder.id });
    const query = `query($id: ID!) { trainingEdition(id: $id) { enrolments { participantRef } } }`;
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => hub.query(query, { id: edition.id }, i % 2 ? { token } : {})));
    answers.forEach((answer, i) => {
      if (i % 2) expect(answer.body.data.trainingEdition.enrolments.length).toBeGreaterThanOrEqual(edition.seatsTaken);
      else expect(answer.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });
  });

  it("never merges writes: five identical applications at once make five applications", async () => {
    const apply = `mutation($input: AccessionApplicationInput!) { applyToJoin(input: $input) { id } }`;
    const input = {
      organisationName: "Fundacja Pięciu Wniosków",
      sector: "NGO",
      nip: "8567346215",
      municipalityCode: "2401011",
      contactEmail: "biuro@piec-wnioskow.example.pl",
      missionAreas: ["COOPERATION"],
      statement: "Składamy wniosek o przystąpienie do porozumienia, aby wspierać aktywizację zawodową.",
    };
    const answers = await Promise.all(Array.from({ length: 5 }, () => hub.query(apply, { input })));
    const ids = answers.map((a) => a.body.data?.applyToJoin?.id);
    expect(new Set(ids).size).toBe(5);
  });
});
