import { Migration } from '@mikro-orm/migrations';

export class Migration20261208024225_indicator_goals extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "indicator" add column "strategy_goal_id" uuid null, add column "target_on" date null;`);
    this.addSql(`alter table "indicator" add constraint "indicator_strategy_goal_id_foreign" foreign key ("strategy_goal_id") references "strategy_goal" ("id") on update cascade on delete cascade;`);
    this.addSql(`create index "indicator_strategy_goal_id_index" on "indicator" ("strategy_goal_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "indicator" drop constraint "indicator_strategy_goal_id_foreign";`);

    this.addSql(`drop index "indicator_strategy_goal_id_index";`);
    this.addSql(`alter table "indicator" drop column "strategy_goal_id", drop column "target_on";`);
  }

}
