import { LockMode } from "@mikro-orm/core";
import type { EntityData, EntityManager, FilterQuery } from "@mikro-orm/postgresql";
import type { ClassType } from "type-graphql";
import type { HubContext } from "../context.js";
import { HubError } from "../errors.js";
import { requirePartner } from "../auth/authorize.js";
import { AuditAction } from "../audit/audit.entity.js";
import { audit, diff } from "../audit/audit.js";
import { checkVersion, toHubError } from "./write.js";
import { OutboxEvent, type PublishedEvent } from "../outbox/outbox.entity.js";

/**
 * The one write pipeline (issue #12). Every mutation of every subgraph is
 *
 *   role check (`@Authorized`, before anything) → input validation (the
 *   resolver, before the transaction) → `write(ctx, w => …)`: one
 *   transaction in which the resolver loads (with a lock where it counts),
 *   the pipeline decides NOT_FOUND, FORBIDDEN (ownership) and CONFLICT
 *   (version), the resolver changes, and the pipeline writes one audit
 *   entry per change
 *
 * so ownership, versions and the audit trail are enforced in one place, and
 * nothing is half-written: a refusal anywhere rolls everything back. No
 * resolver opens a transaction or writes an audit entry itself (the
 * architecture test checks it).
 */
export interface Audited<E> {
  /** The GraphQL type name, used in errors and the audit trail. */
  type: string;
  /** Fields recorded in the audit trail. */
  audited: readonly (keyof E & string)[];
  /** The partner whose record it is (null for the partnership's own: consultations, strategies, applications). */
  owner: (record: E) => string | null;
  /** Records about people: the trail names the changed fields without their values. */
  personal?: boolean;
}

type Versioned = { id: string; version: number };
type Pending = { action: AuditAction; record: Versioned; spec: Audited<any>; before: Record<string, unknown> | null; reason?: string | null };

const snapshot = (record: object, fields: readonly string[]) => Object.fromEntries(fields.map((f) => [f, (record as Record<string, unknown>)[f]]));

/** What a mutation does inside the pipeline's transaction. */
export class Writer {
  private readonly pending: Pending[] = [];
  private readonly events: PublishedEvent[] = [];

  constructor(
    /** The transaction: reads inside a write go through it. */
    readonly tx: EntityManager,
    private readonly ctx: Pick<HubContext, "identity">,
  ) {}

  /** A record by id, or NOT_FOUND; `lock` holds its row until the transaction ends (seats, places). */
  async load<E extends object>(entity: ClassType<E>, id: string, options: { type: string; populate?: string[]; lock?: boolean }): Promise<E> {
    const record = await this.tx.findOne(entity, { id } as FilterQuery<E>, {
      populate: (options.populate ?? []) as never,
      // with a populate the query joins: lock the record's own row (alias t0), not the joined ones
      ...(options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, ...(options.populate?.length ? { lockTableAliases: ["t0"] } : {}) } : {}),
    });
    if (!record) throw HubError.notFound(options.type, id);
    return record as E;
  }

  /** Only the partner owning the record may write it: FORBIDDEN otherwise. */
  own(ownerPartnerId: string | null): void {
    if (ownerPartnerId === null) throw new HubError("FORBIDDEN", "Only the partner that owns this record may change it");
    requirePartner(this.ctx, ownerPartnerId);
  }

  /** A record of the caller's partner, at the version the caller read: load, ownership, version, in that order. */
  async loadOwned<E extends Versioned>(entity: ClassType<E>, id: string, spec: Pick<Audited<E>, "type" | "owner"> & { populate?: string[]; lock?: boolean; version?: number }): Promise<E> {
    const record = await this.load(entity, id, spec);
    this.own(spec.owner(record));
    if (spec.version !== undefined) checkVersion(record, spec.version, spec.type);
    return record;
  }

  /** Updates carry the version they read: a stale one is CONFLICT, never overwritten. */
  version(record: Versioned, expected: number, type: string): void {
    checkVersion(record, expected, type);
  }

  /** A new record, audited as created. */
  create<E extends Versioned>(entity: ClassType<E>, data: EntityData<E>, spec: Audited<E>): E {
    const record = this.tx.create(entity, data as never) as E;
    this.pending.push({ action: AuditAction.CREATE, record, spec, before: null });
    return record;
  }

  /** Changes a loaded record, audited with what changed; a decision (`DECIDE`) keeps its reason. */
  update<E extends Versioned>(record: E, change: Partial<E> | ((record: E) => void), spec: Audited<E> & { action?: AuditAction.UPDATE | AuditAction.DECIDE; reason?: string | null }): E {
    const before = snapshot(record, spec.audited);
    if (typeof change === "function") change(record);
    else this.tx.assign(record as object, change as object);
    this.pending.push({ action: spec.action ?? AuditAction.UPDATE, record, spec, before, reason: spec.reason });
    return record;
  }

  /** Deletes a loaded record (a data subject's request, a withdrawal), audited with what it held. */
  remove<E extends Versioned>(record: E, spec: Audited<E>): string {
    this.pending.push({ action: AuditAction.DELETE, record, spec, before: snapshot(record, spec.audited) });
    this.tx.remove(record as object);
    return record.id;
  }

  /**
   * Tells partners of the change (issue #15): the event is written to the
   * subgraph's outbox in this transaction, so it goes out exactly when the
   * change is committed. The subgraph must keep `OutboxEvent` among its entities.
   */
  publish(event: PublishedEvent): void {
    this.events.push(event);
  }

  /** Writes the changes, then one audit entry per change and the events told, in the same transaction. */
  async finish(): Promise<void> {
    await this.tx.flush();
    for (const { action, record, spec, before, reason } of this.pending) {
      const after = action === AuditAction.DELETE ? null : snapshot(record, spec.audited);
      audit(this.tx, this.ctx, { action, entityType: spec.type, entityId: record.id, ownerPartnerId: spec.owner(record), personal: spec.personal, changes: diff(before, after, spec.audited), reason });
    }
    this.pending.length = 0;
    for (const event of this.events) {
      this.tx.persist(
        this.tx.create(OutboxEvent, {
          type: event.type,
          subjectType: event.subjectType,
          subjectId: event.subjectId,
          title: event.title,
          public: event.public ?? false,
          partnerIds: [...(event.partnerIds ?? [])],
          data: typeof event.data === "function" ? event.data() : event.data,
        }),
      );
    }
    this.events.length = 0;
  }
}

/**
 * Runs a write: one transaction, all or nothing; database refusals become
 * coded errors (a concurrent change or a duplicate is CONFLICT, a broken
 * check BAD_USER_INPUT).
 */
export async function write<T>(ctx: Pick<HubContext, "em" | "identity" | "afterCommit">, work: (w: Writer) => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await ctx.em.transactional(async (tx) => {
      const writer = new Writer(tx as EntityManager, ctx);
      const done = await work(writer);
      await writer.finish();
      return done;
    });
  } catch (error) {
    throw toHubError(error);
  }
  ctx.afterCommit?.();
  return result;
}
