import type { EntityManager } from "@mikro-orm/postgresql";
import { stableId } from "@bdp/kit/server";
import { DEMO_TODAY, Random } from "@bdp/kit/demo";
import { StrategyLevel, type StrategyGoal } from "../strategy/strategy.entity.js";
import { Indicator, IndicatorKind, IndicatorMeasurement } from "./indicator.entity.js";

/**
 * The partnership's own indicators (issue #15, item 3), from a random stream
 * of their own: each goal of the partnership's joint strategy measured by the
 * people it reached, by sex, against a target for the strategy's last day,
 * once a year.
 */
export function seedGoalIndicators(em: EntityManager, goals: StrategyGoal[], count: (table: string) => void): void {
  const rnd = new Random("labour-market-goal-indicators");
  for (const goal of goals.filter((g) => g.strategy.level === StrategyLevel.PARTNERSHIP)) {
    const target = rnd.int(20, 60) * 10;
    const indicator = em.create(Indicator, {
      id: stableId(`goal-indicator:${goal.id}`), strategyGoal: goal, code: "EECO01", name: "Uczestnicy objęci wsparciem w ramach celu", kind: IndicatorKind.OUTPUT,
      unit: "osoby", baseline: "0.00", target: `${target}.00`, bySex: true, targetOn: `${goal.strategy.periodEnd}-12-31`,
    });
    count("indicator");
    let value = 0;
    for (let year = goal.strategy.periodStart; `${year}-12-31` <= DEMO_TODAY; year++) {
      value += Math.round((target / (goal.strategy.periodEnd - goal.strategy.periodStart + 1)) * (0.7 + rnd.next() * 0.5));
      const women = Math.round(value * (0.48 + rnd.next() * 0.1));
      em.create(IndicatorMeasurement, { id: stableId(`goal-measurement:${goal.id}:${year}`), indicator, measuredOn: `${year}-12-31`, value: `${value}.00`, women: `${women}.00`, men: `${value - women}.00` });
      count("indicator_measurement");
    }
  }
}
