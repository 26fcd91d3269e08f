import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { ClientAddress } from "./client-address.js";

const request = (remoteAddress: string, forwardedFor?: string | string[]) => ({ socket: { remoteAddress }, headers: forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor } }) as unknown as IncomingMessage;

/** X-Forwarded-For believed from the balancer only (issue #13, item 5). */
describe("the client's address", () => {
  const behind = new ClientAddress(["127.0.0.2", "10.20.0.0/16"]);

  it("is the connection's when no balancer is trusted, whatever the header says", () => {
    expect(new ClientAddress().of(request("::ffff:203.0.113.9", "198.51.100.1"))).toBe("203.0.113.9");
  });

  it("is the connection's when it does not come from a trusted balancer", () => {
    expect(behind.of(request("127.0.0.1", "198.51.100.1"))).toBe("127.0.0.1");
  });

  it("is what the balancer appended, not what the client sent before it", () => {
    expect(behind.of(request("127.0.0.2", "198.51.100.1, 203.0.113.9"))).toBe("203.0.113.9");
    expect(behind.of(request("127.0.0.2", ["198.51.100.1", "203.0.113.9"]))).toBe("203.0.113.9");
  });

  it("skips trusted hops from the right, and believes nothing left of a value that is not an address", () => {
    expect(behind.of(request("10.20.3.4", "203.0.113.9, 10.20.9.9"))).toBe("203.0.113.9");
    expect(behind.of(request("127.0.0.2", "203.0.113.9, not-an-address"))).toBe("127.0.0.2");
    expect(behind.of(request("127.0.0.2"))).toBe("127.0.0.2");
  });

  it("refuses a setting that is not an address or a range", () => {
    expect(() => new ClientAddress(["10.0.0.0/abc"])).toThrow(/TRUSTED_PROXIES/);
    expect(() => new ClientAddress(["balancer.local"])).toThrow(/TRUSTED_PROXIES/);
  });
});
