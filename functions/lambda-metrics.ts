/**
 * Powertools Metrics behind the app's Metrics port. Each count with a dimension
 * is its own EMF document (Powertools keeps one dimension set per flush);
 * `flushed` wraps a handler so metrics are published after every invocation.
 */
import { Metrics as PowertoolsMetrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Metrics } from '../shared/metrics.js';

export function createLambdaMetrics(serviceName: string): { metrics: Metrics; flushed: <A extends unknown[], R>(handler: (...args: A) => Promise<R>) => (...args: A) => Promise<R> } {
  const powertools = new PowertoolsMetrics({ namespace: 'postwire', serviceName });
  const metrics: Metrics = {
    count(name, value = 1, dimension) {
      if (!dimension) {
        powertools.addMetric(name, MetricUnit.Count, value);
        return;
      }
      const single = powertools.singleMetric();
      single.addDimension(dimension.name, dimension.value);
      single.addMetric(name, MetricUnit.Count, value);
    },
  };
  const flushed =
    <A extends unknown[], R>(handler: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await handler(...args);
      } finally {
        // Most API requests count nothing; publishing then would only log a warning per request.
        if (powertools.hasStoredMetrics()) powertools.publishStoredMetrics();
      }
    };
  return { metrics, flushed };
}
