/**
 * How faithfully postwire stores real-world feeds: each feed of the corpus
 * (test/fixtures/real-world/, sources in SOURCES.md) is pushed to its own
 * publisher through `POST /v1/publisher/ingest`, and what was stored is held
 * against what feedsmith, the reference parser, finds in the same bytes:
 * items, titles, links, dates — and the deks readers see, for sentences cut
 * short and words glued together.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { decodeHTML } from 'entities';
import { parseFeed as feedsmithParse } from 'feedsmith';

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../fixtures/real-world');

export interface CorpusFeed {
  /** `source/file`, as SOURCES.md lists it. */
  name: string;
  bytes: Uint8Array;
}

export function loadCorpus(): CorpusFeed[] {
  const feeds: CorpusFeed[] = [];
  for (const source of readdirSync(CORPUS_DIR).sort()) {
    const dir = path.join(CORPUS_DIR, source);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) feeds.push({ name: `${source}/${file}`, bytes: new Uint8Array(readFileSync(path.join(dir, file))) });
  }
  return feeds;
}

export interface ReferenceItem {
  title?: string | undefined;
  link?: string | undefined;
  date?: string | undefined;
  /** Every text the item carries, tags as spaces: the words a reader can see. */
  words: Set<string>;
  /** The same texts as running words, to find two of them glued together. */
  wordPairs: Set<string>;
  /** The same texts as plain text, to see where a dek starts and ends in them. */
  plain: string;
}

/** The reference's reading of the bytes: the declared or sniffed encoding, then feedsmith. */
export function referenceItems(bytes: Uint8Array): ReferenceItem[] {
  let parsed: { format: string; feed: Record<string, any> };
  try {
    parsed = feedsmithParse(referenceText(bytes)) as unknown as typeof parsed;
  } catch {
    return [];
  }
  const entries: Array<Record<string, any>> = parsed.feed.items ?? parsed.feed.entries ?? [];
  return entries.map((entry) => {
    const texts = [entry.title, entry.description, entry.summary, entry.content?.encoded, entry.content, entry.media?.description, entry.media?.group?.description]
      .map(textValue)
      .filter((text): text is string => text !== undefined);
    const plain = texts.map(normalizeText).join(' | ');
    const tokens = wordsOf(plain);
    const link = typeof entry.link === 'string' ? entry.link : (entry.links?.find((one: { rel?: string }) => !one.rel || one.rel === 'alternate')?.href ?? entry.links?.[0]?.href);
    const title = textValue(entry.title);
    return {
      title: title === undefined ? undefined : normalizeText(title),
      link,
      date: entry.pubDate ?? entry.published ?? entry.updated ?? entry.dc?.dates?.[0] ?? entry.dc?.date ?? entry.dcterms?.created ?? entry.dcterms?.issued ?? entry.dcterms?.modified,
      words: new Set(tokens),
      wordPairs: new Set(tokens.slice(1).map((token, i) => `${tokens[i]}${token}`)),
      plain,
    };
  });
}

/** Feedsmith gives RSS texts as strings and Atom text constructs as `{ value }`. */
const textValue = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof (value as { value?: unknown } | undefined)?.value === 'string' ? (value as { value: string }).value : undefined;

