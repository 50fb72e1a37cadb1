/** Events as Lambda hands them to a function: SQS batches and HTTP API (payload 2.0) requests. */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, SQSEvent } from 'aws-lambda';

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

/**
 * An HTTP API function as a browser reaches it (a `site` for FormClient): each
 * request an event from `sourceIp`, its cookies in `event.cookies` and the
 * function's in `result.cookies`, as API Gateway passes them.
 */
export function lambdaSite(handler: (event: APIGatewayProxyEventV2, context: object) => Promise<unknown>, sourceIp: string) {
  return async (path: string, init: RequestInit = {}): Promise<Response> => {
    const { cookie, ...headers } = (init.headers ?? {}) as Record<string, string>;
    const event = httpEvent(init.method ?? 'GET', path, headers, init.body === undefined ? undefined : String(init.body));
    event.requestContext.http.sourceIp = sourceIp;
    if (cookie) event.cookies = cookie.split('; ');
    const result = (await handler(event, {})) as APIGatewayProxyStructuredResultV2;
    const responseHeaders = new Headers(result.headers as Record<string, string>);
    for (const setCookie of result.cookies ?? []) responseHeaders.append('set-cookie', setCookie);
    return new Response(result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : (result.body ?? null), { status: result.statusCode, headers: responseHeaders });
  };
}
