import { Migration } from '@mikro-orm/migrations';

export class Migration20261208050016_call_instruments extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "instrument_call" drop constraint if exists "instrument_call_instrument_check";`);

    this.addSql(`alter table "instrument_call" add constraint "instrument_call_instrument_check" check("instrument" in ('START_UP_GRANT', 'WORKSTATION_EQUIPMENT_REFUND', 'WAGE_SUBSIDY_50_PLUS', 'INTERVENTION_WORKS', 'PUBLIC_WORKS', 'EDUCATION_LOAN'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "instrument_call" drop constraint if exists "instrument_call_instrument_check";`);

    this.addSql(`alter table "instrument_call" add constraint "instrument_call_instrument_check" check("instrument" in ('TRAINING', 'TRAINEESHIP', 'INTERVENTION_WORKS', 'PUBLIC_WORKS', 'START_UP_GRANT', 'WORKSTATION_EQUIPMENT_REFUND', 'TRAINING_VOUCHER', 'LIFELONG_LEARNING_VOUCHER', 'EDUCATION_LOAN', 'WAGE_SUBSIDY_50_PLUS', 'KFS_EMPLOYER_TRAINING', 'JOB_PLACEMENT', 'CAREER_GUIDANCE'));`);
  }

}
