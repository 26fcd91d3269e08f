import { AuditEntry, OutboxEvent, relayToRegister, type SubgraphDefinition } from "@bdp/kit/server";
import { LabourMarketIssue, PriorityVote } from "./issue/issue.entity.js";
import { Strategy, StrategyGoal } from "./strategy/strategy.entity.js";
import { Consultation, ConsultationPosition } from "./consultation/consultation.entity.js";
import { AgreementParticipant, Initiative } from "./initiative/initiative.entity.js";
import { AgreementAnnex, Expenditure, FundingShare } from "./initiative/money.entity.js";
import { FundingApplication, FundingCall } from "./initiative/funding.entity.js";
import { Indicator, IndicatorMeasurement } from "./indicator/indicator.entity.js";
import { UnemploymentStatistic } from "./statistics/unemployment.entity.js";
import { createLoaders, type Loaders } from "./loaders.js";
import { buildSchema } from "./schema.js";
import { migrations } from "./migrations/index.js";
import { seed } from "./seed.js";
import { DeadlineReminders } from "./reminders.js";
import { AppliedResolution } from "./resolution/applied-resolution.entity.js";
import { ResolutionEffects } from "./resolution/resolution-effects.js";

/** Labour-market issues, strategies, consultations, initiatives with executive agreements, indicators and unemployment statistics. */
export const definition: SubgraphDefinition<Loaders> = {
  name: "labour-market",
  defaultPort: 4002,
  entities: [LabourMarketIssue, PriorityVote, Strategy, StrategyGoal, Consultation, ConsultationPosition, Initiative, AgreementParticipant, FundingShare, Expenditure, AgreementAnnex, FundingCall, FundingApplication, Indicator, IndicatorMeasurement, UnemploymentStatistic, AppliedResolution, AuditEntry, OutboxEvent],
  migrations,
  buildSchema,
  createLoaders,
  seed,
  // its events (a consultation opened, a part proposed to a partner) reach partners' webhooks through the register, and
  // the resolutions of the partnership's bodies on its issues and strategies come from it (issue #15)
  background(db, service) {
    const stopRelay = relayToRegister(db, service);
    // deadlines near are told as news, through the same outbox (DEADLINE_REMINDERS=off: not told)
    const reminders = service.env.DEADLINE_REMINDERS === "off" ? undefined : new DeadlineReminders(db.orm.em.fork() as never, service.log.child({ component: "reminders" }), Number(service.env.REMINDER_EVERY_MS ?? 3_600_000)).start();
    // the effects of the partnership's resolutions on issues and strategies, taken from the register
    const effects = service.registerUrl ? new ResolutionEffects(db.orm.em.fork() as never, service.registerUrl, service.signingKey, service.log.child({ component: "resolutions" }), Number(service.env.EFFECTS_POLL_MS ?? 2_000)).start() : undefined;
    return async () => {
      await effects?.stop();
      await reminders?.stop();
      await stopRelay();
    };
  },
};
