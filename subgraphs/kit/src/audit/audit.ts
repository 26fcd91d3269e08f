import type { EntityManager } from "@mikro-orm/postgresql";
import type { HubContext } from "../context.js";
import { AuditAction, AuditEntry } from "./audit.entity.js";

/** `{ field: [before, after] }` for the fields whose value differs. */
export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null, fields: readonly string[]): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const field of fields) {
    const a = before?.[field] ?? null;
    const b = after?.[field] ?? null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out[field] = [a, b];
  }
  return out;
}

/**
 * Records a write in the same transaction as the write itself, so a write
 * is never without its audit entry nor an entry without its write.
 */
export function audit(
  em: EntityManager,
  ctx: Pick<HubContext, "identity">,
  entry: {
    action: AuditAction;
    entityType: string;
    entityId: string;
    ownerPartnerId: string | null;
    changes: Record<string, [unknown, unknown]>;
    /** Records about people: keep which fields changed, not their values. */
    personal?: boolean;
    reason?: string | null;
  },
): void {
  const identity = ctx.identity;
  em.persist(
    em.create(AuditEntry, {
      at: new Date(),
      userId: identity.kind === "anonymous" ? "anonymous" : identity.userId,
      role: identity.kind,
      actingPartnerId: identity.kind === "partner" ? identity.partnerId : null,
      ownerPartnerId: entry.ownerPartnerId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      changes: (entry.personal ? Object.fromEntries(Object.keys(entry.changes).map((k) => [k, null])) : entry.changes) as AuditEntry["changes"],
      reason: entry.reason ?? null,
    }),
  );
}
