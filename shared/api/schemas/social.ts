/** Posts, follows and profiles. The OpenAPI document is generated from these same objects. */
import { z } from '@hono/zod-openapi';
import { MAX_POST_LENGTH } from '../../social/post.js';
import { ArticleCardSchema } from './articles.js';

const PostFields = z.object({
    postId: z.string().openapi({ example: 'p_01JD9A2M4X' }),
    author: z.object({ kind: z.enum(['reader', 'publisher']), handle: z.string().openapi({ example: 'ana_reads' }) }),
    text: z.string().openapi({ example: 'Good news for islanders.' }),
    links: z.array(z.string()),
    articleId: z.string().optional(),
    article: ArticleCardSchema.extend({ access: z.object({ granted: z.boolean(), via: z.string().optional() }) })
      .optional()
      .openapi({ description: 'The attached article as a card, with this viewer’s access state.' }),
    replyTo: z.string().optional(),
    createdAt: z.string(),
    likeCount: z.number().int(),
    replyCount: z.number().int(),
    repostOf: z.string().optional(),
    quoteOf: z.string().optional(),
    repostCount: z.number().int().optional(),
    deleted: z.boolean().optional(),
  });

export const PostSchema = PostFields.extend({
  original: PostFields.optional().openapi({ description: 'The shared post, for reposts and quotes (a tombstone if it was deleted).' }),
}).openapi('Post');

export const CreatePostBody = z
  .object({
    text: z.string().trim().max(MAX_POST_LENGTH).default('').openapi({ example: 'Good news for islanders.' }),
    articleId: z.string().max(80).optional(),
    replyTo: z.string().max(40).optional(),
    repostOf: z.string().max(40).optional(),
    quoteOf: z.string().max(40).optional(),
  })
  .strict()
  .refine((body) => [body.replyTo, body.repostOf, body.quoteOf].filter(Boolean).length <= 1, 'a post replies to, reposts or quotes one post at most')
  .refine((body) => body.text.length > 0 || body.repostOf !== undefined, 'text is required (only a repost may have none)')
  .openapi('CreatePost');

export const FollowBody = z
  .union([z.object({ handle: z.string().min(1).max(30) }).strict(), z.object({ publisher: z.string().min(1).max(40) }).strict()])
  .openapi('Follow');

export const ProfileSchema = z
  .object({ handle: z.string(), displayName: z.string().optional(), createdAt: z.string(), followerCount: z.number().int(), followingCount: z.number().int() })
  .openapi('Profile');
