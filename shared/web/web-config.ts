/**
 * What the web app needs to know. On one machine it comes from the API's own
 * configuration; in AWS its function reads only these variables, and holds
 * no operator token.
 */
import { clientAddressKeyOf, ConfigError, loadConfig, type ApiConfig } from '../config.js';

export interface WebConfig {
  /** Where readers reach postwire (gift links, cookies' Secure flag). */
  publicUrl: string;
  /** Where the web app calls the API. */
  apiUrl: string;
  /** Verifies reader tokens (shared with the API) and keys the CSRF tokens. */
  jwtSecret: string;
  readerTokenTtlMinutes: number;
  /** Signs the reader's address on every API call (shared/client-address.ts); unset, the API counts the web function's own address. */
  clientAddressKey: string | undefined;
  devTopUp: boolean;
}

export function webConfigOf(config: ApiConfig, apiUrl: string): WebConfig {
  return {
    publicUrl: config.feeds.publicUrl,
    apiUrl,
    jwtSecret: config.jwtSecret,
    readerTokenTtlMinutes: config.readers.tokenTtlMinutes,
    clientAddressKey: config.clientAddressKey,
    devTopUp: config.readers.devTopUpEnabled,
  };
}

/** The web function's configuration in AWS: the API's address, the JWT secret, the client-address key. Whether card payments work it asks the API (payments-status.ts). */
export function loadWebConfig(env: Record<string, string | undefined>): WebConfig {
  const base = loadConfig(env);
  const apiUrl = env.API_URL;
  if (!apiUrl || !/^https?:\/\//.test(apiUrl)) throw new ConfigError('Invalid configuration: API_URL (the API address the web app calls) is required.');
  const jwtSecret = env.JWT_SECRET;
  if (!jwtSecret || jwtSecret.length < 32) throw new ConfigError('Invalid configuration: JWT_SECRET (at least 32 characters) is required by the web app.');
  return {
    publicUrl: base.feeds.publicUrl,
    apiUrl: apiUrl.replace(/\/+$/, ''),
    jwtSecret,
    readerTokenTtlMinutes: base.readers.tokenTtlMinutes,
    clientAddressKey: clientAddressKeyOf(env),
    devTopUp: false,
  };
}
