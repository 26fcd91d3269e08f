import { Entity, Property } from "@mikro-orm/core";
import { HubRecord } from "@bdp/kit/server";

/**
 * The coordinator's approval of a core schema change that breaks what
 * clients used in the last 30 days (issue #17): the reason and the changes,
 * kept, and written to the audit trail when made.
 */
@Entity({ tableName: "schema_change_approval" })
export class SchemaChangeApproval extends HubRecord {
  @Property({ type: "text" })
  reason!: string;

  /** The breaking changes approved, as the diff said them. */
  @Property({ type: "json" })
  changes!: string[];
}
