import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signRequest } from "@bdp/kit/server";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { signDevToken } from "@bdp/gateway";
import { startTestHub, type TestHub } from "../src/hub.js";

/** Partners publish their own training data, and only their own (issue #3). */
let hub: TestHub;
const owner = DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!;
const other = DEMO_PARTNERS.find((p) => p.key === "pup-dabrowa")!;
let tokens: Record<"owner" | "other" | "analyst" | "coordinator", string>;

beforeAll(async () => {
  hub = await startTestHub("e2e_writes");
  tokens = {
    owner: hub.token({ sub: "anna", role: "partner", partnerId: owner.id }),
    other: hub.token({ sub: "piotr", role: "partner", partnerId: other.id }),
    analyst: hub.token({ sub: "ewa", role: "analyst" }),
    coordinator: hub.token({ sub: "koordynator", role: "coordinator" }),
  };
});
afterAll(async () => {
  await hub?.close();
});

const CREATE = `mutation($input: TrainingProgrammeInput!) { createTrainingProgramme(input: $input) { id version title status provider { id name } } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $changes: TrainingProgrammeChanges!) { updateTrainingProgramme(id: $id, version: $version, changes: $changes) { id version title hours } }`;
const PROGRAMME = { title: "Operator wózków widłowych z egzaminem UDT", targetGroups: ["UNDER_30", "LONG_TERM_UNEMPLOYED"], form: "TRAINING", fundingSource: "LABOUR_FUND", hours: 67, costPerParticipant: "1450.00", occupationCode: "834403" };
const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => body.errors?.map((e) => e.extensions?.code);

async function ownerProgrammeCount(): Promise<number> {
  const { body } = await hub.query(`query($p: [ID!]) { trainingProgrammes(filter: { providerIds: $p }) { totalCount } }`, { p: [owner.id] });
  return body.data.trainingProgrammes.totalCount;
}

async function createProgramme(): Promise<{ id: string; version: number }> {
  const { body } = await hub.query(CREATE, { input: PROGRAMME }, { token: tokens.owner });
  expect(body.errors).toBeUndefined();
  return body.data.createTrainingProgramme;
}

