import { DriverException, OptimisticLockError, UniqueConstraintViolationException, CheckConstraintViolationException, NotNullConstraintViolationException } from "@mikro-orm/core";
import { HubError } from "../errors.js";

/**
 * Database refusals as coded errors (the write pipeline, pipeline.ts, turns
 * every failed write into one): a concurrent change of the same version or
 * a duplicate key is a CONFLICT; a broken check is BAD_USER_INPUT.
 */
export function toHubError(error: unknown): unknown {
  if (error instanceof HubError) return error;
  if (error instanceof OptimisticLockError) return new HubError("CONFLICT", "The record changed since you read it: read it again and reapply your change");
  if (error instanceof UniqueConstraintViolationException) {
    const constraint = (error as DriverException & { constraint?: string }).constraint;
    return new HubError("CONFLICT", "A record with the same unique value exists", constraint ? { constraint } : {});
  }
  if (error instanceof CheckConstraintViolationException || error instanceof NotNullConstraintViolationException) {
    return new HubError("BAD_USER_INPUT", "A value is outside what the record allows");
  }
  return error;
}

/** Updates carry the version they read: a stale one is refused, never overwritten. */
export function checkVersion(record: { version: number }, expected: number, type: string): void {
  if (!Number.isInteger(expected)) throw HubError.badInput("version", "must be the record's version as read");
  if (record.version !== expected) {
    throw new HubError("CONFLICT", `${type} is at version ${record.version}, not ${expected}: read it again and reapply your change`, { currentVersion: record.version });
  }
}
