/**
 * The way back from an unlock that began in a publisher's embed: to the page
 * the reader came from, with an entitlement token in the fragment (never sent
 * to any server by the browser; the embed hands it to the publisher's code).
 * Only to an origin the publisher lists, so postwire is no open redirector.
 */
import { httpUrlOf } from '../../http-url.js';
import { must } from '../api-client.js';
import { readerHeaders, type WebContext, type WebDeps } from '../web-context.js';

/** The return address if it is on one of the publisher's embed origins, else undefined. */
export async function allowedReturn(deps: WebDeps, publisherSlug: string, returnUrl: string | undefined): Promise<URL | undefined> {
  const target = returnUrl ? httpUrlOf(returnUrl) : undefined;
  if (!target) return undefined;
  const publisher = await deps.api.GET('/v1/publishers/{slug}', { params: { path: { slug: publisherSlug } } });
  return publisher.data?.embedOrigins?.includes(target.origin) ? target : undefined;
}

/** Where to send a reader who may now read the article: back to the publisher's page with proof, or nowhere. */
export async function entitledReturn(deps: WebDeps, c: WebContext, articleId: string, publisherSlug: string, returnUrl: string): Promise<string | undefined> {
  const target = await allowedReturn(deps, publisherSlug, returnUrl);
  if (!target) return undefined;
  const { token } = must(await deps.api.GET('/v1/articles/{id}/entitlement', { params: { path: { id: articleId } }, headers: readerHeaders(c) }));
  target.hash = `postwire_token=${token}`;
  return target.toString();
}
