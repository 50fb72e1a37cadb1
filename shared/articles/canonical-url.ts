/**
 * One spelling per article address, so the URL on a publisher's page finds the
 * article its feed gave: no fragment, no tracking parameters, no default port,
 * no trailing slash, host in lower case. What is left of the query is kept:
 * some sites name their articles by it (`?id=123`).
 */
import { createHash } from 'node:crypto';
import { httpUrlOf } from '../http-url.js';

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|at_medium|at_campaign)$/i;

export function canonicalArticleUrl(value: string): string | undefined {
  const url = httpUrlOf(value);
  if (!url) return undefined;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) if (TRACKING.test(name)) url.searchParams.delete(name);
  // http and https of one address are one article.
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  return `${url.host}${path}${url.search}`;
}

/** The key part an address is looked up by: a digest, so any length of URL fits a key. */
export function articleUrlDigest(value: string): string | undefined {
  const canonical = canonicalArticleUrl(value);
  return canonical === undefined ? undefined : createHash('sha256').update(canonical).digest('base64url');
}
