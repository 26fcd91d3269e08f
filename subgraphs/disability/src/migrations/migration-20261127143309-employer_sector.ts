import { Migration } from '@mikro-orm/migrations';

export class Migration20261127143309_employer_sector extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "disability_job_place" add column "employer_sector" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "disability_job_place" drop column "employer_sector";`);
  }

}
