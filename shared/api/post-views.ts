/** Posts as a viewer sees them: shared originals embedded, article cards with this viewer's access. */
import type { Post } from '../social/post.js';
import { getPosts } from '../social/post-store.js';
import type { AppDeps } from './app-env.js';
import { cardsWithAccess, type CardWithAccess } from './article-cards.js';

export function toPostView(post: Post, cards: Map<string, CardWithAccess> = new Map()) {
  const { author, authorHandle, ...rest } = post;
  const article = post.articleId ? cards.get(post.articleId) : undefined;
  return {
    ...rest,
    author: { kind: author.startsWith('p:') ? ('publisher' as const) : ('reader' as const), handle: authorHandle },
    ...(article ? { article } : {}),
  };
}

export async function postViews(deps: AppDeps, posts: Post[], viewerId: string | undefined) {
  const originals = await getPosts(deps.db, posts.flatMap((post) => post.repostOf ?? post.quoteOf ?? []));
  // A repost of a deleted post has nothing left to show; a quote keeps its own words.
  const shown = posts.filter((post) => !post.repostOf || !originals.get(post.repostOf)?.deleted);
  const articleIds = [...shown, ...originals.values()].flatMap((post) => (post.articleId ? [post.articleId] : []));
  const cards = await cardsWithAccess(deps, articleIds, viewerId);
  return shown.map((post) => {
    const original = originals.get(post.repostOf ?? post.quoteOf ?? '');
    return { ...toPostView(post, cards), ...(original ? { original: toPostView(original, cards) } : {}) };
  });
}
