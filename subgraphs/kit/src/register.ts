import { pathOf, signRequest } from "./auth/signature.js";
import type { Identity, RegisterLookup, RegisterPartner } from "./context.js";
import { HubError } from "./errors.js";


/**
 * Asks the partner register (its GraphQL URL) about one partner, signed as
 * the gateway signs, on behalf of the caller. For facts a subgraph keeps a
 * copy of as they were at the time of a write (the employer's sector on a
 * job place), so that statistics can be grouped by them in SQL.
 */
export function registerLookup(registerUrl: string, signingKey: string, identity: Identity, timeoutMs = 5_000): RegisterLookup {
  return async (partnerId) => {
    const body = JSON.stringify({ query: "query($id: ID!) { partner(id: $id) { id sector status } }", variables: { id: partnerId } });
    let answer: { data?: { partner: RegisterPartner | null }; errors?: { message: string }[] };
    try {
      const response = await fetch(registerUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...signRequest(signingKey, identity, { method: "POST", path: pathOf(registerUrl), audience: "partners", body }) },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      answer = (await response.json()) as typeof answer;
    } catch (error) {
      throw new HubError("SUBGRAPH_UNAVAILABLE", "The partner register did not answer; nothing was written. Retry later.", { subgraph: "partners", reason: error instanceof Error && error.name === "TimeoutError" ? "timeout" : "no answer" });
    }
    if (answer.errors?.length || !answer.data) {
      throw new HubError("SUBGRAPH_UNAVAILABLE", "The partner register could not answer; nothing was written. Retry later.", { subgraph: "partners", reason: answer.errors?.[0]?.message });
    }
    return answer.data.partner;
  };
}
