/**
 * Business metrics (unlocks, articles, fetches, fan-out), behind a small port:
 * CloudWatch EMF through Powertools in Lambda, nothing on one machine.
 */
export interface Metrics {
  count(name: string, value?: number, dimension?: { name: string; value: string }): void;
}

export const noMetrics: Metrics = { count: () => undefined };

/** The payments function's metrics service name: its alarms look its metrics up by it. */
export const PAYMENTS_SERVICE = 'postwire-payments-api';
