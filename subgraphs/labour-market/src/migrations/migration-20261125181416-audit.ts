import { Migration } from '@mikro-orm/migrations';

export class Migration20261125181416_audit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" ("id" uuid not null, "at" timestamptz not null, "user_id" varchar(200) not null, "role" varchar(20) not null, "acting_partner_id" uuid null, "owner_partner_id" uuid null, "action" text check ("action" in ('CREATE', 'UPDATE', 'DELETE', 'DECIDE')) not null, "entity_type" varchar(60) not null, "entity_id" uuid not null, "changes" jsonb not null, "reason" text null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_entry_owner_partner_id_at_index" on "audit_entry" ("owner_partner_id", "at");`);
    this.addSql(`create index "audit_entry_entity_type_entity_id_at_index" on "audit_entry" ("entity_type", "entity_id", "at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);
  }

}
