import { Migration } from '@mikro-orm/migrations';

export class Migration20261208053106_pfron_instruments extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "activation_programme" drop constraint if exists "activation_programme_instrument_check";`);

    this.addSql(`alter table "activation_programme" add constraint "activation_programme_instrument_check" check("instrument" in ('SUPPORTED_EMPLOYMENT', 'SHELTERED_ENTERPRISE', 'OCCUPATIONAL_THERAPY_WORKSHOP', 'WAGE_SUBSIDY', 'WORKSTATION_ADAPTATION', 'VOCATIONAL_COUNSELLING', 'TRAINING', 'WORKSTATION_ADAPTATION_REFUND', 'WORKSTATION_EQUIPMENT_REFUND', 'ASSISTANT_COST_REFUND', 'START_UP_FUNDS', 'CONTRIBUTION_REFUND', 'EMPLOYEE_TRAINING_REFUND'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "activation_programme" drop constraint if exists "activation_programme_instrument_check";`);

    this.addSql(`alter table "activation_programme" add constraint "activation_programme_instrument_check" check("instrument" in ('SUPPORTED_EMPLOYMENT', 'SHELTERED_ENTERPRISE', 'OCCUPATIONAL_THERAPY_WORKSHOP', 'WAGE_SUBSIDY', 'WORKSTATION_ADAPTATION', 'VOCATIONAL_COUNSELLING', 'TRAINING'));`);
  }

}
