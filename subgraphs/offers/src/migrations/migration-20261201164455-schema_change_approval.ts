import { Migration } from '@mikro-orm/migrations';

export class Migration20261201164455_schema_change_approval extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "schema_change_approval" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "reason" text not null, "changes" jsonb not null, constraint "schema_change_approval_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "schema_change_approval" cascade;`);
  }

}
