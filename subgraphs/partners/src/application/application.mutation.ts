import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from "type-graphql";
import {
  AuditAction, HubError, checkEmail, checkId, checkSeatAndArea, checkSet, checkText, requireCoordinator, today, write, type Audited, type HubContext, type Writer,
} from "@bdp/kit/server";
import { MissionArea, Sector, parseKrs, parseNip, parseRegon } from "@bdp/kit/domain";
import { AccessionApplication, ApplicationStatus } from "./application.entity.js";
import { Partner, PartnerStatus } from "../partner/partner.entity.js";
import { WebhookEventType } from "../webhook/webhook-event.js";
import type { Loaders } from "../loaders.js";

@InputType({ description: "An application to join the partnership; anyone may apply." })
export class AccessionApplicationInput {
  @Field({ description: "Name of the organisation or person, 3 to 300 characters." })
  organisationName!: string;

  @Field(() => Sector, { description: "Sector." })
  sector!: Sector;

  @Field(() => String, { nullable: true, description: "NIP (10 digits; PL prefix, spaces and hyphens allowed); required except for private persons." })
  nip?: string | null;

  @Field(() => String, { nullable: true, description: "REGON, 9 or 14 digits." })
  regon?: string | null;

  @Field(() => String, { nullable: true, description: "KRS number, up to 10 digits." })
  krs?: string | null;

  @Field({ description: "TERYT code of the gmina of the applicant's seat (7 digits), anywhere in Poland: the declaration is open to any interested entity." })
  municipalityCode!: string;

  @Field(() => [String], { nullable: true, description: "TERYT codes of the units of the territory where the applicant acts (gminas, the county 2401, the city 2465), at most 20: required when the seat is outside the territory, the seat otherwise." })
  activityArea?: string[] | null;

  @Field({ description: "Contact e-mail; seen only by the coordinator." })
  contactEmail!: string;

  @Field(() => [MissionArea], { description: "1 to 11 mission lines the applicant wants to engage in." })
  missionAreas!: MissionArea[];

  @Field({ description: "What the applicant offers and expects, 20 to 5,000 characters." })
  statement!: string;
}

/** Checked identifiers: NIP, REGON and KRS checksums (shared/DOMAIN.md). */
export function checkIdentifiers(input: { sector?: Sector; nip?: string | null; regon?: string | null; krs?: string | null }): { nip: string | null; regon: string | null; krs: string | null } {
  const nip = input.nip ? parseNip(input.nip) : null;
  if (nip && !nip.ok) throw HubError.badInput("nip", nip.reason);
  if (!nip && input.sector && input.sector !== Sector.INDIVIDUAL) throw HubError.badInput("nip", "is required for organisations");
  const regon = input.regon ? parseRegon(input.regon) : null;
  if (regon && !regon.ok) throw HubError.badInput("regon", regon.reason);
  const krs = input.krs ? parseKrs(input.krs) : null;
  if (krs && !krs.ok) throw HubError.badInput("krs", krs.reason);
  return { nip: nip?.ok ? nip.value : null, regon: regon?.ok ? regon.value : null, krs: krs?.ok ? krs.value : null };
}

/** An application is the partnership's record until approved, then the new partner's. */
const APPLICATION: Audited<AccessionApplication> = { type: "AccessionApplication", audited: ["organisationName", "sector", "status"], owner: (a) => a.partnerId };

@Resolver(() => AccessionApplication)
export class AccessionApplicationMutations {
  @Mutation(() => AccessionApplication, { description: "Applies to join the partnership. Open to anyone, signed in or not: the declaration is open." })
  async applyToJoin(@Arg("input", () => AccessionApplicationInput, { description: "The application." }) input: AccessionApplicationInput, @Ctx() ctx: HubContext<Loaders>): Promise<AccessionApplication> {
    const fields = {
      organisationName: checkText("organisationName", input.organisationName, 3, 300),
      sector: input.sector,
      ...checkIdentifiers(input),
      ...checkSeatAndArea("municipalityCode", input.municipalityCode, "activityArea", input.activityArea),
      contactEmail: checkEmail("contactEmail", input.contactEmail, true)!,
      missionAreas: checkSet("missionAreas", input.missionAreas, 1, 11),
      statement: checkText("statement", input.statement, 20, 5000),
    };
    // open to anyone: no ownership to check
    return write(ctx, async (w) => w.create(AccessionApplication, fields, APPLICATION));
  }

  @Authorized("coordinator")
  @Mutation(() => AccessionApplication, { description: "The coordinator's decision on an application, with its reason. Approval creates the partner (`partnerId`)." })
  async decideApplication(
    @Arg("id", () => ID, { description: "Application id." }) id: string,
    @Arg("version", () => Int, { description: "The version the decision is based on." }) version: number,
    @Arg("approve", { description: "True to approve, false to reject." }) approve: boolean,
    @Arg("reason", { description: "The reason, 5 to 2,000 characters; kept with the decision." }) reason: string,
    @Ctx() ctx: HubContext<Loaders>,
  ): Promise<AccessionApplication> {
    requireCoordinator(ctx);
    const applicationId = checkId("id", id);
    const why = checkText("reason", reason, 5, 2000);
    return write(ctx, async (w) => {
      const application = await w.load(AccessionApplication, applicationId, { type: "AccessionApplication" });
      w.version(application, version, "AccessionApplication");
      return decideApplicationIn(w, application, approve, why);
    });
  }
}

/**
 * Decides an application in the write `w`: approval makes the applicant a
 * partner; the decision and the joining are public news. The coordinator's
 * `decideApplication` and a council's resolution (ADMIT_APPLICANT,
 * REJECT_APPLICANT) both decide this way.
 */
export function decideApplicationIn(w: Writer, application: AccessionApplication, approve: boolean, why: string): AccessionApplication {
  if (application.status !== ApplicationStatus.SUBMITTED) throw new HubError("CONFLICT", `The application was already ${application.status.toLowerCase()}`);
  // approval makes the applicant a partner, in the same transaction as the decision
  const partner = approve
    ? w.tx.create(Partner, {
        name: application.organisationName,
        sector: application.sector,
        status: PartnerStatus.ACTIVE,
        nip: application.nip,
        regon: application.regon,
        krs: application.krs,
        municipalityCode: application.municipalityCode,
        activityArea: application.activityArea,
        missionAreas: application.missionAreas,
        accededOn: today(),
      })
    : null;
  w.update(application, { status: approve ? ApplicationStatus.APPROVED : ApplicationStatus.REJECTED, decidedAt: new Date(), decisionReason: why, partnerId: partner?.id ?? null }, { ...APPLICATION, audited: ["status"], action: AuditAction.DECIDE, reason: why });
  // decisions are public with their reasons; the applicant's contact details are not in them
  w.publish({
    type: WebhookEventType.APPLICATION_DECIDED,
    subjectType: "AccessionApplication",
    subjectId: application.id,
    public: true,
    title: `The application of ${application.organisationName} was ${approve ? "approved" : "rejected"}`,
    data: { applicationId: application.id, organisationName: application.organisationName, sector: application.sector, approved: approve, reason: why, partnerId: partner?.id ?? null },
  });
  if (partner) {
    w.publish({
      type: WebhookEventType.PARTNER_JOINED,
      subjectType: "Partner",
      subjectId: partner.id,
      public: true,
      title: `${partner.name} joined the partnership`,
      data: { partnerId: partner.id, name: partner.name, sector: partner.sector, municipalityCode: partner.municipalityCode, activityArea: partner.activityArea, accededOn: partner.accededOn, missionAreas: partner.missionAreas },
    });
  }
  return application;
}

