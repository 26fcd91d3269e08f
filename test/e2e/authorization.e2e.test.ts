import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PARTNERS } from "@bdp/kit/demo";
import { startTestHub, type TestHub } from "../src/hub.js";

/**
 * Every mutation of the graph, found by introspection so that a new one
 * cannot be forgotten: anonymous callers get UNAUTHENTICATED, analysts
 * FORBIDDEN, and each role is refused the other role's writes — before any
 * validation or lookup. Only applying to join is open to anyone.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub("e2e_authz");
});
afterAll(async () => {
  await hub?.close();
});

const OPEN = new Set(["applyToJoin"]);
const COORDINATOR = new Set([
  "decideApplication", "setIssueStatus", "openConsultation", "closeConsultation", "recordStrategy", "suspendPartner", "reinstatePartner",
  // the secretariat records the bodies' work (issue #15)
  "createBody", "addBodyMember", "endBodyMembership", "callMeeting", "recordAttendance", "recordResolution", "closeMeeting",
  "addPartnershipIndicator", "recordPartnershipMeasurement",
]);

type TypeRef = { kind: string; name: string | null; ofType: TypeRef | null };
const TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } }";

function typeName(t: TypeRef): string {
  if (t.kind === "NON_NULL") return `${typeName(t.ofType!)}!`;
  if (t.kind === "LIST") return `[${typeName(t.ofType!)}]`;
  return t.name!;
}

describe("authorization of every mutation", () => {
  let mutations: { name: string; args: { name: string; type: TypeRef }[]; type: TypeRef }[];
  let inputs: Map<string, { kind: string; inputFields: { name: string; type: TypeRef }[] | null; enumValues: { name: string }[] | null }>;

  beforeAll(async () => {
    const { body } = await hub.query(`{
      __schema { mutationType { fields { name type { ${TYPE_REF} } args { name type { ${TYPE_REF} } } } }
        types { name kind inputFields { name type { ${TYPE_REF} } } enumValues { name } } }
    }`);
    mutations = body.data.__schema.mutationType.fields;
    inputs = new Map(body.data.__schema.types.map((t: any) => [t.name, t]));
  });

  function sample(t: TypeRef): unknown {
    if (t.kind === "NON_NULL") return sample(t.ofType!);
    if (t.kind === "LIST") return [sample(t.ofType!)];
    const named = inputs.get(t.name!);
    if (named?.kind === "ENUM") return named.enumValues![0]!.name;
    if (named?.kind === "INPUT_OBJECT") return Object.fromEntries(named.inputFields!.filter((f) => f.type.kind === "NON_NULL").map((f) => [f.name, sample(f.type)]));
    return ({ ID: randomUUID(), Int: 1, Float: 1, Boolean: true, Money: "1.00", Date: "2027-01-01", DateTime: new Date().toISOString() } as Record<string, unknown>)[t.name!] ?? "abcdef";
  }

  function operation(m: (typeof mutations)[number]): { query: string; variables: Record<string, unknown> } {
    let leaf: TypeRef = m.type;
    while (leaf.ofType) leaf = leaf.ofType;
    const selection = leaf.kind === "OBJECT" ? " { __typename }" : "";
    const declared = m.args.map((a) => `$${a.name}: ${typeName(a.type)}`).join(", ");
    const passed = m.args.map((a) => `${a.name}: $${a.name}`).join(", ");
    return {
      query: `mutation${declared ? `(${declared})` : ""} { ${m.name}${passed ? `(${passed})` : ""}${selection} }`,
      variables: Object.fromEntries(m.args.map((a) => [a.name, sample(a.type)])),
    };
  }

  it("covers every mutation", () => {
    expect(mutations.length).toBeGreaterThanOrEqual(25);
  });

  it("anonymous callers and analysts are refused every write but applying to join", async () => {
    const analyst = hub.token({ sub: "ewa", role: "analyst" });
    const refused: Record<string, unknown[]> = {};
    for (const m of mutations.filter((m) => !OPEN.has(m.name))) {
      const { query, variables } = operation(m);
      const anonymous = (await hub.query(query, variables)).body.errors?.map((e) => e.extensions?.code);
      const asAnalyst = (await hub.query(query, variables, { token: analyst })).body.errors?.map((e) => e.extensions?.code);
      refused[m.name] = [anonymous, asAnalyst];
    }
    for (const [name, codes] of Object.entries(refused)) expect(codes, name).toEqual([["UNAUTHENTICATED"], ["FORBIDDEN"]]);
  });

  it("a partner is refused the coordinator's decisions, and the coordinator the partners' own writes", async () => {
    const partner = hub.token({ sub: "anna", role: "partner", partnerId: DEMO_PARTNERS[0]!.id });
    const coordinator = hub.token({ sub: "k", role: "coordinator" });
    for (const m of mutations.filter((m) => !OPEN.has(m.name))) {
      const { query, variables } = operation(m);
      const token = COORDINATOR.has(m.name) ? partner : coordinator;
      const { body } = await hub.query(query, variables, { token });
      expect(body.errors?.map((e) => e.extensions?.code), m.name).toEqual(["FORBIDDEN"]);
    }
  });
});
