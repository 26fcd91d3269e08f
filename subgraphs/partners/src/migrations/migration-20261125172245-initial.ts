import { Migration } from '@mikro-orm/migrations';

export class Migration20261125172245_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "accession_application" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "organisation_name" varchar(300) not null, "sector" text check ("sector" in ('LOCAL_GOVERNMENT', 'LABOUR_OFFICE', 'BUSINESS', 'NGO', 'EDUCATION', 'OTHER_INSTITUTION', 'INDIVIDUAL')) not null, "nip" varchar(10) null, "regon" varchar(14) null, "krs" varchar(10) null, "municipality_code" varchar(7) not null, "contact_email" varchar(200) not null, "mission_areas" text[] not null, "statement" text not null, "status" text check ("status" in ('SUBMITTED', 'APPROVED', 'REJECTED')) not null default 'SUBMITTED', "submitted_at" timestamptz not null, "decided_at" timestamptz null, "decision_reason" text null, "partner_id" uuid null, constraint "accession_application_pkey" primary key ("id"));`);
    this.addSql(`create index "accession_application_status_index" on "accession_application" ("status");`);
    this.addSql(`create index "accession_application_submitted_at_id_index" on "accession_application" ("submitted_at", "id");`);

    this.addSql(`create table "partner" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(300) not null, "short_name" varchar(60) null, "sector" text check ("sector" in ('LOCAL_GOVERNMENT', 'LABOUR_OFFICE', 'BUSINESS', 'NGO', 'EDUCATION', 'OTHER_INSTITUTION', 'INDIVIDUAL')) not null, "status" text check ("status" in ('ACTIVE', 'SUSPENDED', 'WITHDRAWN')) not null default 'ACTIVE', "nip" varchar(10) null, "regon" varchar(14) null, "krs" varchar(10) null, "municipality_code" varchar(7) not null, "address" jsonb null, "email" varchar(200) null, "phone" varchar(40) null, "website" varchar(300) null, "mission_areas" text[] not null, "competences" text[] not null, "resources_offered" text null, "acceded_on" date not null, "withdrew_on" date null, constraint "partner_pkey" primary key ("id"));`);
    this.addSql(`create index "partner_sector_index" on "partner" ("sector");`);
    this.addSql(`alter table "partner" add constraint "partner_nip_unique" unique ("nip");`);
    this.addSql(`create index "partner_municipality_code_index" on "partner" ("municipality_code");`);
    this.addSql(`create index "partner_acceded_on_id_index" on "partner" ("acceded_on", "id");`);
    this.addSql(`create index "partner_name_id_index" on "partner" ("name", "id");`);

    this.addSql(`create table "representative" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "partner_id" uuid not null, "full_name" varchar(200) not null, "position" varchar(200) not null, "email" varchar(200) null, "phone" varchar(40) null, "primary" boolean not null default false, constraint "representative_pkey" primary key ("id"));`);
    this.addSql(`create index "representative_partner_id_index" on "representative" ("partner_id");`);

    this.addSql(`alter table "representative" add constraint "representative_partner_id_foreign" foreign key ("partner_id") references "partner" ("id") on update cascade on delete cascade;`);
  }

}
