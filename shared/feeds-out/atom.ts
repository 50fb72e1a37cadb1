/**
 * Atom 1.0 (RFC 4287) documents for postwire's feeds out, written by hand:
 * a few elements, each text escaped, content as escaped HTML. With the HTTP
 * answer's validators: a strong ETag over the body and Last-Modified from the
 * newest entry, so a feed reader's conditional GET gets a 304.
 */
import { createHash } from 'node:crypto';

export interface AtomEntry {
  id: string;
  title: string;
  link: string;
  published: string;
  updated: string;
  author?: string | undefined;
  summary?: string | undefined;
  category?: string | undefined;
  /** HTML, sent escaped as `type="html"` content. */
  contentHtml?: string | undefined;
}

export interface AtomFeed {
  id: string;
  title: string;
  selfLink: string;
  alternateLink: string;
  subtitle?: string | undefined;
  entries: AtomEntry[];
  /** When the feed has no entries. */
  emptyUpdated: string;
}

const escapeXml = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 does not allow at all.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

const element = (name: string, text: string | undefined, attributes = '') => (text === undefined ? '' : `<${name}${attributes}>${escapeXml(text)}</${name}>`);

export function atomDocument(feed: AtomFeed): { xml: string; lastModified: string } {
  const updated = feed.entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), feed.entries.length ? '' : feed.emptyUpdated);
  const entries = feed.entries.map(
    (entry) =>
      `<entry>${element('id', entry.id)}${element('title', entry.title)}<link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>` +
      `${element('published', entry.published)}${element('updated', entry.updated)}` +
      `${entry.author ? `<author>${element('name', entry.author)}</author>` : ''}` +
      `${entry.category ? `<category term="${escapeXml(entry.category)}"/>` : ''}` +
      `${element('summary', entry.summary)}${element('content', entry.contentHtml, ' type="html"')}</entry>`,
  );
  const xml =
    `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">` +
    `${element('id', feed.id)}${element('title', feed.title)}${element('subtitle', feed.subtitle)}` +
    `<link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfLink)}"/><link rel="alternate" type="text/html" href="${escapeXml(feed.alternateLink)}"/>` +
    `${element('updated', updated)}<author><name>postwire</name></author><generator uri="https://postwire.dev">postwire</generator>${entries.join('')}</feed>\n`;
  return { xml, lastModified: updated };
}

/** The answer to a GET of a feed: the document, or 304 when the client's copy is current. */
export function atomResponse(document: { xml: string; lastModified: string }, request: Request, cacheControl: string): Response {
  const etag = `"${createHash('sha256').update(document.xml).digest('base64url').slice(0, 27)}"`;
  const lastModified = new Date(document.lastModified).toUTCString();
  const headers = { etag, 'last-modified': lastModified, 'cache-control': cacheControl, vary: 'Accept-Encoding' };
  const ifNoneMatch = request.headers.get('if-none-match');
  const ifModifiedSince = request.headers.get('if-modified-since');
  // If-None-Match wins when both are sent (RFC 9110 §13.2.2).
  const current = ifNoneMatch !== null ? ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag || tag.trim() === '*') : ifModifiedSince !== null && Date.parse(ifModifiedSince) >= Date.parse(lastModified);
  if (current) return new Response(null, { status: 304, headers });
  return new Response(document.xml, { status: 200, headers: { ...headers, 'content-type': 'application/atom+xml; charset=utf-8' } });
}
