import { Entity, OptionalProps, PrimaryKey, Property } from "@mikro-orm/core";

/**
 * What the labour market did with one resolution's effect (issue #15, item
 * 1): written in the transaction that takes it, so an effect handed out
 * twice (a report to the register lost, two replicas asking) is taken once
 * and answered the same way again.
 */
@Entity({ tableName: "applied_resolution" })
export class AppliedResolution {
  [OptionalProps]?: "settledAt";

  /** The register's resolution. */
  @PrimaryKey({ type: "uuid" })
  resolutionId!: string;

  @Property({ length: 40 })
  effect!: string;

  @Property({ type: "uuid" })
  subjectId!: string;

  @Property()
  applied!: boolean;

  /** What was done, or why it could not be. */
  @Property({ type: "text" })
  note!: string;

  @Property({ type: "timestamptz" })
  settledAt: Date = new Date();
}
