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
import { buildTeaser, countWords, htmlToText, sanitizeArticleHtml, truncateWords } from './html-sanitizer.js';
import { markupDeeperThan } from './markup-depth.js';

export interface NormalizeContext {
  publisherSlug: string;
  publisherName: string;
  feedId?: string | undefined;
  /** The registered feed's section, which wins over item categories. */
  feedSection?: string | undefined;
  /** The channel's own section (`<category>` on the channel). */
  channelSection?: string | undefined;
  /** Base for relative item links: the feed's site link or its URL. */
  baseUrl?: string | undefined;
  iframeHosts: readonly string[];
  now: Date;
}

export type NormalizedItem = Omit<Article, 'id' | 'dedupKey' | 'publishedAt' | 'updatedAt' | 'firstSeenAt'> & {
  /** The item's own dates, when valid and not in the future. */
  sourcePublishedAt?: string | undefined;
  sourceUpdatedAt?: string | undefined;
};

export type Rejection = { ok: false; guid?: string | undefined; reason: string };
export type NormalizeResult = { ok: true; item: NormalizedItem } | Rejection;

export interface ItemIdentity {
  guid?: string | undefined;
  url: string;
  /** Hash of the raw item, the context that shapes its article, and the normaliser version. */
  sourceHash: string;
}

/** Bump when normalising changes its output, so stored articles are rebuilt on their next ingest. */
export const NORMALIZER_VERSION = 1;

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
  const url = canonicalUrl(textOf(raw.link), context.baseUrl) ?? permalinkOf(raw, guid);
  if (!url) return { ok: false, guid, reason: 'The item has no http(s) link.' };
  // The guid element's attributes only choose the URL above; leaving them out keeps hashes of stored items valid.
  const { guidElement: _element, ...item } = raw;
  // Measured on the texts alone, before serialising: a 4 MB item is refused without being copied.
  const size = textsOf(item).reduce((total, text) => total + Buffer.byteLength(text), 0);
  if (size > MAX_RAW_ITEM_BYTES) {
    return { ok: false, guid, reason: `The item is ${Math.ceil(size / 1024)} KB as sent; items may be at most ${MAX_RAW_ITEM_BYTES / 1024} KB before cleaning.` };
  }
  const shaping = JSON.stringify([NORMALIZER_VERSION, context.feedSection, context.channelSection, context.baseUrl, context.iframeHosts, item]);
  return { ok: true, identity: { guid, url, sourceHash: hashOf(shaping) } };
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

export function normalizeItem(raw: RawItem, context: NormalizeContext): NormalizeResult {
  const identified = identifyItem(raw, context);
  return identified.ok ? buildArticleFields(raw, identified.identity, context) : identified;
}

export function buildArticleFields(raw: RawItem, { guid, url, sourceHash }: ItemIdentity, context: NormalizeContext): NormalizeResult {
  if (textsOf(raw).some((text) => markupDeeperThan(text, MAX_MARKUP_DEPTH))) {
    return { ok: false, guid, reason: `The item's HTML nests elements deeper than ${MAX_MARKUP_DEPTH} levels; it was refused uncleaned.` };
  }
  const rawContent = textOf(raw['content:encoded']) ?? textOf(raw.content) ?? textOf(raw.summary) ?? '';
  const contentHtml = sanitizeArticleHtml(rawContent, { baseUrl: url, iframeHosts: context.iframeHosts });
  const text = htmlToText(contentHtml);
  const title = htmlToText(textOf(raw.title) ?? '') || truncateWords(text, 12);
  if (!title) return { ok: false, guid, reason: 'The item has neither a title nor any content.' };

  const summarySource = raw['content:encoded'] ? (textOf(raw.content) ?? textOf(raw.summary)) : textOf(raw.summary);
  const summaryText = summarySource ? htmlToText(summarySource) : '';
  const dek = limitChars(summaryText && summaryText !== text ? summaryText : firstSentences(text), MAX_DEK_CHARS);
  const wordCount = countWords(text);
  const image = pickImage(raw, contentHtml, url);

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
    sourcePublishedAt: validPastDate(raw.isoDate ?? raw.pubDate, context.now),
    sourceUpdatedAt: validPastDate(textOf(raw.updated), context.now),
  };
  return { ok: true, item: { ...fields, contentHash: sourceHash } };
}

