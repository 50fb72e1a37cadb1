/**
 * A reader writing a post. A reply, repost or quote refers to another post; the
 * block rule applies to that post's author, whatever the entry point.
 */
import type { Db } from '../db/client.js';
import { NotFound } from '../errors.js';
import { assertNotBlocked } from './block-rule.js';
import type { Post } from './post.js';
import { createPost, getPosts } from './post-store.js';

export async function writeReaderPost(db: Db, userId: string, post: Post): Promise<void> {
  const referenced = [post.replyTo, post.repostOf, post.quoteOf].filter((id): id is string => id !== undefined);
  if (referenced.length > 0) {
    const found = await getPosts(db, referenced);
    for (const id of referenced) {
      const other = found.get(id);
      if (!other) throw new NotFound(post.replyTo === id ? 'The post you reply to' : 'The post you share');
      await assertNotBlocked(db, userId, other.author);
    }
  }
  await createPost(db, post);
}
