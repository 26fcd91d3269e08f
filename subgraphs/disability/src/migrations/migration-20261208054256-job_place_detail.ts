import { Migration } from '@mikro-orm/migrations';

export class Migration20261208054256_job_place_detail extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "disability_job_place" add column "ended_on" date null, add column "wage_band" text check ("wage_band" in ('AT_MINIMUM_WAGE', 'UP_TO_125_PERCENT', 'UP_TO_150_PERCENT', 'ABOVE_150_PERCENT')) null, add column "monthly_subsidy" numeric(10,2) null, add column "equipment_refunded" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "disability_job_place" drop column "ended_on", drop column "wage_band", drop column "monthly_subsidy", drop column "equipment_refunded";`);
  }

}
