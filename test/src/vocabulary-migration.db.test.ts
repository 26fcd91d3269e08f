import { afterAll, describe, expect, it } from "vitest";
import { migrate, openOrm, sqlRows, type OrmHandle } from "@bdp/kit/server";
import { AGE_BANDS, type AgeBand } from "@bdp/kit/domain";
import { definition as training } from "@bdp/training";
import { definition as disability } from "@bdp/disability";
import { definition as partners } from "@bdp/partners";
import { freshTarget } from "./databases.js";

/**
 * The age bands of issue #16 on a database that holds the earlier ones: the
 * subgraph is migrated up to the migration before, rows with every band of
 * the earlier split are written as they were, and the remaining migrations
 * run. No row is lost, none changes but its band, and every band after
 * holds the ages the band before held (30–44 moves to 30–49, 65+ to 60+;
 * 45–54 and 55–64 stay, as legacy values).
 */
const OLD_BANDS = ["AGE_18_24", "AGE_25_29", "AGE_30_44", "AGE_45_54", "AGE_55_64", "AGE_65_PLUS"] as const;
const band = (value: string) => AGE_BANDS.find((b) => b.value === value)!;
const holds = (after: string, before: string) =>
  band(after).fromAge <= band(before).fromAge && (band(after).toAge === null || (band(before).toAge !== null && band(before).toAge! <= band(after).toAge!));

const NOW = "2024-05-01T00:00:00Z";
const CASES = [
  {
    definition: training,
    table: "enrolment",
    before: "migration-20261125180250-audit",
    rows: (n: number) => [
      `insert into training_programme (id, created_at, updated_at, provider_id, title, target_groups, form, funding_source, hours, cost_per_participant, status)
       values ('00000000-0000-4000-8000-000000000001', '${NOW}', '${NOW}', '00000000-0000-4000-8000-0000000000aa', 'Kurs', '{PARENTS_OF_CHILD_UNDER_6}', 'TRAINING_VOUCHER', 'LABOUR_FUND', 40, 1000, 'PUBLISHED')`,
      `insert into training_edition (id, created_at, updated_at, programme_id, starts_on, ends_on, municipality_code, capacity, status)
       values ('00000000-0000-4000-8000-000000000002', '${NOW}', '${NOW}', '00000000-0000-4000-8000-000000000001', '2024-05-06', '2024-06-28', '2401011', ${n}, 'COMPLETED')`,
      ...OLD_BANDS.map((b, i) =>
        `insert into enrolment (id, created_at, updated_at, edition_id, participant_ref, sex, age_band, target_groups, enrolled_on, status)
         values ('00000000-0000-4000-8000-1000000000${String(i).padStart(2, "0")}', '${NOW}', '${NOW}', '00000000-0000-4000-8000-000000000002', 'P/${i}', 'FEMALE', '${b}', '{SOCIAL_ASSISTANCE_RECIPIENTS}', '2024-05-01', 'COMPLETED')`),
    ],
  },
  {
    definition: disability,
    table: "activation_participant",
    before: "migration-20261127143309-employer_sector",
    rows: () => [
      `insert into activation_programme (id, created_at, updated_at, operator_id, name, instrument, municipality_codes, funding_source, starts_on, capacity, status)
       values ('00000000-0000-4000-8000-000000000001', '${NOW}', '${NOW}', '00000000-0000-4000-8000-0000000000aa', 'Trener pracy', 'SUPPORTED_EMPLOYMENT', '{2401011}', 'PFRON', '2024-01-01', 30, 'ACTIVE')`,
      ...OLD_BANDS.map((b, i) =>
        `insert into activation_participant (id, created_at, updated_at, programme_id, pseudonym, degree, cause_codes, age_band, sex, municipality_code, joined_on, outcome)
         values ('00000000-0000-4000-8000-1000000000${String(i).padStart(2, "0")}', '${NOW}', '${NOW}', '00000000-0000-4000-8000-000000000001', 'P/${i}', 'MODERATE', '{05-R}', '${b}', 'MALE', '2401011', '2024-02-01', 'IN_PROGRESS')`),
    ],
  },
];