describe("training programmes", () => {
  it("the owner publishes one, as its provider, and everyone sees it through the gateway", async () => {
    const before = await ownerProgrammeCount();
    const { body } = await hub.query(CREATE, { input: PROGRAMME }, { token: tokens.owner });
    expect(body.errors).toBeUndefined();
    expect(body.data.createTrainingProgramme).toMatchObject({ version: 1, status: "DRAFT", provider: { id: owner.id, name: owner.name } });
    expect(await ownerProgrammeCount()).toBe(before + 1);
  });

  it("anonymous callers get UNAUTHENTICATED, an analyst or the coordinator FORBIDDEN", async () => {
    expect(codes((await hub.query(CREATE, { input: PROGRAMME })).body)).toEqual(["UNAUTHENTICATED"]);
    expect(codes((await hub.query(CREATE, { input: PROGRAMME }, { token: tokens.analyst })).body)).toEqual(["FORBIDDEN"]);
    expect(codes((await hub.query(CREATE, { input: PROGRAMME }, { token: tokens.coordinator })).body)).toEqual(["FORBIDDEN"]);
  });

  it.each([
    ["hours", { hours: 0 }],
    ["costPerParticipant", { costPerParticipant: "2000000.00" }],
    ["occupationCode", { occupationCode: "12" }],
    ["title", { title: "x" }],
    ["targetGroups", { targetGroups: [] }],
    // issue #16: a category of the repealed 2004 act, and its training voucher, are not in force today
    ["targetGroups", { targetGroups: ["UNDER_30", "PARENTS_OF_CHILD_UNDER_6"] }],
    ["form", { form: "TRAINING_VOUCHER" }],
  ])("invalid %s is refused with BAD_USER_INPUT naming it, and nothing is written", async (field, change) => {
    const before = await ownerProgrammeCount();
    const { body } = await hub.query(CREATE, { input: { ...PROGRAMME, ...change } }, { token: tokens.owner });
    expect(codes(body)).toEqual(["BAD_USER_INPUT"]);
    expect(body.errors![0]!.extensions!.field).toBe(field);
    expect(await ownerProgrammeCount()).toBe(before);
  });

  it("only the owner changes it: another partner gets FORBIDDEN and the record stays as it was", async () => {
    const created = await createProgramme();
    const { body } = await hub.query(UPDATE, { id: created.id, version: 1, changes: { hours: 80 } }, { token: tokens.other });
    expect(codes(body)).toEqual(["FORBIDDEN"]);
    const mine = await hub.query(UPDATE, { id: created.id, version: 1, changes: { hours: 80 } }, { token: tokens.owner });
    expect(mine.body.data.updateTrainingProgramme).toMatchObject({ version: 2, hours: 80 });
  });

  it("an update from a stale version gets CONFLICT", async () => {
    const created = await createProgramme();
    await hub.query(UPDATE, { id: created.id, version: 1, changes: { hours: 70 } }, { token: tokens.owner });
    const { body } = await hub.query(UPDATE, { id: created.id, version: 1, changes: { hours: 90 } }, { token: tokens.owner });
    expect(codes(body)).toEqual(["CONFLICT"]);
  });

  it("two concurrent updates of the same version: one succeeds, one gets CONFLICT", async () => {
    const created = await createProgramme();
    const results = await Promise.all(
      ["Wersja A", "Wersja B"].map((title) => hub.query(UPDATE, { id: created.id, version: 1, changes: { title } }, { token: tokens.owner })),
    );
    const outcomes = results.map((r) => (r.body.errors ? r.body.errors[0]!.extensions!.code : "OK")).sort();
    expect(outcomes).toEqual(["CONFLICT", "OK"]);
    const { body } = await hub.query(`query($id: ID!) { trainingProgramme(id: $id) { version title } }`, { id: created.id });
    expect(body.data.trainingProgramme.version).toBe(2);
  });
});

