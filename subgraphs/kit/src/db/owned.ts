import type { EntityManager, FilterQuery, EntityData } from "@mikro-orm/postgresql";
import type { ClassType } from "type-graphql";
import type { HubContext } from "../context.js";
import { HubError } from "../errors.js";
import { requirePartner } from "../auth/authorize.js";
import { AuditAction } from "../audit/audit.entity.js";
import { audit, diff } from "../audit/audit.js";
import { checkVersion, writeTransaction } from "./write.js";

/**
 * The three writes every partner-owned record has, each one transaction
 * with its audit entry: only the owning partner may write; updates name the
 * version they read (CONFLICT otherwise); records about people are audited
 * without their values.
 */
interface Owned<E extends object> {
  entity: ClassType<E>;
  /** GraphQL type name, used in errors and the audit trail. */
  type: string;
  /** Fields recorded in the audit trail. */
  audited: readonly (keyof E & string)[];
  /** Records about people: audit field names only. */
  personal?: boolean;
}

type Versioned = { id: string; version: number };
const snapshot = <E>(record: E, fields: readonly (keyof E & string)[]) => Object.fromEntries(fields.map((f) => [f, record[f]]));

export async function createOwned<E extends Versioned>(
  ctx: HubContext,
  spec: Owned<E> & { ownerPartnerId: string; data: EntityData<E>; check?: (tx: EntityManager) => Promise<void> },
): Promise<E> {
  requirePartner(ctx, spec.ownerPartnerId);
  return writeTransaction(ctx.em, async (tx) => {
    await spec.check?.(tx);
    const record = tx.create(spec.entity, spec.data as never) as E;
    await tx.flush();
    audit(tx, ctx, { action: AuditAction.CREATE, entityType: spec.type, entityId: record.id, ownerPartnerId: spec.ownerPartnerId, personal: spec.personal, changes: diff(null, snapshot(record, spec.audited), spec.audited) });
    return record;
  });
}

export async function updateOwned<E extends Versioned>(
  ctx: HubContext,
  spec: Owned<E> & {
    id: string;
    version: number;
    owner: (record: E) => string;
    fields: Partial<E>;
    populate?: string[];
    /** Checks that need the record as stored (and the transaction). */
    check?: (tx: EntityManager, record: E) => Promise<void>;
  },
): Promise<E> {
  return writeTransaction(ctx.em, async (tx) => {
    const record = (await tx.findOne(spec.entity, { id: spec.id } as FilterQuery<E>, { populate: (spec.populate ?? []) as never })) as E | null;
    if (!record) throw HubError.notFound(spec.type, spec.id);
    requirePartner(ctx, spec.owner(record));
    checkVersion(record, spec.version, spec.type);
    await spec.check?.(tx, record);
    const before = snapshot(record, spec.audited);
    tx.assign(record as object, spec.fields as object);
    await tx.flush();
    audit(tx, ctx, { action: AuditAction.UPDATE, entityType: spec.type, entityId: record.id, ownerPartnerId: spec.owner(record), personal: spec.personal, changes: diff(before, snapshot(record, spec.audited), spec.audited) });
    return record;
  });
}

export async function deleteOwned<E extends Versioned>(
  ctx: HubContext,
  spec: Owned<E> & { id: string; owner: (record: E) => string; populate?: string[] },
): Promise<string> {
  return writeTransaction(ctx.em, async (tx) => {
    const record = (await tx.findOne(spec.entity, { id: spec.id } as FilterQuery<E>, { populate: (spec.populate ?? []) as never })) as E | null;
    if (!record) throw HubError.notFound(spec.type, spec.id);
    requirePartner(ctx, spec.owner(record));
    audit(tx, ctx, { action: AuditAction.DELETE, entityType: spec.type, entityId: record.id, ownerPartnerId: spec.owner(record), personal: spec.personal, changes: diff(snapshot(record, spec.audited), null, spec.audited) });
    tx.remove(record as object);
    return record.id;
  });
}
