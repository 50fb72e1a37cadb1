/** What the social route modules share: route defaults by audience, path parameters, post views. */
import { z } from '@hono/zod-openapi';
import type { Post } from '../../social/post.js';
import type { AppDeps } from '../app-env.js';
import { readerIfPresent, requireReader } from '../auth.js';
import { postViews } from '../post-views.js';
import { OPTIONAL_READER } from '../schemas/common.js';

export const PostIdParam = z.object({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' } }) });
export const HandleParam = z.object({ handle: z.string().max(30).openapi({ param: { name: 'handle', in: 'path' } }) });
export const SlugParam = z.object({ slug: z.string().max(40).openapi({ param: { name: 'slug', in: 'path' } }) });

export function socialRouteKit(deps: AppDeps) {
  const auth = requireReader(deps);
  return {
    auth,
    /** Routes for signed-in readers. */
    reader: { tags: ['social'], security: [{ bearer: [] }], middleware: auth },
    /** Routes for everyone, where a reader token adds the viewer's own state. */
    anyone: { tags: ['social'], security: OPTIONAL_READER, middleware: readerIfPresent(deps) },
    viewsOf: (posts: Post[], viewerId: string | undefined) => postViews(deps, posts, viewerId),
  };
}
