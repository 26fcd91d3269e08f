import type { IncomingMessage } from "node:http";
import { BlockList, isIP } from "node:net";

/**
 * The address a request comes from, for the anonymous rate limit (issue #13,
 * item 5). Behind a load balancer every request arrives from the balancer, so
 * its `X-Forwarded-For` names the client, but only a balancer may say so:
 * the header is read only when the connection comes from an address in
 * TRUSTED_PROXIES, and then from the right, where the balancer appended what
 * it saw, skipping the trusted hops. A client that sends the header itself,
 * to the gateway or through the balancer, changes nothing.
 */
export class ClientAddress {
  private readonly trusted = new BlockList();
  private readonly any: boolean;

  /** `proxies`: addresses or CIDR ranges (`10.0.0.0/8`, `127.0.0.2`, `fd00::/8`). */
  constructor(proxies: readonly string[] = []) {
    for (const entry of proxies) {
      const [address, bits] = entry.split("/");
      const family = isIP(address ?? "") === 6 ? "ipv6" : "ipv4";
      if (!isIP(address ?? "") || (bits !== undefined && !/^\d{1,3}$/.test(bits))) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or a CIDR range`);
      if (bits === undefined) this.trusted.addAddress(address!, family);
      else this.trusted.addSubnet(address!, Number(bits), family);
    }
    this.any = proxies.length > 0;
  }

  of(req: IncomingMessage): string {
    const remote = plain(req.socket.remoteAddress ?? "");
    if (!this.any || !this.isTrusted(remote)) return remote;
    const header = req.headers["x-forwarded-for"];
    const hops = (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((h) => plain(h.trim())).filter(Boolean);
    for (let i = hops.length - 1; i >= 0; i--) {
      // what is not an address is not believed, nor anything left of it
      if (!isIP(hops[i]!)) return remote;
      if (!this.isTrusted(hops[i]!)) return hops[i]!;
    }
    return remote;
  }

  private isTrusted(address: string): boolean {
    const family = isIP(address);
    return family !== 0 && this.trusted.check(address, family === 6 ? "ipv6" : "ipv4");
  }
}

/** `::ffff:127.0.0.1` → `127.0.0.1`. */
function plain(address: string): string {
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}
