/**
 * Parses feed text with rss-parser, containing its known defects and keeping
 * every step linear in the size of the document:
 *  - a fresh XML parser per document (a reused xml2js parser accepts malformed
 *    XML after an earlier error: xml2js #365/#388);
 *  - documents that declare entities (a DTD internal subset) are refused before
 *    parsing, so entity bombs and external entities are never expanded or fetched;
 *  - the XML is fed to the parser in chunks, pausing between them so other
 *    requests are served, within the document's time budget, and elements may
 *    nest at most MAX_XML_DEPTH deep;
 *  - xml2js separates text from child elements, which scrambles mixed content;
 *    markup written as raw elements is turned into CDATA text first (raw-markup.ts);
 *  - a bare `&` or an HTML-only entity would fail the whole document; they are
 *    escaped first (stray-ampersands.ts);
 *  - rss-parser's text snippets, which we never use, are not computed: its
 *    tag-stripping regular expressions take time in the square of their input
 *    (240 KB of "<div " in a description took 16 s);
 *  - an Atom link without href or an unparseable date would throw inside
 *    rss-parser and lose the whole feed; such values are dropped first, and any
 *    other exception while reading one item rejects only that item.
 */
import Parser from 'rss-parser';
import xml2js from 'xml2js';
import { UnprocessableFeed } from '../../errors.js';
import { DEFAULT_DOCUMENT_BUDGET_MS, WorkBudget } from '../../work-budget.js';
import { trimToDocument } from './decode-feed-text.js';
import { prologDeclaresEntities } from './document-prolog.js';
import { rawMarkupAsText } from './raw-markup.js';
import { escapeStrayAmpersands } from './stray-ampersands.js';

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
  freeAfter?: unknown;
  /** The RSS <guid> element as parsed, attributes included. */
  guidElement?: unknown;
  /** The article's own link where a proxy (FeedBurner, Pheedo) stands in `link`. */
  origLink?: unknown;
  /** Dates under other names: Atom 0.3, Dublin Core terms. */
  issued?: unknown;
  modified?: unknown;
  created?: unknown;
  dctermsCreated?: unknown;
  dctermsIssued?: unknown;
  dctermsModified?: unknown;
  /** The item's `xml:base`, as written: relative links in it resolve against it. */
  xmlBase?: string | undefined;
}

export interface RawFeed {
  title?: string;
  link?: string;
  xmlBase?: string | undefined;
  description?: string;
  ttl?: string;
  category?: unknown;
  items: RawItem[];
}

export type ParsedItem = { ok: true; item: RawItem } | { ok: false; guid?: string | undefined; reason: string };

export interface ParsedFeed {
  title?: string | undefined;
  link?: string | undefined;
  /** The feed's (or channel's) `xml:base`, as written. */
  xmlBase?: string | undefined;
  /** Minutes the feed asks readers to cache it (`<ttl>`). */
  ttlMinutes?: number | undefined;
  /** The feed's own section, when it declares one (channel `<category>`). */
  section?: string | undefined;
  items: ParsedItem[];
}

const REJECTED = Symbol('rejected');
type RejectedItem = { [REJECTED]: string; guid?: string };

interface RssParserInternals {
  parseItemAtom(entry: XmlNode): RawItem;
  parseItemRss(xmlItem: XmlNode, fields: ItemField[]): RawItem;
  buildAtomFeed(xmlObj: { feed: XmlNode }): RawFeed;
  buildRSS2(xmlObj: XmlNode): RawFeed;
  buildRSS1(xmlObj: XmlNode): RawFeed;
  buildRSS0_9(xmlObj: XmlNode): RawFeed;
}
type ItemField = string | [string, string] | [string, string, { keepArray?: boolean; includeSnippet?: boolean }];
type XmlNode = Record<string, unknown> & { $?: Record<string, string> };

const RssParser = Parser as unknown as new (options: unknown) => RssParserInternals;

/** Elements nest this deep at most; a real feed needs about six levels. */
export const MAX_XML_DEPTH = 256;
/** Characters handed to the XML parser between pauses. */
const XML_CHUNK = 64 * 1024;

const ITEM_FIELDS: ItemField[] = [
  ['media:content', 'mediaContent', { keepArray: true }],
  ['media:thumbnail', 'mediaThumbnail', { keepArray: true }],
  ['media:group', 'mediaGroup', { keepArray: true }],
  ['media:description', 'media:description'],
  ['category', 'category', { keepArray: true }],
  ['postwire:price', 'price'],
  ['postwire:freeAfter', 'freeAfter'],
  // rss-parser flattens <guid> to its text; the element keeps isPermaLink.
  ['guid', 'guidElement', { keepArray: true }],
  'updated',
  ['feedburner:origLink', 'origLink'],
  ['pheedo:origLink', 'origLink'],
  'issued',
  'modified',
  'created',
  ['dcterms:created', 'dctermsCreated'],
  ['dcterms:issued', 'dctermsIssued'],
  ['dcterms:modified', 'dctermsModified'],
];

class ContainedParser extends RssParser {
  constructor() {
    super({ customFields: { feed: ['category'], item: ITEM_FIELDS } });
  }

  /** rss-parser's own dispatch on the root element, for a document we parsed ourselves. */
  buildFeed(root: Record<string, XmlNode | undefined>): RawFeed {
    if (root.feed) return this.buildAtomFeed(root as { feed: XmlNode });
    if (root['rdf:RDF']) return this.buildRSS1(root);
    if (root.rss) {
      // An <rss> without a version (or with one we do not know) is read as RSS 2.0, as feed readers do.
      const version = root.rss.$?.version?.trim() ?? '';
      const feed = /^0\.9/.test(version) ? this.buildRSS0_9(root) : this.buildRSS2(root);
      const channel = (root.rss.channel as XmlNode[] | undefined)?.[0];
      return { ...feed, xmlBase: xmlBaseOf(channel) ?? xmlBaseOf(root.rss) };
    }
    throw new UnprocessableFeed('The document is XML but not an RSS, RDF or Atom feed.');
  }

