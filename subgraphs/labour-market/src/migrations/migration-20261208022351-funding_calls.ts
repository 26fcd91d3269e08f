import { Migration } from '@mikro-orm/migrations';

export class Migration20261208022351_funding_calls extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "funding_call" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "reference" varchar(100) not null, "title" varchar(300) not null, "source" text check ("source" in ('LABOUR_FUND', 'KFS', 'PFRON', 'ESF_PLUS', 'LOCAL_GOVERNMENT_BUDGET', 'PARTNER_OWN_FUNDS')) not null, "programme" varchar(300) not null, "opens_on" date not null, "closes_on" date not null, "available" numeric(14,2) null, "owner_partner_id" uuid not null, constraint "funding_call_pkey" primary key ("id"));`);
    this.addSql(`alter table "funding_call" add constraint "funding_call_reference_unique" unique ("reference");`);
    this.addSql(`create index "funding_call_owner_partner_id_index" on "funding_call" ("owner_partner_id");`);
    this.addSql(`create index "funding_call_closes_on_index" on "funding_call" ("closes_on");`);

    this.addSql(`create table "funding_application" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "call_id" uuid not null, "initiative_id" uuid not null, "requested" numeric(14,2) not null, "submitted_on" date not null, "status" text check ("status" in ('SUBMITTED', 'GRANTED', 'REJECTED', 'WITHDRAWN')) not null default 'SUBMITTED', "granted" numeric(14,2) null, "decided_on" date null, "decision_reason" text null, constraint "funding_application_pkey" primary key ("id"));`);
    this.addSql(`create index "funding_application_call_id_index" on "funding_application" ("call_id");`);
    this.addSql(`create index "funding_application_initiative_id_index" on "funding_application" ("initiative_id");`);
    this.addSql(`create index "funding_application_status_index" on "funding_application" ("status");`);
    this.addSql(`alter table "funding_application" add constraint "funding_application_call_id_initiative_id_unique" unique ("call_id", "initiative_id");`);

    this.addSql(`alter table "funding_application" add constraint "funding_application_call_id_foreign" foreign key ("call_id") references "funding_call" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "funding_application" add constraint "funding_application_initiative_id_foreign" foreign key ("initiative_id") references "initiative" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "funding_application" drop constraint "funding_application_call_id_foreign";`);

    this.addSql(`drop table if exists "funding_call" cascade;`);

    this.addSql(`drop table if exists "funding_application" cascade;`);
  }

}
