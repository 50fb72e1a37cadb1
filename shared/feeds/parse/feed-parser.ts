/**
 * Parses feed text with rss-parser, containing its known defects:
 *  - a fresh parser per document (a reused xml2js parser accepts malformed XML
 *    after an earlier error: xml2js #365/#388);
 *  - documents that declare entities (a DTD internal subset) are refused before
 *    parsing, so entity bombs and external entities are never expanded or fetched;
 *  - xml2js separates text from child elements, which scrambles mixed content
 *    ("a <em>b</em> c" comes back as "a  c<em>b</em>"); markup written as raw
 *    elements (Atom xhtml, unescaped HTML in RSS) is turned into CDATA text first;
 *  - an Atom link without href or an unparseable date would throw inside
 *    rss-parser and lose the whole feed; such values are dropped first, and any
 *    other exception while reading one item rejects only that item.
 */
import Parser from 'rss-parser';
import { UnprocessableFeed } from '../../errors.js';
import { trimToDocument } from './decode-feed-text.js';

/** An rss-parser item with the custom fields we ask for. Values are loosely typed XML. */
export interface RawItem {
  title?: string;
  link?: string;
  guid?: string;
  id?: string;
  creator?: string;
  author?: string;
  summary?: string;
  content?: string;
  contentSnippet?: string;
  'content:encoded'?: string;
  isoDate?: string;
  pubDate?: string;
  updated?: string[] | string;
  categories?: unknown[];
  category?: unknown[];
  enclosure?: { url?: string; type?: string; length?: string };
  mediaContent?: unknown[];
  mediaThumbnail?: unknown[];
  mediaGroup?: unknown[];
  price?: unknown;
  /** The RSS <guid> element as parsed, attributes included. */
  guidElement?: unknown;
}

export interface RawFeed {
  title?: string;
  link?: string;
  description?: string;
  ttl?: string;
  category?: unknown;
  items: RawItem[];
}

export type ParsedItem = { ok: true; item: RawItem } | { ok: false; guid?: string | undefined; reason: string };

export interface ParsedFeed {
  title?: string | undefined;
  link?: string | undefined;
  /** Minutes the feed asks readers to cache it (`<ttl>`). */
  ttlMinutes?: number | undefined;
  /** The feed's own section, when it declares one (channel `<category>`). */
  section?: string | undefined;
  items: ParsedItem[];
}

const REJECTED = Symbol('rejected');
type RejectedItem = { [REJECTED]: string; guid?: string };

interface RssParserInternals {
  parseString(xml: string): Promise<RawFeed>;
  parseItemAtom(entry: XmlNode): RawItem;
  parseItemRss(xmlItem: XmlNode, fields: unknown): RawItem;
  buildAtomFeed(xmlObj: { feed: XmlNode }): RawFeed;
}
type XmlNode = Record<string, unknown> & { $?: Record<string, string> };

const RssParser = Parser as unknown as new (options: unknown) => RssParserInternals;

const ITEM_FIELDS = [
  ['media:content', 'mediaContent', { keepArray: true }],
  ['media:thumbnail', 'mediaThumbnail', { keepArray: true }],
  ['media:group', 'mediaGroup', { keepArray: true }],
  ['category', 'category', { keepArray: true }],
  ['postwire:price', 'price'],
  // rss-parser flattens <guid> to its text; the element keeps isPermaLink.
  ['guid', 'guidElement', { keepArray: true }],
  'updated',
];

class ContainedParser extends RssParser {
  constructor() {
    super({ customFields: { feed: ['category'], item: ITEM_FIELDS }, xml2js: { strict: true } });
  }

  override buildAtomFeed(xmlObj: { feed: XmlNode }): RawFeed {
    dropLinksWithoutHref(xmlObj.feed);
    return super.buildAtomFeed(xmlObj);
  }

  override parseItemAtom(entry: XmlNode): RawItem {
    return contain(entry, () => {
      dropLinksWithoutHref(entry);
      dropInvalidDates(entry, ['published', 'updated']);
      return super.parseItemAtom(entry);
    });
  }

