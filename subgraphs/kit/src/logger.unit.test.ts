import { describe, expect, it } from "vitest";
import { redactSql } from "./logger.js";

describe("log redaction", () => {
  it("keeps a failed statement's values (possibly personal data) out of the log", () => {
    const message = `insert into "activation_participant" ("pseudonym", "degree") values ('P-0042', 'MODERATE') - Client has encountered a connection error and is not queryable`;
    expect(redactSql(message)).toBe("insert into <statement redacted> - Client has encountered a connection error and is not queryable");
    expect(redactSql(`DriverException: ${message}\n    at x (y.js:1:1)`)).toBe(
      "DriverException: insert into <statement redacted> - Client has encountered a connection error and is not queryable\n    at x (y.js:1:1)",
    );
  });

  it("leaves other messages alone", () => {
    expect(redactSql("Cannot set headers after they are sent - twice")).toBe("Cannot set headers after they are sent - twice");
    expect(redactSql("connect ECONNREFUSED 127.0.0.1:5432")).toBe("connect ECONNREFUSED 127.0.0.1:5432");
  });
});
