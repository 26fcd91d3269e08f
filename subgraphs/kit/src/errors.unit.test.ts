import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { HubError, isDatabaseUnavailable, maskError } from "./errors.js";

describe("error masking", () => {
  it("passes errors thrown on purpose with their code and extensions", () => {
    const error = HubError.badInput("first", "too big", { max: 100 });
    const out = maskError({ message: error.message, extensions: { ...error.extensions, stacktrace: ["x"] } }, error);
    expect(out.extensions).toEqual({ code: "BAD_USER_INPUT", field: "first", max: 100 });
  });

  it("masks an unexpected error as INTERNAL_SERVER_ERROR and reports the original", () => {
    const seen: unknown[] = [];
    const original = new Error('relation "partner" does not exist');
    const wrapped = new GraphQLError(original.message, { originalError: original });
    const out = maskError({ message: original.message, extensions: { code: "INTERNAL_SERVER_ERROR" } }, wrapped, (e) => seen.push(e));
    expect(out).toEqual({ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" }, locations: undefined, path: undefined });
    expect(seen).toEqual([original]);
  });

  it("tells a database that cannot be reached (PostgreSQL restarting) from a failed query: DATABASE_UNAVAILABLE", () => {
    const shutdown = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" });
    const refused = new Error("connect failed", { cause: Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }) });
    const ended = new Error("Connection terminated unexpectedly");
    for (const original of [shutdown, refused, ended]) {
      const out = maskError({ message: original.message, extensions: { code: "INTERNAL_SERVER_ERROR" } }, new GraphQLError(original.message, { originalError: original }));
      expect([original.message, out.extensions?.code]).toEqual([original.message, "DATABASE_UNAVAILABLE"]);
      expect(out.message).not.toContain("5432");
    }
    expect(isDatabaseUnavailable(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
  });

  it("masks an unknown code too", () => {
    const out = maskError({ message: "secret detail", extensions: { code: "SOME_LIBRARY_CODE" } }, new GraphQLError("secret detail"));
    expect(out.message).toBe("Internal server error");
  });
});
