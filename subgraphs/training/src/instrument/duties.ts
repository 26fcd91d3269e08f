import { registerEnumType } from "type-graphql";
import { LAWS, SupportForm } from "@bdp/kit/domain";

/**
 * What a beneficiary of a labour-market instrument undertakes in its
 * agreement (issue #16, item 2), and for how long. The lengths are the
 * statute's where it fixes them; a call may state longer ones, as an office's
 * own rules do.
 */
export enum DutyKind {
  RUN_BUSINESS = "RUN_BUSINESS",
  KEEP_POST = "KEEP_POST",
  KEEP_EMPLOYED = "KEEP_EMPLOYED",
}
registerEnumType(DutyKind, {
  name: "DutyKind",
  description: "A duty an instrument's agreement carries.",
  valuesConfig: {
    RUN_BUSINESS: { description: "Run the business the grant started (prowadzenie działalności gospodarczej) for the months stated." },
    KEEP_POST: { description: "Keep the equipped or created post filled (utrzymanie stanowiska pracy) for the months stated." },
    KEEP_EMPLOYED: { description: "Keep the referred person employed (utrzymanie zatrudnienia) for the months stated after the subsidised period." },
  },
});

/** A duty as a call states it: what, and for how many months from the agreement's start. */
export interface DutyTerm {
  kind: DutyKind;
  months: number;
}

/** The statute's duties of an instrument, with their legal basis: the least a call may state. */
export interface DutyRule extends DutyTerm {
  legalBasis: string;
}

/**
 * The duties the law attaches to each instrument a call may offer. To be
 * checked against the act's text in force (Dz.U. 2025 poz. 620): the lengths
 * are those the 2004 act fixed and the 2025 act kept for these instruments.
 */
export const DUTY_RULES: Partial<Record<SupportForm, readonly DutyRule[]>> = {
  [SupportForm.START_UP_GRANT]: [{ kind: DutyKind.RUN_BUSINESS, months: 12, legalBasis: LAWS.LABOUR_MARKET_2025 }],
  [SupportForm.WORKSTATION_EQUIPMENT_REFUND]: [{ kind: DutyKind.KEEP_POST, months: 24, legalBasis: LAWS.LABOUR_MARKET_2025 }],
  [SupportForm.WAGE_SUBSIDY_50_PLUS]: [],
  [SupportForm.INTERVENTION_WORKS]: [],
  [SupportForm.PUBLIC_WORKS]: [],
  [SupportForm.EDUCATION_LOAN]: [],
};

/** The instruments a call may offer: those given under an agreement with money (grants, refunds, subsidies, loans, works). */
export const CALL_INSTRUMENTS: readonly SupportForm[] = Object.keys(DUTY_RULES) as SupportForm[];
