/**
 * How long before its function's timeout each self-continuing job stops
 * taking on work, keeping the rest to record where it got to. Such a job runs
 * close to its timeout by design, so the infrastructure sets its duration
 * alarm from the same figure (infra/monitoring.ts), not from a share of the
 * timeout.
 */

/** A newsletter fan-out job: the time to record its shard's progress and queue its continuation. */
export const NEWSLETTER_JOB_MARGIN_MS = 30_000;

/** A webhook delivery run: the time to leave its endpoint due for the next run. */
export const WEBHOOK_DELIVERY_MARGIN_MS = 15_000;
