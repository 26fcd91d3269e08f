import { Entity, Property, Unique } from "@mikro-orm/core";
import { HubRecord } from "@bdp/kit/server";

/**
 * A trusted document (issue #17): an operation a front-end registered at
 * build time, from the manifest its codegen wrote. The gateway runs it by id
 * and, per its setting, holds callers to these documents. A client's
 * documents are only ever added: the builds still in users' browsers keep
 * working while a new one rolls out.
 */
@Entity({ tableName: "trusted_document" })
@Unique({ properties: ["client", "documentId"] })
export class TrustedDocument extends HubRecord {
  /** The front-end that registered it (kebab-case, e.g. `municipality-dashboard`). */
  @Property({ length: 60 })
  client!: string;

  /** `sha256:` and the SHA-256 of the document's text, in hex: what the client sends as `documentId`. */
  @Property({ length: 71 })
  documentId!: string;

  /** The document's text, exactly as hashed. */
  @Property({ type: "text" })
  body!: string;

  /** Who registered it (the coordinator's user id). */
  @Property({ length: 200 })
  registeredBy!: string;
}
