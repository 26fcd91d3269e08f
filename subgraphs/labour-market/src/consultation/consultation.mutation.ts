import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from "type-graphql";
import {
  AuditAction, DateScalar, HubError, callerPartnerId, checkId, checkOrder, checkText, optionalText, requireCoordinator, today, write, type Audited, type HubContext,
} from "@bdp/kit/server";
import { Consultation, ConsultationPosition, ConsultationStatus, Stance } from "./consultation.entity.js";
import { LabourMarketIssue } from "../issue/issue.entity.js";
import { Strategy } from "../strategy/strategy.entity.js";
import type { Loaders } from "../loaders.js";

@InputType({ description: "A consultation the coordinator opens among partners." })
export class ConsultationInput {
  @Field({ description: "Subject, 5 to 300 characters." })
  subject!: string;

  @Field(() => String, { nullable: true, description: "Background and questions, at most 10,000 characters." })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "The issue consulted on." })
  issueId?: string | null;

  @Field(() => ID, { nullable: true, description: "The strategy consulted on (a draft strategy, or one being revised)." })
  strategyId?: string | null;

  @Field(() => ID, { description: "The partner organising it on the coordinator's behalf." })
  organiserId!: string;

  @Field(() => DateScalar, { description: "First day positions are taken." })
  opensOn!: string;

  @Field(() => DateScalar, { description: "Last day positions are taken." })
  closesOn!: string;
}

const CONSULTATION: Audited<Consultation> = { type: "Consultation", audited: ["subject", "status"], owner: (c) => c.organiserId };
const POSITION: Audited<ConsultationPosition> = { type: "ConsultationPosition", audited: ["stance"], owner: (p) => p.partnerId };

@Resolver(() => Consultation)
export class ConsultationMutations {
  @Authorized("coordinator")
  @Mutation(() => Consultation, { description: "The coordinator opens a consultation (OPEN when it opens today or earlier, else PLANNED)." })
  async openConsultation(@Arg("input", () => ConsultationInput, { description: "The consultation." }) input: ConsultationInput, @Ctx() ctx: HubContext<Loaders>): Promise<Consultation> {
    requireCoordinator(ctx);
    checkOrder("opensOn", input.opensOn, "closesOn", input.closesOn);
    const subject = checkText("subject", input.subject, 5, 300);
    const description = optionalText("description", input.description, 10_000);
    const organiserId = checkId("organiserId", input.organiserId);
    const issueId = input.issueId ? checkId("issueId", input.issueId) : null;
    const strategyId = input.strategyId ? checkId("strategyId", input.strategyId) : null;
    return write(ctx, async (w) => {
      const issue = issueId ? await w.tx.findOne(LabourMarketIssue, { id: issueId }) : null;
      if (issueId && !issue) throw HubError.badInput("issueId", "no such issue");
      const strategy = strategyId ? await w.tx.findOne(Strategy, { id: strategyId }) : null;
      if (strategyId && !strategy) throw HubError.badInput("strategyId", "no such strategy");
      const status = input.opensOn <= today() ? ConsultationStatus.OPEN : ConsultationStatus.PLANNED;
      const consultation = w.create(Consultation, { subject, description, issue, strategy, organiserId, opensOn: input.opensOn, closesOn: input.closesOn, status }, CONSULTATION);
      w.publish({
        type: "CONSULTATION_OPENED", subjectType: "Consultation", subjectId: consultation.id, public: true,
        title: `Konsultacje: ${subject} (${input.opensOn} – ${input.closesOn})`,
        data: () => ({ consultationId: consultation.id, subject, status, opensOn: input.opensOn, closesOn: input.closesOn, organiserId, issueId: issue?.id ?? null, strategyId: strategy?.id ?? null }),
      });
      return consultation;
    });
  }

  @Authorized("coordinator")
  @Mutation(() => Consultation, { description: "The coordinator closes a consultation and records its outcome with the reasons." })
  async closeConsultation(
    @Arg("id", () => ID, { description: "Consultation id." }) id: string,
    @Arg("version", () => Int, { description: "The version the decision is based on." }) version: number,
    @Arg("outcome", { description: "The outcome and its reasons, 5 to 10,000 characters." }) outcome: string,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<Consultation> {
    requireCoordinator(ctx);
    const consultationId = checkId("id", id);
    const text = checkText("outcome", outcome, 5, 10_000);
    return write(ctx, async (w) => {
      const consultation = await w.load(Consultation, consultationId, CONSULTATION);
      w.version(consultation, version, CONSULTATION.type);
      if (consultation.status === ConsultationStatus.CLOSED) throw new HubError("CONFLICT", "The consultation is already closed");
      return w.update(consultation, { status: ConsultationStatus.CLOSED, outcome: text }, { ...CONSULTATION, audited: ["status"], action: AuditAction.DECIDE, reason: text });
    });
  }

  @Authorized("partner")
  @Mutation(() => ConsultationPosition, { description: "Submits the caller's partner's position in an open consultation; one per partner." })
  async submitConsultationPosition(
    @Arg("consultationId", () => ID, { description: "Consultation id." }) consultationId: string,
    @Arg("stance", () => Stance, { description: "The stance." }) stance: Stance,
    @Arg("statement", { description: "The statement, 5 to 10,000 characters." }) statement: string,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<ConsultationPosition> {
    const partnerId = callerPartnerId(ctx);
    const id = checkId("consultationId", consultationId);
    const text = checkText("statement", statement, 5, 10_000);
    return write(ctx, async (w) => {
      const consultation = await w.load(Consultation, id, CONSULTATION);
      if (consultation.status !== ConsultationStatus.OPEN) throw new HubError("CONFLICT", `The consultation is ${consultation.status.toLowerCase()}: it takes no positions`);
      return w.create(ConsultationPosition, { consultation, partnerId, stance, statement: text, submittedOn: today() }, POSITION);
    });
  }
}
