/**
 * The SQS client the newsletter worker sends with, to the mail queue and its
 * own job queue. Every send is bounded: without a timeout a hung send held a
 * fan-out job to its function's timeout, and the marks it had claimed were
 * never given back, so that page's readers lost their mail. A send gives up
 * after three attempts of at most 3 s each (connection 2 s), about 10 s in
 * all with the SDK's pauses: well inside the 30 s a job keeps before its
 * timeout, so a job whose send hangs still gives its marks back and fails in
 * time for SQS to retry it.
 */
import { SQSClient, type SQSClientConfig } from '@aws-sdk/client-sqs';

export function newsletterSqsClient(where: Pick<SQSClientConfig, 'endpoint' | 'region' | 'credentials'> = {}): SQSClient {
  return new SQSClient({
    ...where,
    maxAttempts: 3,
    // requestTimeout bounds the whole exchange only with throwOnRequestTimeout; alone it merely logs a warning.
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 3_000, throwOnRequestTimeout: true },
  });
}
