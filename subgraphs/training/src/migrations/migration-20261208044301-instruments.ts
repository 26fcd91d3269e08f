import { Migration } from '@mikro-orm/migrations';

export class Migration20261208044301_instruments extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "instrument_call" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "provider_id" uuid not null, "reference" varchar(100) not null, "title" varchar(300) not null, "description" text null, "instrument" text check ("instrument" in ('TRAINING', 'TRAINEESHIP', 'INTERVENTION_WORKS', 'PUBLIC_WORKS', 'START_UP_GRANT', 'WORKSTATION_EQUIPMENT_REFUND', 'TRAINING_VOUCHER', 'LIFELONG_LEARNING_VOUCHER', 'EDUCATION_LOAN', 'WAGE_SUBSIDY_50_PLUS', 'KFS_EMPLOYER_TRAINING', 'JOB_PLACEMENT', 'CAREER_GUIDANCE')) not null, "funding_source" text check ("funding_source" in ('LABOUR_FUND', 'KFS', 'PFRON', 'ESF_PLUS', 'LOCAL_GOVERNMENT_BUDGET', 'PARTNER_OWN_FUNDS')) not null, "budget" numeric(14,2) not null, "cap_per_agreement" numeric(12,2) not null, "opens_on" date not null, "closes_on" date not null, "target_groups" text[] not null, "municipality_codes" text[] not null, "duty_terms" jsonb not null, constraint "instrument_call_pkey" primary key ("id"));`);
    this.addSql(`create index "instrument_call_provider_id_index" on "instrument_call" ("provider_id");`);
    this.addSql(`alter table "instrument_call" add constraint "instrument_call_reference_unique" unique ("reference");`);
    this.addSql(`create index "instrument_call_closes_on_id_index" on "instrument_call" ("closes_on", "id");`);

    this.addSql(`create table "instrument_agreement" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "call_id" uuid not null, "number" varchar(60) not null, "beneficiary_kind" text check ("beneficiary_kind" in ('EMPLOYER', 'PERSON')) not null, "employer_nip" varchar(10) null, "case_reference" varchar(60) null, "municipality_code" varchar(7) not null, "amount" numeric(12,2) not null, "signed_on" date not null, "duties_from" date not null, "posts_created" smallint null, constraint "instrument_agreement_pkey" primary key ("id"));`);
    this.addSql(`create index "instrument_agreement_call_id_index" on "instrument_agreement" ("call_id");`);
    this.addSql(`create index "instrument_agreement_municipality_code_index" on "instrument_agreement" ("municipality_code");`);
    this.addSql(`create index "instrument_agreement_signed_on_id_index" on "instrument_agreement" ("signed_on", "id");`);
    this.addSql(`alter table "instrument_agreement" add constraint "instrument_agreement_call_id_number_unique" unique ("call_id", "number");`);

    this.addSql(`create table "instrument_duty" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "agreement_id" uuid not null, "kind" text check ("kind" in ('RUN_BUSINESS', 'KEEP_POST', 'KEEP_EMPLOYED')) not null, "months" smallint not null, "due_on" date not null, "status" text check ("status" in ('RUNNING', 'FULFILLED', 'BROKEN')) not null default 'RUNNING', "settled_on" date null, "refund" numeric(12,2) null, "note" text null, constraint "instrument_duty_pkey" primary key ("id"));`);
    this.addSql(`create index "instrument_duty_agreement_id_index" on "instrument_duty" ("agreement_id");`);
    this.addSql(`create index "instrument_duty_status_due_on_index" on "instrument_duty" ("status", "due_on");`);

    this.addSql(`alter table "instrument_agreement" add constraint "instrument_agreement_call_id_foreign" foreign key ("call_id") references "instrument_call" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "instrument_duty" add constraint "instrument_duty_agreement_id_foreign" foreign key ("agreement_id") references "instrument_agreement" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "instrument_agreement" drop constraint "instrument_agreement_call_id_foreign";`);

    this.addSql(`alter table "instrument_duty" drop constraint "instrument_duty_agreement_id_foreign";`);

    this.addSql(`drop table if exists "instrument_call" cascade;`);

    this.addSql(`drop table if exists "instrument_agreement" cascade;`);

    this.addSql(`drop table if exists "instrument_duty" cascade;`);
  }

}
