import { Field, InputType } from "type-graphql";
import { DateScalar } from "@bdp/kit/server";
import { AgeBand, EducationLevel, LabourMarketStatus, Sex, SituationOnLeaving, TargetGroup } from "@bdp/kit/domain";
import { EnrolmentStatus } from "./enrolment.entity.js";

@InputType({ description: "A pseudonymous participant to enrol; never a name, PESEL or birth date." })
export class EnrolmentInput {
  @Field({ description: "The provider's pseudonym, 3 to 40 characters, unique in the edition." })
  participantRef!: string;

  @Field(() => Sex, { description: "Sex." })
  sex!: Sex;

  @Field(() => AgeBand, { description: "Age band of the current split (a legacy band is refused)." })
  ageBand!: AgeBand;

  @Field(() => [TargetGroup], { description: "Target groups, 0 to 18, in force on the day of enrolment (see `vocabulary`)." })
  targetGroups!: TargetGroup[];

  @Field(() => DateScalar, { description: "Date of enrolment." })
  enrolledOn!: string;

  @Field(() => String, { nullable: true, description: "TERYT code of the gmina the participant lives in (7 digits; a town or rural part counts in its gmina)." })
  residenceCode?: string | null;

  @Field(() => LabourMarketStatus, { nullable: true, description: "Labour-market status on entry (ESF+)." })
  statusOnEntry?: LabourMarketStatus | null;

  @Field(() => EducationLevel, { nullable: true, description: "Highest education completed on entry (ESF+)." })
  educationLevel?: EducationLevel | null;
}

@InputType({ description: "Changes to an enrolment: its status and outcomes." })
export class EnrolmentChanges {
  @Field(() => EnrolmentStatus, { nullable: true, description: "New status." })
  status?: EnrolmentStatus;

  @Field(() => DateScalar, { nullable: true, description: "Date of completion." })
  completedOn?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether the certificate was obtained." })
  certificateObtained?: boolean;

  @Field(() => Boolean, { nullable: true, description: "Employed within 3 months of completion." })
  employedWithin3Months?: boolean | null;

  @Field(() => SituationOnLeaving, { nullable: true, description: "Where the participant stood on leaving (ESF+); only once the enrolment is completed or dropped out." })
  situationOnLeaving?: SituationOnLeaving | null;

  @Field(() => Boolean, { nullable: true, description: "In employment six months after leaving (ESF+); only once the enrolment is completed or dropped out." })
  employedAfter6Months?: boolean | null;
}
