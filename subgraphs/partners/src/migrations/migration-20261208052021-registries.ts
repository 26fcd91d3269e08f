import { Migration } from '@mikro-orm/migrations';

export class Migration20261208052021_registries extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "partner" add column "ris_number" varchar(20) null, add column "kraz_number" varchar(10) null, add column "public_benefit" boolean not null default false, add column "fictional_identifiers" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "partner" drop column "ris_number", drop column "kraz_number", drop column "public_benefit", drop column "fictional_identifiers";`);
  }

}
