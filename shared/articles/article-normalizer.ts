/**
 * One feed item → the fields of an article. Pure: no I/O, no clock except `now`.
 * Times, ids and dedup keys are settled by the ingest step, which sees the whole document.
 *
 * Two steps, so unchanged items cost no sanitising: `identifyItem` is cheap
 * (guid, canonical link, and a hash of the item exactly as the feed sent it);
 * `buildArticleFields` does the expensive work, only for new or changed items.
 */
import { createHash } from 'node:crypto';
import { textOf, type RawItem } from '../feeds/parse/feed-parser.js';
import { WORDS_PER_MINUTE, type Article } from './article.js';
import { buildTeaser, countWords, htmlToText, limitChars, sanitizeArticle, truncateWords } from './html-sanitizer.js';
import { firstSentences } from './dek.js';
import { itemBase, itemLink, type ItemLink, type LinkBases } from './item-links.js';
import { mediaDescriptionHtml, pickImage } from './item-media.js';
import { markupDeeperThan } from './markup-depth.js';

export interface NormalizeContext extends LinkBases {
  publisherSlug: string;
  publisherName: string;
  feedId?: string | undefined;
  /** The registered feed's section, which wins over item categories. */
  feedSection?: string | undefined;
  /** The channel's own section (`<category>` on the channel). */
  channelSection?: string | undefined;
  iframeHosts: readonly string[];
  now: Date;
}

export type NormalizedItem = Omit<Article, 'id' | 'dedupKey' | 'publishedAt' | 'updatedAt' | 'firstSeenAt'> & {
  /** The item's own dates, when valid and not in the future. */
  sourcePublishedAt?: string | undefined;
  sourceUpdatedAt?: string | undefined;
  /** `postwire:freeAfter`, resolved against the publication time at ingest. */
  freeAfter?: { days: number } | { at: string } | undefined;
};

export type Rejection = { ok: false; guid?: string | undefined; reason: string };
export type NormalizeResult = { ok: true; item: NormalizedItem } | Rejection;

export interface ItemIdentity extends ItemLink {
  guid?: string | undefined;
  /** Hash of the raw item, the context that shapes its article, and the normaliser version. */
  sourceHash: string;
  /** A digest of the title: what tells apart items that repeat both guid and link, or know an item with neither. */
  titleKey: string;
}

/** An identity whose web page is settled: its own, or its page on postwire. */
export type PlacedIdentity = ItemIdentity & { url: string };

/** Bump when normalising changes its output, so stored articles are rebuilt on their next ingest. */
export const NORMALIZER_VERSION = 2;

const MAX_PRICE = 10_000;
/**
 * Largest item we read, as the feed sent it, before any cleaning. Cleaning is
 * the costly step (about 0.2 ms per KB), and a stored article may hold at most
 * 350 KB once cleaned, so a larger item could only be stripped of most of itself.
 */
export const MAX_RAW_ITEM_BYTES = 512 * 1024;
/** Deeper HTML is refused before any HTML parser sees it (see markup-depth.ts). */
export const MAX_MARKUP_DEPTH = 256;
const MAX_DEK_CHARS = 300;
/** Publishers' clocks drift; a date a few minutes ahead is still "now". */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function identifyItem(raw: RawItem, context: NormalizeContext): { ok: true; identity: ItemIdentity } | Rejection {
  const guid = (textOf(raw.guid) ?? textOf(raw.id) ?? textOf((raw as Record<string, unknown>)['rdf:about']))?.trim() || undefined;
  const link = itemLink(raw, guid, context);
  const title = textOf(raw.title)?.trim() ?? '';
  // With no web page, no id and no title there is nothing to know the item by when it comes again.
  if (!link.url && !guid && !title) return { ok: false, guid, reason: 'The item has neither a web link, an id (guid) nor a title to know it by.' };
  // The guid element's attributes only choose the URL above; leaving them out keeps hashes of stored items valid.
  const { guidElement: _element, ...item } = raw;
  // Measured on the texts alone, before serialising: a 4 MB item is refused without being copied.
  const size = textsOf(item).reduce((total, text) => total + Buffer.byteLength(text), 0);
  if (size > MAX_RAW_ITEM_BYTES) {
    return { ok: false, guid, reason: `The item is ${Math.ceil(size / 1024)} KB as sent; items may be at most ${MAX_RAW_ITEM_BYTES / 1024} KB before cleaning.` };
  }
  const shaping = JSON.stringify([NORMALIZER_VERSION, context.feedSection, context.channelSection, context.baseUrl, context.xmlBase, context.iframeHosts, item]);
  return { ok: true, identity: { guid, ...link, sourceHash: hashOf(shaping), titleKey: hashOf(title) } };
}

/** A digest of title and body, for the rare items that repeat guid, link and title: computed only for those. */
export function contentKeyOf(raw: RawItem): string {
  const body = textOf(raw['content:encoded']) ?? textOf(raw.content) ?? textOf(raw.summary) ?? '';
  return hashOf(`${textOf(raw.title)?.trim() ?? ''}\u0000${body}`);
}

/** Identify and build in one step; an item with no web page gets `ownPageUrl`. */
export function normalizeItem(raw: RawItem, context: NormalizeContext, ownPageUrl = 'https://postwire.invalid/articles/new'): NormalizeResult {
  const identified = identifyItem(raw, context);
  return identified.ok ? buildArticleFields(raw, { ...identified.identity, url: identified.identity.url ?? ownPageUrl }, context) : identified;
}

