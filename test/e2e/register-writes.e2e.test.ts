import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { startTestHub, type TestHub } from "../src/hub.js";

/** The register: open applications, the coordinator's decisions, partners' own profiles (issue #3). */
let hub: TestHub;
const owner = DEMO_PARTNERS.find((p) => p.key === "ngo-fundacja-mlodzi-w-pracy")!;
const other = DEMO_PARTNERS.find((p) => p.key === "pup-dabrowa")!;
let tokens: Record<"owner" | "other" | "analyst" | "coordinator", string>;
const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => body.errors?.map((e) => e.extensions?.code);

beforeAll(async () => {
  hub = await startTestHub("e2e_register");
  tokens = {
    owner: hub.token({ sub: "marta", role: "partner", partnerId: owner.id }),
    other: hub.token({ sub: "piotr", role: "partner", partnerId: other.id }),
    analyst: hub.token({ sub: "ewa", role: "analyst" }),
    coordinator: hub.token({ sub: "koordynator", role: "coordinator" }),
  };
});
afterAll(async () => {
  await hub?.close();
});

const APPLY = `mutation($input: AccessionApplicationInput!) { applyToJoin(input: $input) { id version status organisationName nip } }`;
const APPLICATION = {
  organisationName: "Spółdzielnia Socjalna Nowe Ogrody",
  sector: "NGO",
  nip: "PL 856-734-62-15",
  regon: "192598184",
  krs: "123456",
  municipalityCode: "2401062",
  contactEmail: "Biuro@Nowe-Ogrody.example.pl",
  missionAreas: ["NEW_EMPLOYMENT_FORMS", "SOCIAL_PATHOLOGIES"],
  statement: "Prowadzimy ogrody społeczne i chcemy zatrudniać w nich osoby długotrwale bezrobotne.",
};

describe("applications to join", () => {
  let applicationId: string;

  it("anyone may apply, without a token; identifiers are normalised", async () => {
    const { body } = await hub.query(APPLY, { input: APPLICATION });
    expect(body.errors).toBeUndefined();
    expect(body.data.applyToJoin).toMatchObject({ status: "SUBMITTED", version: 1, nip: "8567346215" });
    applicationId = body.data.applyToJoin.id;
  });

  it.each([
    ["nip", { nip: "8567346216" }],
    ["regon", { regon: "192598185" }],
    ["krs", { krs: "12345678901" }],
    ["municipalityCode", { municipalityCode: "2401" }],
    ["contactEmail", { contactEmail: "not-an-email" }],
    ["statement", { statement: "za krótko" }],
  ])("a bad %s is refused with BAD_USER_INPUT naming it, and nothing is written", async (field, change) => {
    const count = async () => (await hub.query(`{ accessionApplications(statuses: [SUBMITTED]) { totalCount } }`)).body.data.accessionApplications.totalCount;
    const before = await count();
    const { body } = await hub.query(APPLY, { input: { ...APPLICATION, ...change } });
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field });
    expect(await count()).toBe(before);
  });

  it("only the coordinator decides: a partner gets FORBIDDEN, anonymous UNAUTHENTICATED", async () => {
    const decide = `mutation($id: ID!) { decideApplication(id: $id, version: 1, approve: true, reason: "Spełnia warunki deklaracji.") { status } }`;
    expect(codes((await hub.query(decide, { id: applicationId }, { token: tokens.owner })).body)).toEqual(["FORBIDDEN"]);
    expect(codes((await hub.query(decide, { id: applicationId })).body)).toEqual(["UNAUTHENTICATED"]);
  });

  it("approval creates the partner and keeps the reason; deciding twice is a CONFLICT", async () => {
    const decide = `mutation($id: ID!) { decideApplication(id: $id, version: 1, approve: true, reason: "Spełnia warunki deklaracji.") { status decisionReason partnerId version } }`;
    const { body } = await hub.query(decide, { id: applicationId }, { token: tokens.coordinator });
    expect(body.errors).toBeUndefined();
    expect(body.data.decideApplication).toMatchObject({ status: "APPROVED", decisionReason: "Spełnia warunki deklaracji.", version: 2 });
    const partner = await hub.query(`query($id: ID!) { partner(id: $id) { name sector nip status municipality { name } } }`, { id: body.data.decideApplication.partnerId });
    expect(partner.body.data.partner).toEqual({ name: APPLICATION.organisationName, sector: "NGO", nip: "8567346215", status: "ACTIVE", municipality: { name: "Psary" } });
    expect(codes((await hub.query(decide.replace("version: 1", "version: 2"), { id: applicationId }, { token: tokens.coordinator })).body)).toEqual(["CONFLICT"]);
    const trail = await hub.query(`query($id: ID) { registerAuditTrail(entityId: $id) { nodes { action reason userId } } }`, { id: applicationId }, { token: tokens.coordinator });
    expect(trail.body.data.registerAuditTrail.nodes).toContainEqual({ action: "DECIDE", reason: "Spełnia warunki deklaracji.", userId: "koordynator" });
  });
});

