/**
 * The gateway is ready when every subgraph it composes says it is
 * (`/health/ready`, 2 s each) and, with plugins, once it serves the
 * registry's supergraph: a replica started after an admission answers its
 * first request with the plugin in the graph (issue #13, item 2). The answer
 * names the supergraph version served.
 */
export function gatewayReady(
  urls: Record<string, string>,
  supergraph?: { loaded: () => boolean; version: () => number },
  sharedState?: () => { store: string; redis?: string },
): () => Promise<{ ok: boolean; detail: Record<string, unknown> }> {
  return async () => {
    const checks = await Promise.all(
      Object.entries(urls).map(async ([name, url]) => {
        const ok = await fetch(new URL("/health/ready", url), { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
        return [name, ok ? "ready" : "unavailable"] as const;
      }),
    );
    const loaded = supergraph?.loaded() ?? true;
    const shared = sharedState?.();
    return {
      ok: loaded && checks.every(([, state]) => state === "ready"),
      detail: {
        subgraphs: Object.fromEntries(checks),
        ...(supergraph ? { supergraph: loaded ? { version: supergraph.version() } : "not loaded yet" } : {}),
        ...(shared ? { sharedState: shared } : {}),
        // Redis away is a degradation, not an outage: a balancer keeps sending traffic (readiness stays 200)
        ...(shared?.redis === "unreachable" ? { degraded: ["redis"] } : {}),
      },
    };
  };
}
