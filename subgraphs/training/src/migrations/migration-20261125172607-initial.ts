import { Migration } from '@mikro-orm/migrations';

export class Migration20261125172607_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "training_programme" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "provider_id" uuid not null, "title" varchar(300) not null, "description" text null, "target_groups" text[] not null, "occupation_code" varchar(6) null, "form" text check ("form" in ('TRAINING', 'TRAINEESHIP', 'INTERVENTION_WORKS', 'PUBLIC_WORKS', 'START_UP_GRANT', 'WORKSTATION_EQUIPMENT_REFUND', 'TRAINING_VOUCHER', 'LIFELONG_LEARNING_VOUCHER', 'EDUCATION_LOAN', 'WAGE_SUBSIDY_50_PLUS', 'KFS_EMPLOYER_TRAINING')) not null, "funding_source" text check ("funding_source" in ('LABOUR_FUND', 'KFS', 'PFRON', 'ESF_PLUS', 'LOCAL_GOVERNMENT_BUDGET', 'PARTNER_OWN_FUNDS')) not null, "hours" int not null, "cost_per_participant" numeric(12,2) not null, "certificate" text null, "status" text check ("status" in ('DRAFT', 'PUBLISHED', 'ARCHIVED')) not null default 'PUBLISHED', constraint "training_programme_pkey" primary key ("id"));`);
    this.addSql(`create index "training_programme_provider_id_index" on "training_programme" ("provider_id");`);
    this.addSql(`create index "training_programme_occupation_code_index" on "training_programme" ("occupation_code");`);
    this.addSql(`create index "training_programme_status_index" on "training_programme" ("status");`);
    this.addSql(`create index "training_programme_created_at_id_index" on "training_programme" ("created_at", "id");`);
    this.addSql(`create index "training_programme_title_id_index" on "training_programme" ("title", "id");`);

    this.addSql(`create table "training_edition" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "programme_id" uuid not null, "starts_on" date not null, "ends_on" date not null, "municipality_code" varchar(7) not null, "venue" varchar(300) null, "capacity" int not null, "status" text check ("status" in ('PLANNED', 'RECRUITING', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')) not null default 'PLANNED', constraint "training_edition_pkey" primary key ("id"));`);
    this.addSql(`create index "training_edition_programme_id_index" on "training_edition" ("programme_id");`);
    this.addSql(`create index "training_edition_municipality_code_index" on "training_edition" ("municipality_code");`);
    this.addSql(`create index "training_edition_starts_on_id_index" on "training_edition" ("starts_on", "id");`);

    this.addSql(`create table "enrolment" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "edition_id" uuid not null, "participant_ref" varchar(40) not null, "sex" text check ("sex" in ('FEMALE', 'MALE')) not null, "age_band" text check ("age_band" in ('AGE_18_24', 'AGE_25_29', 'AGE_30_44', 'AGE_45_54', 'AGE_55_64', 'AGE_65_PLUS')) not null, "target_groups" text[] not null, "enrolled_on" date not null, "status" text check ("status" in ('ENROLLED', 'COMPLETED', 'DROPPED_OUT', 'CANCELLED')) not null default 'ENROLLED', "completed_on" date null, "certificate_obtained" boolean not null default false, "employed_within3months" boolean null, constraint "enrolment_pkey" primary key ("id"));`);
    this.addSql(`create index "enrolment_edition_id_index" on "enrolment" ("edition_id");`);
    this.addSql(`create index "enrolment_status_index" on "enrolment" ("status");`);
    this.addSql(`alter table "enrolment" add constraint "enrolment_edition_id_participant_ref_unique" unique ("edition_id", "participant_ref");`);

    this.addSql(`alter table "training_edition" add constraint "training_edition_programme_id_foreign" foreign key ("programme_id") references "training_programme" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "enrolment" add constraint "enrolment_edition_id_foreign" foreign key ("edition_id") references "training_edition" ("id") on update cascade on delete cascade;`);
  }

}