describe("editions and enrolments", () => {
  const CREATE_EDITION = `mutation($p: ID!, $input: TrainingEditionInput!) { createTrainingEdition(programmeId: $p, input: $input) { id version capacity seatsLeft } }`;
  const ENROL = `mutation($e: ID!, $input: EnrolmentInput!) { enrolParticipant(editionId: $e, input: $input) { id participantRef } }`;
  const EDITION = { startsOn: "2027-03-01", endsOn: "2027-03-20", municipalityCode: "2401011", capacity: 3, status: "RECRUITING" };
  const participant = (n: number) => ({ participantRef: `PUP-B/2027/${String(n).padStart(4, "0")}`, sex: "FEMALE", ageBand: "AGE_25_29", targetGroups: ["UNDER_30"], enrolledOn: "2027-02-10" });
  let editionId: string;

  it("another partner cannot add an edition to the owner's programme; bad dates and TERYT are refused", async () => {
    const programme = await createProgramme();
    expect(codes((await hub.query(CREATE_EDITION, { p: programme.id, input: EDITION }, { token: tokens.other })).body)).toEqual(["FORBIDDEN"]);
    const backwards = await hub.query(CREATE_EDITION, { p: programme.id, input: { ...EDITION, endsOn: "2027-02-01" } }, { token: tokens.owner });
    expect(backwards.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "endsOn" });
    const teryt = await hub.query(CREATE_EDITION, { p: programme.id, input: { ...EDITION, municipalityCode: "2401" } }, { token: tokens.owner });
    expect(teryt.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "municipalityCode" });
    const { body } = await hub.query(`query($id: ID!) { trainingProgramme(id: $id) { editions { id } } }`, { id: programme.id });
    expect(body.data.trainingProgramme.editions).toEqual([]);
    const created = await hub.query(CREATE_EDITION, { p: programme.id, input: EDITION }, { token: tokens.owner });
    expect(created.body.data.createTrainingEdition).toMatchObject({ version: 1, capacity: 3, seatsLeft: 3 });
    editionId = created.body.data.createTrainingEdition.id;
  });

  it("an enrolment takes the age bands of the current split and the target groups in force on its date (issue #16)", async () => {
    const legacyBand = await hub.query(ENROL, { e: editionId, input: { ...participant(90), ageBand: "AGE_45_54" } }, { token: tokens.owner });
    expect(legacyBand.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "ageBand" });
    const repealed = await hub.query(ENROL, { e: editionId, input: { ...participant(91), targetGroups: ["SOCIAL_ASSISTANCE_RECIPIENTS"] } }, { token: tokens.owner });
    expect(repealed.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "targetGroups", value: "SOCIAL_ASSISTANCE_RECIPIENTS", inForceUntil: "2025-05-31" });
    const { body } = await hub.query(`query($id: ID!) { trainingEdition(id: $id) { seatsTaken } }`, { id: editionId });
    expect(body.data.trainingEdition.seatsTaken).toBe(0);
  });

  it("six concurrent enrolments into three seats: exactly three succeed, the rest get CONFLICT", async () => {
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => hub.query(ENROL, { e: editionId, input: participant(n) }, { token: tokens.owner })));
    const outcomes = results.map((r) => (r.body.errors ? r.body.errors[0]!.extensions!.code : "OK"));
    expect(outcomes.filter((o) => o === "OK")).toHaveLength(3);
    expect(outcomes.filter((o) => o === "CONFLICT")).toHaveLength(3);
    const { body } = await hub.query(`query($id: ID!) { trainingEdition(id: $id) { seatsTaken seatsLeft } }`, { id: editionId });
    expect(body.data.trainingEdition).toEqual({ seatsTaken: 3, seatsLeft: 0 });
  });

  it("capacity cannot go below the seats taken", async () => {
    const { body } = await hub.query(
      `mutation($id: ID!) { updateTrainingEdition(id: $id, version: 1, changes: { capacity: 2 }) { capacity } }`,
      { id: editionId },
      { token: tokens.owner },
    );
    expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "capacity", seatsTaken: 3 });
  });

  it("enrolments are read by the provider only: others get FORBIDDEN and no record", async () => {
    const query = `query($id: ID!) { trainingEdition(id: $id) { seatsTaken enrolments { participantRef ageBand } } }`;
    const mine = await hub.query(query, { id: editionId }, { token: tokens.owner });
    expect(mine.body.errors).toBeUndefined();
    expect(mine.body.data.trainingEdition.enrolments).toHaveLength(3);
    for (const token of [undefined, tokens.other, tokens.analyst, tokens.coordinator]) {
      const { body } = await hub.query(query, { id: editionId }, { token });
      expect(codes(body)).toEqual(["FORBIDDEN"]);
      expect(body.data.trainingEdition).toEqual({ seatsTaken: 3, enrolments: null });
    }
  });

  it("deleting an enrolment (a data subject's request) frees the seat and leaves counts consistent", async () => {
    const mine = await hub.query(`query($id: ID!) { trainingEdition(id: $id) { enrolments { id } } }`, { id: editionId }, { token: tokens.owner });
    const victim = mine.body.data.trainingEdition.enrolments[0].id;
    expect(codes((await hub.query(`mutation($id: ID!) { deleteEnrolment(id: $id) }`, { id: victim }, { token: tokens.other })).body)).toEqual(["FORBIDDEN"]);
    const deleted = await hub.query(`mutation($id: ID!) { deleteEnrolment(id: $id) }`, { id: victim }, { token: tokens.owner });
    expect(deleted.body.data.deleteEnrolment).toBe(victim);
    const { body } = await hub.query(`query($id: ID!) { trainingEdition(id: $id) { seatsTaken seatsLeft } }`, { id: editionId });
    expect(body.data.trainingEdition).toEqual({ seatsTaken: 2, seatsLeft: 1 });
  });

  it("the audit trail shows the owner its writes, without personal values, and nothing of theirs to others", async () => {
    const trail = `query($id: ID) { trainingAuditTrail(entityId: $id, first: 50) { totalCount nodes { action entityType userId role actingPartnerId changedFields { field before after } } } }`;
    const { body } = await hub.query(trail, {}, { token: tokens.owner });
    expect(body.errors).toBeUndefined();
    const entries = body.data.trainingAuditTrail.nodes as any[];
    expect(entries.some((e) => e.entityType === "TrainingProgramme" && e.action === "UPDATE" && e.userId === "anna")).toBe(true);
    const personal = entries.filter((e) => e.entityType === "Enrolment");
    expect(personal.map((e) => e.action)).toContain("DELETE");
    for (const e of personal) for (const c of e.changedFields) expect([c.before, c.after]).toEqual([null, null]);
    const others = await hub.query(trail, {}, { token: tokens.other });
    expect(others.body.data.trainingAuditTrail.totalCount).toBe(0);
    expect(codes((await hub.query(trail, {})).body)).toEqual(["UNAUTHENTICATED"]);
    expect(codes((await hub.query(trail, {}, { token: tokens.analyst })).body)).toEqual(["FORBIDDEN"]);
    // the coordinator reads the trail but the entries about people: those are the holder's, like the records (issue #11)
    const all = await hub.query(trail, {}, { token: tokens.coordinator });
    expect(all.body.data.trainingAuditTrail.totalCount).toBe(body.data.trainingAuditTrail.totalCount - personal.length);
    expect(all.body.data.trainingAuditTrail.nodes.some((e: { entityType: string }) => e.entityType === "Enrolment")).toBe(false);
  });
});

