/* eslint-disable */
// Generated from /openapi.json by scripts/generate-api-types.ts (npm run api:types). Do not edit.

export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public keys that verify entitlement tokens
         * @description A JSON Web Key Set: the signing key first, then keys kept while tokens they signed may still be live. Cache for up to five minutes.
         */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/{slug}.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A publisher’s public Atom feed */
        get: operations["getPublisherFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/{slug}/{section}.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A section’s public Atom feed */
        get: operations["getSectionFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/feeds/private/{token}.atom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A reader’s private Atom feed, in full text
         * @description The address `POST /v1/me/private-feed` gave: what the reader unlocked or was given, and the newest articles of the publishers they subscribe to, in full. No sign-in: the token is the key; revoking it makes the address 404.
         */
        get: operations["getPrivateFeed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/publishers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a publisher and its first API key (operator) */
        post: operations["createPublisher"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Article cards, newest first */
        get: operations["listArticles"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An article: teaser for everyone, full text with access, else the offer
         * @description The teaser always; the full text when this viewer has access. A reader token adds their access state and offer.
         */
        get: operations["getArticle"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/entitlement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A signed, short-lived proof that the reader may read an article
         * @description For a reader who has access (by any way), an ES256 JWT valid 10 minutes that the publisher's servers verify with the keys at /.well-known/jwks.json. The reader id in it is pseudonymous: stable for one publisher, unlinkable across publishers. Nothing is charged or counted.
         */
        get: operations["getEntitlementToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/gifts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make a gift link of an article the reader may gift
         * @description A gift link: opens the full article for up to 10 readers for 7 days, free to them. For articles you unlocked or subscribe to; 5 a month.
         */
        post: operations["createGift"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unlock an article for the signed-in reader
         * @description Opens the article by the first way that applies: free, already unlocked, the free meter, or points. Never charges twice; a replay with the same Idempotency-Key returns the first answer.
         */
        post: operations["unlockArticle"];
        /**
         * Undo a points unlock within minutes
         * @description Undoes an unlock paid with points within 10 minutes (at most 5 a month): points back, access gone, the publisher's earning reversed.
         */
        delete: operations["undoUnlock"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/articles/by-url": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An article by its address on the publisher's site, for the paywall embed
         * @description The card, the price and the plans of the article a publisher’s page shows. Browsers may read the answer only from the origins that publisher lists in `embedOrigins` (`Access-Control-Allow-Origin`). Tracking parameters and fragments of the address are ignored.
         */
        get: operations["getArticleByUrl"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/email-change/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Use a link from an address-change mail
         * @description The token is the `token` parameter of the link. Each link works once; the account moves to the new address when both (or, for an address never confirmed, the new one) are used.
         */
        post: operations["confirmEmailChange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in */
        post: operations["logIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a link to choose a new password
         * @description The answer is the same whether or not an account uses the address, so nobody can find out which addresses have accounts. The link works once, for 30 minutes. At most 3 requests an hour per address.
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose a new password with the link from the mail
         * @description Sets the new password, ends every session of the account (their tokens answer 401), and signs in anew.
         */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a reader account
         * @description The account starts with an empty wallet; confirming the address with the link mailed to it adds 50 starter points, once per address.
         */
        post: operations["signUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an email address with the link from the mail
         * @description The token is the `token` parameter of the link in the confirmation mail. The first confirmation of an address adds 50 starter points to the wallet; no address earns them twice, whichever account it belongs to. Using the link again changes nothing.
         */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Block a reader */
        post: operations["blockUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/blocks/{handle}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unblock a reader */
        delete: operations["unblockUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/follows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Follow a reader or a publisher */
        post: operations["follow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/follows/{kind}/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop following a reader or a publisher */
        delete: operations["unfollow"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/gifts/{giftId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a gift link opens, for the gift page
         * @description The gifted article's card and whether the link can still be redeemed. Who made the link is not shown.
         */
        get: operations["getGift"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/gifts/{giftId}/redeem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open a gifted article */
        post: operations["redeemGift"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in reader */
        get: operations["getMe"];
        put?: never;
        post?: never;
        /**
         * Delete the account
         * @description Needs the current password. Posts stay in their threads as "deleted account", without text; follows, likes, blocks, the library and subscriptions go; the wallet ledger is kept without name or address for as long as accounting law requires (docs/ACCOUNTS.md). Points left in the wallet are given up: for purchased points only with `forfeitPoints: true` (409 otherwise), and a paid subscription that would renew must be cancelled first (409). Every token of the account stops working.
         */
        delete: operations["deleteAccount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/email-change": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move the account to another address
         * @description Needs the current password. Mails a link to the new address and, when the current one was confirmed, a link to it too: the change happens once both are used, within 24 hours. A new request replaces a pending one. At most 3 requests an hour.
         */
        post: operations["changeEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/email-verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the address confirmation mail again */
        post: operations["resendEmailVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The whole account as JSON
         * @description Profile, wallet and ledger, library, subscriptions, posts, follows, likes, blocks and newsletter subscriptions: everything postwire keeps about the reader, as a file they can keep. At most 5 an hour.
         */
        get: operations["exportAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/library": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Articles the reader can read in full */
        get: operations["listLibrary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/mail-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which mails the reader wants */
        get: operations["getMailPreferences"];
        /** Choose which mails to get */
        put: operations["setMailPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/newsletters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The newsletters the reader subscribed to */
        get: operations["listMyNewsletters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/private-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new private feed address (the old one stops working)
         * @description Any feed reader can follow the address without signing in, so keep it to yourself. Asking again makes a new one and revokes the old.
         */
        post: operations["createPrivateFeed"];
        /** Revoke the private feed address */
        delete: operations["revokePrivateFeed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/purchases/{paymentId}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund an unused point pack within 14 days
         * @description Refunds a points purchase (the `paymentId` of its top-up in the wallet) within 14 days, if its points are all still unused: Stripe returns the money, then the points leave the wallet.
         */
        post: operations["refundPurchase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Signed receipts of every purchase and entitlement
         * @description Each receipt is a JWS signed with the keys at `/.well-known/jwks.json`, so it verifies offline with any JOSE library, without postwire: keep them. What a receipt promises if postwire stops operating is in docs/ARCHITECTURE.md. At most 20 an hour.
         */
        get: operations["listReceipts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The reader’s subscriptions and trials */
        get: operations["listSubscriptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/subscriptions/{slug}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a subscription or trial at the period end
         * @description Cancels at the end of the period already paid for; a card trial then ends without a charge, a card-less trial simply ends.
         */
        post: operations["cancelSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/subscriptions/{slug}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a subscription set to end
         * @description Takes back a cancellation before the period ends: the subscription renews (or a card trial converts) as before.
         */
        post: operations["resumeSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/subscriptions/{slug}/switch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Switch between a publisher’s monthly and yearly plans
         * @description Moves a paid subscription to another plan of the publisher (monthly ↔ yearly); Stripe prorates what was already paid.
         */
        post: operations["switchSubscriptionPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/wallet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Balance and ledger */
        get: operations["getWallet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/wallet/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Buy a point pack with Stripe Checkout
         * @description Buy a point pack with Stripe Checkout; points are credited when Stripe confirms the payment.
         */
        post: operations["buyPoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/wallet/dev-top-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Development top-up (never in AWS)
         * @description DEVELOPMENT ONLY: adds points without payment. Exists only where no payment provider is configured; never in AWS.
         */
        post: operations["devTopUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/newsletters/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a subscription with the link from the mail */
        post: operations["confirmNewsletterSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/newsletters/{id}/subscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Subscribe to a newsletter (double opt-in)
         * @description Mails a confirmation link to the reader's address; the subscription starts when it is used (within 7 days). Subscribing again while waiting sends the link again.
         */
        post: operations["subscribeNewsletter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/newsletters/{id}/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unsubscribe (one click)
         * @description With `token` (the link in every issue, and its `List-Unsubscribe` header) nobody needs to sign in: this is the RFC 8058 one-click endpoint, and mail clients POST `List-Unsubscribe=One-Click` to it, which is accepted and not needed. Without a token, the signed-in reader is unsubscribed. Unsubscribing twice is no error.
         */
        post: operations["unsubscribeNewsletter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether card payments are available now
         * @description Whether this postwire takes card payments now (point packs, paid subscriptions, publishers’ payout accounts). It answers `configured: false` until the operator has set up Stripe; the payment operations then answer 503 `payments_not_configured`.
         */
        get: operations["getPaymentsStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/points/packs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Point packs for sale */
        get: operations["listPointPacks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write a post, a reply, a repost or a quote */
        post: operations["createPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A post */
        get: operations["getPost"];
        put?: never;
        post?: never;
        /** Delete one’s own post */
        delete: operations["deletePost"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/posts/{id}/like": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Like a post */
        post: operations["likePost"];
        /** Take a like back */
        delete: operations["unlikePost"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/posts/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A post’s replies, oldest first */
        get: operations["listReplies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/posts/{id}/tip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tip a post’s author with purchased points
         * @description Gives points to the post’s author (a reader’s wallet or a publisher’s earnings), in one transaction. Safe to retry with an Idempotency-Key.
         */
        post: operations["tipPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The publisher’s own settings */
        get: operations["getOwnPublisher"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change prices, the free meter, plans and other settings */
        patch: operations["updatePublisher"];
        trace?: never;
    };
    "/v1/publisher/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Earnings held, available and paid out
         * @description Earnings in US cents (1 point = 1 cent): held (refunds and disputes may still take them back), available for the next payout, in flight, and paid out so far.
         */
        get: operations["getPayoutBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/connect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Connect a Stripe account to be paid (onboarding link)
         * @description Connects the publisher to Stripe to be paid: makes its Stripe Express account on the first call, and answers a link to Stripe’s onboarding, valid for a few minutes. Payouts start once Stripe reports the account can receive them.
         */
        post: operations["connectPayoutAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registered feeds with their fetch status */
        get: operations["listFeeds"];
        put?: never;
        /** Register a feed URL to poll */
        post: operations["registerFeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/feeds/{feedId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Stop polling a feed */
        delete: operations["deleteFeed"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/feeds/{feedId}/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Fetch a feed now */
        post: operations["refreshFeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/ingest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Push a feed document
         * @description Push a whole RSS 2.0, RSS 0.9x, RDF or Atom document. New items are created, changed ones updated, unchanged ones cost nothing.
         */
        post: operations["ingestFeed"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the publisher’s API key */
        post: operations["rotateApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/newsletters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The publisher’s newsletters */
        get: operations["listOwnNewsletters"];
        put?: never;
        /**
         * Define a newsletter
         * @description A newsletter goes out at `sendTime` in `timeZone`, daily or weekly. Each issue carries your articles published since the previous issue (in `sections`, when given), newest first, at most `maxArticles`; no issue goes out when there is nothing new. Readers subscribe with double opt-in and unsubscribe in one click. What each reader sees follows the access decision: articles they can read open, the others as teaser, price and unlock link.
         */
        post: operations["createNewsletter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/newsletters/{id}/issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A newsletter’s recent issues and what became of their mails */
        get: operations["listNewsletterIssues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/newsletters/{id}/send-now": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make the next issue now
         * @description Brings the next issue forward to now: the dispatcher, which runs every minute, makes and sends it. The schedule goes on from there.
         */
        post: operations["sendNewsletterNow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Payouts, newest first */
        get: operations["listPayouts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/statements/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A month’s statement, in JSON or CSV
         * @description The month’s statement in US cents: opening + earned − reversed − paid out = closing, with every entry. `Accept: text/csv` (or `?format=csv`, for a link) answers it as a spreadsheet.
         */
        get: operations["getStatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Unlocks, earnings, subscribers and top articles for a period */
        get: operations["getPublisherStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The publisher’s webhook endpoints and their state */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register a webhook endpoint
         * @description Events from now on are POSTed as JSON `{id, type, createdAt, publisher, data}`, signed as Standard Webhooks do: `webhook-id`, `webhook-timestamp`, and `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`. Delivery is at least once (deduplicate by `id`), in order per publisher; failures are retried with growing pauses for 3 days, then the endpoint is disabled. The URL must be on a public address, checked now and at every delivery. The secret is shown once.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a webhook endpoint */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent delivery attempts to an endpoint */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/webhooks/{id}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send one event to the endpoint again, now */
        post: operations["replayWebhookDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/webhooks/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a disabled endpoint from where it stopped */
        post: operations["enableWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publisher/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret; the old one signs too for 24 hours */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publishers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Publishers, by slug */
        get: operations["listPublishers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publishers/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A publisher, its plans and offer */
        get: operations["getPublisher"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publishers/{slug}/followers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who follows a publisher */
        get: operations["listPublisherFollowers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publishers/{slug}/newsletters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A publisher’s newsletters */
        get: operations["listPublisherNewsletters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publishers/{slug}/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A publisher’s posts */
        get: operations["listPublisherPosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publishers/{slug}/subscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Subscribe to a publisher’s plan with Stripe Checkout
         * @description Subscribe to a plan with Stripe Checkout; access starts when Stripe confirms the subscription. A plan whose trial needs a card starts with that trial (once per reader and publisher), charged only when it ends.
         */
        post: operations["subscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/publishers/{slug}/trial": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a publisher’s free trial without a card
         * @description Starts the card-less free trial of a plan: once per reader per publisher, no payment needed. A plan whose trial needs a card starts it through subscribe instead.
         */
        post: operations["startTrial"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The home timeline */
        get: operations["getTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{handle}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A reader’s public profile */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{handle}/followers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who follows a reader */
        get: operations["listUserFollowers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{handle}/following": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whom a reader follows */
        get: operations["listUserFollowing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{handle}/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A reader’s posts */
        get: operations["listUserPosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe webhook events
         * @description Stripe events, verified by their signature. Safe to deliver any number of times, in any order.
         */
        post: operations["receiveStripeEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AccountDeleted: {
            /** @enum {boolean} */
            deleted: true;
            /** @description Points left in the wallet that were given up. */
            forfeitedPoints: number;
        };
        AccountExport: {
            blocked: {
                at?: string;
                userId: string;
            }[];
            exportedAt: string;
            follows: {
                followedAt?: string;
                id: string;
                /** @enum {string} */
                kind: "reader" | "publisher";
            }[];
            freeArticlesUsed: {
                month: string;
                publisherSlug: string;
                used: number;
            }[];
            /** @description Every wallet entry, oldest first. */
            ledger: {
                [key: string]: unknown;
            }[];
            /** @description Every article you may read in full, and how you got it. */
            library: {
                [key: string]: unknown;
            }[];
            likes: {
                likedAt: string;
                postId: string;
            }[];
            /** @description The newsletters you subscribed to. */
            newsletters: {
                [key: string]: unknown;
            }[];
            /** @description Your posts, oldest first. */
            posts: {
                [key: string]: unknown;
            }[];
            profile: {
                [key: string]: unknown;
            };
            subscriptions: {
                [key: string]: unknown;
            }[];
            wallet: {
                balance: number;
                promotional: number;
            };
        };
        AccountPage: {
            items: {
                handle: string;
                /** @enum {string} */
                kind: "reader" | "publisher";
            }[];
            nextCursor: string | null;
        };
        ApiKey: {
            apiKey: string;
        };
        ArticleByUrl: {
            article: components["schemas"]["ArticleCard"];
            offer: {
                freeArticlesPerMonth: number;
                plans: components["schemas"]["OfferedPlan"][];
                price: number;
            };
            /** @description The article on postwire, where a reader signs in and unlocks. */
            readUrl: string;
        };
        ArticleCard: {
            /** @example Claire Dubois */
            author?: string;
            /** @example The European Central Bank's president said the bank would hold rates through the winter. */
            dek?: string;
            /** @example worldwire_6lAngwK9ZkIS1V1z1h0Kq9 */
            id: string;
            /** @example https://images.worldwire.example/2026/11/lagarde.jpg */
            imageUrl?: string;
            /**
             * @description Points to unlock; 0 means free.
             * @example 30
             */
            price: number;
            /** @example 2026-11-28T07:00:00.000Z */
            publishedAt: string;
            publisher: {
                /** @example World Wire */
                name: string;
                /** @example worldwire */
                slug: string;
            };
            /** @example 4 */
            readingMinutes: number;
            /** @example Europe */
            section?: string;
            /** @example Lagarde signals a pause as eurozone inflation cools to 2.1% */
            title: string;
            /** @example https://worldwire.example/europe/lagarde-signals-a-pause */
            url: string;
        };
        ArticleCardPage: {
            items: components["schemas"]["ArticleCard"][];
            nextCursor: string | null;
        };
        ArticleDetail: {
            access: {
                /** @example false */
                granted: boolean;
                /** @example points */
                via?: string;
            };
            article: components["schemas"]["ArticleCard"] & {
                imageCaption?: string;
                imageCredit?: string;
                /** @example <p>Frankfurt’s policymakers had been split for months over how quickly to ease.</p> */
                teaserHtml: string;
                /** @example 2026-11-28T07:00:00.000Z */
                updatedAt: string;
                /** @example 820 */
                wordCount: number;
            };
            /** @example <p>The full text…</p> */
            contentHtml?: string;
            offer?: {
                /** @example 50 */
                balance?: number;
                /** @description Points the reader owes after a refunded or disputed purchase; nothing can be unlocked with points until they are covered. */
                deficit?: number;
                freeRemaining: number;
                plans: components["schemas"]["OfferedPlan"][];
                /** @example 30 */
                price: number;
                trialAvailable?: boolean;
                /** @description Points an unlock would take now: 0 with the free meter or past the spend cap. */
                unlockCost?: number;
            };
        };
        AuthResult: {
            /** @example 0 */
            balance: number;
            /** @example eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1XzAxSkQ4WksiLCJoYW5kbGUiOiJhbmFfcmVhZHMifQ.sig */
            token: string;
            user: components["schemas"]["Reader"];
        };
        Checkout: {
            /** @description Send the reader here to pay. */
            checkoutUrl: string;
            sessionId: string;
        };
        CreatedPublisher: {
            /** @description Shown once; store it now. */
            apiKey: string;
            publisher: components["schemas"]["Publisher"];
        };
        CreateFeed: {
            section?: string;
            /** Format: uri */
            url: string;
        };
        CreateNewsletter: {
            description?: string;
            /**
             * @description `weekly` goes out on `weekday`.
             * @enum {string}
             */
            frequency: "daily" | "weekly";
            /**
             * @description Short and unique among your newsletters: its id is `<your slug>.<key>`.
             * @example daily
             */
            key: string;
            /** @default 10 */
            maxArticles: number;
            name: string;
            sections?: string[];
            /** @example 07:00 */
            sendTime: string;
            /** @example Europe/Berlin */
            timeZone: string;
            /** @description For a weekly: 0 = Sunday … 6 = Saturday (default 1, Monday). */
            weekday?: number;
        };
        CreatePost: {
            articleId?: string;
            quoteOf?: string;
            replyTo?: string;
            repostOf?: string;
            /**
             * @default
             * @example Good news for islanders.
             */
            text: string;
        };
        CreatePublisher: {
            articlePrice?: number;
            freeArticlesPerMonth?: number;
            /** Format: uri */
            homepageUrl?: string;
            name: string;
            slug: string;
        };
        CreateWebhook: {
            events: ("article.unlocked" | "article.unlock_undone" | "subscription.started" | "subscription.renewed" | "subscription.ended" | "gift.redeemed" | "tip.received" | "payout.paid")[];
            /**
             * Format: uri
             * @example https://hooks.worldwire.example/postwire
             */
            url: string;
        };
        DeleteAccount: {
            /**
             * @description You agree to give up purchased points still in the wallet. Without it, a wallet with purchased points is not deleted (409).
             * @default false
             */
            forfeitPoints: boolean;
            /** @description Your current password: deleting needs it even with a valid token. */
            password: string;
        };
        DevTopUp: {
            points: number;
        };
        EmailChange: {
            /** Format: email */
            newEmail: string;
            /** @description Your current password. */
            password: string;
        };
        EmailChangeProgress: {
            /** @description True once both links were used: the account now uses the new address. */
            changed: boolean;
            /** @description The address the account uses now. */
            email: string;
            newEmail: string;
            /**
             * @description Which address this link belonged to.
             * @enum {string}
             */
            side: "old" | "new";
            /** @description Starter points the change added: only when the account had never confirmed an address, and the new one never had them. */
            starterPoints: number;
        };
        EmailChangeStarted: {
            /** @description Where confirmation links went: the new address, and the current one when it had been confirmed. */
            sentTo: string[];
        };
        EmailVerification: {
            token: string;
        };
        EmailVerified: {
            /** @description The link had been used before; nothing changed. */
            alreadyVerified: boolean;
            email: string;
            /**
             * @description Starter points this confirmation added to the wallet: 0 when the address had them before.
             * @example 50
             */
            starterPoints: number;
            /** @enum {boolean} */
            verified: true;
        };
        EntitlementToken: {
            expiresAt: string;
            keyId: string;
            /** @description A compact JWS (ES256). Claims: iss, aud (`publisher:<slug>`), sub (this reader, pseudonymous per publisher), art, url, via, iat, exp. */
            token: string;
        };
        Error: {
            error: {
                /** @example validation_failed */
                code: string;
                details?: unknown;
                message: string;
                requestId?: string;
            };
        };
        Feed: {
            consecutiveFailures: number;
            createdAt: string;
            /** @example f_9k2LmQ */
            feedId: string;
            lastError: string | null;
            lastFetchedAt: string | null;
            lastHttpStatus: number | null;
            /** @enum {string} */
            lastStatus: "pending" | "ok" | "not_modified" | "error" | "paused";
            lastSummary: {
                created: number;
                rejected: number;
                unchanged: number;
                updated: number;
            } | null;
            /** @description Null while the feed is paused. */
            nextFetchAt: string | null;
            pausedReason: string | null;
            section?: string;
            /** @example https://worldwire.example/rss.xml */
            url: string;
        };
        Follow: {
            handle: string;
        } | {
            publisher: string;
        };
        Gift: {
            articleId: string;
            createdAt: string;
            expiresAt: string;
            giftId: string;
            maxRedemptions: number;
            redemptions: number;
            /** @description The shareable gift page: anyone with it can open the article, signed in, while the gift lasts. */
            url: string;
        };
        GiftView: {
            article: components["schemas"]["ArticleCard"];
            gift: components["schemas"]["Gift"];
            /** @description Whether the link can still be redeemed: not expired, readers left. */
            open: boolean;
        };
        IngestSummary: {
            created: number;
            rejected: {
                guid?: string;
                reason: string;
            }[];
            unchanged: number;
            updated: number;
        };
        Jwks: {
            keys: {
                /** @enum {string} */
                alg: "ES256";
                /** @enum {string} */
                crv: "P-256";
                kid: string;
                /** @enum {string} */
                kty: "EC";
                /** @enum {string} */
                use: "sig";
                x: string;
                y: string;
            }[];
        };
        LedgerEntry: {
            /** @example -30 */
            amount: number;
            articleId?: string;
            /** @example 2026-11-29T10:20:00.000Z */
            at: string;
            /** @example 20 */
            balanceAfter: number;
            /** @example e_2026-11-29T10:20:00.000Z_1 */
            entryId: string;
            /**
             * @example unlock
             * @enum {string}
             */
            kind: "starter" | "topup" | "unlock" | "refund" | "tip_sent" | "tip_received" | "payment_refunded" | "payment_disputed" | "dispute_won" | "account_closed";
            note?: string;
            /** @description On a top-up: the purchase, as a refund request names it. */
            paymentId?: string;
            postId?: string;
            /** @description The promotional part of `amount`, when it has one. */
            promoAmount?: number;
            publisherSlug?: string;
        };
        LibraryPage: {
            items: (components["schemas"]["ArticleCard"] & {
                grantedAt: string;
                via: string;
            })[];
            nextCursor: string | null;
        };
        Login: {
            /** Format: email */
            email: string;
            password: string;
        };
        /** @description Which mails you want. Mails about your account itself (confirming an address, a new password) are always sent. */
        MailPreferences: {
            /** @description Newsletter issues from the newsletters you subscribed to. Off pauses them all; your subscriptions stay for when you turn it on. */
            newsletters: boolean;
        };
        Me: components["schemas"]["Reader"] & {
            balance: number;
        };
        MyNewsletter: {
            confirmedAt?: string;
            name: string;
            newsletterId: string;
            publisherSlug: string;
            requestedAt: string;
            /** @enum {string} */
            status: "pending" | "active";
        };
        Newsletter: {
            createdAt: string;
            description?: string;
            lastIssueAt?: string;
            maxArticles: number;
            /** @example The Daily Briefing */
            name: string;
            /** @example worldwire.daily */
            newsletterId: string;
            /** @description When the next issue is made (UTC). */
            nextSendAt: string;
            publisherSlug: string;
            /** @description Only articles of these sections; all when absent. */
            sections?: string[];
            /** @example 07:00 */
            sendTime: string;
            /** @description Confirmed subscribers. */
            subscriberCount: number;
            /** @example Europe/Berlin */
            timeZone: string;
            /**
             * @description Days it goes out: 0 = Sunday … 6 = Saturday.
             * @example [
             *       1,
             *       2,
             *       3,
             *       4,
             *       5
             *     ]
             */
            weekdays: number[];
        };
        NewsletterIssue: {
            articles: {
                id: string;
                price: number;
                publishedAt: string;
                title: string;
            }[];
            bounced: number;
            delivered: number;
            issueId: string;
            madeAt: string;
            newsletterId: string;
            sent: number;
            unsubscribed: number;
        };
        NewsletterToken: {
            /** @description The `token` parameter of the link in the mail. */
            token: string;
        };
        OfferedPlan: components["schemas"]["Plan"] & {
            /** @example $2.90 per month */
            displayPrice: string;
            /** @example save $14.90 compared to monthly billing */
            savingText?: string;
            /** @example 30 days free, then $2.90 per month */
            trialText?: string;
            /** @description Twelve months of the cheapest monthly plan less this yearly price. */
            yearlySavingCents?: number;
        };
        PasswordReset: {
            /** Format: email */
            email: string;
        };
        PasswordResetConfirm: {
            /** @example a new correct horse */
            password: string;
            /** @description The `token` parameter of the link in the reset mail. */
            token: string;
        };
        PaymentsStatus: {
            configured: boolean;
        };
        Payout: {
            amountCents: number;
            at: string;
            currency: string;
            payoutId: string;
            periodEnd: string;
            transferId: string;
        };
        PayoutBalance: {
            /** @description Out of the hold and not yet paid: the next payout, once at or above the threshold. */
            availableCents: number;
            /** @description Earned within the hold period; refunds and disputes may still take it back. */
            heldCents: number;
            holdDays: number;
            /** @description A payout sent or being sent, not yet recorded. */
            inFlightCents: number;
            paidOutCents: number;
            /** @enum {string} */
            payoutAccount: "none" | "onboarding" | "ready";
            thresholdCents: number;
        };
        PayoutPage: {
            items: components["schemas"]["Payout"][];
            nextCursor: string | null;
        };
        Plan: {
            /** @default usd */
            currency: string;
            /** @enum {string} */
            interval: "month" | "year";
            /** @example Monthly */
            name: string;
            /** @example monthly */
            planId: string;
            /**
             * @description Price per interval in the smallest unit of the currency, e.g. 290 for $2.90.
             * @example 290
             */
            priceCents: number;
            /** @default 0 */
            trialDays: number;
            /**
             * @description A card trial goes through Stripe Checkout and becomes a paid subscription at its end unless cancelled; a card-less one just ends.
             * @default false
             */
            trialRequiresCard: boolean;
        };
        PointPack: {
            packId: string;
            points: number;
            priceCents: number;
        };
        Post: {
            /** @description The attached article as a card, with this viewer’s access state. */
            article?: components["schemas"]["ArticleCard"] & {
                access: {
                    granted: boolean;
                    via?: string;
                };
            };
            articleId?: string;
            author: {
                /** @example ana_reads */
                handle: string;
                /** @enum {string} */
                kind: "reader" | "publisher";
            };
            createdAt: string;
            deleted?: boolean;
            likeCount: number;
            links: string[];
            /** @description The shared post, for reposts and quotes (a tombstone if it was deleted). */
            original?: {
                /** @description The attached article as a card, with this viewer’s access state. */
                article?: components["schemas"]["ArticleCard"] & {
                    access: {
                        granted: boolean;
                        via?: string;
                    };
                };
                articleId?: string;
                author: {
                    /** @example ana_reads */
                    handle: string;
                    /** @enum {string} */
                    kind: "reader" | "publisher";
                };
                createdAt: string;
                deleted?: boolean;
                likeCount: number;
                links: string[];
                /** @example p_01JD9A2M4X */
                postId: string;
                quoteOf?: string;
                replyCount: number;
                replyTo?: string;
                repostCount?: number;
                repostOf?: string;
                /** @example Good news for islanders. */
                text: string;
            };
            /** @example p_01JD9A2M4X */
            postId: string;
            quoteOf?: string;
            replyCount: number;
            replyTo?: string;
            repostCount?: number;
            repostOf?: string;
            /** @example Good news for islanders. */
            text: string;
        };
        PostPage: {
            items: components["schemas"]["Post"][];
            nextCursor: string | null;
        };
        Profile: {
            createdAt: string;
            displayName?: string;
            followerCount: number;
            followingCount: number;
            handle: string;
        };
        PublicNewsletter: {
            description?: string;
            /** @example The Daily Briefing */
            name: string;
            /** @example worldwire.daily */
            newsletterId: string;
            publisherSlug: string;
            /** @description Only articles of these sections; all when absent. */
            sections?: string[];
            /** @example 07:00 */
            sendTime: string;
            /** @example Europe/Berlin */
            timeZone: string;
            /**
             * @description Days it goes out: 0 = Sunday … 6 = Saturday.
             * @example [
             *       1,
             *       2,
             *       3,
             *       4,
             *       5
             *     ]
             */
            weekdays: number[];
        };
        Publisher: {
            /** @description Default article price in points (1 point = 1 US cent). */
            articlePrice: number;
            createdAt: string;
            /** @description Origins of the publisher’s own sites allowed to carry the paywall embed. */
            embedOrigins?: string[];
            /** @description Articles turn free this many days after publication. */
            freeAfterDays?: number | null;
            freeArticlesPerMonth: number;
            /** @example https://worldwire.example/ */
            homepageUrl?: string;
            /** @example World Wire */
            name: string;
            plans?: components["schemas"]["Plan"][];
            /** @description Per section (lower-case), winning over `freeAfterDays`. */
            sectionFreeAfterDays?: {
                [key: string]: number;
            };
            /** @example worldwire */
            slug: string;
            updatedAt: string;
        };
        PublisherPage: {
            items: components["schemas"]["Publisher"][];
            nextCursor: string | null;
        };
        PublisherPostPage: {
            items: components["schemas"]["Post"][];
            nextCursor: string | null;
        };
        PublisherSettings: {
            articlePrice?: number;
            /**
             * @description Origins allowed to carry the paywall embed, e.g. ["https://www.example.com"]; an unlock started there may return there.
             * @example [
             *       "https://www.example.com"
             *     ]
             */
            embedOrigins?: string[];
            /**
             * @description Articles turn free to everyone this many days after publication; null: never.
             * @example 30
             */
            freeAfterDays?: number | null;
            freeArticlesPerMonth?: number;
            /** Format: uri */
            homepageUrl?: string;
            name?: string;
            plans?: components["schemas"]["Plan"][];
            /**
             * @description The same per section (names match case-insensitively); a section’s rule wins over `freeAfterDays`. Send the whole map: sections left out have no rule of their own.
             * @example {
             *       "world": 7
             *     }
             */
            sectionFreeAfterDays?: {
                [key: string]: number;
            };
        };
        /** @description Totals count whole UTC days: every day the period touches. They are rolled up from the table stream, usually within seconds of an unlock; subscriber counts are as of now. */
        PublisherStats: {
            activeSubscribers: number;
            activeTrials: number;
            from: string;
            gifts: {
                /** @description Gift links made. */
                links: number;
                /** @description Readers whose first gift read of this publisher fell in the period. */
                readers: number;
                /** @description Gift readers whose first paid unlock after their gift read fell in the period. */
                readersWhoPaid: number;
            };
            grossPoints: number;
            newsletters: {
                /** @description Of those, refused for good (the address is no longer mailed). */
                bounced: number;
                /** @description Of those, accepted by the receiving mail server. */
                delivered: number;
                /** @description Issues made in the period. */
                issues: number;
                /** @description Mails of those issues handed to the mail queue. */
                sent: number;
                /** @description Paid unlocks in the period that came from a newsletter link. */
                unlocks: number;
                /** @description Readers who unsubscribed through a link in those issues. */
                unsubscribed: number;
            };
            perDay: {
                date: string;
                pointsEarned: number;
                refunds: number;
                unlocks: number;
            }[];
            /** @description After the platform share. */
            pointsEarned: number;
            refunds: number;
            tips: number;
            to: string;
            /** @description Up to 10, by points earned, over the calendar months (UTC) the period touches. */
            topArticles: {
                articleId: string;
                pointsEarned: number;
                title?: string;
                unlocks: number;
            }[];
            unlocks: number;
        };
        PurchaseRefund: {
            balance: number;
            points: number;
            refundedCents: number;
        };
        Reader: {
            /** @example 2026-11-29T10:15:00.000Z */
            createdAt: string;
            /** @example Ana */
            displayName?: string;
            /** @example ana@example.com */
            email: string;
            /**
             * @description When the address was confirmed through the link mailed to it; absent until then.
             * @example 2026-11-29T10:17:00.000Z
             */
            emailVerifiedAt?: string;
            /** @example ana_reads */
            handle: string;
            /** @description Which mails the reader wants; absent means every kind. */
            mailPreferences?: {
                newsletters: boolean;
            };
            /** @example u_01JD8ZK3Q7B2 */
            userId: string;
        };
        Receipts: {
            /** @description Every receipt in one compact JWS (claim `receipts`). */
            document: string;
            /** @description The key that signed them, one of `/.well-known/jwks.json`. */
            keyId: string;
            receipts: ({
                /** @description This receipt as a compact JWS (ES256, `typ` `postwire-receipt+jwt`): its claims, plus `iss`, `iat`, `email` and `handle`. */
                jws: string;
                /** @enum {string} */
                kind: "purchase" | "article" | "subscription";
            } & {
                [key: string]: unknown;
            })[];
        };
        RefreshResult: components["schemas"]["IngestSummary"] & {
            error?: {
                code: string;
                message: string;
            };
            feed: components["schemas"]["Feed"];
            /** @enum {string} */
            outcome: "fetched" | "not_modified" | "failed";
        };
        Signup: {
            /** @example Ana */
            displayName?: string;
            /** Format: email */
            email: string;
            /** @example ana_reads */
            handle: string;
            /** @example correct horse battery */
            password: string;
        };
        Statement: {
            /** @description opening + earned − reversed − paid out */
            closingCents: number;
            /** @enum {string} */
            currency: "usd";
            earnedCents: number;
            lines: {
                amountCents: number;
                at: string;
                kind: string;
                note?: string;
                reference?: string;
            }[];
            month: string;
            openingCents: number;
            paidOutCents: number;
            reversedCents: number;
        };
        Subscription: {
            cancelAtPeriodEnd: boolean;
            currentPeriodEnd: string;
            /** @description After a failed renewal (`past_due`), access lasts until then. */
            graceUntil?: string;
            /** @enum {string} */
            kind: "trial" | "paid";
            /** @example monthly */
            planId: string;
            /** @example worldwire */
            publisherSlug: string;
            status: string;
            updatedAt: string;
        };
        TimelinePage: {
            items: components["schemas"]["Post"][];
            nextCursor: string | null;
        };
        UndoResult: {
            balance: number;
            refunded: number;
            undosLeftThisMonth: number;
        };
        UnlockResult: {
            access: {
                /** @enum {boolean} */
                granted: true;
                /** @example points */
                via: string;
            };
            /** @example 20 */
            balance: number;
            /** @example 30 */
            charged: number;
            /** @example <p>The full text…</p> */
            contentHtml: string;
        };
        UserPostPage: {
            items: components["schemas"]["Post"][];
            nextCursor: string | null;
        };
        Wallet: {
            balance: number;
            /** @description Points owed after a refunded or disputed purchase whose points were already spent. While above zero nothing can be spent; points bought or received cover it first. */
            deficit: number;
            entries: components["schemas"]["LedgerEntry"][];
            nextCursor: string | null;
            /** @description The part of `balance` that was given, not bought (starter points): it unlocks articles, and is spent first, but cannot be tipped or paid out. */
            promotional: number;
        };
        Webhook: {
            attempts?: number;
            createdAt: string;
            disabledAt?: string;
            /** @description Why deliveries stopped; `POST …/enable` resumes them from where they stopped. */
            disabledReason?: string;
            events: ("article.unlocked" | "article.unlock_undone" | "subscription.started" | "subscription.renewed" | "subscription.ended" | "gift.redeemed" | "tip.received" | "payout.paid")[];
            /** @description Deliveries have failed since then; they are retried with growing pauses for 3 days. */
            failingSince?: string;
            lastError?: string;
            /** @description While a replaced secret still signs (beside the new one): until then. */
            secretRetiresAt?: string;
            /** @enum {string} */
            status: "enabled" | "disabled";
            url: string;
            /** @example wh_3kT9aQ2x */
            webhookId: string;
        };
        WebhookDelivery: {
            at: string;
            /** @description Names the event for `…/deliveries/{deliveryId}/replay`. */
            deliveryId: string;
            error?: string;
            eventId: string;
            eventType: string;
            ms: number;
            ok: boolean;
            replay?: boolean;
            status?: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getJwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "keys": [
                     *         {
                     *           "kty": "EC",
                     *           "crv": "P-256",
                     *           "x": "string",
                     *           "y": "string",
                     *           "kid": "string",
                     *           "alg": "ES256",
                     *           "use": "sig"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Jwks"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPublisherFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The newest 50 articles, as teasers linking to their pages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example string */
                    "application/atom+xml": string;
                };
            };
            /** @description Not modified since the copy the ETag or date names */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getSectionFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                section: string;
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The section’s newest 50 articles */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example string */
                    "application/atom+xml": string;
                };
            };
            /** @description Not modified since the copy the ETag or date names */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPrivateFeed: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The newest 100, in full */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /** @example string */
                    "application/atom+xml": string;
                };
            };
            /** @description Not modified since the copy the ETag or date names */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "ok": true
                     *     }
                     */
                    "application/json": {
                        ok: boolean;
                    };
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPublisher: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "slug": "string",
                 *       "name": "string",
                 *       "homepageUrl": "http://example.com",
                 *       "articlePrice": 0,
                 *       "freeArticlesPerMonth": 0
                 *     }
                 */
                "application/json": components["schemas"]["CreatePublisher"];
            };
        };
        responses: {
            /** @description Created; the API key is shown only now */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "publisher": {
                     *         "slug": "worldwire",
                     *         "name": "World Wire",
                     *         "homepageUrl": "https://worldwire.example/",
                     *         "articlePrice": 0,
                     *         "freeArticlesPerMonth": 0,
                     *         "plans": [
                     *           {
                     *             "planId": "monthly",
                     *             "name": "Monthly",
                     *             "interval": "month",
                     *             "priceCents": 290,
                     *             "currency": "usd",
                     *             "trialDays": 0,
                     *             "trialRequiresCard": false
                     *           }
                     *         ],
                     *         "embedOrigins": [
                     *           "string"
                     *         ],
                     *         "freeAfterDays": 0,
                     *         "sectionFreeAfterDays": {
                     *           "property1": 0,
                     *           "property2": 0
                     *         },
                     *         "createdAt": "string",
                     *         "updatedAt": "string"
                     *       },
                     *       "apiKey": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["CreatedPublisher"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials not allowed here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listArticles: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                /** @description Only articles published in this month (UTC), for the archive. */
                month?: string;
                publisher?: string;
                section?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Article cards, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *           "publisher": {
                     *             "slug": "worldwire",
                     *             "name": "World Wire"
                     *           },
                     *           "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *           "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *           "author": "Claire Dubois",
                     *           "section": "Europe",
                     *           "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *           "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *           "publishedAt": "2026-11-28T07:00:00.000Z",
                     *           "price": 30,
                     *           "readingMinutes": 4
                     *         }
                     *       ],
                     *       "nextCursor": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["ArticleCardPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getArticle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The article: teaser always, full text when access is granted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "article": {
                     *         "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *         "publisher": {
                     *           "slug": "worldwire",
                     *           "name": "World Wire"
                     *         },
                     *         "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *         "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *         "author": "Claire Dubois",
                     *         "section": "Europe",
                     *         "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *         "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *         "publishedAt": "2026-11-28T07:00:00.000Z",
                     *         "price": 30,
                     *         "readingMinutes": 4,
                     *         "teaserHtml": "<p>Frankfurt’s policymakers had been split for months over how quickly to ease.</p>",
                     *         "updatedAt": "2026-11-28T07:00:00.000Z",
                     *         "imageCaption": "string",
                     *         "imageCredit": "string",
                     *         "wordCount": 820
                     *       },
                     *       "access": {
                     *         "granted": false,
                     *         "via": "points"
                     *       },
                     *       "contentHtml": "<p>The full text…</p>",
                     *       "offer": {
                     *         "price": 30,
                     *         "balance": 50,
                     *         "deficit": 0,
                     *         "unlockCost": 0,
                     *         "freeRemaining": 0,
                     *         "plans": [
                     *           {
                     *             "planId": "monthly",
                     *             "name": "Monthly",
                     *             "interval": "month",
                     *             "priceCents": 290,
                     *             "currency": "usd",
                     *             "trialDays": 0,
                     *             "trialRequiresCard": false,
                     *             "displayPrice": "$2.90 per month",
                     *             "trialText": "30 days free, then $2.90 per month",
                     *             "yearlySavingCents": 0,
                     *             "savingText": "save $14.90 compared to monthly billing"
                     *           }
                     *         ],
                     *         "trialAvailable": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ArticleDetail"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEntitlementToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "token": "string",
                     *       "keyId": "string",
                     *       "expiresAt": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["EntitlementToken"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials not allowed here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createGift: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Gift link made */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "gift": {
                     *         "giftId": "string",
                     *         "articleId": "string",
                     *         "url": "string",
                     *         "maxRedemptions": 0,
                     *         "redemptions": 0,
                     *         "expiresAt": "string",
                     *         "createdAt": "string"
                     *       }
                     *     }
                     */
                    "application/json": {
                        gift: components["schemas"]["Gift"];
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials not allowed here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    unlockArticle: {
        parameters: {
            query?: {
                /** @description Where the reader came from: the `ref` of a newsletter link, counted in the publisher’s stats. */
                ref?: string;
            };
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unlocked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "access": {
                     *         "granted": true,
                     *         "via": "points"
                     *       },
                     *       "charged": 30,
                     *       "balance": 20,
                     *       "contentHtml": "<p>The full text…</p>"
                     *     }
                     */
                    "application/json": components["schemas"]["UnlockResult"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not enough points (details: price, balance) */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    undoUnlock: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Undone */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "refunded": 0,
                     *       "balance": 0,
                     *       "undosLeftThisMonth": 0
                     *     }
                     */
                    "application/json": components["schemas"]["UndoResult"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getArticleByUrl: {
        parameters: {
            query: {
                url: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The article and its offer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "article": {
                     *         "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *         "publisher": {
                     *           "slug": "worldwire",
                     *           "name": "World Wire"
                     *         },
                     *         "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *         "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *         "author": "Claire Dubois",
                     *         "section": "Europe",
                     *         "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *         "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *         "publishedAt": "2026-11-28T07:00:00.000Z",
                     *         "price": 30,
                     *         "readingMinutes": 4
                     *       },
                     *       "readUrl": "string",
                     *       "offer": {
                     *         "price": 0,
                     *         "freeArticlesPerMonth": 0,
                     *         "plans": [
                     *           {
                     *             "planId": "monthly",
                     *             "name": "Monthly",
                     *             "interval": "month",
                     *             "priceCents": 290,
                     *             "currency": "usd",
                     *             "trialDays": 0,
                     *             "trialRequiresCard": false,
                     *             "displayPrice": "$2.90 per month",
                     *             "trialText": "30 days free, then $2.90 per month",
                     *             "yearlySavingCents": 0,
                     *             "savingText": "save $14.90 compared to monthly billing"
                     *           }
                     *         ]
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ArticleByUrl"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    confirmEmailChange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "stringstri"
                 *     }
                 */
                "application/json": components["schemas"]["EmailVerification"];
            };
        };
        responses: {
            /** @description This side agreed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "side": "old",
                     *       "changed": true,
                     *       "email": "string",
                     *       "newEmail": "string",
                     *       "starterPoints": 0
                     *     }
                     */
                    "application/json": components["schemas"]["EmailChangeProgress"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    logIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "user@example.com",
                 *       "password": "string"
                 *     }
                 */
                "application/json": components["schemas"]["Login"];
            };
        };
        responses: {
            /** @description Logged in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": {
                     *         "userId": "u_01JD8ZK3Q7B2",
                     *         "email": "ana@example.com",
                     *         "handle": "ana_reads",
                     *         "displayName": "Ana",
                     *         "createdAt": "2026-11-29T10:15:00.000Z",
                     *         "emailVerifiedAt": "2026-11-29T10:17:00.000Z",
                     *         "mailPreferences": {
                     *           "newsletters": true
                     *         }
                     *       },
                     *       "token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1XzAxSkQ4WksiLCJoYW5kbGUiOiJhbmFfcmVhZHMifQ.sig",
                     *       "balance": 0
                     *     }
                     */
                    "application/json": components["schemas"]["AuthResult"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "user@example.com"
                 *     }
                 */
                "application/json": components["schemas"]["PasswordReset"];
            };
        };
        responses: {
            /** @description Accepted, whether or not the address has an account */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "message": "string"
                     *     }
                     */
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "stringstringstringst",
                 *       "password": "a new correct horse"
                 *     }
                 */
                "application/json": components["schemas"]["PasswordResetConfirm"];
            };
        };
        responses: {
            /** @description New password set; signed in with a new token */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": {
                     *         "userId": "u_01JD8ZK3Q7B2",
                     *         "email": "ana@example.com",
                     *         "handle": "ana_reads",
                     *         "displayName": "Ana",
                     *         "createdAt": "2026-11-29T10:15:00.000Z",
                     *         "emailVerifiedAt": "2026-11-29T10:17:00.000Z",
                     *         "mailPreferences": {
                     *           "newsletters": true
                     *         }
                     *       },
                     *       "token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1XzAxSkQ4WksiLCJoYW5kbGUiOiJhbmFfcmVhZHMifQ.sig",
                     *       "balance": 0
                     *     }
                     */
                    "application/json": components["schemas"]["AuthResult"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    signUp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "user@example.com",
                 *       "password": "correct horse battery",
                 *       "handle": "ana_reads",
                 *       "displayName": "Ana"
                 *     }
                 */
                "application/json": components["schemas"]["Signup"];
            };
        };
        responses: {
            /** @description Account created; a confirmation mail is on its way */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": {
                     *         "userId": "u_01JD8ZK3Q7B2",
                     *         "email": "ana@example.com",
                     *         "handle": "ana_reads",
                     *         "displayName": "Ana",
                     *         "createdAt": "2026-11-29T10:15:00.000Z",
                     *         "emailVerifiedAt": "2026-11-29T10:17:00.000Z",
                     *         "mailPreferences": {
                     *           "newsletters": true
                     *         }
                     *       },
                     *       "token": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1XzAxSkQ4WksiLCJoYW5kbGUiOiJhbmFfcmVhZHMifQ.sig",
                     *       "balance": 0
                     *     }
                     */
                    "application/json": components["schemas"]["AuthResult"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "stringstri"
                 *     }
                 */
                "application/json": components["schemas"]["EmailVerification"];
            };
        };
        responses: {
            /** @description The address is confirmed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "email": "string",
                     *       "verified": true,
                     *       "alreadyVerified": true,
                     *       "starterPoints": 50
                     *     }
                     */
                    "application/json": components["schemas"]["EmailVerified"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    blockUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "handle": "string"
                 *     }
                 */
                "application/json": {
                    handle: string;
                };
            };
        };
        responses: {
            /** @description Blocked: you no longer see each other, and follows between you end */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "blocked": true
                     *     }
                     */
                    "application/json": {
                        blocked: boolean;
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    unblockUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                handle: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unblocked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    follow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "handle": "string"
                 *     }
                 */
                "application/json": components["schemas"]["Follow"];
            };
        };
        responses: {
            /** @description Following (again is a no-op) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "following": true
                     *     }
                     */
                    "application/json": {
                        following: boolean;
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials not allowed here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    unfollow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                kind: "user" | "publisher";
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unfollowed; their posts leave your timeline */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getGift: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                giftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The gift and its article */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "gift": {
                     *         "giftId": "string",
                     *         "articleId": "string",
                     *         "url": "string",
                     *         "maxRedemptions": 0,
                     *         "redemptions": 0,
                     *         "expiresAt": "string",
                     *         "createdAt": "string"
                     *       },
                     *       "open": true,
                     *       "article": {
                     *         "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *         "publisher": {
                     *           "slug": "worldwire",
                     *           "name": "World Wire"
                     *         },
                     *         "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *         "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *         "author": "Claire Dubois",
                     *         "section": "Europe",
                     *         "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *         "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *         "publishedAt": "2026-11-28T07:00:00.000Z",
                     *         "price": 30,
                     *         "readingMinutes": 4
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["GiftView"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    redeemGift: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                giftId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The article is yours to read */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "articleId": "string",
                     *       "access": {
                     *         "granted": true,
                     *         "via": "string"
                     *       }
                     *     }
                     */
                    "application/json": {
                        access: {
                            /** @enum {boolean} */
                            granted: true;
                            via: string;
                        };
                        articleId: string;
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials not allowed here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in reader and their balance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "u_01JD8ZK3Q7B2",
                     *       "email": "ana@example.com",
                     *       "handle": "ana_reads",
                     *       "displayName": "Ana",
                     *       "createdAt": "2026-11-29T10:15:00.000Z",
                     *       "emailVerifiedAt": "2026-11-29T10:17:00.000Z",
                     *       "mailPreferences": {
                     *         "newsletters": true
                     *       },
                     *       "balance": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteAccount: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "password": "string",
                 *       "forfeitPoints": false
                 *     }
                 */
                "application/json": components["schemas"]["DeleteAccount"];
            };
        };
        responses: {
            /** @description Deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deleted": true,
                     *       "forfeitedPoints": 0
                     *     }
                     */
                    "application/json": components["schemas"]["AccountDeleted"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    changeEmail: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "newEmail": "user@example.com",
                 *       "password": "string"
                 *     }
                 */
                "application/json": components["schemas"]["EmailChange"];
            };
        };
        responses: {
            /** @description Links mailed */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sentTo": [
                     *         "string"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["EmailChangeStarted"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resendEmailVerification: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Queued for sending */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sent": true
                     *     }
                     */
                    "application/json": {
                        /** @description False when the address is already confirmed: nothing is sent. */
                        sent: boolean;
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "exportedAt": "string",
                     *       "profile": {
                     *         "property1": null,
                     *         "property2": null
                     *       },
                     *       "wallet": {
                     *         "balance": 0,
                     *         "promotional": 0
                     *       },
                     *       "ledger": [
                     *         {
                     *           "property1": null,
                     *           "property2": null
                     *         }
                     *       ],
                     *       "library": [
                     *         {
                     *           "property1": null,
                     *           "property2": null
                     *         }
                     *       ],
                     *       "subscriptions": [
                     *         {
                     *           "property1": null,
                     *           "property2": null
                     *         }
                     *       ],
                     *       "freeArticlesUsed": [
                     *         {
                     *           "publisherSlug": "string",
                     *           "month": "string",
                     *           "used": 0
                     *         }
                     *       ],
                     *       "posts": [
                     *         {
                     *           "property1": null,
                     *           "property2": null
                     *         }
                     *       ],
                     *       "follows": [
                     *         {
                     *           "kind": "reader",
                     *           "id": "string",
                     *           "followedAt": "string"
                     *         }
                     *       ],
                     *       "likes": [
                     *         {
                     *           "postId": "string",
                     *           "likedAt": "string"
                     *         }
                     *       ],
                     *       "blocked": [
                     *         {
                     *           "userId": "string",
                     *           "at": "string"
                     *         }
                     *       ],
                     *       "newsletters": [
                     *         {
                     *           "property1": null,
                     *           "property2": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["AccountExport"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listLibrary: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Articles this reader can read in full, newest unlock first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *           "publisher": {
                     *             "slug": "worldwire",
                     *             "name": "World Wire"
                     *           },
                     *           "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *           "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *           "author": "Claire Dubois",
                     *           "section": "Europe",
                     *           "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *           "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *           "publishedAt": "2026-11-28T07:00:00.000Z",
                     *           "price": 30,
                     *           "readingMinutes": 4,
                     *           "via": "string",
                     *           "grantedAt": "string"
                     *         }
                     *       ],
                     *       "nextCursor": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["LibraryPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMailPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The preferences */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "newsletters": true
                     *     }
                     */
                    "application/json": components["schemas"]["MailPreferences"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setMailPreferences: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "newsletters": true
                 *     }
                 */
                "application/json": components["schemas"]["MailPreferences"];
            };
        };
        responses: {
            /** @description Saved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "newsletters": true
                     *     }
                     */
                    "application/json": components["schemas"]["MailPreferences"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMyNewsletters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Subscriptions, confirmed or waiting for the link */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "newsletterId": "string",
                     *           "publisherSlug": "string",
                     *           "name": "string",
                     *           "status": "pending",
                     *           "requestedAt": "string",
                     *           "confirmedAt": "string"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["MyNewsletter"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPrivateFeed: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The address */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "url": "https://postwire.example/feeds/private/3q2-7wPy….atom"
                     *     }
                     */
                    "application/json": {
                        /** @example https://postwire.example/feeds/private/3q2-7wPy….atom */
                        url: string;
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokePrivateFeed: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description False when there was none */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "revoked": true
                     *     }
                     */
                    "application/json": {
                        revoked: boolean;
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    refundPurchase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Refunded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "refundedCents": 0,
                     *       "points": 0,
                     *       "balance": 0
                     *     }
                     */
                    "application/json": components["schemas"]["PurchaseRefund"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payments are not set up yet (`payments_not_configured`), or contention (`contention`): nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listReceipts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every points purchase, every article the reader may read, every subscription */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "keyId": "string",
                     *       "receipts": [
                     *         {
                     *           "kind": "purchase",
                     *           "jws": "string",
                     *           "property1": null,
                     *           "property2": null
                     *         }
                     *       ],
                     *       "document": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["Receipts"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSubscriptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Subscriptions and trials, current or past */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "publisherSlug": "worldwire",
                     *           "planId": "monthly",
                     *           "kind": "trial",
                     *           "status": "string",
                     *           "currentPeriodEnd": "string",
                     *           "cancelAtPeriodEnd": true,
                     *           "graceUntil": "string",
                     *           "updatedAt": "string"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Subscription"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Will end at the period end */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "subscription": {
                     *         "publisherSlug": "worldwire",
                     *         "planId": "monthly",
                     *         "kind": "trial",
                     *         "status": "string",
                     *         "currentPeriodEnd": "string",
                     *         "cancelAtPeriodEnd": true,
                     *         "graceUntil": "string",
                     *         "updatedAt": "string"
                     *       }
                     *     }
                     */
                    "application/json": {
                        subscription: components["schemas"]["Subscription"];
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payments are not set up yet (`payments_not_configured`), or contention (`contention`): nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    resumeSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Renews again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "subscription": {
                     *         "publisherSlug": "worldwire",
                     *         "planId": "monthly",
                     *         "kind": "trial",
                     *         "status": "string",
                     *         "currentPeriodEnd": "string",
                     *         "cancelAtPeriodEnd": true,
                     *         "graceUntil": "string",
                     *         "updatedAt": "string"
                     *       }
                     *     }
                     */
                    "application/json": {
                        subscription: components["schemas"]["Subscription"];
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payments are not set up yet (`payments_not_configured`), or contention (`contention`): nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    switchSubscriptionPlan: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "planId": "string"
                 *     }
                 */
                "application/json": {
                    planId: string;
                };
            };
        };
        responses: {
            /** @description Switched */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "subscription": {
                     *         "publisherSlug": "worldwire",
                     *         "planId": "monthly",
                     *         "kind": "trial",
                     *         "status": "string",
                     *         "currentPeriodEnd": "string",
                     *         "cancelAtPeriodEnd": true,
                     *         "graceUntil": "string",
                     *         "updatedAt": "string"
                     *       }
                     *     }
                     */
                    "application/json": {
                        subscription: components["schemas"]["Subscription"];
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payments are not set up yet (`payments_not_configured`), or contention (`contention`): nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWallet: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Balance and the ledger, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "balance": 0,
                     *       "promotional": 0,
                     *       "deficit": 0,
                     *       "entries": [
                     *         {
                     *           "entryId": "e_2026-11-29T10:20:00.000Z_1",
                     *           "at": "2026-11-29T10:20:00.000Z",
                     *           "kind": "unlock",
                     *           "amount": -30,
                     *           "balanceAfter": 20,
                     *           "promoAmount": 0,
                     *           "articleId": "string",
                     *           "publisherSlug": "string",
                     *           "postId": "string",
                     *           "paymentId": "string",
                     *           "note": "string"
                     *         }
                     *       ],
                     *       "nextCursor": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["Wallet"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    buyPoints: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "packId": "string"
                 *     }
                 */
                "application/json": {
                    packId: string;
                };
            };
        };
        responses: {
            /** @description Checkout created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sessionId": "string",
                     *       "checkoutUrl": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["Checkout"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payments are not set up yet (`payments_not_configured`), or contention (`contention`): nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    devTopUp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "points": 1
                 *     }
                 */
                "application/json": components["schemas"]["DevTopUp"];
            };
        };
        responses: {
            /** @description Points added (development only) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "entry": {
                     *         "entryId": "e_2026-11-29T10:20:00.000Z_1",
                     *         "at": "2026-11-29T10:20:00.000Z",
                     *         "kind": "unlock",
                     *         "amount": -30,
                     *         "balanceAfter": 20,
                     *         "promoAmount": 0,
                     *         "articleId": "string",
                     *         "publisherSlug": "string",
                     *         "postId": "string",
                     *         "paymentId": "string",
                     *         "note": "string"
                     *       }
                     *     }
                     */
                    "application/json": {
                        entry: components["schemas"]["LedgerEntry"];
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    confirmNewsletterSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "token": "stringstri"
                 *     }
                 */
                "application/json": components["schemas"]["NewsletterToken"];
            };
        };
        responses: {
            /** @description Subscribed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "newsletterId": "string",
                     *       "subscribed": true,
                     *       "alreadySubscribed": true
                     *     }
                     */
                    "application/json": {
                        alreadySubscribed: boolean;
                        newsletterId: string;
                        /** @enum {boolean} */
                        subscribed: true;
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    subscribeNewsletter: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `pending`: the link is on its way; `active`: subscribed already */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "pending"
                     *     }
                     */
                    "application/json": {
                        /** @enum {string} */
                        status: "pending" | "active";
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    unsubscribeNewsletter: {
        parameters: {
            query?: {
                token?: string;
            };
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unsubscribed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "unsubscribed": true
                     *     }
                     */
                    "application/json": {
                        /** @description False when there was no subscription (any more). */
                        unsubscribed: boolean;
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPaymentsStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whether payments are available */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "configured": true
                     *     }
                     */
                    "application/json": components["schemas"]["PaymentsStatus"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPointPacks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Point packs for sale (1 point = 1 US cent of reading) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "packId": "string",
                     *           "points": 0,
                     *           "priceCents": 0
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["PointPack"][];
                    };
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "text": "Good news for islanders.",
                 *       "articleId": "string",
                 *       "replyTo": "string",
                 *       "repostOf": "string",
                 *       "quoteOf": "string"
                 *     }
                 */
                "application/json": components["schemas"]["CreatePost"];
            };
        };
        responses: {
            /** @description Posted, and on followers’ timelines */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "post": {
                     *         "postId": "p_01JD9A2M4X",
                     *         "author": {
                     *           "kind": "reader",
                     *           "handle": "ana_reads"
                     *         },
                     *         "text": "Good news for islanders.",
                     *         "links": [
                     *           "string"
                     *         ],
                     *         "articleId": "string",
                     *         "article": {
                     *           "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *           "publisher": {
                     *             "slug": "worldwire",
                     *             "name": "World Wire"
                     *           },
                     *           "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *           "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *           "author": "Claire Dubois",
                     *           "section": "Europe",
                     *           "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *           "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *           "publishedAt": "2026-11-28T07:00:00.000Z",
                     *           "price": 30,
                     *           "readingMinutes": 4,
                     *           "access": {
                     *             "granted": true,
                     *             "via": "string"
                     *           }
                     *         },
                     *         "replyTo": "string",
                     *         "createdAt": "string",
                     *         "likeCount": 0,
                     *         "replyCount": 0,
                     *         "repostOf": "string",
                     *         "quoteOf": "string",
                     *         "repostCount": 0,
                     *         "deleted": true,
                     *         "original": {
                     *           "postId": "p_01JD9A2M4X",
                     *           "author": {
                     *             "kind": "reader",
                     *             "handle": "ana_reads"
                     *           },
                     *           "text": "Good news for islanders.",
                     *           "links": [
                     *             "string"
                     *           ],
                     *           "articleId": "string",
                     *           "article": {
                     *             "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *             "publisher": {
                     *               "slug": "worldwire",
                     *               "name": "World Wire"
                     *             },
                     *             "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *             "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *             "author": "Claire Dubois",
                     *             "section": "Europe",
                     *             "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *             "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *             "publishedAt": "2026-11-28T07:00:00.000Z",
                     *             "price": 30,
                     *             "readingMinutes": 4,
                     *             "access": {
                     *               "granted": true,
                     *               "via": "string"
                     *             }
                     *           },
                     *           "replyTo": "string",
                     *           "createdAt": "string",
                     *           "likeCount": 0,
                     *           "replyCount": 0,
                     *           "repostOf": "string",
                     *           "quoteOf": "string",
                     *           "repostCount": 0,
                     *           "deleted": true
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        post: components["schemas"]["Post"];
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials not allowed here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The post (a tombstone if deleted) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "post": {
                     *         "postId": "p_01JD9A2M4X",
                     *         "author": {
                     *           "kind": "reader",
                     *           "handle": "ana_reads"
                     *         },
                     *         "text": "Good news for islanders.",
                     *         "links": [
                     *           "string"
                     *         ],
                     *         "articleId": "string",
                     *         "article": {
                     *           "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *           "publisher": {
                     *             "slug": "worldwire",
                     *             "name": "World Wire"
                     *           },
                     *           "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *           "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *           "author": "Claire Dubois",
                     *           "section": "Europe",
                     *           "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *           "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *           "publishedAt": "2026-11-28T07:00:00.000Z",
                     *           "price": 30,
                     *           "readingMinutes": 4,
                     *           "access": {
                     *             "granted": true,
                     *             "via": "string"
                     *           }
                     *         },
                     *         "replyTo": "string",
                     *         "createdAt": "string",
                     *         "likeCount": 0,
                     *         "replyCount": 0,
                     *         "repostOf": "string",
                     *         "quoteOf": "string",
                     *         "repostCount": 0,
                     *         "deleted": true,
                     *         "original": {
                     *           "postId": "p_01JD9A2M4X",
                     *           "author": {
                     *             "kind": "reader",
                     *             "handle": "ana_reads"
                     *           },
                     *           "text": "Good news for islanders.",
                     *           "links": [
                     *             "string"
                     *           ],
                     *           "articleId": "string",
                     *           "article": {
                     *             "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *             "publisher": {
                     *               "slug": "worldwire",
                     *               "name": "World Wire"
                     *             },
                     *             "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *             "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *             "author": "Claire Dubois",
                     *             "section": "Europe",
                     *             "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *             "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *             "publishedAt": "2026-11-28T07:00:00.000Z",
                     *             "price": 30,
                     *             "readingMinutes": 4,
                     *             "access": {
                     *               "granted": true,
                     *               "via": "string"
                     *             }
                     *           },
                     *           "replyTo": "string",
                     *           "createdAt": "string",
                     *           "likeCount": 0,
                     *           "replyCount": 0,
                     *           "repostOf": "string",
                     *           "quoteOf": "string",
                     *           "repostCount": 0,
                     *           "deleted": true
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        post: components["schemas"]["Post"];
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deletePost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted everywhere; replies stay */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials not allowed here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    likePost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Liked (again is a no-op) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "liked": true,
                     *       "likeCount": 0
                     *     }
                     */
                    "application/json": {
                        likeCount: number;
                        liked: boolean;
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials not allowed here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    unlikePost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not liked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "liked": true,
                     *       "likeCount": 0
                     *     }
                     */
                    "application/json": {
                        likeCount: number;
                        liked: boolean;
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials not allowed here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listReplies: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Replies, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "postId": "p_01JD9A2M4X",
                     *           "author": {
                     *             "kind": "reader",
                     *             "handle": "ana_reads"
                     *           },
                     *           "text": "Good news for islanders.",
                     *           "links": [
                     *             "string"
                     *           ],
                     *           "articleId": "string",
                     *           "article": {
                     *             "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *             "publisher": {
                     *               "slug": "worldwire",
                     *               "name": "World Wire"
                     *             },
                     *             "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *             "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *             "author": "Claire Dubois",
                     *             "section": "Europe",
                     *             "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *             "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *             "publishedAt": "2026-11-28T07:00:00.000Z",
                     *             "price": 30,
                     *             "readingMinutes": 4,
                     *             "access": {
                     *               "granted": true,
                     *               "via": "string"
                     *             }
                     *           },
                     *           "replyTo": "string",
                     *           "createdAt": "string",
                     *           "likeCount": 0,
                     *           "replyCount": 0,
                     *           "repostOf": "string",
                     *           "quoteOf": "string",
                     *           "repostCount": 0,
                     *           "deleted": true,
                     *           "original": {
                     *             "postId": "p_01JD9A2M4X",
                     *             "author": {
                     *               "kind": "reader",
                     *               "handle": "ana_reads"
                     *             },
                     *             "text": "Good news for islanders.",
                     *             "links": [
                     *               "string"
                     *             ],
                     *             "articleId": "string",
                     *             "article": {
                     *               "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *               "publisher": {
                     *                 "slug": "worldwire",
                     *                 "name": "World Wire"
                     *               },
                     *               "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *               "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *               "author": "Claire Dubois",
                     *               "section": "Europe",
                     *               "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *               "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *               "publishedAt": "2026-11-28T07:00:00.000Z",
                     *               "price": 30,
                     *               "readingMinutes": 4,
                     *               "access": {
                     *                 "granted": true,
                     *                 "via": "string"
                     *               }
                     *             },
                     *             "replyTo": "string",
                     *             "createdAt": "string",
                     *             "likeCount": 0,
                     *             "replyCount": 0,
                     *             "repostOf": "string",
                     *             "quoteOf": "string",
                     *             "repostCount": 0,
                     *             "deleted": true
                     *           }
                     *         }
                     *       ],
                     *       "nextCursor": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["PostPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    tipPost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "points": 1
                 *     }
                 */
                "application/json": {
                    points: number;
                };
            };
        };
        responses: {
            /** @description Tipped */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "tipped": 0,
                     *       "balance": 0
                     *     }
                     */
                    "application/json": {
                        balance: number;
                        tipped: number;
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not enough points (details: price, balance) */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Credentials not allowed here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Rate limited */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getOwnPublisher: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description This publisher */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "slug": "worldwire",
                     *       "name": "World Wire",
                     *       "homepageUrl": "https://worldwire.example/",
                     *       "articlePrice": 0,
                     *       "freeArticlesPerMonth": 0,
                     *       "plans": [
                     *         {
                     *           "planId": "monthly",
                     *           "name": "Monthly",
                     *           "interval": "month",
                     *           "priceCents": 290,
                     *           "currency": "usd",
                     *           "trialDays": 0,
                     *           "trialRequiresCard": false
                     *         }
                     *       ],
                     *       "embedOrigins": [
                     *         "string"
                     *       ],
                     *       "freeAfterDays": 0,
                     *       "sectionFreeAfterDays": {
                     *         "property1": 0,
                     *         "property2": 0
                     *       },
                     *       "createdAt": "string",
                     *       "updatedAt": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["Publisher"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updatePublisher: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "string",
                 *       "homepageUrl": "http://example.com",
                 *       "articlePrice": 0,
                 *       "freeArticlesPerMonth": 0,
                 *       "plans": [
                 *         {
                 *           "planId": "monthly",
                 *           "name": "Monthly",
                 *           "interval": "month",
                 *           "priceCents": 290,
                 *           "currency": "usd",
                 *           "trialDays": 0,
                 *           "trialRequiresCard": false
                 *         }
                 *       ],
                 *       "embedOrigins": [
                 *         "https://www.example.com"
                 *       ],
                 *       "freeAfterDays": 30,
                 *       "sectionFreeAfterDays": {
                 *         "world": 7
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["PublisherSettings"];
            };
        };
        responses: {
            /** @description Updated settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "slug": "worldwire",
                     *       "name": "World Wire",
                     *       "homepageUrl": "https://worldwire.example/",
                     *       "articlePrice": 0,
                     *       "freeArticlesPerMonth": 0,
                     *       "plans": [
                     *         {
                     *           "planId": "monthly",
                     *           "name": "Monthly",
                     *           "interval": "month",
                     *           "priceCents": 290,
                     *           "currency": "usd",
                     *           "trialDays": 0,
                     *           "trialRequiresCard": false
                     *         }
                     *       ],
                     *       "embedOrigins": [
                     *         "string"
                     *       ],
                     *       "freeAfterDays": 0,
                     *       "sectionFreeAfterDays": {
                     *         "property1": 0,
                     *         "property2": 0
                     *       },
                     *       "createdAt": "string",
                     *       "updatedAt": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["Publisher"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPayoutBalance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The balance */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "heldCents": 0,
                     *       "availableCents": 0,
                     *       "inFlightCents": 0,
                     *       "paidOutCents": 0,
                     *       "thresholdCents": 0,
                     *       "holdDays": 0,
                     *       "payoutAccount": "none"
                     *     }
                     */
                    "application/json": components["schemas"]["PayoutBalance"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    connectPayoutAccount: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Onboarding link */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "onboardingUrl": "string",
                     *       "payoutAccount": "onboarding"
                     *     }
                     */
                    "application/json": {
                        onboardingUrl: string;
                        /** @enum {string} */
                        payoutAccount: "onboarding" | "ready";
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payments are not set up yet (`payments_not_configured`), or contention (`contention`): nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listFeeds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Feeds with their fetch status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "feedId": "f_9k2LmQ",
                     *           "url": "https://worldwire.example/rss.xml",
                     *           "section": "string",
                     *           "createdAt": "string",
                     *           "lastFetchedAt": "string",
                     *           "lastStatus": "pending",
                     *           "lastHttpStatus": 0,
                     *           "lastError": "string",
                     *           "consecutiveFailures": 0,
                     *           "nextFetchAt": "string",
                     *           "pausedReason": "string",
                     *           "lastSummary": {
                     *             "created": 0,
                     *             "updated": 0,
                     *             "unchanged": 0,
                     *             "rejected": 0
                     *           }
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Feed"][];
                        nextCursor: null;
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    registerFeed: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "http://example.com",
                 *       "section": "string"
                 *     }
                 */
                "application/json": components["schemas"]["CreateFeed"];
            };
        };
        responses: {
            /** @description Registered; the first fetch is due now */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "feed": {
                     *         "feedId": "f_9k2LmQ",
                     *         "url": "https://worldwire.example/rss.xml",
                     *         "section": "string",
                     *         "createdAt": "string",
                     *         "lastFetchedAt": "string",
                     *         "lastStatus": "pending",
                     *         "lastHttpStatus": 0,
                     *         "lastError": "string",
                     *         "consecutiveFailures": 0,
                     *         "nextFetchAt": "string",
                     *         "pausedReason": "string",
                     *         "lastSummary": {
                     *           "created": 0,
                     *           "updated": 0,
                     *           "unchanged": 0,
                     *           "rejected": 0
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": {
                        feed: components["schemas"]["Feed"];
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteFeed: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing. */
                "idempotency-key"?: string;
            };
            path: {
                feedId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; its articles stay */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    refreshFeed: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing. */
                "idempotency-key"?: string;
            };
            path: {
                feedId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Fetched now (a paused feed is retried too) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "created": 0,
                     *       "updated": 0,
                     *       "unchanged": 0,
                     *       "rejected": [
                     *         {
                     *           "guid": "string",
                     *           "reason": "string"
                     *         }
                     *       ],
                     *       "outcome": "fetched",
                     *       "feed": {
                     *         "feedId": "f_9k2LmQ",
                     *         "url": "https://worldwire.example/rss.xml",
                     *         "section": "string",
                     *         "createdAt": "string",
                     *         "lastFetchedAt": "string",
                     *         "lastStatus": "pending",
                     *         "lastHttpStatus": 0,
                     *         "lastError": "string",
                     *         "consecutiveFailures": 0,
                     *         "nextFetchAt": "string",
                     *         "pausedReason": "string",
                     *         "lastSummary": {
                     *           "created": 0,
                     *           "updated": 0,
                     *           "unchanged": 0,
                     *           "rejected": 0
                     *         }
                     *       },
                     *       "error": {
                     *         "code": "string",
                     *         "message": "string"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["RefreshResult"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    ingestFeed: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /** @example string */
                "application/atom+xml": string;
                /** @example string */
                "application/rdf+xml": string;
                /** @example string */
                "application/rss+xml": string;
                /** @example string */
                "application/xml": string;
                /** @example string */
                "text/xml": string;
            };
        };
        responses: {
            /** @description What the push changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "created": 0,
                     *       "updated": 0,
                     *       "unchanged": 0,
                     *       "rejected": [
                     *         {
                     *           "guid": "string",
                     *           "reason": "string"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["IngestSummary"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unsupported media type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateApiKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new key; the old one stops working now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "apiKey": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listOwnNewsletters: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newsletters, by name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "newsletterId": "worldwire.daily",
                     *           "publisherSlug": "string",
                     *           "name": "The Daily Briefing",
                     *           "description": "string",
                     *           "sections": [
                     *             "string"
                     *           ],
                     *           "sendTime": "07:00",
                     *           "timeZone": "Europe/Berlin",
                     *           "weekdays": [
                     *             1,
                     *             2,
                     *             3,
                     *             4,
                     *             5
                     *           ],
                     *           "maxArticles": 0,
                     *           "nextSendAt": "string",
                     *           "lastIssueAt": "string",
                     *           "subscriberCount": 0,
                     *           "createdAt": "string"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Newsletter"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createNewsletter: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "key": "daily",
                 *       "name": "string",
                 *       "description": "string",
                 *       "sections": [
                 *         "string"
                 *       ],
                 *       "sendTime": "07:00",
                 *       "timeZone": "Europe/Berlin",
                 *       "frequency": "daily",
                 *       "weekday": 0,
                 *       "maxArticles": 10
                 *     }
                 */
                "application/json": components["schemas"]["CreateNewsletter"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "newsletter": {
                     *         "newsletterId": "worldwire.daily",
                     *         "publisherSlug": "string",
                     *         "name": "The Daily Briefing",
                     *         "description": "string",
                     *         "sections": [
                     *           "string"
                     *         ],
                     *         "sendTime": "07:00",
                     *         "timeZone": "Europe/Berlin",
                     *         "weekdays": [
                     *           1,
                     *           2,
                     *           3,
                     *           4,
                     *           5
                     *         ],
                     *         "maxArticles": 0,
                     *         "nextSendAt": "string",
                     *         "lastIssueAt": "string",
                     *         "subscriberCount": 0,
                     *         "createdAt": "string"
                     *       }
                     *     }
                     */
                    "application/json": {
                        newsletter: components["schemas"]["Newsletter"];
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listNewsletterIssues: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up to 50 issues, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "issueId": "string",
                     *           "newsletterId": "string",
                     *           "madeAt": "string",
                     *           "articles": [
                     *             {
                     *               "id": "string",
                     *               "title": "string",
                     *               "price": 0,
                     *               "publishedAt": "string"
                     *             }
                     *           ],
                     *           "sent": 0,
                     *           "delivered": 0,
                     *           "bounced": 0,
                     *           "unsubscribed": 0
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["NewsletterIssue"][];
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    sendNewsletterNow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The next issue is due now */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "nextSendAt": "string"
                     *     }
                     */
                    "application/json": {
                        nextSendAt: string;
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPayouts: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Payouts, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "payoutId": "string",
                     *           "amountCents": 0,
                     *           "currency": "string",
                     *           "transferId": "string",
                     *           "periodEnd": "string",
                     *           "at": "string"
                     *         }
                     *       ],
                     *       "nextCursor": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["PayoutPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStatement: {
        parameters: {
            query?: {
                /** @description Overrides the Accept header. */
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statement */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "month": "string",
                     *       "currency": "usd",
                     *       "openingCents": 0,
                     *       "earnedCents": 0,
                     *       "reversedCents": 0,
                     *       "paidOutCents": 0,
                     *       "closingCents": 0,
                     *       "lines": [
                     *         {
                     *           "at": "string",
                     *           "kind": "string",
                     *           "reference": "string",
                     *           "amountCents": 0,
                     *           "note": "string"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Statement"];
                    /** @example string */
                    "text/csv": string;
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPublisherStats: {
        parameters: {
            query?: {
                /** @description Start (ISO-8601); default 30 days before `to`. */
                from?: string;
                /** @description End (ISO-8601); default now. */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Unlocks, earnings, refunds, subscribers and top articles for a period */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "from": "string",
                     *       "to": "string",
                     *       "unlocks": 0,
                     *       "refunds": 0,
                     *       "tips": 0,
                     *       "grossPoints": 0,
                     *       "pointsEarned": 0,
                     *       "activeSubscribers": 0,
                     *       "activeTrials": 0,
                     *       "gifts": {
                     *         "links": 0,
                     *         "readers": 0,
                     *         "readersWhoPaid": 0
                     *       },
                     *       "newsletters": {
                     *         "issues": 0,
                     *         "sent": 0,
                     *         "delivered": 0,
                     *         "bounced": 0,
                     *         "unsubscribed": 0,
                     *         "unlocks": 0
                     *       },
                     *       "topArticles": [
                     *         {
                     *           "articleId": "string",
                     *           "title": "string",
                     *           "unlocks": 0,
                     *           "pointsEarned": 0
                     *         }
                     *       ],
                     *       "perDay": [
                     *         {
                     *           "date": "string",
                     *           "unlocks": 0,
                     *           "refunds": 0,
                     *           "pointsEarned": 0
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["PublisherStats"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Endpoints */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "webhookId": "wh_3kT9aQ2x",
                     *           "url": "string",
                     *           "events": [
                     *             "article.unlocked"
                     *           ],
                     *           "status": "enabled",
                     *           "createdAt": "string",
                     *           "failingSince": "string",
                     *           "attempts": 0,
                     *           "lastError": "string",
                     *           "disabledAt": "string",
                     *           "disabledReason": "string",
                     *           "secretRetiresAt": "string"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Webhook"][];
                    };
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://hooks.worldwire.example/postwire",
                 *       "events": [
                 *         "article.unlocked"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["CreateWebhook"];
            };
        };
        responses: {
            /** @description Registered */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "webhook": {
                     *         "webhookId": "wh_3kT9aQ2x",
                     *         "url": "string",
                     *         "events": [
                     *           "article.unlocked"
                     *         ],
                     *         "status": "enabled",
                     *         "createdAt": "string",
                     *         "failingSince": "string",
                     *         "attempts": 0,
                     *         "lastError": "string",
                     *         "disabledAt": "string",
                     *         "disabledReason": "string",
                     *         "secretRetiresAt": "string"
                     *       },
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Shown once: `whsec_` and the key in base64 (Standard Webhooks).
                         * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
                         */
                        secret: string;
                        webhook: components["schemas"]["Webhook"];
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The newest 50 attempts, newest first (kept 30 days) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "deliveryId": "string",
                     *           "eventId": "string",
                     *           "eventType": "string",
                     *           "at": "string",
                     *           "ok": true,
                     *           "status": 0,
                     *           "error": "string",
                     *           "ms": 0,
                     *           "replay": true
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["WebhookDelivery"][];
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    replayWebhookDelivery: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attempt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "deliveryId": "string",
                     *       "eventId": "string",
                     *       "eventType": "string",
                     *       "at": "string",
                     *       "ok": true,
                     *       "status": 0,
                     *       "error": "string",
                     *       "ms": 0,
                     *       "replay": true
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    enableWebhook: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Enabled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "webhook": {
                     *         "webhookId": "wh_3kT9aQ2x",
                     *         "url": "string",
                     *         "events": [
                     *           "article.unlocked"
                     *         ],
                     *         "status": "enabled",
                     *         "createdAt": "string",
                     *         "failingSince": "string",
                     *         "attempts": 0,
                     *         "lastError": "string",
                     *         "disabledAt": "string",
                     *         "disabledReason": "string",
                     *         "secretRetiresAt": "string"
                     *       }
                     *     }
                     */
                    "application/json": {
                        webhook: components["schemas"]["Webhook"];
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new secret, shown once */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
                     *     }
                     */
                    "application/json": {
                        /**
                         * @description Shown once: `whsec_` and the key in base64 (Standard Webhooks).
                         * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
                         */
                        secret: string;
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPublishers: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Publishers by slug */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "slug": "worldwire",
                     *           "name": "World Wire",
                     *           "homepageUrl": "https://worldwire.example/",
                     *           "articlePrice": 0,
                     *           "freeArticlesPerMonth": 0,
                     *           "plans": [
                     *             {
                     *               "planId": "monthly",
                     *               "name": "Monthly",
                     *               "interval": "month",
                     *               "priceCents": 290,
                     *               "currency": "usd",
                     *               "trialDays": 0,
                     *               "trialRequiresCard": false
                     *             }
                     *           ],
                     *           "embedOrigins": [
                     *             "string"
                     *           ],
                     *           "freeAfterDays": 0,
                     *           "sectionFreeAfterDays": {
                     *             "property1": 0,
                     *             "property2": 0
                     *           },
                     *           "createdAt": "string",
                     *           "updatedAt": "string"
                     *         }
                     *       ],
                     *       "nextCursor": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["PublisherPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getPublisher: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The publisher */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "slug": "worldwire",
                     *       "name": "World Wire",
                     *       "homepageUrl": "https://worldwire.example/",
                     *       "articlePrice": 0,
                     *       "freeArticlesPerMonth": 0,
                     *       "plans": [
                     *         {
                     *           "planId": "monthly",
                     *           "name": "Monthly",
                     *           "interval": "month",
                     *           "priceCents": 290,
                     *           "currency": "usd",
                     *           "trialDays": 0,
                     *           "trialRequiresCard": false
                     *         }
                     *       ],
                     *       "embedOrigins": [
                     *         "string"
                     *       ],
                     *       "freeAfterDays": 0,
                     *       "sectionFreeAfterDays": {
                     *         "property1": 0,
                     *         "property2": 0
                     *       },
                     *       "createdAt": "string",
                     *       "updatedAt": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["Publisher"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPublisherFollowers: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who follows this publisher, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "kind": "reader",
                     *           "handle": "string"
                     *         }
                     *       ],
                     *       "nextCursor": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["AccountPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPublisherNewsletters: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newsletters, by name */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "newsletterId": "worldwire.daily",
                     *           "publisherSlug": "string",
                     *           "name": "The Daily Briefing",
                     *           "description": "string",
                     *           "sections": [
                     *             "string"
                     *           ],
                     *           "sendTime": "07:00",
                     *           "timeZone": "Europe/Berlin",
                     *           "weekdays": [
                     *             1,
                     *             2,
                     *             3,
                     *             4,
                     *             5
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["PublicNewsletter"][];
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listPublisherPosts: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A publisher’s posts (its new articles), newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "postId": "p_01JD9A2M4X",
                     *           "author": {
                     *             "kind": "reader",
                     *             "handle": "ana_reads"
                     *           },
                     *           "text": "Good news for islanders.",
                     *           "links": [
                     *             "string"
                     *           ],
                     *           "articleId": "string",
                     *           "article": {
                     *             "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *             "publisher": {
                     *               "slug": "worldwire",
                     *               "name": "World Wire"
                     *             },
                     *             "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *             "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *             "author": "Claire Dubois",
                     *             "section": "Europe",
                     *             "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *             "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *             "publishedAt": "2026-11-28T07:00:00.000Z",
                     *             "price": 30,
                     *             "readingMinutes": 4,
                     *             "access": {
                     *               "granted": true,
                     *               "via": "string"
                     *             }
                     *           },
                     *           "replyTo": "string",
                     *           "createdAt": "string",
                     *           "likeCount": 0,
                     *           "replyCount": 0,
                     *           "repostOf": "string",
                     *           "quoteOf": "string",
                     *           "repostCount": 0,
                     *           "deleted": true,
                     *           "original": {
                     *             "postId": "p_01JD9A2M4X",
                     *             "author": {
                     *               "kind": "reader",
                     *               "handle": "ana_reads"
                     *             },
                     *             "text": "Good news for islanders.",
                     *             "links": [
                     *               "string"
                     *             ],
                     *             "articleId": "string",
                     *             "article": {
                     *               "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *               "publisher": {
                     *                 "slug": "worldwire",
                     *                 "name": "World Wire"
                     *               },
                     *               "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *               "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *               "author": "Claire Dubois",
                     *               "section": "Europe",
                     *               "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *               "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *               "publishedAt": "2026-11-28T07:00:00.000Z",
                     *               "price": 30,
                     *               "readingMinutes": 4,
                     *               "access": {
                     *                 "granted": true,
                     *                 "via": "string"
                     *               }
                     *             },
                     *             "replyTo": "string",
                     *             "createdAt": "string",
                     *             "likeCount": 0,
                     *             "replyCount": 0,
                     *             "repostOf": "string",
                     *             "quoteOf": "string",
                     *             "repostCount": 0,
                     *             "deleted": true
                     *           }
                     *         }
                     *       ],
                     *       "nextCursor": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["PublisherPostPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    subscribe: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "planId": "string"
                 *     }
                 */
                "application/json": {
                    planId: string;
                };
            };
        };
        responses: {
            /** @description Checkout created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "sessionId": "string",
                     *       "checkoutUrl": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["Checkout"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payments are not set up yet (`payments_not_configured`), or contention (`contention`): nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    startTrial: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422. */
                "idempotency-key"?: string;
            };
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                /**
                 * @example {
                 *       "planId": "string"
                 *     }
                 */
                "application/json": {
                    planId?: string;
                };
            };
        };
        responses: {
            /** @description Trial started */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "subscription": {
                     *         "publisherSlug": "worldwire",
                     *         "planId": "monthly",
                     *         "kind": "trial",
                     *         "status": "string",
                     *         "currentPeriodEnd": "string",
                     *         "cancelAtPeriodEnd": true,
                     *         "graceUntil": "string",
                     *         "updatedAt": "string"
                     *       }
                     *     }
                     */
                    "application/json": {
                        subscription: components["schemas"]["Subscription"];
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflict */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not a readable feed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Contention: nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getTimeline: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Posts of followed readers and publishers, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "postId": "p_01JD9A2M4X",
                     *           "author": {
                     *             "kind": "reader",
                     *             "handle": "ana_reads"
                     *           },
                     *           "text": "Good news for islanders.",
                     *           "links": [
                     *             "string"
                     *           ],
                     *           "articleId": "string",
                     *           "article": {
                     *             "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *             "publisher": {
                     *               "slug": "worldwire",
                     *               "name": "World Wire"
                     *             },
                     *             "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *             "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *             "author": "Claire Dubois",
                     *             "section": "Europe",
                     *             "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *             "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *             "publishedAt": "2026-11-28T07:00:00.000Z",
                     *             "price": 30,
                     *             "readingMinutes": 4,
                     *             "access": {
                     *               "granted": true,
                     *               "via": "string"
                     *             }
                     *           },
                     *           "replyTo": "string",
                     *           "createdAt": "string",
                     *           "likeCount": 0,
                     *           "replyCount": 0,
                     *           "repostOf": "string",
                     *           "quoteOf": "string",
                     *           "repostCount": 0,
                     *           "deleted": true,
                     *           "original": {
                     *             "postId": "p_01JD9A2M4X",
                     *             "author": {
                     *               "kind": "reader",
                     *               "handle": "ana_reads"
                     *             },
                     *             "text": "Good news for islanders.",
                     *             "links": [
                     *               "string"
                     *             ],
                     *             "articleId": "string",
                     *             "article": {
                     *               "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *               "publisher": {
                     *                 "slug": "worldwire",
                     *                 "name": "World Wire"
                     *               },
                     *               "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *               "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *               "author": "Claire Dubois",
                     *               "section": "Europe",
                     *               "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *               "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *               "publishedAt": "2026-11-28T07:00:00.000Z",
                     *               "price": 30,
                     *               "readingMinutes": 4,
                     *               "access": {
                     *                 "granted": true,
                     *                 "via": "string"
                     *               }
                     *             },
                     *             "replyTo": "string",
                     *             "createdAt": "string",
                     *             "likeCount": 0,
                     *             "replyCount": 0,
                     *             "repostOf": "string",
                     *             "quoteOf": "string",
                     *             "repostCount": 0,
                     *             "deleted": true
                     *           }
                     *         }
                     *       ],
                     *       "nextCursor": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["TimelinePage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                handle: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A reader’s public profile */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "handle": "string",
                     *       "displayName": "string",
                     *       "createdAt": "string",
                     *       "followerCount": 0,
                     *       "followingCount": 0
                     *     }
                     */
                    "application/json": components["schemas"]["Profile"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUserFollowers: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                handle: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who follows this reader, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "kind": "reader",
                     *           "handle": "string"
                     *         }
                     *       ],
                     *       "nextCursor": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["AccountPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUserFollowing: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                handle: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Whom this reader follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "kind": "reader",
                     *           "handle": "string"
                     *         }
                     *       ],
                     *       "nextCursor": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["AccountPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listUserPosts: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                handle: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A reader’s posts, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "postId": "p_01JD9A2M4X",
                     *           "author": {
                     *             "kind": "reader",
                     *             "handle": "ana_reads"
                     *           },
                     *           "text": "Good news for islanders.",
                     *           "links": [
                     *             "string"
                     *           ],
                     *           "articleId": "string",
                     *           "article": {
                     *             "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *             "publisher": {
                     *               "slug": "worldwire",
                     *               "name": "World Wire"
                     *             },
                     *             "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *             "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *             "author": "Claire Dubois",
                     *             "section": "Europe",
                     *             "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *             "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *             "publishedAt": "2026-11-28T07:00:00.000Z",
                     *             "price": 30,
                     *             "readingMinutes": 4,
                     *             "access": {
                     *               "granted": true,
                     *               "via": "string"
                     *             }
                     *           },
                     *           "replyTo": "string",
                     *           "createdAt": "string",
                     *           "likeCount": 0,
                     *           "replyCount": 0,
                     *           "repostOf": "string",
                     *           "quoteOf": "string",
                     *           "repostCount": 0,
                     *           "deleted": true,
                     *           "original": {
                     *             "postId": "p_01JD9A2M4X",
                     *             "author": {
                     *               "kind": "reader",
                     *               "handle": "ana_reads"
                     *             },
                     *             "text": "Good news for islanders.",
                     *             "links": [
                     *               "string"
                     *             ],
                     *             "articleId": "string",
                     *             "article": {
                     *               "id": "worldwire_6lAngwK9ZkIS1V1z1h0Kq9",
                     *               "publisher": {
                     *                 "slug": "worldwire",
                     *                 "name": "World Wire"
                     *               },
                     *               "title": "Lagarde signals a pause as eurozone inflation cools to 2.1%",
                     *               "dek": "The European Central Bank's president said the bank would hold rates through the winter.",
                     *               "author": "Claire Dubois",
                     *               "section": "Europe",
                     *               "url": "https://worldwire.example/europe/lagarde-signals-a-pause",
                     *               "imageUrl": "https://images.worldwire.example/2026/11/lagarde.jpg",
                     *               "publishedAt": "2026-11-28T07:00:00.000Z",
                     *               "price": 30,
                     *               "readingMinutes": 4,
                     *               "access": {
                     *                 "granted": true,
                     *                 "via": "string"
                     *               }
                     *             },
                     *             "replyTo": "string",
                     *             "createdAt": "string",
                     *             "likeCount": 0,
                     *             "replyCount": 0,
                     *             "repostOf": "string",
                     *             "quoteOf": "string",
                     *             "repostCount": 0,
                     *             "deleted": true
                     *           }
                     *         }
                     *       ],
                     *       "nextCursor": "string"
                     *     }
                     */
                    "application/json": components["schemas"]["UserPostPage"];
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or invalid credentials */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    receiveStripeEvent: {
        parameters: {
            query?: never;
            header?: {
                "stripe-signature"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Processed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "received": true,
                     *       "outcome": "string"
                     *     }
                     */
                    "application/json": {
                        outcome: string;
                        received: boolean;
                    };
                };
            };
            /** @description Validation failed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Unexpected failure: the same error shape, never a stack trace */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Payments are not set up yet (`payments_not_configured`), or contention (`contention`): nothing changed; retry after the Retry-After seconds */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