describe.each(CASES.map((c) => [c.definition.name, c] as const))("%s: the age bands of the earlier split, migrated", (name, c) => {
  const { target, drop } = freshTarget(`vocab_${name}`);
  let db: OrmHandle;
  afterAll(async () => {
    await db?.orm.close(true);
    await drop([name]);
  });

  it("loses no row and no value: every band after holds the ages of the band before", async () => {
    db = await openOrm({ subgraph: name, entities: c.definition.entities, migrations: c.definition.migrations, target });
    const applied = (await db.orm.getMigrator().up({ to: c.before })).map((m) => m.name);
    expect(applied.at(-1)).toBe(c.before);
    const conn = db.orm.em.getConnection();
    for (const sql of c.rows(OLD_BANDS.length)) await conn.execute(sql);
    const read = () => sqlRows<{ id: string; age_band: AgeBand; rest: string }[]>(db.orm.em.fork() as never,
      `select id::text, age_band, (to_jsonb(t) - 'age_band' - 'version' - 'updated_at')::text as rest from "${c.table}" t order by id`);
    const before = await read();

    const rest = await migrate(db.orm);
    expect(rest.some((m) => m.endsWith("vocabularies_2025"))).toBe(true);
    const after = await read();

    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    // every column there was keeps its value (later migrations may add columns, null on old rows)
    after.forEach((r, i) => {
      const was = JSON.parse(before[i]!.rest) as Record<string, unknown>;
      const now = JSON.parse(r.rest) as Record<string, unknown>;
      expect(Object.fromEntries(Object.keys(was).map((k) => [k, now[k]]))).toEqual(was);
      for (const k of Object.keys(now)) if (!(k in was)) expect(now[k], `${k}, added later`).toBeNull();
    });
    const moved = Object.fromEntries(before.map((r, i) => [r.age_band, after[i]!.age_band]));
    expect(moved).toEqual({ AGE_18_24: "AGE_18_24", AGE_25_29: "AGE_25_29", AGE_30_44: "AGE_30_49", AGE_45_54: "AGE_45_54", AGE_55_64: "AGE_55_64", AGE_65_PLUS: "AGE_60_PLUS" });
    for (const [old, now] of Object.entries(moved)) expect(holds(now, old), `${old} → ${now}`).toBe(true);
    // nothing of the old split that could move is left
    expect(after.filter((r) => band(r.age_band).migratedTo !== null)).toEqual([]);
  });
});

/**
 * Competences as a shared vocabulary (issue #16, item 6), on a register that
 * holds them as free text: each text the vocabulary names (its Polish term,
 * any case, spaces trimmed) becomes an area, in order; the rest stays in the
 * partner's words; nothing is lost, and the deprecated text list reads as
 * before.
 */
describe("partners: competences as free text, migrated to the vocabulary", () => {
  const { target, drop } = freshTarget("vocab_competences");
  let db: OrmHandle;
  afterAll(async () => {
    await db?.orm.close(true);
    await drop([partners.name]);
  });

  it("every text the vocabulary names becomes its value; the others stay as the partner wrote them", async () => {
    db = await openOrm({ subgraph: partners.name, entities: partners.entities, migrations: partners.migrations, target });
    await db.orm.getMigrator().up({ to: "migration-20261208052021-registries" });
    const partner = (n: number, competences: string) =>
      `insert into partner (id, created_at, updated_at, name, sector, municipality_code, activity_area, mission_areas, competences, acceded_on)
       values ('00000000-0000-4000-8000-00000000000${n}', '${NOW}', '${NOW}', 'Partner ${n}', 'NGO', '2401011', '{2401011}', '{COOPERATION}', '${competences}', '2020-01-01')`;
    const conn = db.orm.em.getConnection();
    await conn.execute(partner(1, `{"doradztwo zawodowe","warsztaty CV"," Szkolenia BHP ","mentoring młodzieży"}`));
    await conn.execute(partner(2, "{}"));
    await conn.execute(partner(3, `{"kursy dla seniorów"}`));
    await migrate(db.orm);
    const rows = await sqlRows<{ id: string; competence_areas: string[]; other_competences: string[] }[]>(db.orm.em.fork() as never, `select id::text, competence_areas, other_competences from partner order by id`);
    expect(rows.map(({ competence_areas, other_competences }) => [competence_areas, other_competences])).toEqual([
      [["VOCATIONAL_COUNSELLING", "OSH_TRAINING", "YOUTH_MENTORING"], ["warsztaty CV"]],
      [[], []],
      [[], ["kursy dla seniorów"]],
    ]);
  });
});
