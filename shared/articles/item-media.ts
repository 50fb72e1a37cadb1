/**
 * An item's lead image and, for video feeds, its description. Media RSS
 * offers one picture in several sizes: the widest is taken. Order of
 * preference: `media:content` images (the item's, then its `media:group`'s),
 * then `media:thumbnail`s (YouTube's only picture), an image enclosure, the
 * first image of the body.
 */
import { textOf, type RawItem } from '../feeds/parse/feed-parser.js';
import { htmlToText, limitChars } from './html-sanitizer.js';
import { canonicalUrl } from './item-links.js';

export interface PickedImage {
  url?: string | undefined;
  caption?: string | undefined;
  credit?: string | undefined;
}

type MediaNode = Record<string, unknown> & { $?: Record<string, string> };

const groupsOf = (raw: RawItem) => (raw.mediaGroup ?? []) as MediaNode[];
const childrenOf = (nodes: MediaNode[], name: string) => nodes.flatMap((node) => (node[name] as MediaNode[] | undefined) ?? []);

export function pickImage(raw: RawItem, contentHtml: string, articleUrl: string | undefined): PickedImage {
  const contents = [...((raw.mediaContent ?? []) as MediaNode[]), ...childrenOf(groupsOf(raw), 'media:content')].filter(isImage);
  const thumbnails = [...((raw.mediaThumbnail ?? []) as MediaNode[]), ...childrenOf(groupsOf(raw), 'media:thumbnail')];
  for (const candidates of [contents, thumbnails]) {
    const widest = widestOf(candidates.filter((entry) => canonicalUrl(entry.$?.url, articleUrl)));
    if (widest) {
      return {
        url: canonicalUrl(widest.$!.url, articleUrl),
        caption: limitChars(htmlToText(textOf(widest['media:description']) ?? textOf(widest['media:title']) ?? ''), 500),
        credit: limitChars(htmlToText(textOf(widest['media:credit']) ?? ''), 200),
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

function isImage(entry: MediaNode): boolean {
  const attributes = entry.$ ?? {};
  return attributes.medium === 'image' || Boolean(attributes.type?.startsWith('image/')) || (!attributes.medium && !attributes.type);
}

/** The widest of several sizes; the first when none says its width. */
function widestOf(entries: MediaNode[]): MediaNode | undefined {
  let widest: MediaNode | undefined;
  let widestWidth = -1;
  for (const entry of entries) {
    const width = Number(entry.$?.width);
    const known = Number.isFinite(width) ? width : 0;
    if (known > widestWidth) {
      widest = entry;
      widestWidth = known;
    }
  }
  return widest;
}

/** A video's description (`media:description`, plain text) as HTML paragraphs: the body of an item that has no other. */
export function mediaDescriptionHtml(raw: RawItem): string | undefined {
  const text = [...groupsOf(raw), raw as unknown as MediaNode].map((node) => textOf(node['media:description'])).find((value) => value?.trim());
  if (!text) return undefined;
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escape(paragraph.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
