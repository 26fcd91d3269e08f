import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { startTestHub, type TestHub } from "../src/hub.js";

/** Many writers at once (issue #7): one success per version; seats never oversold. */
let hub: TestHub;
let token: string;
beforeAll(async () => {
  hub = await startTestHub("e2e_contention");
  token = hub.token({ sub: "anna", role: "partner", partnerId: DEMO_PARTNERS.find((p) => p.key === "pup-bedzin")!.id });
});
afterAll(async () => {
  await hub?.close();
});

const outcome = (r: { body: { errors?: { extensions?: Record<string, unknown> }[] } }) => (r.body.errors ? String(r.body.errors[0]!.extensions!.code) : "OK");
const tally = (outcomes: string[]) => outcomes.reduce<Record<string, number>>((t, o) => ({ ...t, [o]: (t[o] ?? 0) + 1 }), {});

describe("contention", () => {
  it("50 concurrent updates of one record from the same version: exactly one succeeds, 49 get CONFLICT", async () => {
    const created = await hub.query(
      `mutation { createTrainingProgramme(input: { title: "Kurs rywalizacji", targetGroups: [UNDER_30], form: TRAINING, fundingSource: LABOUR_FUND, hours: 10, costPerParticipant: "100.00" }) { id } }`,
      {},
      { token },
    );
    const id = created.body.data.createTrainingProgramme.id;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => hub.query(`mutation($id: ID!, $h: Int!) { updateTrainingProgramme(id: $id, version: 1, changes: { hours: $h }) { version } }`, { id, h: 11 + i }, { token })),
    );
    const counts = tally(results.map(outcome));
    console.log("50 concurrent updates:", counts);
    expect(counts).toEqual({ OK: 1, CONFLICT: 49 });
    const read = await hub.query(`query($id: ID!) { trainingProgramme(id: $id) { version } }`, { id });
    expect(read.body.data.trainingProgramme.version).toBe(2);
  });

  it("50 concurrent enrolments into an edition with 10 seats: exactly 10 succeed, and 10 are stored", async () => {
    const programme = await hub.query(
      `mutation { createTrainingProgramme(input: { title: "Kurs oblężony", targetGroups: [UNDER_30], form: TRAINING, fundingSource: LABOUR_FUND, hours: 10, costPerParticipant: "100.00" }) { id } }`,
      {},
      { token },
    );
    const edition = await hub.query(
      `mutation($p: ID!) { createTrainingEdition(programmeId: $p, input: { startsOn: "2027-05-01", endsOn: "2027-05-10", municipalityCode: "2401011", capacity: 10, status: RECRUITING }) { id } }`,
      { p: programme.body.data.createTrainingProgramme.id },
      { token },
    );
    const editionId = edition.body.data.createTrainingEdition.id;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        hub.query(`mutation($e: ID!, $r: String!) { enrolParticipant(editionId: $e, input: { participantRef: $r, sex: MALE, ageBand: AGE_25_29, targetGroups: [], enrolledOn: "2027-04-01" }) { id } }`, { e: editionId, r: `RUSH/${i}` }, { token }),
      ),
    );
    const counts = tally(results.map(outcome));
    const stored = (await hub.query(`query($id: ID!) { trainingEdition(id: $id) { seatsTaken enrolments { id } } }`, { id: editionId }, { token })).body.data.trainingEdition;
    console.log("50 concurrent enrolments into 10 seats:", counts, "stored:", stored.enrolments.length);
    expect(counts).toEqual({ OK: 10, CONFLICT: 40 });
    expect(stored.seatsTaken).toBe(10);
    expect(stored.enrolments).toHaveLength(10);
  });
});
