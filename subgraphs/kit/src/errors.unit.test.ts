import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { HubError, maskError } from "./errors.js";

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

  it("masks an unknown code too", () => {
    const out = maskError({ message: "secret detail", extensions: { code: "SOME_LIBRARY_CODE" } }, new GraphQLError("secret detail"));
    expect(out.message).toBe("Internal server error");
  });
});
