import { Migration } from '@mikro-orm/migrations';

export class Migration20261208043325_partner_sector extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "agreement_participant" add column "partner_sector" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "agreement_participant" drop column "partner_sector";`);
  }

}
