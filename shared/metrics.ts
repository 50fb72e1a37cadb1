/**
 * Business metrics (unlocks, articles, fetches, fan-out), behind a small port:
 * CloudWatch EMF through Powertools in Lambda, nothing on one machine.
 */
export interface Metrics {
  count(name: string, value?: number, dimension?: { name: string; value: string }): void;
}

export const noMetrics: Metrics = { count: () => undefined };
