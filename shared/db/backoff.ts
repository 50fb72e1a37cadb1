/**
 * The pause before trying a DynamoDB write again: capped exponential with
 * full jitter (a random wait up to the ceiling), so writers that failed
 * together do not come back together.
 */
export function backoff(attempt: number, limits: { baseMs: number; capMs: number } = { baseMs: 25, capMs: 2_000 }): Promise<void> {
  const ceiling = Math.min(limits.capMs, limits.baseMs * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
