/** Events as Lambda hands them to a function: SQS batches and HTTP API (payload 2.0) requests. */
import type { APIGatewayProxyEventV2, SQSEvent } from 'aws-lambda';

export function sqsEvent(bodies: string[]): SQSEvent {
  return {
    Records: bodies.map((body, i) => ({
      messageId: `m-${i}`,
      receiptHandle: `r-${i}`,
      body,
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 's', ApproximateFirstReceiveTimestamp: '0' },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:feed-jobs',
      awsRegion: 'eu-west-1',
    })),
  };
}

/** An HTTP API (payload 2.0) request, as API Gateway hands it to a function. */
export function httpEvent(method: string, address: string, headers: Record<string, string> = {}, body?: string): APIGatewayProxyEventV2 {
  const [path = address, rawQueryString = ''] = address.split('?');
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString,
    headers: { host: 'api.postwire.test', ...headers },
    body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.postwire.test',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test' },
      requestId: 'req',
      routeKey: '$default',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
  };
}
