import { Migration } from '@mikro-orm/migrations';

export class Migration20261125172827_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "activation_programme" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "operator_id" uuid not null, "name" varchar(300) not null, "description" text null, "instrument" text check ("instrument" in ('SUPPORTED_EMPLOYMENT', 'SHELTERED_ENTERPRISE', 'OCCUPATIONAL_THERAPY_WORKSHOP', 'WAGE_SUBSIDY', 'WORKSTATION_ADAPTATION', 'VOCATIONAL_COUNSELLING', 'TRAINING')) not null, "municipality_codes" text[] not null, "funding_source" text check ("funding_source" in ('LABOUR_FUND', 'KFS', 'PFRON', 'ESF_PLUS', 'LOCAL_GOVERNMENT_BUDGET', 'PARTNER_OWN_FUNDS')) not null, "starts_on" date not null, "ends_on" date null, "capacity" int not null, "status" text check ("status" in ('PLANNED', 'ACTIVE', 'CLOSED')) not null default 'ACTIVE', constraint "activation_programme_pkey" primary key ("id"));`);
    this.addSql(`create index "activation_programme_operator_id_index" on "activation_programme" ("operator_id");`);
    this.addSql(`create index "activation_programme_instrument_index" on "activation_programme" ("instrument");`);
    this.addSql(`create index "activation_programme_municipality_codes_index" on "activation_programme" using gin ("municipality_codes");`);
    this.addSql(`create index "activation_programme_name_id_index" on "activation_programme" ("name", "id");`);

    this.addSql(`create table "activation_participant" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "programme_id" uuid not null, "pseudonym" varchar(40) not null, "degree" text check ("degree" in ('SEVERE', 'MODERATE', 'MILD')) not null, "cause_codes" text[] not null, "age_band" text check ("age_band" in ('AGE_18_24', 'AGE_25_29', 'AGE_30_44', 'AGE_45_54', 'AGE_55_64', 'AGE_65_PLUS')) not null, "sex" text check ("sex" in ('FEMALE', 'MALE')) not null, "municipality_code" varchar(7) not null, "joined_on" date not null, "left_on" date null, "outcome" text check ("outcome" in ('IN_PROGRESS', 'EMPLOYED_OPEN_MARKET', 'EMPLOYED_SHELTERED', 'IN_EDUCATION', 'DROPPED_OUT', 'COMPLETED_NO_EMPLOYMENT')) not null default 'IN_PROGRESS', constraint "activation_participant_pkey" primary key ("id"));`);
    this.addSql(`create index "activation_participant_programme_id_index" on "activation_participant" ("programme_id");`);
    this.addSql(`create index "activation_participant_outcome_index" on "activation_participant" ("outcome");`);
    this.addSql(`alter table "activation_participant" add constraint "activation_participant_programme_id_pseudonym_unique" unique ("programme_id", "pseudonym");`);

    this.addSql(`create table "disability_job_place" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "employer_id" uuid not null, "programme_id" uuid null, "occupation_code" varchar(6) null, "municipality_code" varchar(7) not null, "created_on" date not null, "full_time_equivalent" numeric(4,2) not null, "subsidised" boolean not null, "adapted_workstation" boolean not null, "filled" boolean not null, constraint "disability_job_place_pkey" primary key ("id"));`);
    this.addSql(`create index "disability_job_place_employer_id_index" on "disability_job_place" ("employer_id");`);
    this.addSql(`create index "disability_job_place_programme_id_index" on "disability_job_place" ("programme_id");`);
    this.addSql(`create index "disability_job_place_municipality_code_index" on "disability_job_place" ("municipality_code");`);
    this.addSql(`create index "disability_job_place_created_on_id_index" on "disability_job_place" ("created_on", "id");`);

    this.addSql(`alter table "activation_participant" add constraint "activation_participant_programme_id_foreign" foreign key ("programme_id") references "activation_programme" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "disability_job_place" add constraint "disability_job_place_programme_id_foreign" foreign key ("programme_id") references "activation_programme" ("id") on update cascade on delete set null;`);
  }

}
