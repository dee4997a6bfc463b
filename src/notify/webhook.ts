/** The JSON webhook: one POST per region's notification; any non-2xx answer is an error (then a retry). */

export async function postWebhook(url: string, payload: unknown, timeoutMs = 30_000): Promise<number> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8", "user-agent": "nok-monitor" },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (!res.ok) throw new Error(`веб-хук ответил HTTP ${res.status}`);
  return res.status;
}
