import { Migration } from '@mikro-orm/migrations';

export class Migration20261201143212_plugin_registry extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" ("id" uuid not null, "at" timestamptz not null, "user_id" varchar(200) not null, "role" varchar(20) not null, "acting_partner_id" uuid null, "owner_partner_id" uuid null, "action" text check ("action" in ('CREATE', 'UPDATE', 'DELETE', 'DECIDE')) not null, "entity_type" varchar(60) not null, "entity_id" uuid not null, "changes" jsonb not null, "reason" text null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_entry_owner_partner_id_at_index" on "audit_entry" ("owner_partner_id", "at");`);
    this.addSql(`create index "audit_entry_entity_type_entity_id_at_index" on "audit_entry" ("entity_type", "entity_id", "at");`);

    this.addSql(`create table "plugin_slug" ("slug" varchar(40) not null, "generation" int not null default 0, constraint "plugin_slug_pkey" primary key ("slug"));`);

    this.addSql(`create table "supergraph_version" ("version" int not null, "sdl" text not null, "change" varchar(200) not null, "created_at" timestamptz not null, constraint "supergraph_version_pkey" primary key ("version"));`);

    this.addSql(`alter table "plugin_registration" add column "generation" int not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "plugin_slug" cascade;`);

    this.addSql(`drop table if exists "supergraph_version" cascade;`);

    this.addSql(`alter table "plugin_registration" drop column "generation";`);
  }

}
