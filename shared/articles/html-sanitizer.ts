/**
 * Article HTML as readers receive it: an allowlist of tags and attributes, no
 * scripts, styles, event handlers, `javascript:`/`data:` URLs or `srcdoc`,
 * iframes only from allowlisted hosts (over https), and every link and image
 * made absolute against the article's own URL.
 */
import { Parser } from 'htmlparser2';
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

export function sanitizeArticleHtml(html: string, { baseUrl, iframeHosts }: SanitizeOptions): string {
  const absolute = (attribute: string) => (tagName: string, attribs: sanitizeHtml.Attributes) => ({
    tagName,
    attribs: { ...attribs, ...(attribs[attribute] ? { [attribute]: absolutize(attribs[attribute], baseUrl) } : {}) },
  });
  return sanitizeHtml(html, {
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
}

/** Elements whose edges separate words: a paragraph, a list item, a cell, a line break. */
const WORD_BREAKING = new Set([...BLOCK_TAGS, 'h1', 'br', 'article', 'header', 'footer', 'main', 'nav', 'address', 'details', 'summary', 'center', 'img', 'iframe', 'video', 'audio']);
const UNREAD = new Set(['script', 'style', 'noscript', 'title', 'template']);

/**
 * Plain text of an HTML fragment (titles, authors, deks, word counts): tags
 * gone, every entity read, and a space wherever a block ends or a line breaks,
 * so "<li>Wednesday</li><li>Former…" never reads "WednesdayFormer".
 */
export function htmlToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return html.replace(/\s+/g, ' ').trim();
  let text = '';
  let unread = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (UNREAD.has(name)) unread++;
        else if (WORD_BREAKING.has(name)) text += ' ';
      },
      onclosetag(name) {
        if (UNREAD.has(name)) unread = Math.max(0, unread - 1);
        else if (WORD_BREAKING.has(name)) text += ' ';
      },
      ontext(chunk) {
        if (unread === 0) text += chunk;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return text.replace(/\s+/g, ' ').trim();
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