/** http(s) only, fragment dropped, campaign-tracking parameters removed. */
export function canonicalUrl(link: string | undefined, baseUrl: string | undefined): string | undefined {
  if (!link?.trim()) return undefined;
  let url: URL;
  try {
    url = new URL(link.trim(), baseUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  for (const name of [...url.searchParams.keys()]) {
    if (/^(utm_|fbclid$|gclid$)/i.test(name)) url.searchParams.delete(name);
  }
  return url.toString();
}

function pickSection(raw: RawItem, context: NormalizeContext): string | undefined {
  const categories = [...(raw.categories ?? []), ...(raw.category ?? [])];
  const fromItem = categories
    .map((category) => textOf(category) ?? (category as { $?: { term?: string } })?.$?.term)
    .find((value): value is string => Boolean(value?.trim()));
  const section = context.feedSection ?? fromItem ?? context.channelSection;
  return limitChars(section ? htmlToText(section) : undefined, 60);
}

interface PickedImage {
  url?: string | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
}

function pickImage(raw: RawItem, contentHtml: string, articleUrl: string): PickedImage {
  const media = [
    ...(raw.mediaContent ?? []),
    ...(raw.mediaGroup ?? []).flatMap((group) => ((group as Record<string, unknown>)['media:content'] as unknown[]) ?? []),
    ...(raw.mediaThumbnail ?? []),
  ] as Array<Record<string, unknown> & { $?: Record<string, string> }>;
  for (const entry of media) {
    const attributes = entry.$ ?? {};
    const isImage = attributes.medium === 'image' || attributes.type?.startsWith('image/') || (!attributes.medium && !attributes.type);
    const url = canonicalUrl(attributes.url, articleUrl);
    if (isImage && url) {
      return {
        url,
        caption: limitChars(htmlToText(textOf(entry['media:description']) ?? textOf(entry['media:title']) ?? ''), 500),
        credit: limitChars(htmlToText(textOf(entry['media:credit']) ?? ''), 200),
      };
    }
  }
  if (raw.enclosure?.type?.startsWith('image/')) {
    const url = canonicalUrl(raw.enclosure.url, articleUrl);
    if (url) return { url };
  }
  const inline = contentHtml.match(/<img\b[^>]*\bsrc="([^"]+)"/)?.[1];
  return { url: inline ? canonicalUrl(inline.replace(/&amp;/g, '&'), articleUrl) : undefined };
}

function parsePrice(value: unknown): number | undefined {
  const text = textOf(value)?.trim();
  if (!text || !/^\d+$/.test(text)) return undefined;
  const price = Number(text);
  return price <= MAX_PRICE ? price : undefined;
}

function validPastDate(value: string | undefined, now: Date): string | undefined {
  if (!value) return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time) || time > now.getTime() + FUTURE_TOLERANCE_MS) return undefined;
  return new Date(time).toISOString();
}

/** Longest dek built from whole sentences; a longer first sentence is cut by the caller. */
const DEK_SENTENCES_CHARS = 200;
const isSentenceEnd = (char: string | undefined) => char === '.' || char === '!' || char === '?';
const isSpace = (char: string | undefined) => char === undefined || /\s/.test(char);

/**
 * The text's first sentences, up to about DEK_SENTENCES_CHARS. One pass that
 * stops once the dek is full: a sentence ends at a run of `.`, `!` or `?`
 * followed by white space or the end. (A regular expression doing this took time
 * in the square of the text when it had no such punctuation: 80 KB took 10 s.)
 */
function firstSentences(text: string): string | undefined {
  if (!text) return undefined;
  let dek = '';
  let sentenceStart = 0;
  for (let at = 0; at < text.length; at++) {
    if (!isSentenceEnd(text[at])) {
      // Past what the dek could hold, the rest of the text cannot change it.
      const length = at - sentenceStart;
      if (dek ? dek.length + length > DEK_SENTENCES_CHARS : length > MAX_DEK_CHARS) break;
      continue;
    }
    let end = at;
    while (isSentenceEnd(text[end + 1])) end++;
    at = end;
    if (!isSpace(text[end + 1])) continue;
    const sentence = text.slice(sentenceStart, end + 2);
    if (dek && dek.length + sentence.length > DEK_SENTENCES_CHARS) break;
    dek += sentence;
    sentenceStart = end + 2;
    if (dek.length >= DEK_SENTENCES_CHARS) break;
  }
  return (dek || text.slice(0, MAX_DEK_CHARS + 1)).trim();
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

function limitChars(value: string | undefined, max: number): string | undefined {
  if (!value) return undefined;
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

function hashOf(serialized: string): string {
  return createHash('sha256').update(serialized).digest('base64url').slice(0, 32);
}
