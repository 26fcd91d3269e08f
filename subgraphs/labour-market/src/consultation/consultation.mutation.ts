import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from "type-graphql";
import {
  AuditAction, DateScalar, HubError, audit, callerPartnerId, checkId, checkOrder, checkText, checkVersion, optionalText, requireCoordinator, writeTransaction,
  type HubContext,
} from "@bdp/kit";
import { Consultation, ConsultationPosition, ConsultationStatus, Stance } from "./consultation.entity.js";
import { LabourMarketIssue } from "../issue/issue.entity.js";
import type { Loaders } from "../loaders.js";

@InputType({ description: "A consultation the coordinator opens among partners." })
export class ConsultationInput {
  @Field({ description: "Subject, 5 to 300 characters." })
  subject!: string;

  @Field(() => String, { nullable: true, description: "Background and questions, at most 10,000 characters." })
  description?: string | null;

  @Field(() => ID, { nullable: true, description: "The issue consulted on." })
  issueId?: string | null;

  @Field(() => ID, { description: "The partner organising it on the coordinator's behalf." })
  organiserId!: string;

  @Field(() => DateScalar, { description: "First day positions are taken." })
  opensOn!: string;

  @Field(() => DateScalar, { description: "Last day positions are taken." })
  closesOn!: string;
}

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
    return writeTransaction(ctx.em, async (tx) => {
      const issue = issueId ? await tx.findOne(LabourMarketIssue, { id: issueId }) : null;
      if (issueId && !issue) throw HubError.badInput("issueId", "no such issue");
      const status = input.opensOn <= new Date().toISOString().slice(0, 10) ? ConsultationStatus.OPEN : ConsultationStatus.PLANNED;
      const consultation = tx.create(Consultation, { subject, description, issue, organiserId, opensOn: input.opensOn, closesOn: input.closesOn, status });
      await tx.flush();
      audit(tx, ctx, { action: AuditAction.CREATE, entityType: "Consultation", entityId: consultation.id, ownerPartnerId: organiserId, changes: { subject: [null, subject], status: [null, status] } });
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
    return writeTransaction(ctx.em, async (tx) => {
      const consultation = await tx.findOne(Consultation, { id: consultationId });
      if (!consultation) throw HubError.notFound("Consultation", consultationId);
      checkVersion(consultation, version, "Consultation");
      if (consultation.status === ConsultationStatus.CLOSED) throw new HubError("CONFLICT", "The consultation is already closed");
      consultation.status = ConsultationStatus.CLOSED;
      consultation.outcome = text;
      await tx.flush();
      audit(tx, ctx, { action: AuditAction.DECIDE, entityType: "Consultation", entityId: consultation.id, ownerPartnerId: consultation.organiserId, changes: { status: [ConsultationStatus.OPEN, ConsultationStatus.CLOSED] }, reason: text });
      return consultation;
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
    return writeTransaction(ctx.em, async (tx) => {
      const consultation = await tx.findOne(Consultation, { id });
      if (!consultation) throw HubError.notFound("Consultation", id);
      if (consultation.status !== ConsultationStatus.OPEN) throw new HubError("CONFLICT", `The consultation is ${consultation.status.toLowerCase()}: it takes no positions`);
      const position = tx.create(ConsultationPosition, { consultation, partnerId, stance, statement: text, submittedOn: new Date().toISOString().slice(0, 10) });
      await tx.flush();
      audit(tx, ctx, { action: AuditAction.CREATE, entityType: "ConsultationPosition", entityId: position.id, ownerPartnerId: partnerId, changes: { stance: [null, stance] } });
      return position;
    });
  }
}