describe("the vocabulary (issue #16)", () => {
  it("says what each target group, age band and form of support is, with its legal basis and validity", async () => {
    const { body } = await hub.query(`{ vocabulary { targetGroups { value kind priorityGroup legalBasis inForceUntil } ageBands { value fromAge toAge legacy migratedTo } supportForms { value kind instrumentType inForceFrom inForceUntil } } }`);
    expect(body.errors).toBeUndefined();
    const { targetGroups, ageBands, supportForms } = body.data.vocabulary;
    expect(targetGroups.filter((g: any) => g.priorityGroup).map((g: any) => g.value).sort()).toEqual(
      ["LARGE_FAMILY_CARD_HOLDERS", "LONG_TERM_UNEMPLOYED", "NO_VOCATIONAL_QUALIFICATIONS", "OVER_50", "PERSONS_WITH_DISABILITIES", "SINGLE_PARENTS", "UNDER_30"]);
    expect(targetGroups.find((g: any) => g.value === "PARENTS_OF_CHILD_UNDER_6")).toMatchObject({ kind: "REPEALED_CATEGORY", inForceUntil: "2025-05-31" });
    expect(targetGroups.find((g: any) => g.value === "CARERS_OF_PERSONS_WITH_DISABILITIES")).toMatchObject({ kind: "ELIGIBILITY", priorityGroup: false });
    expect(ageBands.filter((b: any) => !b.legacy).map((b: any) => [b.fromAge, b.toAge])).toEqual([[0, 17], [18, 24], [25, 29], [30, 49], [50, 54], [55, 59], [60, null]]);
    expect(ageBands.find((b: any) => b.value === "AGE_30_44")).toMatchObject({ legacy: true, migratedTo: "AGE_30_49" });
    expect(supportForms.find((f: any) => f.value === "START_UP_GRANT")).toMatchObject({ kind: "INSTRUMENT", instrumentType: "GRANT" });
    expect(supportForms.find((f: any) => f.value === "JOB_PLACEMENT")).toMatchObject({ kind: "SERVICE", instrumentType: null });
    expect(supportForms.find((f: any) => f.value === "EDUCATION_LOAN")).toMatchObject({ instrumentType: "LOAN", inForceFrom: "2025-06-01" });
  });
});

