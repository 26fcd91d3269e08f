/** The gateway is ready when every subgraph it composes says it is (`/health/ready`, 2 s each). */
export function subgraphsReady(urls: Record<string, string>): () => Promise<{ ok: boolean; detail: Record<string, unknown> }> {
  return async () => {
    const checks = await Promise.all(
      Object.entries(urls).map(async ([name, url]) => {
        const ok = await fetch(new URL("/health/ready", url), { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
        return [name, ok ? "ready" : "unavailable"] as const;
      }),
    );
    return { ok: checks.every(([, state]) => state === "ready"), detail: { subgraphs: Object.fromEntries(checks) } };
  };
}
