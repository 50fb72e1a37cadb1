// Generated from the route groups by scripts/generate-route-manifest.ts (npm run api:types). Do not edit.
import type { RouteGroup } from './route-groups.js';

type Route = readonly [method: string, path: string];

/** Every route of every group, in Hono path syntax, in the order the group registers them. */
export const ROUTE_MANIFEST: Record<RouteGroup, readonly Route[]> = {
  public: [
    ["GET", "/health"],
    ["GET", "/v1/publishers"],
    ["GET", "/v1/publishers/:slug"],
    ["GET", "/v1/articles"],
  ],
  embed: [
    ["GET", "/v1/articles/by-url"],
    ["GET", "/v1/articles/:id/entitlement"],
    ["GET", "/.well-known/jwks.json"],
  ],
  articles: [
    ["GET", "/v1/articles/:id"],
    ["POST", "/v1/articles/:id/unlock"],
    ["DELETE", "/v1/articles/:id/unlock"],
    ["POST", "/v1/articles/:id/gifts"],
    ["GET", "/v1/gifts/:giftId"],
    ["POST", "/v1/gifts/:giftId/redeem"],
  ],
  admin: [
    ["POST", "/v1/admin/publishers"],
  ],
  reader: [
    ["POST", "/v1/auth/signup"],
    ["POST", "/v1/auth/password-reset"],
    ["POST", "/v1/auth/password-reset/confirm"],
    ["POST", "/v1/auth/verify-email"],
    ["POST", "/v1/auth/login"],
    ["GET", "/v1/me"],
    ["POST", "/v1/me/email-verification"],
    ["GET", "/v1/me/wallet"],
    ["GET", "/v1/me/library"],
    ["POST", "/v1/me/wallet/dev-top-up"],
  ],
  account: [
    ["GET", "/v1/me/export"],
    ["DELETE", "/v1/me"],
    ["POST", "/v1/me/email-change"],
    ["POST", "/v1/auth/email-change/confirm"],
    ["GET", "/v1/me/receipts"],
    ["GET", "/v1/me/mail-preferences"],
    ["PUT", "/v1/me/mail-preferences"],
  ],
  subscriptions: [
    ["GET", "/v1/points/packs"],
    ["POST", "/v1/publishers/:slug/trial"],
    ["GET", "/v1/me/subscriptions"],
  ],
  posts: [
    ["POST", "/v1/posts"],
    ["GET", "/v1/posts/:id"],
    ["GET", "/v1/posts/:id/replies"],
    ["DELETE", "/v1/posts/:id"],
    ["POST", "/v1/posts/:id/like"],
    ["DELETE", "/v1/posts/:id/like"],
    ["POST", "/v1/posts/:id/tip"],
  ],
  follows: [
    ["POST", "/v1/follows"],
    ["DELETE", "/v1/follows/:kind/:name"],
    ["GET", "/v1/users/:handle"],
    ["POST", "/v1/blocks"],
    ["DELETE", "/v1/blocks/:handle"],
    ["GET", "/v1/users/:handle/followers"],
    ["GET", "/v1/users/:handle/following"],
    ["GET", "/v1/publishers/:slug/followers"],
  ],
  timeline: [
    ["GET", "/v1/timeline"],
    ["GET", "/v1/users/:handle/posts"],
    ["GET", "/v1/publishers/:slug/posts"],
  ],
  newsletters: [
    ["GET", "/v1/publishers/:slug/newsletters"],
    ["GET", "/v1/me/newsletters"],
    ["POST", "/v1/newsletters/:id/subscribe"],
    ["POST", "/v1/newsletters/:id/confirm"],
    ["POST", "/v1/newsletters/:id/unsubscribe"],
  ],
  feedsOut: [
    ["GET", "/feeds/private/:file"],
    ["GET", "/feeds/:slug/:file"],
    ["GET", "/feeds/:file"],
    ["POST", "/v1/me/private-feed"],
    ["DELETE", "/v1/me/private-feed"],
  ],
  publisher: [
    ["GET", "/v1/publisher"],
    ["PATCH", "/v1/publisher"],
    ["POST", "/v1/publisher/keys/rotate"],
    ["POST", "/v1/publisher/feeds"],
    ["GET", "/v1/publisher/feeds"],
    ["DELETE", "/v1/publisher/feeds/:feedId"],
    ["POST", "/v1/publisher/feeds/:feedId/refresh"],
    ["POST", "/v1/publisher/ingest"],
    ["GET", "/v1/publisher/balance"],
    ["GET", "/v1/publisher/statements/:month"],
    ["GET", "/v1/publisher/payouts"],
    ["GET", "/v1/publisher/stats"],
  ],
  publisherNewsletters: [
    ["GET", "/v1/publisher/newsletters"],
    ["POST", "/v1/publisher/newsletters"],
    ["POST", "/v1/publisher/newsletters/:id/send-now"],
    ["GET", "/v1/publisher/newsletters/:id/issues"],
  ],
  publisherWebhooks: [
    ["POST", "/v1/publisher/webhooks"],
    ["GET", "/v1/publisher/webhooks"],
    ["DELETE", "/v1/publisher/webhooks/:id"],
    ["POST", "/v1/publisher/webhooks/:id/rotate-secret"],
    ["POST", "/v1/publisher/webhooks/:id/enable"],
    ["GET", "/v1/publisher/webhooks/:id/deliveries"],
    ["POST", "/v1/publisher/webhooks/:id/deliveries/:deliveryId/replay"],
  ],
  payments: [
    ["GET", "/v1/payments/status"],
    ["POST", "/v1/me/wallet/checkout"],
    ["POST", "/v1/me/purchases/:paymentId/refund"],
    ["POST", "/v1/publishers/:slug/subscribe"],
    ["POST", "/v1/me/subscriptions/:slug/cancel"],
    ["POST", "/v1/me/subscriptions/:slug/resume"],
    ["POST", "/v1/me/subscriptions/:slug/switch"],
    ["POST", "/v1/publisher/connect"],
    ["POST", "/v1/webhooks/stripe"],
  ],
};

/** What the main API serves beside its groups: the API document and its viewer. */
export const DOCUMENT_ROUTES: readonly Route[] = [
  ["GET", "/openapi.json"],
  ["GET", "/docs"],
  ["GET", "/docs/assets/swagger-ui-dist/:file"],
];
