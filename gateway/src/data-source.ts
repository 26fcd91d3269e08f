import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { HubError } from "@bdp/kit";
import type { GatewayContext } from "./context.js";

/**
 * How the gateway talks to one subgraph: Node's own fetch (undici, with a
 * keep-alive pool) instead of the default make-fetch-happen, the request id
 * passed on, and a subgraph that does not answer reported with its name.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly name: string,
    url: string,
  ) {
    super({ url, fetcher: globalThis.fetch as never });
  }

  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>["willSendRequest"]>>[0]): void {
    if (context?.requestId) request.http?.headers.set("x-request-id", context.requestId);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): ReturnType<RemoteGraphQLDataSource<GatewayContext>["process"]> {
    try {
      return await super.process(options);
    } catch (error) {
      if (error instanceof HubError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      // A refused connection, a reset or a non-GraphQL answer: name the subgraph, hide the rest.
      throw new HubError("SUBGRAPH_UNAVAILABLE", `Subgraph "${this.name}" did not answer`, { subgraph: this.name, reason: reason.slice(0, 200) });
    }
  }
}
