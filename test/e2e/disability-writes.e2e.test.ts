import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { startTestHub, type TestHub } from "../src/hub.js";

/** Operators record their activation programmes and participants; health data stays with them (issue #3). */
let hub: TestHub;
const operator = DEMO_PARTNERS.find((p) => p.key === "pcpr-bedzin")!;
const other = DEMO_PARTNERS.find((p) => p.key === "pup-dabrowa")!;
const employer = DEMO_PARTNERS.find((p) => p.roles.includes("employer") && p.withdrewOn === null)!;
let tokens: Record<"operator" | "other" | "employer" | "analyst", string>;
const codes = (body: { errors?: { extensions?: Record<string, unknown> }[] }) => body.errors?.map((e) => e.extensions?.code);
const outcome = (r: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => (r.body.errors ? String(r.body.errors[0]!.extensions!.code) : "OK");

beforeAll(async () => {
  hub = await startTestHub("e2e_disability");
  tokens = {
    operator: hub.token({ sub: "jan", role: "partner", partnerId: operator.id }),
    other: hub.token({ sub: "piotr", role: "partner", partnerId: other.id }),
    employer: hub.token({ sub: "szef", role: "partner", partnerId: employer.id }),
    analyst: hub.token({ sub: "ewa", role: "analyst" }),
  };
});
afterAll(async () => {
  await hub?.close();
});

const CREATE = `mutation($input: ActivationProgrammeInput!) { createActivationProgramme(input: $input) { id version capacity operator { name } } }`;
const PROGRAMME = { name: "Trener pracy 2027", instrument: "SUPPORTED_EMPLOYMENT", municipalityCodes: ["2401011", "2401021"], fundingSource: "PFRON", startsOn: "2027-01-01", endsOn: "2027-12-31", capacity: 2 };
const ADD = `mutation($p: ID!, $input: ActivationParticipantInput!) { addActivationParticipant(programmeId: $p, input: $input) { id version pseudonym } }`;
const person = (n: number, causeCodes = ["05-R"]) => ({ pseudonym: `PCPR/${n}`, degree: "MODERATE", causeCodes, ageBand: "AGE_30_49", sex: "MALE", municipalityCode: "2401011", joinedOn: "2027-01-15" });
/** The programme's participant count as the operator holding the records sees it (everyone else gets it withheld). */
const summary = async (id: string, token = tokens.operator) =>
  (await hub.query(`query($id: ID!) { activationProgramme(id: $id) { participantSummary { total { value suppressed } } } }`, { id }, { token })).body.data.activationProgramme.participantSummary.total;

describe("activation programmes and participants", () => {
  let programmeId: string;

  it("the operator registers a programme; others cannot", async () => {
    expect(codes((await hub.query(CREATE, { input: PROGRAMME })).body)).toEqual(["UNAUTHENTICATED"]);
    expect(codes((await hub.query(CREATE, { input: PROGRAMME }, { token: tokens.analyst })).body)).toEqual(["FORBIDDEN"]);
    const bad = await hub.query(CREATE, { input: { ...PROGRAMME, endsOn: "2026-01-01" } }, { token: tokens.operator });
    expect(bad.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "endsOn" });
    // the merged adaptation-or-equipment value of before is refused on a new programme (issue #16): the two instruments carry different duties
    const merged = await hub.query(CREATE, { input: { ...PROGRAMME, instrument: "WORKSTATION_ADAPTATION" } }, { token: tokens.operator });
    expect(merged.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "instrument", value: "WORKSTATION_ADAPTATION" });
    const equipment = await hub.query(CREATE, { input: { ...PROGRAMME, name: "Wyposażenie stanowisk 2027", instrument: "WORKSTATION_EQUIPMENT_REFUND" } }, { token: tokens.operator });
    expect(equipment.body.errors).toBeUndefined();
    const { body } = await hub.query(CREATE, { input: PROGRAMME }, { token: tokens.operator });
    expect(body.data.createActivationProgramme).toMatchObject({ version: 1, capacity: 2, operator: { name: operator.name } });
    programmeId = body.data.createActivationProgramme.id;
  });

  it("bad cause codes are refused and nothing is written", async () => {
    for (const causeCodes of [["99-X"], ["01-U", "02-P", "03-L", "04-O"], []]) {
      const { body } = await hub.query(ADD, { p: programmeId, input: person(9, causeCodes) }, { token: tokens.operator });
      expect(body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "causeCodes" });
    }
    expect(await summary(programmeId)).toEqual({ value: 0, suppressed: false });
  });

  it("another partner cannot add participants; four concurrent additions to two places: two succeed", async () => {
    expect(codes((await hub.query(ADD, { p: programmeId, input: person(1) }, { token: tokens.other })).body)).toEqual(["FORBIDDEN"]);
    const results = await Promise.all([1, 2, 3, 4].map((n) => hub.query(ADD, { p: programmeId, input: person(n) }, { token: tokens.operator })));
    expect(results.map(outcome).sort()).toEqual(["CONFLICT", "CONFLICT", "OK", "OK"]);
    expect(await summary(programmeId)).toEqual({ value: 2, suppressed: false });
    expect(await summary(programmeId, tokens.other)).toEqual({ value: null, suppressed: true });
    expect(await summary(programmeId, tokens.analyst)).toEqual({ value: null, suppressed: true });
  });

  it("only the operator reads the participants", async () => {
    const query = `query($id: ID!) { activationProgramme(id: $id) { participants { id version pseudonym causeCodes } } }`;
    const mine = await hub.query(query, { id: programmeId }, { token: tokens.operator });
    expect(mine.body.data.activationProgramme.participants).toHaveLength(2);
    for (const token of [undefined, tokens.other, tokens.analyst]) expect(codes((await hub.query(query, { id: programmeId }, { token })).body)).toEqual(["FORBIDDEN"]);
  });

  it("outcome updates carry the version: concurrent ones end with one CONFLICT; a deletion leaves aggregates consistent", async () => {
    const mine = await hub.query(`query($id: ID!) { activationProgramme(id: $id) { participants { id version } } }`, { id: programmeId }, { token: tokens.operator });
    const [first, second] = mine.body.data.activationProgramme.participants;
    const UPDATE = `mutation($id: ID!, $v: Int!, $o: ParticipantOutcome!) { updateActivationParticipant(id: $id, version: $v, changes: { outcome: $o, leftOn: "2027-06-30" }) { version outcome } }`;
    const results = await Promise.all(["EMPLOYED_OPEN_MARKET", "DROPPED_OUT"].map((o) => hub.query(UPDATE, { id: first.id, v: first.version, o }, { token: tokens.operator })));
    expect(results.map(outcome).sort()).toEqual(["CONFLICT", "OK"]);
    expect(codes((await hub.query(`mutation($id: ID!) { deleteActivationParticipant(id: $id) }`, { id: second.id }, { token: tokens.other })).body)).toEqual(["FORBIDDEN"]);
    expect((await hub.query(`mutation($id: ID!) { deleteActivationParticipant(id: $id) }`, { id: second.id }, { token: tokens.operator })).body.data.deleteActivationParticipant).toBe(second.id);
    const after = await hub.query(`query($id: ID!) { activationProgramme(id: $id) { participants { id } } }`, { id: programmeId }, { token: tokens.operator });
    expect(after.body.data.activationProgramme.participants.map((p: { id: string }) => p.id)).toEqual([first.id]);
  });

  it("the audit trail records participants' changes without their values", async () => {
    const { body } = await hub.query(`{ disabilityAuditTrail(first: 50) { nodes { entityType action changedFields { field before after } } } }`, {}, { token: tokens.operator });
    const personal = body.data.disabilityAuditTrail.nodes.filter((n: { entityType: string }) => n.entityType === "ActivationParticipant");
    expect(personal.map((n: { action: string }) => n.action).sort()).toEqual(["CREATE", "CREATE", "DELETE", "UPDATE"]);
    expect(JSON.stringify(personal)).not.toMatch(/PCPR\/|05-R|MODERATE/);
    // the coordinator cannot count an operator's participants from the trail (issue #11)
    const coordinator = hub.token({ sub: "koordynator", role: "coordinator" });
    const all = await hub.query(`{ disabilityAuditTrail(first: 100) { nodes { entityType } } }`, {}, { token: coordinator });
    expect(all.body.data.disabilityAuditTrail.nodes.length).toBeGreaterThan(0);
    expect(all.body.data.disabilityAuditTrail.nodes.some((n: { entityType: string }) => n.entityType === "ActivationParticipant")).toBe(false);
  });
});