describe("an entity seated outside the territory (issue #15)", () => {
  const outside = { ...APPLICATION, organisationName: "Regionalne Forum Organizacji Pozarządowych", nip: "9920000078", regon: null, krs: null, municipalityCode: "2469011" };
  const fieldOf = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => body.errors?.[0]?.extensions;

  it("applies with the area where it acts; without one, or with one outside the territory, it is told what to give", async () => {
    expect(fieldOf((await hub.query(APPLY, { input: outside })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "activityArea" });
    expect(fieldOf((await hub.query(APPLY, { input: { ...outside, activityArea: ["2469011"] } })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "activityArea" });
    // a seat that is no gmina anywhere: no such voivodeship, part of a gmina
    expect(fieldOf((await hub.query(APPLY, { input: { ...outside, municipalityCode: "9901011", activityArea: ["2401"] } })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "municipalityCode" });
    expect(fieldOf((await hub.query(APPLY, { input: { ...outside, municipalityCode: "2401074", activityArea: ["2401"] } })).body)).toMatchObject({ code: "BAD_USER_INPUT", field: "municipalityCode" });

    const applied = await hub.query(`mutation($input: AccessionApplicationInput!) { applyToJoin(input: $input) { id activityArea } }`, { input: { ...outside, activityArea: ["2401", "2465", "2401"] } });
    expect(applied.body.errors).toBeUndefined();
    expect(applied.body.data.applyToJoin.activityArea).toEqual(["2401", "2465"]);
    const decided = await hub.query(
      `mutation($id: ID!) { decideApplication(id: $id, version: 1, approve: true, reason: "Działa na rzecz mieszkańców powiatu i miasta.") { partnerId } }`,
      { id: applied.body.data.applyToJoin.id },
      { token: tokens.coordinator },
    );
    const partner = await hub.query(`query($id: ID!) { partner(id: $id) { municipalityCode municipality { name } seatOutsideTerritory activityArea activityUnits { name } } }`, { id: decided.body.data.decideApplication.partnerId });
    expect(partner.body.data.partner).toEqual({ municipalityCode: "2469011", municipality: null, seatOutsideTerritory: true, activityArea: ["2401", "2465"], activityUnits: [{ name: "powiat będziński" }, { name: "Dąbrowa Górnicza" }] });
  });

  it("a partner in the territory acts at its seat unless it says more", async () => {
    const { body } = await hub.query(`query($id: ID!) { partner(id: $id) { municipalityCode activityArea seatOutsideTerritory municipality { code } } }`, { id: owner.id });
    expect(body.data.partner).toEqual({ municipalityCode: owner.municipalityCode, activityArea: [owner.municipalityCode], seatOutsideTerritory: false, municipality: { code: owner.municipalityCode } });
  });
});

describe("a private person's application (issue #11)", () => {
  it("is for the applicant and the coordinator: nobody else reads the name, gmina or statement", async () => {
    const person = { organisationName: "Anna Kowalska", sector: "INDIVIDUAL", municipalityCode: "2401052", contactEmail: "anna.k@example.pl", missionAreas: ["DISABILITY_ACTIVATION"], statement: "Jestem osobą z niepełnosprawnością i chcę pomagać innym w powrocie do pracy." };
    const applied = await hub.query(APPLY, { input: person });
    expect(applied.body.errors).toBeUndefined();
    const id = applied.body.data.applyToJoin.id;
    // the applicant gets it back once, when applying
    expect(applied.body.data.applyToJoin.organisationName).toBe("Anna Kowalska");
    const one = `query($id: ID!) { accessionApplication(id: $id) { organisationName statement } }`;
    const list = `{ accessionApplications(first: 100) { nodes { id organisationName sector } } }`;
    for (const token of [undefined, tokens.owner, tokens.analyst]) {
      expect((await hub.query(one, { id }, { token })).body.data.accessionApplication).toBeNull();
      const listed = (await hub.query(list, {}, { token })).body.data.accessionApplications.nodes;
      expect(listed.some((a: { id: string }) => a.id === id)).toBe(false);
      expect(listed.some((a: { sector: string }) => a.sector === "INDIVIDUAL")).toBe(false);
    }
    expect((await hub.query(one, { id }, { token: tokens.coordinator })).body.data.accessionApplication.organisationName).toBe("Anna Kowalska");
    expect((await hub.query(list, {}, { token: tokens.coordinator })).body.data.accessionApplications.nodes.some((a: { id: string }) => a.id === id)).toBe(true);
  });
});

describe("a partner's own profile", () => {
  const UPDATE = `mutation($id: ID!, $version: Int!, $changes: PartnerProfileChanges!) { updatePartnerProfile(id: $id, version: $version, changes: $changes) { version website competences } }`;
  const read = async () => (await hub.query(`query($id: ID!) { partner(id: $id) { version website competences } }`, { id: owner.id })).body.data.partner;

  it("the owner changes it; another partner gets FORBIDDEN, anonymous UNAUTHENTICATED", async () => {
    const { version } = await read();
    expect(codes((await hub.query(UPDATE, { id: owner.id, version, changes: { website: "https://x.example.pl" } }, { token: tokens.other })).body)).toEqual(["FORBIDDEN"]);
    expect(codes((await hub.query(UPDATE, { id: owner.id, version, changes: { website: "https://x.example.pl" } })).body)).toEqual(["UNAUTHENTICATED"]);
    const { body } = await hub.query(UPDATE, { id: owner.id, version, changes: { website: "https://mlodzi.example.pl", competences: ["mentoring", "warsztaty CV"] } }, { token: tokens.owner });
    expect(body.data.updatePartnerProfile).toEqual({ version: version + 1, website: "https://mlodzi.example.pl", competences: ["mentoring", "warsztaty CV"] });
  });

  it("invalid input is refused and nothing is written", async () => {
    const before = await read();
    // a NIP with a bad checksum, and an organisation's NIP removed, among them
    for (const changes of [{ nip: "1234567890" }, { nip: null }, { nip: "" }, { website: "ftp://x" }, { municipalityCode: "9999999" }, { email: "x@" }]) {
      const { body } = await hub.query(UPDATE, { id: owner.id, version: before.version, changes }, { token: tokens.owner });
      expect(codes(body)).toEqual(["BAD_USER_INPUT"]);
    }
    expect(await read()).toEqual(before);
  });

  it("the registers it is entered in (issue #16): RIS and KRAZ entries checked, public benefit status an NGO's only; partners filtered by them; demo identifiers are marked made up until the partner gives its own", async () => {
    const REGISTRIES = `query($id: ID!) { partner(id: $id) { version risNumber krazNumber publicBenefit fictionalIdentifiers } }`;
    const before = (await hub.query(REGISTRIES, { id: owner.id })).body.data.partner;
    expect(before.fictionalIdentifiers).toBe(true);
    for (const changes of [{ risNumber: "24/00123/2019" }, { risNumber: "2.25/00123/2019" }, { risNumber: "2.24/00123/2003" }, { krazNumber: "KRAZ-12" }]) {
      const { body } = await hub.query(UPDATE, { id: owner.id, version: before.version, changes }, { token: tokens.owner });
      expect(body.errors?.[0]?.extensions, JSON.stringify(changes)).toMatchObject({ code: "BAD_USER_INPUT", field: Object.keys(changes)[0] });
    }
    const otherVersion = (await hub.query(REGISTRIES, { id: other.id })).body.data.partner.version;
    const office = await hub.query(UPDATE, { id: other.id, version: otherVersion, changes: { publicBenefit: true } }, { token: tokens.other });
    expect(office.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "publicBenefit" });
    const { body } = await hub.query(`mutation($id: ID!, $version: Int!, $changes: PartnerProfileChanges!) { updatePartnerProfile(id: $id, version: $version, changes: $changes) { risNumber krazNumber publicBenefit fictionalIdentifiers } }`,
      { id: owner.id, version: before.version, changes: { risNumber: " 2.24/00123/2019 ", krazNumber: "20417", publicBenefit: true } }, { token: tokens.owner });
    expect(body.data.updatePartnerProfile).toEqual({ risNumber: "2.24/00123/2019", krazNumber: "20417", publicBenefit: true, fictionalIdentifiers: false });
    const listed = async (registeredIn: string[]) => (await hub.query(`query($r: [PartnerRegistry!]) { partners(first: 100, filter: { registeredIn: $r }) { nodes { id risNumber krazNumber publicBenefit } } }`, { r: registeredIn })).body.data.partners.nodes as { id: string; risNumber: string | null; krazNumber: string | null; publicBenefit: boolean }[];
    const all = await listed(["RIS", "KRAZ", "PUBLIC_BENEFIT"]);
    expect(all.map((p) => p.id)).toEqual([owner.id]);
    const ris = await listed(["RIS"]);
    expect(ris.length).toBeGreaterThan(1);
    expect(ris.every((p) => p.risNumber !== null)).toBe(true);
    expect((await listed(["PUBLIC_BENEFIT"])).every((p) => p.publicBenefit)).toBe(true);
  });

  it("competences in the shared vocabulary (issue #16): the deprecated text list maps the vocabulary's terms to areas and keeps the rest; areas are filtered", async () => {
    const COMPETENCES = `version competences competenceAreas otherCompetences`;
    const { version } = (await hub.query(`query($id: ID!) { partner(id: $id) { version } }`, { id: owner.id })).body.data.partner;
    const set = (v: number, changes: Record<string, unknown>) => hub.query(`mutation($id: ID!, $version: Int!, $changes: PartnerProfileChanges!) { updatePartnerProfile(id: $id, version: $version, changes: $changes) { ${COMPETENCES} } }`, { id: owner.id, version: v, changes }, { token: tokens.owner });
    const old = (await set(version, { competences: [" Doradztwo zawodowe", "warsztaty CV"] })).body.data.updatePartnerProfile;
    expect(old).toEqual({ version: version + 1, competences: ["doradztwo zawodowe", "warsztaty CV"], competenceAreas: ["VOCATIONAL_COUNSELLING"], otherCompetences: ["warsztaty CV"] });
    const now = (await set(old.version, { competenceAreas: ["SOCIAL_ECONOMY", "YOUTH_MENTORING"] })).body.data.updatePartnerProfile;
    expect(now).toMatchObject({ competences: ["wsparcie ekonomii społecznej", "mentoring młodzieży", "warsztaty CV"], otherCompetences: ["warsztaty CV"] });
    expect((await set(now.version, { competenceAreas: ["PIANO_LESSONS"] })).body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const found = (await hub.query(`{ partners(first: 100, filter: { competenceAreas: [SOCIAL_ECONOMY] }) { nodes { id competenceAreas } } }`)).body.data.partners.nodes as { id: string; competenceAreas: string[] }[];
    expect(found.map((p) => p.id)).toContain(owner.id);
    expect(found.every((p) => p.competenceAreas.includes("SOCIAL_ECONOMY"))).toBe(true);
  });

  it("two concurrent updates from the same version: one succeeds, one gets CONFLICT", async () => {
    const { version } = await read();
    const results = await Promise.all(["https://a.example.pl", "https://b.example.pl"].map((website) => hub.query(UPDATE, { id: owner.id, version, changes: { website } }, { token: tokens.owner })));
    expect(results.map((r) => (r.body.errors ? r.body.errors[0]!.extensions!.code : "OK")).sort()).toEqual(["CONFLICT", "OK"]);
    expect((await read()).version).toBe(version + 1);
  });

  it("representatives: the owner adds and removes them; others cannot", async () => {
    const add = `mutation($p: ID!) { addRepresentative(partnerId: $p, input: { fullName: "Olga Nowak", position: "Koordynatorka projektów", email: "olga@mlodzi.example.pl" }) { id fullName } }`;
    expect(codes((await hub.query(add, { p: owner.id }, { token: tokens.other })).body)).toEqual(["FORBIDDEN"]);
    const { body } = await hub.query(add, { p: owner.id }, { token: tokens.owner });
    const id = body.data.addRepresentative.id;
    expect(codes((await hub.query(`mutation($id: ID!) { removeRepresentative(id: $id) }`, { id }, { token: tokens.other })).body)).toEqual(["FORBIDDEN"]);
    expect((await hub.query(`mutation($id: ID!) { removeRepresentative(id: $id) }`, { id }, { token: tokens.owner })).body.data.removeRepresentative).toBe(id);
  });

  it("the owner reads the trail of its own records; the coordinator reads everything", async () => {
    const query = `{ registerAuditTrail(first: 100) { totalCount nodes { entityType action ownerPartnerId } } }`;
    const mine = await hub.query(query, {}, { token: tokens.owner });
    expect(mine.body.data.registerAuditTrail.nodes.every((n: { ownerPartnerId: string }) => n.ownerPartnerId === owner.id)).toBe(true);
    expect(mine.body.data.registerAuditTrail.nodes.some((n: { entityType: string; action: string }) => n.entityType === "Partner" && n.action === "UPDATE")).toBe(true);
    const all = await hub.query(query, {}, { token: tokens.coordinator });
    expect(all.body.data.registerAuditTrail.totalCount).toBeGreaterThan(mine.body.data.registerAuditTrail.totalCount);
    expect(codes((await hub.query(query, {}, { token: tokens.analyst })).body)).toEqual(["FORBIDDEN"]);
  });
});