export function buildArticleFields(raw: RawItem, { guid, url, sourceHash, isPage }: PlacedIdentity, context: NormalizeContext): NormalizeResult {
  if (textsOf(raw).some((text) => markupDeeperThan(text, MAX_MARKUP_DEPTH))) {
    return { ok: false, guid, reason: `The item's HTML nests elements deeper than ${MAX_MARKUP_DEPTH} levels; it was refused uncleaned.` };
  }
  // The first body that says something: an empty content:encoded must not hide a full description.
  const bodies = [textOf(raw['content:encoded']), textOf(raw.content), textOf(raw.summary)];
  const bodyAt = bodies.findIndex(saysSomething);
  const rawContent = bodyAt >= 0 ? bodies[bodyAt]! : (mediaDescriptionHtml(raw) ?? '');
  // Relative links in the body resolve against the xml:base in scope, else the article's own page (not an
  // enclosure, nor its page on postwire: then the channel link or the document's URL).
  const contentBase = raw.xmlBase || context.xmlBase || !isPage ? itemBase(raw, context) : url;
  const { html: contentHtml, text } = sanitizeArticle(rawContent, { baseUrl: contentBase, iframeHosts: context.iframeHosts });
  const title = htmlToText(textOf(raw.title) ?? '') || truncateWords(text, 12);
  if (!title) return { ok: false, guid, reason: 'The item has neither a title nor any content.' };

  // A shorter text beside the body (the description beside content:encoded, Atom's summary beside content) is the dek.
  const summarySource = bodyAt >= 0 ? bodies.slice(bodyAt + 1).find(saysSomething) : undefined;
  const summaryText = summarySource ? htmlToText(summarySource) : '';
  const dek = limitChars(summaryText && summaryText !== text ? summaryText : firstSentences(text, MAX_DEK_CHARS), MAX_DEK_CHARS);
  const wordCount = countWords(text);
  const image = pickImage(raw, contentHtml, contentBase);

  const fields = {
    publisherSlug: context.publisherSlug,
    publisherName: context.publisherName,
    feedId: context.feedId,
    guid,
    url,
    title: limitChars(title, 300)!,
    author: limitChars(htmlToText(textOf(raw.creator) ?? textOf(raw.author) ?? ''), 200),
    dek,
    section: pickSection(raw, context),
    imageUrl: image.url,
    imageCaption: image.caption,
    imageCredit: image.credit,
    contentHtml,
    teaserHtml: buildTeaser(contentHtml),
    wordCount,
    readingMinutes: Math.max(1, Math.ceil(wordCount / WORDS_PER_MINUTE)),
    priceOverride: parsePrice(raw.price),
    freeAfter: parseFreeAfter(raw.freeAfter),
    sourcePublishedAt: firstValidDate([raw.isoDate, raw.pubDate, raw.issued, raw.created, raw.dctermsIssued, raw.dctermsCreated, raw.modified, raw.dctermsModified], context.now),
    sourceUpdatedAt: firstValidDate([raw.updated, raw.modified, raw.dctermsModified], context.now),
  };
  return { ok: true, item: { ...fields, contentHash: sourceHash } };
}

/** Text or markup that shows something: visible text, or an image, frame or player (not only white space and empty tags). */
const saysSomething = (value: string | undefined): value is string =>
  value !== undefined && /\S/.test(value.replace(/<(?!(?:img|iframe|video|audio|picture)\b)[^>]*>/gi, ''));

function pickSection(raw: RawItem, context: NormalizeContext): string | undefined {
  const categories = [...(raw.categories ?? []), ...(raw.category ?? [])];
  const fromItem = categories
    .map((category) => textOf(category) ?? (category as { $?: { term?: string } })?.$?.term)
    .find((value): value is string => Boolean(value?.trim()));
  const section = context.feedSection ?? fromItem ?? context.channelSection;
  return limitChars(section ? htmlToText(section) : undefined, 60);
}

/** `postwire:freeAfter`: whole days after publication (`30`), or the moment itself (an ISO-8601 date and time). */
function parseFreeAfter(value: unknown): { days: number } | { at: string } | undefined {
  const text = textOf(value)?.trim();
  if (!text) return undefined;
  if (/^\d{1,4}$/.test(text)) return { days: Number(text) };
  const time = /^\d{4}-\d\d-\d\d/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(time) ? undefined : { at: new Date(time).toISOString() };
}

function parsePrice(value: unknown): number | undefined {
  const text = textOf(value)?.trim();
  if (!text || !/^\d+$/.test(text)) return undefined;
  const price = Number(text);
  return price <= MAX_PRICE ? price : undefined;
}

/** The first of the item's dates that is a valid date and not in the future. */
function firstValidDate(values: unknown[], now: Date): string | undefined {
  for (const value of values) {
    const text = textOf(value)?.trim();
    if (!text) continue;
    const time = Date.parse(text);
    if (!Number.isNaN(time) && time <= now.getTime() + FUTURE_TOLERANCE_MS) return new Date(time).toISOString();
  }
  return undefined;
}

/** Every string in a raw item, however deeply the XML nested it. */
function textsOf(raw: object): string[] {
  const texts: string[] = [];
  const pending: unknown[] = [raw];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') texts.push(value);
    else if (value && typeof value === 'object') pending.push(...Object.values(value));
  }
  return texts;
}

function hashOf(serialized: string): string {
  return createHash('sha256').update(serialized).digest('base64url').slice(0, 32);
}