  override parseItemRss(xmlItem: XmlNode, fields: unknown): RawItem {
    return contain(xmlItem, () => super.parseItemRss(xmlItem, fields));
  }
}

function contain(node: XmlNode, read: () => RawItem): RawItem {
  try {
    return read();
  } catch (error) {
    const rejected: RejectedItem = { [REJECTED]: `The item could not be read: ${(error as Error).message}` };
    const guid = textOf(node.guid) ?? textOf(node.id);
    if (guid) rejected.guid = guid;
    return rejected as unknown as RawItem;
  }
}

function dropLinksWithoutHref(node: XmlNode): void {
  if (Array.isArray(node.link)) {
    node.link = node.link.filter((link: XmlNode) => typeof link === 'object' && link !== null && typeof link.$?.href === 'string');
    if ((node.link as unknown[]).length === 0) delete node.link;
  }
}

function dropInvalidDates(node: XmlNode, fields: string[]): void {
  for (const field of fields) {
    const value = textOf(node[field]);
    if (value !== undefined && Number.isNaN(Date.parse(value))) delete node[field];
  }
}

export function textOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && '_' in value && typeof (value as { _: unknown })._ === 'string') {
    return (value as { _: string })._;
  }
  return undefined;
}

/** Refuses what must never reach the XML parser, with a reason a publisher can act on. */
function assertSafeDocument(text: string): void {
  if (text.trim().length === 0) throw new UnprocessableFeed('The document is empty.');
  const prolog = text.slice(0, text.search(/<[A-Za-z]/) >>> 0);
  if (/<!ENTITY/i.test(prolog) || /<!DOCTYPE[^>]*\[/i.test(prolog)) {
    throw new UnprocessableFeed('The document declares XML entities (a DTD internal subset); feeds may not, so it was refused unread.');
  }
}

export async function parseFeed(text: string): Promise<ParsedFeed> {
  const document = rawMarkupAsText(trimToDocument(text));
  assertSafeDocument(document);
  let raw: RawFeed;
  try {
    raw = await new ContainedParser().parseString(document);
  } catch (error) {
    throw new UnprocessableFeed(describeParseError(error));
  }
  const ttl = Number(textOf(raw.ttl));
  return {
    title: raw.title,
    link: raw.link,
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : undefined,
    section: textOf(raw.category)?.trim() || undefined,
    items: raw.items.map((item): ParsedItem => {
      const rejected = (item as unknown as RejectedItem)[REJECTED];
      return rejected === undefined ? { ok: true, item } : { ok: false, guid: (item as unknown as RejectedItem).guid, reason: rejected };
    }),
  };
}

/** Elements whose text may carry HTML, in RSS and Atom. */
const MARKUP_ELEMENTS = /<(title|description|content:encoded|content|summary)((?:\s[^>]*?)?)(?<!\/)>([\s\S]*?)<\/\1>/g;

/**
 * Markup written as raw child elements (Atom `type="xhtml"`, or HTML pasted
 * unescaped into an RSS description) becomes the same markup as CDATA text,
 * which xml2js keeps in order. Escaped or CDATA content is left alone.
 */
function rawMarkupAsText(document: string): string {
  return document.replace(MARKUP_ELEMENTS, (whole, tag: string, attributes: string, inner: string) => {
    if (!/<[A-Za-z]/.test(inner) || inner.includes('<![CDATA[')) return whole;
    const isXhtml = /\btype\s*=\s*["']xhtml["']/.test(attributes);
    const markup = isXhtml ? inner.trim().replace(/^<div[^>]*>([\s\S]*)<\/div>$/, '$1') : inner;
    const attrs = isXhtml ? attributes.replace(/\btype\s*=\s*["']xhtml["']/, 'type="html"') : attributes;
    return `<${tag}${attrs}><![CDATA[${markup.replaceAll(']]>', ']]]]><![CDATA[>')}]]></${tag}>`;
  });
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/not recognized as RSS/i.test(message)) {
    return 'The document is XML but not an RSS 2.0, RSS 0.9x, RDF or Atom feed.';
  }
  return `The document is not well-formed XML: ${message.split('\n').slice(0, 3).join(' ').trim()}`;
}
