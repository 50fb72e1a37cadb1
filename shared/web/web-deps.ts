/** The web app's dependencies, from the API's configuration and a way to reach the API. */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac } from 'node:crypto';
import type { Logger } from '../api/app-env.js';
import { CLIENT_ADDRESS_HEADER, vouchFor } from '../client-address.js';
import { verifyReaderToken } from '../readers/reader-tokens.js';
import { createApiClient, type ApiFetch } from './api-client.js';
import { paymentsStatus } from './payments-status.js';
import { Sessions } from './session.js';
import type { WebConfig } from './web-config.js';
import type { WebDeps } from './web-context.js';

export function createWebDeps(config: WebConfig, logger: Logger, apiFetch: ApiFetch = fetch): WebDeps {
  const publicUrl = config.publicUrl;
  // Every API call comes from this function's address: each says whose request it serves, or per-address limits would count all readers as one.
  const reader = new AsyncLocalStorage<string | undefined>();
  const key = config.clientAddressKey;
  const vouching: ApiFetch = (request) => {
    const address = reader.getStore();
    if (key && address) request.headers.set(CLIENT_ADDRESS_HEADER, vouchFor(key, address, new Date()));
    return apiFetch(request);
  };
  return {
    api: createApiClient(config.apiUrl, vouching),
    forReader: (address, work) => reader.run(address, work),
    logger,
    sessions: new Sessions({
      // Browsers keep Secure cookies from http://localhost too, but not from other plain-HTTP hosts.
      secure: publicUrl.startsWith('https://'),
      csrfKey: createHmac('sha256', config.jwtSecret).update('postwire web forms').digest('base64url'),
      readerMaxAgeSeconds: config.readerTokenTtlMinutes * 60,
    }),
    // The token is checked here only to greet the reader and to drop a dead session early; the API checks it on every call.
    readerHandle: (token) => verifyReaderToken(token, config.jwtSecret).then((claims) => claims.handle, () => undefined),
    devTopUp: config.devTopUp,
    // One answer for every reader, so asked on nobody's behalf.
    payments: paymentsStatus(createApiClient(config.apiUrl, apiFetch), logger),
  };
}
