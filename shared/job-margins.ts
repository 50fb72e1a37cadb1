/**
 * How long before its function's timeout each self-continuing job stops
 * taking on work, keeping the rest to record where it got to. Such a job runs
 * close to its timeout by design, so the infrastructure sets its duration
 * alarm from the same figure (infra/monitoring.ts), not from a share of the
 * timeout.
 */

/** A newsletter fan-out job: the time to record its shard's progress and queue its continuation. */
export const NEWSLETTER_JOB_MARGIN_MS = 30_000;

/** The longest one webhook POST may take, connection to last byte: a receiver that trickles is cut off too. */
export const WEBHOOK_POST_TIMEOUT_MS = 10_000;

/**
 * A webhook delivery run: a POST begun just before the deadline, then the writes that leave its endpoint due for
 * the next run. Three POSTs' worth, so that even the duration alarm (half the margin past the deadline) lies
 * beyond a POST that started at the deadline and ran its full time.
 */
export const WEBHOOK_DELIVERY_MARGIN_MS = 3 * WEBHOOK_POST_TIMEOUT_MS;
