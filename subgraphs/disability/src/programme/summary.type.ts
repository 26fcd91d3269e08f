import { Field, ObjectType } from "type-graphql";
import { SuppressibleCount } from "@bdp/kit/statistics";
import { DisabilityDegree, ParticipantOutcome } from "../vocabulary.js";

@ObjectType({ description: "Participants of one degree of disability." })
export class DegreeCount {
  @Field(() => DisabilityDegree, { description: "Degree of disability." })
  degree!: DisabilityDegree;

  @Field(() => SuppressibleCount, { description: "Participants with this degree." })
  count!: SuppressibleCount;
}

@ObjectType({ description: "Participants with one outcome." })
export class OutcomeCount {
  @Field(() => ParticipantOutcome, { description: "Outcome." })
  outcome!: ParticipantOutcome;

  @Field(() => SuppressibleCount, { description: "Participants with this outcome." })
  count!: SuppressibleCount;
}

@ObjectType({ description: "Participants of an activation programme in aggregate: exact for the operator holding the records, withheld for everyone else." })
export class ParticipantSummary {
  @Field(() => SuppressibleCount, { description: "All participants, past and present." })
  total!: SuppressibleCount;

  @Field(() => [DegreeCount], { description: "Participants by degree of disability." })
  byDegree!: DegreeCount[];

  @Field(() => [OutcomeCount], { description: "Participants by outcome." })
  byOutcome!: OutcomeCount[];
}
