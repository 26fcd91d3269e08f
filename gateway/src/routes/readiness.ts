/**
 * Readiness of a gateway replica: whether this replica can serve, and what
 * it serves with.
 *
 * - Ready once it serves the registry's supergraph (with plugins): a replica
 *   started after an admission answers its first request with the plugin in
 *   the graph (issue #13, item 2). The answer names the supergraph version.
 * - A subgraph that does not answer, or Redis away, makes the replica
 *   degraded, not unready: it still answers everything else (the fields of a
 *   subgraph that is down come back as SUBGRAPH_UNAVAILABLE, the shared state
 *   falls back to memory), and every replica shares the same subgraphs and
 *   Redis, so a balancer taking them all out would turn a partial outage into
 *   a whole one. The bench found that: under load the subgraphs' own health
 *   answered late, both gateways failed their checks and HAProxy refused
 *   every request while the gateways were serving.
 * - A probe asks the subgraphs (one asking at a time, shared by the probes
 *   meanwhile) and waits for them half a second at most, answering with what
 *   was last known: a balancer's check is never held up by a busy subgraph.
 */
const WAIT_AT_MOST_MS = 500;

export function gatewayReady(
  urls: Record<string, string>,
  supergraph?: { loaded: () => boolean; version: () => number },
  sharedState?: () => { store: string; redis?: string },
): () => Promise<{ ok: boolean; detail: Record<string, unknown> }> {
  const states: Record<string, "ready" | "unavailable" | "not asked yet"> = Object.fromEntries(Object.keys(urls).map((name) => [name, "not asked yet"]));
  let asking: Promise<void> | undefined;
  const ask = () =>
    (asking ??= Promise.all(
      Object.entries(urls).map(async ([name, url]) => {
        const ok = await fetch(new URL("/health/ready", url), { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
        states[name] = ok ? "ready" : "unavailable";
      }),
    )
      .then(() => {})
      .finally(() => {
        asking = undefined;
      }));
  return async () => {
    await Promise.race([ask(), new Promise((r) => setTimeout(r, WAIT_AT_MOST_MS).unref())]);
    const loaded = supergraph?.loaded() ?? true;
    const shared = sharedState?.();
    const degraded = [...Object.entries(states).flatMap(([name, state]) => (state === "unavailable" ? [`subgraph:${name}`] : [])), ...(shared?.redis === "unreachable" ? ["redis"] : [])];
    return {
      ok: loaded,
      detail: {
        ...(loaded && degraded.length ? { status: "degraded", degraded } : {}),
        subgraphs: { ...states },
        ...(supergraph ? { supergraph: loaded ? { version: supergraph.version() } : "not loaded yet" } : {}),
        ...(shared ? { sharedState: shared } : {}),
      },
    };
  };
}
