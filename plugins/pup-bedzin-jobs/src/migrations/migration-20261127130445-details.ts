import { Migration } from '@mikro-orm/migrations';

export class Migration20261127130445_details extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "pup_bedzin_jobs_offer" add column "monthly_salary_from" numeric(10,2) null, add column "employment_type" varchar(100) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pup_bedzin_jobs_offer" drop column "monthly_salary_from", drop column "employment_type";`);
  }

}
