/**
 * What the paywall embed on a publisher's own pages uses, and what the
 * publisher's servers verify access with:
 *  - an article looked up by its address on the publisher's site, answered
 *    with CORS only to the origins that publisher allows;
 *  - an entitlement token for a reader who may read an article, ES256-signed;
 *  - the public keys those tokens verify with (JWKS).
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { isArticleId, loadAccessFacts, readerFactsOf } from '../../access/access-facts.js';
import { decideAccess } from '../../access/access-policy.js';
import { findArticlesByUrl, getArticleCard } from '../../articles/article-store.js';
import { Forbidden, NotFound } from '../../errors.js';
import { offeredPlans } from '../../publishers/plan-offer.js';
import { getPublishers } from '../../publishers/publisher-store.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { requireReader } from '../auth.js';
import { priceAt } from '../../access/article-price.js';
import { readerPseudonym } from '../../access/reader-pseudonym.js';
import { toCard } from '../presenters.js';
import { ArticleCardSchema } from '../schemas/articles.js';
import { errorResponses, jsonResponse } from '../schemas/common.js';
import { OfferedPlanSchema } from '../schemas/plans.js';

/** Long enough to carry the reader back to the publisher's page and have its server check it; short enough not to be worth stealing. */
export const ENTITLEMENT_TOKEN_SECONDS = 10 * 60;

const ArticleByUrlSchema = z
  .object({
    article: ArticleCardSchema,
    readUrl: z.string().openapi({ description: 'The article on postwire, where a reader signs in and unlocks.' }),
    offer: z.object({
      price: z.number().int(),
      freeArticlesPerMonth: z.number().int(),
      plans: z.array(OfferedPlanSchema),
    }),
  })
  .openapi('ArticleByUrl');

const EntitlementTokenSchema = z
  .object({
    token: z.string().openapi({ description: 'A compact JWS (ES256). Claims: iss, aud (`publisher:<slug>`), sub (this reader, pseudonymous per publisher), art, url, via, iat, exp.' }),
    keyId: z.string(),
    expiresAt: z.string(),
  })
  .openapi('EntitlementToken');

const JwksSchema = z
  .object({ keys: z.array(z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string(), kid: z.string(), alg: z.literal('ES256'), use: z.literal('sig') })) })
  .openapi('Jwks');

export function registerEmbedRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    createRoute({ operationId: 'getArticleByUrl', summary: "An article by its address on the publisher's site, for the paywall embed",
      method: 'get',
      path: '/v1/articles/by-url',
      tags: ['everyone'],
      description:
        'The card, the price and the plans of the article a publisher’s page shows. Browsers may read the answer only from the origins that publisher lists in `embedOrigins` (`Access-Control-Allow-Origin`). Tracking parameters and fragments of the address are ignored.',
      request: { query: z.object({ url: z.string().min(1).max(2048).openapi({ param: { name: 'url', in: 'query' }, example: 'https://www.example.com/world/2026/11/story' }) }) },
      responses: { 200: jsonResponse(ArticleByUrlSchema, 'The article and its offer'), ...errorResponses(400, 404) },
    }),
    async (c) => {
      const claims = await findArticlesByUrl(deps.db, c.req.valid('query').url);
      if (claims.length === 0) throw new NotFound('An article at this address');
      const origin = c.req.header('origin');
      // Vary on Origin whatever the answer, so no cache hands one site's CORS answer to another.
      c.header('vary', 'Origin');
      // Nearly always one publisher claims an address: read its card beside the publishers, and only the card.
      const [publishers, firstCard] = await Promise.all([getPublishers(deps.db, claims.map((claim) => claim.publisherSlug)), getArticleCard(deps.db, claims[0]!.articleId)]);
      const allows = (slug: string) => Boolean(origin && publishers.get(slug)?.embedOrigins?.includes(origin));
      const claim = claims.find((candidate) => allows(candidate.publisherSlug)) ?? claims[0]!;
      const article = claim === claims[0] ? firstCard : await getArticleCard(deps.db, claim.articleId);
      const publisher = publishers.get(claim.publisherSlug);
      if (!article || !publisher) throw new NotFound('An article at this address');
      if (allows(claim.publisherSlug)) c.header('access-control-allow-origin', origin!);
      return c.json(
        {
          article: toCard(article, publisher, deps.config.defaultArticlePrice, deps.now()),
          readUrl: `${deps.config.feeds.publicUrl}/articles/${encodeURIComponent(article.id)}`,
          offer: { price: priceAt(article, publisher, deps.config.defaultArticlePrice, deps.now()), freeArticlesPerMonth: publisher.freeArticlesPerMonth, plans: offeredPlans(publisher.plans ?? []) },
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({ operationId: 'getEntitlementToken', summary: 'A signed, short-lived proof that the reader may read an article',
      method: 'get',
      path: '/v1/articles/{id}/entitlement',
      tags: ['reader'],
      description: `For a reader who has access (by any way), an ES256 JWT valid ${ENTITLEMENT_TOKEN_SECONDS / 60} minutes that the publisher's servers verify with the keys at /.well-known/jwks.json. The reader id in it is pseudonymous: stable for one publisher, unlinkable across publishers. Nothing is charged or counted.`,
      security: [{ bearer: [] }],
      middleware: requireReader(deps),
      request: { params: z.object({ id: z.string().max(80).openapi({ param: { name: 'id', in: 'path' } }) }) },
      responses: { 200: jsonResponse(EntitlementTokenSchema, 'The token'), ...errorResponses(401, 403, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!isArticleId(id)) throw new NotFound('The article');
      const reader = c.get('reader')!;
      const now = deps.now();
      const facts = await loadAccessFacts(deps.db, id, reader.userId, now);
      if (!facts.article || !facts.publisher) throw new NotFound('The article');
      const decision = decideAccess({ price: priceAt(facts.article, facts.publisher, deps.config.defaultArticlePrice, now), entitlement: facts.entitlement, reader: readerFactsOf(facts, now) });
      if (decision.kind !== 'granted') throw new Forbidden('You cannot read this article yet: unlock it first.');
      const issuedAt = Math.floor(now.getTime() / 1000);
      const expires = issuedAt + ENTITLEMENT_TOKEN_SECONDS;
      const token = deps.entitlementKeys.sign({
        iss: deps.config.feeds.publicUrl,
        aud: `publisher:${facts.publisher.slug}`,
        sub: readerPseudonym(deps.config.jwtSecret, reader.userId, facts.publisher.slug),
        art: facts.article.id,
        url: facts.article.url,
        // What opened it (points, meter, subscription…), not merely that it is open now.
        via: decision.via === 'already' ? (facts.entitlement?.via ?? decision.via) : decision.via,
        iat: issuedAt,
        exp: expires,
      });
      return c.json({ token, keyId: deps.entitlementKeys.signingKeyId, expiresAt: new Date(expires * 1000).toISOString() }, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'getJwks', summary: 'Public keys that verify entitlement tokens',
      method: 'get',
      path: '/.well-known/jwks.json',
      tags: ['everyone'],
      description: 'A JSON Web Key Set: the signing key first, then keys kept while tokens they signed may still be live. Cache for up to five minutes.',
      responses: { 200: jsonResponse(JwksSchema, 'The key set') },
    }),
    (c) => {
      c.header('cache-control', 'public, max-age=300');
      c.header('access-control-allow-origin', '*');
      return c.json(deps.entitlementKeys.jwks(), 200);
    },
  );
}

