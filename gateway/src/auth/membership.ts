import type { ApolloServerPlugin } from "@apollo/server";
import { Kind, type OperationDefinitionNode } from "graphql";
import { HubError, postSigned, type Logger } from "@bdp/kit/server";
import type { GatewayContext } from "../context.js";

type Barred = "SUSPENDED" | "WITHDRAWN";

/** What a suspended partner may still do: leave. */
const WHILE_SUSPENDED = new Set(["withdrawFromPartnership", "__typename"]);
/** Mutations that change a partner's membership: the gateway that ran one reads the statuses again before it answers. */
const MEMBERSHIP_CHANGES = new Set(["suspendPartner", "reinstatePartner", "withdrawFromPartnership", "recordResolution"]);

const QUERY = `query($after: String) { partners(first: 100, after: $after, filter: { statuses: [SUSPENDED, WITHDRAWN] }) { pageInfo { hasNextPage endCursor } nodes { id status } } }`;

/**
 * A suspended or withdrawn partner writes nothing anywhere (issue #15, item
 * 4). The register decides membership; every subgraph's writes come through
 * the gateway, so the gateway refuses a partner's mutation (FORBIDDEN,
 * reason PARTNER_SUSPENDED or PARTNER_WITHDRAWN) before any subgraph sees it.
 * A suspended partner may still withdraw. Reads stay open.
 *
 * The barred partners are read from the register every `refreshMs` and at
 * once after a membership change through this gateway, so another replica
 * follows within `refreshMs`. When the register cannot be read the last list
 * stands (none before the first read: a warning says so).
 */
export class MembershipGuard {
  private barred = new Map<string, Barred>();
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> | undefined;

  constructor(
    private readonly registerUrl: string,
    private readonly signingKey: string,
    private readonly log: Logger,
    private readonly refreshMs = 10_000,
  ) {}

  start(): this {
    this.timer = setInterval(() => void this.refresh(), this.refreshMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  statusOf(partnerId: string): Barred | undefined {
    return this.barred.get(partnerId);
  }

  /** Reads the barred partners again (one read at a time: callers meanwhile wait for it). */
  refresh(): Promise<void> {
    this.reading ??= this.read().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async read(): Promise<void> {
    try {
      const barred = new Map<string, Barred>();
      let after: string | null = null;
      do {
        type Answer = { data?: { partners: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: { id: string; status: Barred }[] } }; errors?: { message: string }[] };
        const answer: Answer = await postSigned<Answer>(new URL(this.registerUrl), "partners", this.signingKey, { query: QUERY, variables: { after } }, 5_000);
        if (!answer.data) throw new Error(answer.errors?.[0]?.message ?? "no data");
        for (const node of answer.data.partners.nodes) barred.set(node.id, node.status);
        after = answer.data.partners.pageInfo.hasNextPage ? answer.data.partners.pageInfo.endCursor : null;
      } while (after);
      this.barred = barred;
    } catch (error) {
      this.log.warn("could not read the partners' membership from the register; the last list stands", { error: error instanceof Error ? error.message : String(error), barred: this.barred.size });
    }
  }

  plugin(): ApolloServerPlugin<GatewayContext> {
    return {
      requestDidStart: async ({ contextValue }) => ({
        didResolveOperation: async ({ operation }) => {
          const identity = contextValue.identity;
          if (operation?.operation !== "mutation" || identity.kind !== "partner") return;
          const status = this.statusOf(identity.partnerId);
          if (!status) return;
          const fields = topLevelFields(operation);
          if (status === "SUSPENDED" && fields?.every((f) => WHILE_SUSPENDED.has(f))) return;
          throw new HubError("FORBIDDEN", `The partner is ${status.toLowerCase()}: it writes nothing${status === "SUSPENDED" ? " until it is reinstated (it may still withdraw)" : ""}`, { reason: status === "SUSPENDED" ? "PARTNER_SUSPENDED" : "PARTNER_WITHDRAWN" });
        },
        willSendResponse: async ({ operation, errors }) => {
          if (!operation || operation.operation !== "mutation" || errors?.length) return;
          if (topLevelFields(operation)?.some((f) => MEMBERSHIP_CHANGES.has(f))) await this.refresh();
        },
      }),
    };
  }
}

/** The operation's top-level field names; null when a fragment stands at the top (then nothing is taken as allowed). */
function topLevelFields(operation: OperationDefinitionNode): string[] | null {
  const names: string[] = [];
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) return null;
    names.push(selection.name.value);
  }
  return names;
}