describe("nobody gets past the gateway", () => {
  const body = JSON.stringify({ query: "{ trainingProgrammes(first: 1) { totalCount } }" });
  const post = (headers: Record<string, string>) =>
    fetch(hub.subgraphs.training!.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  it("a subgraph refuses a request without the gateway's signature, with a forged one, or a stale one", async () => {
    const identity = { kind: "partner" as const, userId: "mallory", partnerId: owner.id };
    const parts = { method: "POST", path: "/graphql", audience: "training", body };
    for (const headers of [{}, signRequest("not-the-key", identity, parts), signRequest(hub.signingKey, identity, parts, Date.now() - 120_000), signRequest(hub.signingKey, identity, { ...parts, body: "{}" })]) {
      const response = await post(headers);
      expect(response.status).toBe(401);
      expect(((await response.json()) as any).errors[0].extensions.code).toBe("UNAUTHENTICATED");
    }
    expect((await post(signRequest(hub.signingKey, identity, parts))).status).toBe(200);
  });

  it("a captured request is refused when sent again, to another subgraph, or to another path (issue #11)", async () => {
    const identity = { kind: "coordinator" as const, userId: "koordynator" };
    const captured = signRequest(hub.signingKey, identity, { method: "POST", path: "/graphql", audience: "training", body });
    expect((await post(captured)).status).toBe(200);
    const again = await post(captured);
    expect(again.status).toBe(401);
    expect(((await again.json()) as any).errors[0].message).toMatch(/replayed/);
    const elsewhere = await fetch(hub.subgraphs.disability!.graphqlUrl, { method: "POST", headers: { "content-type": "application/json", ...signRequest(hub.signingKey, identity, { method: "POST", path: "/graphql", audience: "training", body }) }, body });
    expect(elsewhere.status).toBe(401);
    expect(((await elsewhere.json()) as any).errors[0].message).toMatch(/wrong-audience/);
    const otherPath = await fetch(`${hub.subgraphs.training!.url}/`, { method: "POST", headers: { "content-type": "application/json", ...signRequest(hub.signingKey, identity, { method: "POST", path: "/graphql", audience: "training", body }) }, body });
    expect(otherPath.status).toBe(401);
  });

  it("even with the gateway's signature, an analyst reaches no enrolment through the entity path (_entities)", async () => {
    const edition = (await hub.query(`{ trainingEditions(first: 1, filter: { statuses: [COMPLETED] }) { nodes { programme { id } } } }`)).body.data.trainingEditions.nodes[0];
    const entities = JSON.stringify({
      query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on TrainingProgramme { editions { enrolments { participantRef } } } } }`,
      variables: { r: [{ __typename: "TrainingProgramme", id: edition.programme.id }] },
    });
    const response = await fetch(hub.subgraphs.training!.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...signRequest(hub.signingKey, { kind: "analyst", userId: "ewa" }, { method: "POST", path: "/graphql", audience: "training", body: entities }) },
      body: entities,
    });
    const result = (await response.json()) as any;
    expect(new Set(result.errors.map((e: any) => e.extensions.code))).toEqual(new Set(["FORBIDDEN"]));
    expect(JSON.stringify(result.data)).not.toContain("participantRef");
  });

  it("the gateway refuses a forged, an expired and an unsigned (alg none) token", async () => {
    const now = Math.floor(Date.now() / 1000);
    const forged = signDevToken({ sub: "x", role: "coordinator", exp: now + 600 }, "wrong-secret");
    const expired = hub.token({ sub: "x", role: "coordinator", exp: now - 3600 });
    const none = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify({ sub: "x", role: "coordinator", exp: now + 600 })).toString("base64url")}.`;
    for (const token of [forged, expired, none, "garbage"]) {
      const { status, body } = await hub.query("{ partners(first: 1) { totalCount } }", {}, { token });
      expect(status).toBe(401);
      expect(codes(body)).toEqual(["UNAUTHENTICATED"]);
    }
  });
});
