/**
 * Article HTML as readers receive it: an allowlist of tags and attributes, no
 * scripts, styles, event handlers, `javascript:`/`data:` URLs or `srcdoc`,
 * iframes only from allowlisted hosts (over https), and every link and image
 * made absolute against the article's own URL.
 */
import sanitizeHtml from 'sanitize-html';

const BLOCK_TAGS = [
  'p', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'figure', 'figcaption',
  'hr', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'div', 'section', 'aside',
];
const INLINE_TAGS = [
  'a', 'abbr', 'b', 'br', 'cite', 'code', 'em', 'i', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'img', 'iframe',
];

export interface SanitizeOptions {
  baseUrl?: string | undefined;
  iframeHosts: readonly string[];
}

export function sanitizeArticleHtml(html: string, options: SanitizeOptions): string {
  return sanitizeArticle(html, options).html;
}

/**
 * The cleaned HTML and, from the same pass, its plain text (as `htmlToText`
 * reads it): the text an article's dek and word count come from, without
 * parsing the cleaned HTML a second time.
 */
export function sanitizeArticle(html: string, { baseUrl, iframeHosts }: SanitizeOptions): { html: string; text: string } {
  const absolute = (attribute: string) => (tagName: string, attribs: sanitizeHtml.Attributes) => ({
    tagName,
    attribs: { ...attribs, ...(attribs[attribute] ? { [attribute]: absolutize(attribs[attribute], baseUrl) } : {}) },
  });
  let text = '';
  const partWords = (name: string) => {
    if (WORD_BREAKING_SET.has(name)) text += ' ';
  };
  const clean = sanitizeHtml(html, {
    textFilter: (escaped) => {
      text += escaped;
      return escaped;
    },
    onOpenTag: partWords,
    onCloseTag: partWords,
    allowedTags: [...BLOCK_TAGS, ...INLINE_TAGS],
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      iframe: ['src', 'width', 'height', 'title', 'allowfullscreen'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      time: ['datetime'],
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'] },
    allowProtocolRelative: false,
    allowedIframeHostnames: [...iframeHosts],
    allowIframeRelativeUrls: false,
    disallowedTagsMode: 'discard',
    // An image or frame whose only source was refused is an empty box: drop it.
    exclusiveFilter: (frame) => (frame.tag === 'img' || frame.tag === 'iframe') && !frame.attribs.src,
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'template'],
    transformTags: {
      a: (tagName, attribs) => ({
        tagName,
        attribs: {
          ...attribs,
          ...(attribs.href ? { href: absolutize(attribs.href, baseUrl) } : {}),
          rel: 'noopener noreferrer nofollow',
        },
      }),
      img: absolute('src'),
      // A protocol-relative embed ("//www.youtube.com/embed/…") is meant for https; frames may only be https.
      iframe: (tagName, attribs) => absolute('src')(tagName, attribs.src?.trim().startsWith('//') ? { ...attribs, src: `https:${attribs.src.trim()}` } : attribs),
      h1: 'h2', // the page owns the one h1: the article title
    },
  }).trim();
  return { html: clean, text: decodeBasicEntities(text).replace(/\s+/g, ' ').trim() };
}

/** Elements whose edges separate words: a paragraph, a list item, a cell, a line break. */
const WORD_BREAKING = [...BLOCK_TAGS, 'h1', 'br', 'article', 'header', 'footer', 'main', 'nav', 'address', 'details', 'summary', 'center', 'img', 'iframe', 'video', 'audio'];
const WORD_BREAKING_SET = new Set(WORD_BREAKING);
/** The `<` of a word-breaking tag, opening or closing. */
const WORD_BREAKING_TAG = new RegExp(`<(?=/?(?:${WORD_BREAKING.join('|')})[\\s/>])`, 'gi');
const UNREAD = ['script', 'style', 'noscript', 'title', 'template'];

/**
 * Plain text of an HTML fragment (titles, authors, deks, word counts): tags
 * gone, every entity read, and a space wherever a block ends or a line breaks,
 * so "<li>Wednesday</li><li>Former…" never reads "WednesdayFormer". A space
 * goes in before each word-breaking tag (a lookahead of bounded length: linear),
 * then sanitize-html drops every tag; its parser is the one the bundles already carry.
 */
export function htmlToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return html.replace(/\s+/g, ' ').trim();
  const spaced = html.replace(WORD_BREAKING_TAG, ' <');
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {}, nonTextTags: UNREAD });
  return decodeBasicEntities(text).replace(/\s+/g, ' ').trim();
}

/** What sanitize-html escapes in text it writes back. */
function decodeBasicEntities(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[name]!);
}

/** The leading paragraphs of sanitised HTML, stopping once about `words` words are in. */
export function buildTeaser(safeHtml: string, words = 60): string {
  const paragraphs = safeHtml.match(/<p\b[^>]*>[\s\S]*?<\/p>/g) ?? [];
  const picked: string[] = [];
  let count = 0;
  for (const paragraph of paragraphs) {
    const paragraphWords = countWords(htmlToText(paragraph));
    if (paragraphWords === 0) continue;
    if (count > 0 && count + paragraphWords > words * 1.5) break;
    picked.push(paragraphWords > words * 1.5 ? `<p>${escapeText(truncateWords(htmlToText(paragraph), words))}</p>` : paragraph);
    count += paragraphWords;
    if (count >= words) break;
  }
  if (picked.length > 0) return picked.join('');
  const text = htmlToText(safeHtml);
  return text ? `<p>${escapeText(truncateWords(text, words))}</p>` : '';
}

export function countWords(text: string): number {
  const trimmed = text.trim();
  return trimmed ? trimmed.split(/\s+/).length : 0;
}

/** At most `max` characters, an ellipsis marking a cut. */
export function limitChars(value: string | undefined, max: number): string | undefined {
  if (!value) return undefined;
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

export function truncateWords(text: string, words: number): string {
  const parts = text.trim().split(/\s+/);
  return parts.length <= words ? text.trim() : `${parts.slice(0, words).join(' ')}…`;
}

function absolutize(value: string, baseUrl: string | undefined): string {
  try {
    return new URL(value.trim(), baseUrl).toString();
  } catch {
    return value;
  }
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
