import { Migration } from '@mikro-orm/migrations';

export class Migration20261201162025_trusted_documents extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "trusted_document" ("id" uuid not null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, "client" varchar(60) not null, "document_id" varchar(71) not null, "body" text not null, "registered_by" varchar(200) not null, constraint "trusted_document_pkey" primary key ("id"));`);
    this.addSql(`alter table "trusted_document" add constraint "trusted_document_client_document_id_unique" unique ("client", "document_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "trusted_document" cascade;`);
  }

}
