import { Migration } from '@mikro-orm/migrations';

/**
 * Competences as a shared vocabulary (issue #16, item 6): each free text the
 * vocabulary names (its Polish term, any case) becomes a `competence_areas`
 * value; the rest stays, in the partner's words, as `other_competences`.
 * Nothing is lost: down puts the terms back as text.
 */
const TERMS = `(values ('doradztwo zawodowe', 'VOCATIONAL_COUNSELLING'), ('pośrednictwo pracy', 'JOB_PLACEMENT'), ('szkolenia BHP', 'OSH_TRAINING'), ('sale szkoleniowe', 'TRAINING_VENUE'), ('doradztwo HR', 'HR_ADVICE'), ('wsparcie osób z niepełnosprawnościami', 'DISABILITY_SUPPORT'), ('promocja w mediach lokalnych', 'LOCAL_MEDIA'), ('wolontariat', 'VOLUNTEERING'), ('staże i praktyki', 'TRAINEESHIPS'), ('analiza rynku pracy', 'LABOUR_MARKET_ANALYSIS'), ('pozyskiwanie funduszy UE', 'EU_FUNDRAISING'), ('mentoring młodzieży', 'YOUTH_MENTORING'), ('poradnictwo prawne', 'LEGAL_ADVICE'), ('szkolenia kompetencji cyfrowych', 'DIGITAL_SKILLS'), ('kursy językowe', 'LANGUAGE_TRAINING'), ('wsparcie ekonomii społecznej', 'SOCIAL_ECONOMY')) as m(pl, code)`;

export class Migration20261208052513_competences extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "partner" add column "competence_areas" text[] not null default '{}', add column "other_competences" text[] not null default '{}';`);
    this.addSql(`update "partner" p set
      "competence_areas" = array(select m.code from unnest(p."competences") with ordinality as t(x, i) join ${TERMS} on lower(m.pl) = lower(trim(t.x)) order by t.i),
      "other_competences" = array(select t.x from unnest(p."competences") with ordinality as t(x, i) where not exists (select 1 from ${TERMS} where lower(m.pl) = lower(trim(t.x))) order by t.i);`);
    this.addSql(`alter table "partner" alter column "competence_areas" drop default, alter column "other_competences" drop default, drop column "competences";`);
    this.addSql(`create index "partner_competence_areas_index" on "partner" using gin ("competence_areas");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "partner" add column "competences" text[] not null default '{}';`);
    this.addSql(`update "partner" p set "competences" = array(select m.pl from unnest(p."competence_areas") with ordinality as t(x, i) join ${TERMS} on m.code = t.x order by t.i) || p."other_competences";`);
    this.addSql(`alter table "partner" alter column "competences" drop default;`);
    this.addSql(`drop index "partner_competence_areas_index";`);
    this.addSql(`alter table "partner" drop column "competence_areas", drop column "other_competences";`);
  }

}