  override buildAtomFeed(xmlObj: { feed: XmlNode }): RawFeed {
    dropLinksWithoutHref(xmlObj.feed);
    return { ...super.buildAtomFeed(xmlObj), xmlBase: xmlBaseOf(xmlObj.feed) };
  }

  override parseItemAtom(entry: XmlNode): RawItem {
    return contain(entry, () => {
      dropLinksWithoutHref(entry);
      dropInvalidDates(entry, ['published', 'updated']);
      const { content, ...rest } = entry;
      const item = super.parseItemAtom(rest);
      if (Array.isArray(content) && content.length > 0) item.content = contentOf(content[0]);
      item.xmlBase = xmlBaseOf(entry);
      return item;
    });
  }

  override parseItemRss(xmlItem: XmlNode, fields: ItemField[]): RawItem {
    return contain(xmlItem, () => {
      const { description, ...rest } = xmlItem;
      const item = super.parseItemRss(rest, fields.map(withoutSnippet));
      if (Array.isArray(description)) item.content = contentOf(description[0]);
      item.xmlBase = xmlBaseOf(xmlItem);
      return item;
    });
  }
}

const xmlBaseOf = (node: XmlNode | undefined): string | undefined => node?.$?.['xml:base']?.trim() || undefined;

const withoutSnippet = (field: ItemField): ItemField =>
  Array.isArray(field) && field[2]?.includeSnippet ? [field[0], field[1], { ...field[2], includeSnippet: false }] : field;

/** An element's text, or its child elements written back as XML (rss-parser's getContent). */
function contentOf(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (content && typeof content === 'object') {
    const text = (content as { _?: unknown })._;
    if (typeof text === 'string') return text;
    return new xml2js.Builder({ headless: true, rootName: 'div', renderOpts: { pretty: false } }).buildObject(content);
  }
  return undefined;
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
  if (prologDeclaresEntities(text)) {
    throw new UnprocessableFeed('The document declares XML entities (a DTD internal subset); feeds may not, so it was refused unread.');
  }
}

export async function parseFeed(text: string, budget = new WorkBudget(DEFAULT_DOCUMENT_BUDGET_MS)): Promise<ParsedFeed> {
  const document = escapeStrayAmpersands(rawMarkupAsText(trimToDocument(text)));
  assertSafeDocument(document);
  const raw = new ContainedParser().buildFeed(await readXml(document, budget));
  const ttl = Number(textOf(raw.ttl));
  return {
    title: raw.title,
    link: raw.link,
    xmlBase: raw.xmlBase,
    ttlMinutes: Number.isFinite(ttl) && ttl > 0 ? ttl : undefined,
    section: textOf(raw.category)?.trim() || undefined,
    items: raw.items.map((item): ParsedItem => {
      const rejected = (item as unknown as RejectedItem)[REJECTED];
      return rejected === undefined ? { ok: true, item } : { ok: false, guid: (item as unknown as RejectedItem).guid, reason: rejected };
    }),
  };
}

interface SaxParser {
  write(chunk: string): unknown;
  close(): unknown;
  onopentag(node: unknown): void;
  onclosetag(name: string): void;
}

/**
 * The document as xml2js objects, fed to the parser a chunk at a time with
 * pauses between, so a large document never holds the event loop for long.
 */
async function readXml(document: string, budget: WorkBudget): Promise<Record<string, XmlNode | undefined>> {
  const parser = new xml2js.Parser({ strict: true });
  let result: Record<string, XmlNode | undefined> | undefined;
  let failure: Error | undefined;
  parser.on('end', (value: typeof result | null) => (result = value ?? undefined));
  parser.on('error', (error: Error) => (failure ??= new UnprocessableFeed(describeParseError(error))));
  // xml2js keeps its SAX parser as an undocumented field; its handlers are the only way to bound depth while parsing.
  const sax = (parser as unknown as { saxParser: SaxParser }).saxParser;
  limitDepth(sax, () => (failure ??= new UnprocessableFeed(`The document nests elements deeper than ${MAX_XML_DEPTH} levels; feeds need far fewer.`)));
  try {
    for (let at = 0; at < document.length && !failure; at += XML_CHUNK) {
      sax.write(document.slice(at, at + XML_CHUNK));
      if (budget.expired) failure ??= new UnprocessableFeed(`The document could not be read within its ${budget.budgetMs / 1000}-second budget.`);
      await budget.pause();
    }
    if (!failure) sax.close();
  } catch (error) {
    failure ??= new UnprocessableFeed(describeParseError(error));
  }
  if (failure) throw failure;
  if (!result) throw new UnprocessableFeed('The document is not well-formed XML: it has no root element.');
  return result;
}

/** Stops building elements past MAX_XML_DEPTH: nothing a feed needs is that deep, and later steps recurse over them. */
function limitDepth(sax: SaxParser, onTooDeep: () => void): void {
  const open = sax.onopentag;
  const close = sax.onclosetag;
  let depth = 0;
  sax.onopentag = (node) => {
    if (++depth > MAX_XML_DEPTH) return onTooDeep();
    open(node);
  };
  sax.onclosetag = (name) => {
    if (depth-- > MAX_XML_DEPTH) return;
    close(name);
  };
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `The document is not well-formed XML: ${message.split('\n').slice(0, 3).join(' ').trim()}`;
}
