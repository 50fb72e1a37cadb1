/**
 * Where an item's links point, as a feed reader resolves them. A relative link
 * resolves against, in order: the `xml:base` in scope (the item's, else the
 * feed's, each resolved against what encloses it), the channel's own link made
 * absolute, and the document's URL (the fetched URL of a poll, the publisher's
 * homepage for a push).
 */
import { textOf, type RawItem } from '../feeds/parse/feed-parser.js';

export interface LinkBases {
  /** The channel link made absolute, else the document's URL. */
  baseUrl?: string | undefined;
  /** The feed's `xml:base`, made absolute. */
  xmlBase?: string | undefined;
}

/** An absolute http(s) URL for `value` against `base`, or nothing. */
export function absoluteHttpUrl(value: string | undefined, base: string | undefined): URL | undefined {
  if (!value?.trim()) return undefined;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The bases of a document: its URL, its feed's xml:base and its channel link. */
export function documentBases(documentUrl: string | undefined, feed: { xmlBase?: string | undefined; link?: string | undefined }): LinkBases {
  const xmlBase = absoluteHttpUrl(feed.xmlBase, documentUrl)?.toString();
  const channel = absoluteHttpUrl(feed.link, xmlBase ?? documentUrl)?.toString();
  return { xmlBase, baseUrl: channel ?? documentUrl };
}

/** What the item's relative links resolve against. */
export function itemBase(raw: RawItem, bases: LinkBases): string | undefined {
  return absoluteHttpUrl(raw.xmlBase, bases.xmlBase ?? bases.baseUrl)?.toString() ?? bases.xmlBase ?? bases.baseUrl;
}

/** http(s) only, fragment dropped, campaign-tracking parameters removed. */
export function canonicalUrl(link: string | undefined, baseUrl: string | undefined): string | undefined {
  const url = absoluteHttpUrl(link, baseUrl);
  return url ? canonicalOf(url) : undefined;
}

function canonicalOf(url: URL): string {
  const copy = new URL(url);
  copy.hash = '';
  for (const name of [...copy.searchParams.keys()]) {
    if (/^(utm_|fbclid$|gclid$)/i.test(name)) copy.searchParams.delete(name);
  }
  return copy.toString();
}

export interface ItemLink {
  /** The canonical web page, when the item has one. */
  url?: string | undefined;
  /** The link's fragment: a feed that posts one page with an anchor per item tells its items apart by it. */
  fragment?: string | undefined;
  /** Whether `url` is the item's own web page (not an enclosure): then the body's relative links resolve against it. */
  isPage?: boolean | undefined;
}

/**
 * The item's web page: the original behind a FeedBurner or Pheedo proxy, its
 * link, a permalink guid, or — for a podcast episode with nothing else — its
 * enclosure. None at all: the item gets its page on postwire.
 */
export function itemLink(raw: RawItem, guid: string | undefined, bases: LinkBases): ItemLink {
  const base = itemBase(raw, bases);
  const linked = absoluteHttpUrl(textOf(raw.origLink), base) ?? absoluteHttpUrl(textOf(raw.link), base);
  if (linked) return { url: canonicalOf(linked), fragment: linked.hash.length > 1 ? linked.hash : undefined, isPage: true };
  const permalink = permalinkOf(raw, guid);
  if (permalink) return { url: permalink, isPage: true };
  const enclosure = absoluteHttpUrl(raw.enclosure?.url, base);
  return { url: enclosure ? canonicalOf(enclosure) : undefined };
}

/**
 * RSS 2.0 lets an item go without <link> when its <guid> is a permalink, which
 * it is unless it says isPermaLink="false". Only an absolute http(s) guid counts:
 * an opaque id must not be read as a path on the publisher's site.
 */
function permalinkOf(raw: RawItem, guid: string | undefined): string | undefined {
  if (!guid || !/^https?:\/\//i.test(guid)) return undefined;
  const element = Array.isArray(raw.guidElement) ? raw.guidElement[0] : raw.guidElement;
  const isPermaLink = (element as { $?: { isPermaLink?: string } } | undefined)?.$?.isPermaLink;
  return isPermaLink?.trim().toLowerCase() === 'false' ? undefined : canonicalUrl(guid, undefined);
}