function referenceText(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  const declared = Buffer.from(bytes.subarray(0, 200)).toString('latin1').match(/encoding\s*=\s*["']([\w.-]+)["']/)?.[1];
  // Declared, else UTF-8 when the bytes are, else the web's Latin-1 (the classic reader's fallback, not our detector).
  for (const label of [declared, 'utf-8', 'windows-1252']) {
    if (!label) continue;
    try {
      return new TextDecoder(label, { fatal: label === 'utf-8' && !declared }).decode(bytes).replace(/^\uFEFF/, '').trimStart();
    } catch {
      // An unknown label, or bytes that are not UTF-8: the next reading.
    }
  }
  return new TextDecoder('windows-1252').decode(bytes);
}

/** Text as a browser shows it: a block's edges part words, inline tags do not ("<a>announced</a><a>OSS</a>" reads "announcedOSS"). */
const BLOCK_EDGE = /<\/?(?:p|div|li|ul|ol|br|h[1-6]|blockquote|tr|td|th|table|section|article|header|footer|figure|figcaption|pre|hr|dd|dt|dl|img|iframe)\b[^>]*>/gi;
const normalizeText = (text: string) => decodeHTML(text.replace(BLOCK_EDGE, ' ').replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
const wordsOf = (text: string) => text.split(/[\s\p{P}]+/u).filter((word) => /\p{L}/u.test(word));

export interface StoredCard {
  title: string;
  url: string;
  dek?: string | undefined;
  publishedAt: string;
}

/** How many reference items could be compared on each point, and how many agreed. */
export interface MatchCounts {
  /** Reference items with a title, and those stored under the same title. */
  titled: number;
  titlesMatched: number;
  /** Of those, items whose link the reference gives (a FeedBurner proxy link aside: we store the original), and the same link stored. */
  linked: number;
  linksMatched: number;
  /** Of those, items the reference dates, and the same moment stored. */
  dated: number;
  datesMatched: number;
}

export interface FeedOutcome extends MatchCounts {
  name: string;
  /** The API key of the publisher the feed was pushed to, to push it again. */
  publisherKey?: string | undefined;
  status: number;
  reference: number;
  stored: number;
  brokenDeks: string[];
  gluedWords: string[];
  /** Why items were refused, or the document was. */
  refusals: string[];
}

/**
 * A dek is broken when, in the text it was taken from, it starts or ends
 * inside a word: "org erlaubt…" from "X.org erlaubt", "… the U." from "U.S.".
 * A dek cut short with "…" is judged by its start only; one not found in the
 * reference's text cannot be judged.
 */
export function dekIsBroken(dek: string, reference: ReferenceItem): boolean {
  const truncated = dek.endsWith('…');
  const body = truncated ? dek.slice(0, -1).trim() : dek.trim();
  const text = reference.plain;
  const insideWord = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);
  const startsInsideWord = (at: number) => at > 0 && (insideWord(text[at - 1]) || (text[at - 1] === '.' && insideWord(text[at - 2])));
  // Cut inside a word, a number or an abbreviation: "… the U." of "U.S.", "… 2." of "2.7". A sentence the
  // source itself ran into the next one ("since 2015.Over 120…") ends where it should.
  const endsInsideWord = (next: string | undefined) =>
    insideWord(next) && (/(^|[\s.])\p{L}\.$/u.test(body) || !/[.!?]$/.test(body) || /[\p{Ll}\p{N}]/u.test(next!));
  const matched = truncated ? body.slice(0, 40) : body;
  let seen = false;
  // Judged at its best place: the same words may also stand inside a longer one ("3.9.0" in "v3.9.0").
  for (let at = text.indexOf(matched); at >= 0; at = text.indexOf(matched, at + 1)) {
    seen = true;
    if (!startsInsideWord(at) && (truncated || !endsInsideWord(text[at + matched.length]))) return false;
  }
  return seen;
}

/** Words of the dek or title that are two of the reference's running words glued together. */
export function gluedWordsOf(text: string, reference: ReferenceItem): string[] {
  return wordsOf(text).filter((word) => !reference.words.has(word) && reference.wordPairs.has(word));
}

export function compareFeed(name: string, status: number, reference: ReferenceItem[], cards: StoredCard[], refusals: string[] = []): FeedOutcome {
  const byTitle = new Map(cards.map((card) => [normalizeText(card.title), card]));
  let titled = 0;
  let titlesMatched = 0;
  let linked = 0;
  let linksMatched = 0;
  let dated = 0;
  let datesMatched = 0;
  const brokenDeks: string[] = [];
  const gluedWords: string[] = [];
  for (const item of reference) {
    if (item.title) titled++;
    const card = item.title ? byTitle.get(item.title) : undefined;
    if (!card) continue;
    titlesMatched++;
    if (item.link && !item.link.includes('/~r/')) {
      linked++;
      if (sameLink(item.link, card.url)) linksMatched++;
    }
    const date = item.date ? Date.parse(item.date) : Number.NaN;
    if (Number.isFinite(date)) {
      dated++;
      if (Math.abs(date - Date.parse(card.publishedAt)) < 1000) datesMatched++;
    }
    if (card.dek && dekIsBroken(card.dek, item)) brokenDeks.push(card.dek);
    gluedWords.push(...gluedWordsOf(`${card.title} ${card.dek ?? ''}`, item));
  }
  return { name, status, reference: reference.length, stored: cards.length, titled, titlesMatched, linked, linksMatched, dated, datesMatched, brokenDeks, gluedWords, refusals };
}

/** The same page, whatever a canonical form changed: scheme-relative, fragment, tracking parameters, trailing slash. */
function sameLink(referenceLink: string, storedUrl: string): boolean {
  const strip = (url: string) => url.replace(/^https?:/, '').replace(/#.*$/, '').replace(/[?&]utm_[^&]*/g, '').replace(/\/$/, '');
  if (!/^(https?:)?\/\//.test(referenceLink.trim())) return storedUrl.includes(referenceLink.trim().replace(/^\.?\//, ''));
  return strip(referenceLink.trim()) === strip(storedUrl);
}

export interface FidelitySummary extends MatchCounts {
  feeds: number;
  referenceItems: number;
  storedItems: number;
  feedsInFull: number;
  brokenDeks: number;
  gluedWords: number;
  outcomes: FeedOutcome[];
}

export function summarize(outcomes: FeedOutcome[]): FidelitySummary {
  const sum = (pick: (outcome: FeedOutcome) => number) => outcomes.reduce((total, outcome) => total + pick(outcome), 0);
  return {
    feeds: outcomes.length,
    referenceItems: sum((outcome) => outcome.reference),
    storedItems: sum((outcome) => Math.min(outcome.stored, outcome.reference)),
    feedsInFull: outcomes.filter((outcome) => outcome.stored >= outcome.reference).length,
    titled: sum((outcome) => outcome.titled),
    titlesMatched: sum((outcome) => outcome.titlesMatched),
    linked: sum((outcome) => outcome.linked),
    linksMatched: sum((outcome) => outcome.linksMatched),
    dated: sum((outcome) => outcome.dated),
    datesMatched: sum((outcome) => outcome.datesMatched),
    brokenDeks: sum((outcome) => outcome.brokenDeks.length),
    gluedWords: sum((outcome) => outcome.gluedWords.length),
    outcomes,
  };
}

type Request = (path: string, init?: RequestInit) => Promise<Response>;

/** Pushes every feed to a publisher of its own and compares what was stored. */
export async function measureCorpus(request: Request, adminToken: string, feeds = loadCorpus(), prefix = 'corpus'): Promise<FidelitySummary> {
  const outcomes: FeedOutcome[] = [];
  for (const [index, feed] of feeds.entries()) {
    const slug = `${prefix}-${index}`;
    const created = await request('/v1/admin/publishers', {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slug, name: feed.name, homepageUrl: `https://${slug}.example/` }),
    });
    const { apiKey } = (await created.json()) as { apiKey: string };
    const pushed = await request('/v1/publisher/ingest', { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/xml' }, body: feed.bytes });
    const answer = (await pushed.json()) as { rejected?: Array<{ reason: string }>; error?: { message: string } };
    const refusals = answer.error ? [answer.error.message] : (answer.rejected ?? []).map((rejection) => rejection.reason);
    const cards: StoredCard[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page = (await (await request(`/v1/articles?publisher=${slug}&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json()) as { items: StoredCard[]; nextCursor: string | null };
      cards.push(...page.items);
      cursor = page.nextCursor;
    }
    outcomes.push({ ...compareFeed(feed.name, pushed.status, referenceItems(feed.bytes), cards, refusals), publisherKey: apiKey });
  }
  return summarize(outcomes);
}
