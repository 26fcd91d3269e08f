import { Migration } from '@mikro-orm/migrations';

export class Migration20261208014826_project_money extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "funding_share" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "initiative_id" uuid not null, "source" text check ("source" in ('LABOUR_FUND', 'KFS', 'PFRON', 'ESF_PLUS', 'LOCAL_GOVERNMENT_BUDGET', 'PARTNER_OWN_FUNDS')) not null, "programme" varchar(300) not null, "call_reference" varchar(100) null, "amount" numeric(14,2) not null, constraint "funding_share_pkey" primary key ("id"));`);
    this.addSql(`create index "funding_share_initiative_id_index" on "funding_share" ("initiative_id");`);
    this.addSql(`alter table "funding_share" add constraint "funding_share_initiative_id_source_programme_unique" unique ("initiative_id", "source", "programme");`);

    this.addSql(`create table "expenditure" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "initiative_id" uuid not null, "partner_id" uuid not null, "spent_on" date not null, "amount" numeric(14,2) not null, "category" varchar(100) not null, "description" text null, constraint "expenditure_pkey" primary key ("id"));`);
    this.addSql(`create index "expenditure_initiative_id_index" on "expenditure" ("initiative_id");`);
    this.addSql(`create index "expenditure_partner_id_index" on "expenditure" ("partner_id");`);
    this.addSql(`create index "expenditure_initiative_id_spent_on_index" on "expenditure" ("initiative_id", "spent_on");`);

    this.addSql(`create table "agreement_annex" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "initiative_id" uuid not null, "number" smallint not null, "signed_on" date not null, "summary" text not null, "previous_ends_on" date null, "new_ends_on" date null, "previous_total_budget" numeric(14,2) null, "new_total_budget" numeric(14,2) null, constraint "agreement_annex_pkey" primary key ("id"));`);
    this.addSql(`create index "agreement_annex_initiative_id_index" on "agreement_annex" ("initiative_id");`);
    this.addSql(`alter table "agreement_annex" add constraint "agreement_annex_initiative_id_number_unique" unique ("initiative_id", "number");`);

    this.addSql(`alter table "funding_share" add constraint "funding_share_initiative_id_foreign" foreign key ("initiative_id") references "initiative" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "expenditure" add constraint "expenditure_initiative_id_foreign" foreign key ("initiative_id") references "initiative" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "agreement_annex" add constraint "agreement_annex_initiative_id_foreign" foreign key ("initiative_id") references "initiative" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "initiative" drop constraint if exists "initiative_status_check";`);

    this.addSql(`alter table "initiative" add column "agreement_number" varchar(60) null, add column "agreement_signed_on" date null;`);
    this.addSql(`alter table "initiative" add constraint "initiative_status_check" check("status" in ('PLANNED', 'AGREED', 'RUNNING', 'COMPLETED', 'CANCELLED'));`);

    this.addSql(`alter table "agreement_participant" add column "status" text check ("status" in ('PROPOSED', 'CONFIRMED', 'DECLINED', 'WITHDRAWN')) not null default 'PROPOSED', add column "left_on" date null, add column "left_reason" text null;`);
    // parts confirmed before parts had a status
    this.addSql(`update "agreement_participant" set "status" = 'CONFIRMED' where "confirmed_on" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "funding_share" cascade;`);

    this.addSql(`drop table if exists "expenditure" cascade;`);

    this.addSql(`drop table if exists "agreement_annex" cascade;`);

    this.addSql(`alter table "initiative" drop constraint if exists "initiative_status_check";`);

    this.addSql(`alter table "agreement_participant" drop column "status", drop column "left_on", drop column "left_reason";`);

    this.addSql(`alter table "initiative" drop column "agreement_number", drop column "agreement_signed_on";`);

    this.addSql(`alter table "initiative" add constraint "initiative_status_check" check("status" in ('PLANNED', 'RUNNING', 'COMPLETED', 'CANCELLED'));`);
  }

}
