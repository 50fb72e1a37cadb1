/** A post: a few lines of plain text, maybe an article, maybe a reply. */
import { randomBytes } from 'node:crypto';
import type { AccountKey } from '../db/keys.js';

export const MAX_POST_LENGTH = 1000;

/** The item `type` of posts in the table; the stream's event filter selects on it (infra). */
export const POST_ITEM_TYPE = 'post';

export interface Post {
  postId: string;
  author: AccountKey;
  /** Display handle: a reader's handle or a publisher's slug. */
  authorHandle: string;
  text: string;
  links: string[];
  articleId?: string | undefined;
  replyTo?: string | undefined;
  /** A repost shares another post as it is; a quote shares it with text of one's own. */
  repostOf?: string | undefined;
  quoteOf?: string | undefined;
  createdAt: string;
  likeCount: number;
  replyCount: number;
  repostCount?: number | undefined;
  /** A deleted post keeps its place in threads as a tombstone, without its text. */
  deleted?: boolean | undefined;
}

/** Sortable by time, unique without coordination. */
export function newPostId(now: Date): string {
  return `${now.getTime().toString(36).padStart(9, '0')}${randomBytes(6).toString('hex')}`;
}

/** http(s) links in the text, in order, without duplicates. */
export function detectLinks(text: string): string[] {
  const found = text.match(/https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi) ?? [];
  return [...new Set(found)].slice(0, 10);
}
