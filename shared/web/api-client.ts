/**
 * The web app reaches postwire through its public HTTP API, with a client
 * typed from `/openapi.json` (openapi-typescript + openapi-fetch): a route the
 * pages use that the document lacks, or a field it renamed, fails type-checking.
 * On one machine the "network" is the API app's own fetch, in-process; in AWS it
 * is the API's address.
 */
import createClient from 'openapi-fetch';
import type { paths } from './api-types.js';

export type ApiClient = ReturnType<typeof createApiClient>;
export type ApiFetch = (request: Request) => Promise<Response>;

export function createApiClient(baseUrl: string, fetchImpl: ApiFetch) {
  return createClient<paths>({ baseUrl, fetch: fetchImpl });
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** A failed API call as the pages handle it: the status and the API's own sentence. */
export class ApiCallFailed extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The data of a successful call, or ApiCallFailed with the API's status and message. */
export function must<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined && result.response.ok) return result.data;
  const body = result.error as Partial<ApiErrorBody> | undefined;
  throw new ApiCallFailed(result.response.status, body?.error?.code ?? 'error', body?.error?.message ?? `The API answered ${result.response.status}.`, body?.error?.details);
}