describe("job places", () => {
  it("an employer records its own; another partner cannot change it", async () => {
    const create = `mutation($input: DisabilityJobPlaceInput!) { createDisabilityJobPlace(input: $input) { id version employer { id } } }`;
    const input = { municipalityCode: employer.municipalityCode, createdOn: "2026-10-01", fullTimeEquivalent: "0.5", subsidised: true, adaptedWorkstation: false, filled: true };
    expect(codes((await hub.query(create, { input: { ...input, fullTimeEquivalent: "1.5" } }, { token: tokens.employer })).body)).toEqual(["BAD_USER_INPUT"]);
    const { body } = await hub.query(create, { input }, { token: tokens.employer });
    expect(body.data.createDisabilityJobPlace.employer.id).toBe(employer.id);
    const update = `mutation($id: ID!) { updateDisabilityJobPlace(id: $id, version: 1, changes: { filled: false }) { version filled } }`;
    expect(codes((await hub.query(update, { id: body.data.createDisabilityJobPlace.id }, { token: tokens.other })).body)).toEqual(["FORBIDDEN"]);
    expect((await hub.query(update, { id: body.data.createDisabilityJobPlace.id }, { token: tokens.employer })).body.data.updateDisabilityJobPlace).toEqual({ version: 2, filled: false });
  });

  it("with its pay, its monthly subsidy and its end; a post whose equipment was refunded (art. 26e) must be kept 36 months, and one ended sooner is BROKEN (issue #16)", async () => {
    const FIELDS = `id version wageBand monthlySubsidy equipmentRefunded endedOn retention { status keepUntil }`;
    const create = `mutation($input: DisabilityJobPlaceInput!) { createDisabilityJobPlace(input: $input) { ${FIELDS} } }`;
    const input = { municipalityCode: employer.municipalityCode, createdOn: "2025-03-31", fullTimeEquivalent: "1.00", subsidised: false, adaptedWorkstation: true, filled: true, wageBand: "UP_TO_125_PERCENT", equipmentRefunded: true };
    const unsubsidised = await hub.query(create, { input: { ...input, monthlySubsidy: "1800.00" } }, { token: tokens.employer });
    expect(unsubsidised.body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "monthlySubsidy" });
    const place = (await hub.query(create, { input: { ...input, subsidised: true, monthlySubsidy: "1800.00" } }, { token: tokens.employer })).body.data.createDisabilityJobPlace;
    expect(place).toMatchObject({ wageBand: "UP_TO_125_PERCENT", monthlySubsidy: "1800.00", equipmentRefunded: true, endedOn: null, retention: { status: "RUNNING", keepUntil: "2028-03-30" } });
    const update = `mutation($id: ID!, $v: Int!, $c: DisabilityJobPlaceChanges!) { updateDisabilityJobPlace(id: $id, version: $v, changes: $c) { ${FIELDS} } }`;
    expect((await hub.query(update, { id: place.id, v: place.version, c: { endedOn: "2025-01-01" } }, { token: tokens.employer })).body.errors![0]!.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "endedOn" });
    const ended = (await hub.query(update, { id: place.id, v: place.version, c: { endedOn: "2026-06-30", subsidised: false } }, { token: tokens.employer })).body.data.updateDisabilityJobPlace;
    expect(ended).toMatchObject({ endedOn: "2026-06-30", monthlySubsidy: null, retention: { status: "BROKEN", keepUntil: "2028-03-30" } });
    // a post without the refund is bound to nothing
    const free = (await hub.query(create, { input: { ...input, equipmentRefunded: false } }, { token: tokens.employer })).body.data.createDisabilityJobPlace;
    expect(free.retention).toEqual({ status: "NOT_BOUND", keepUntil: null });
  });

  it("a place's programme is the operator's and the employer's to see: a per-programme outcome (issue #11)", async () => {
    const programmeId = (await hub.query(CREATE, { input: PROGRAMME }, { token: tokens.operator })).body.data.createActivationProgramme.id;
    const create = `mutation($input: DisabilityJobPlaceInput!) { createDisabilityJobPlace(input: $input) { id } }`;
    const input = { municipalityCode: employer.municipalityCode, createdOn: "2026-10-02", fullTimeEquivalent: "1.0", subsidised: true, adaptedWorkstation: true, filled: true, programmeId };
    const id = (await hub.query(create, { input }, { token: tokens.employer })).body.data.createDisabilityJobPlace.id;
    const read = async (token?: string) => {
      const { body } = await hub.query(`query($e: [ID!]) { disabilityJobPlaces(first: 100, filter: { employerIds: $e }) { nodes { id programme { id } } } }`, { e: [employer.id] }, { token });
      return body.data.disabilityJobPlaces.nodes.find((n: { id: string }) => n.id === id).programme;
    };
    expect(await read(tokens.operator)).toEqual({ id: programmeId });
    expect(await read(tokens.employer)).toEqual({ id: programmeId });
    for (const token of [undefined, tokens.other, tokens.analyst, hub.token({ sub: "k", role: "coordinator" })]) expect(await read(token)).toBeNull();
  });
});
