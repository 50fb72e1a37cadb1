import { describe, expect, it } from 'vitest';
import { ConfigError, loadApiConfig, loadConfig } from '../shared/config.js';

describe('configuration', () => {
  it('has working defaults for everything but the API secrets', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ tableName: 'postwire', defaultArticlePrice: 25, payments: undefined });
    expect(config.feeds).toMatchObject({ allowPrivateHosts: false, maxBytes: 10 * 1024 * 1024, maxRedirects: 5, iframeHosts: ['www.youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com'] });
    expect(config.social.hourlyLimits).toMatchObject({ posts: 60, likes: 300 });
    expect(config.pointPacks[0]).toEqual({ packId: 'points-300', points: 300, priceCents: 420 });
  });

  it('reads numbers, flags and lists from the environment', () => {
    const config = loadConfig({ FEED_MAX_REDIRECTS: '2', FEED_ALLOW_PRIVATE_HOSTS: 'true', IFRAME_HOSTS: 'Video.Example, other.example', STARTER_POINTS: '0' });
    expect(config.feeds).toMatchObject({ maxRedirects: 2, allowPrivateHosts: true, iframeHosts: ['video.example', 'other.example'] });
    expect(config.readers.starterPoints).toBe(0);
  });

  it('stops with a sentence naming each bad variable', () => {
    expect(() => loadConfig({ FEED_MAX_REDIRECTS: '50', DYNAMODB_ENDPOINT: 'not a url' })).toThrow(ConfigError);
    expect(() => loadConfig({ FEED_MAX_REDIRECTS: '50' })).toThrow(/FEED_MAX_REDIRECTS/);
    expect(() => loadConfig({ POINT_PACKS: '300 for 4.20' })).toThrow(/POINT_PACKS must look like/);
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'sk_test_x' })).toThrow(/set both STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET/);
    expect(() => loadConfig({ STRIPE_SECRET_KEY: 'pk_live_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' })).toThrow(/must be a Stripe secret key/);
  });

  it('names every problem at once, so one restart fixes them all', () => {
    expect(() => loadConfig({ FEED_MAX_REDIRECTS: '50', DYNAMODB_ENDPOINT: 'not a url', STARTER_POINTS: 'many', PASSWORD_HASH_COST: '12.5', TIMELINE_FANOUT: 'sometimes', FEED_ALLOW_PRIVATE_HOSTS: 'yes please' })).toThrow(
      'Invalid configuration: DYNAMODB_ENDPOINT must be an http or https address; FEED_ALLOW_PRIVATE_HOSTS must be true, false, 1 or 0; ' +
        'FEED_MAX_REDIRECTS must be between 0 and 10; TIMELINE_FANOUT must be one of inline, stream; STARTER_POINTS must be a number; PASSWORD_HASH_COST must be a whole number.',
    );
    expect(() => loadConfig({ FEED_MIN_INTERVAL_MINUTES: '0' })).toThrow('FEED_MIN_INTERVAL_MINUTES must be more than 0');
    expect(loadConfig({ FEED_MIN_INTERVAL_MINUTES: '0.5', PLATFORM_SHARE_PERCENT: '12.5' })).toMatchObject({ feeds: { minIntervalMs: 30_000 }, readers: { platformSharePercent: 12.5 } });
  });

  it('requires the admin token for the API only, and derives the other API keys from it locally', () => {
    expect(() => loadApiConfig({})).toThrow(/ADMIN_TOKEN is required/);
    expect(() => loadApiConfig({ ADMIN_TOKEN: 'short' })).toThrow(/at least 16 characters/);
    const config = loadApiConfig({ ADMIN_TOKEN: 'a-long-enough-admin-token' });
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.cursorSecret).not.toBe(config.adminToken);
  });

  it('starts an API function that holds only the keys its routes use, and nobody holds the ones it lacks', () => {
    // The publisher API in AWS: the cursor key only.
    const publisher = loadApiConfig({ CURSOR_SECRET: 'c'.repeat(40) });
    expect(publisher.cursorSecret).toBe('c'.repeat(40));
    // Its operator token and reader-token key are random at each start: no token anyone has opens a route with them.
    const restarted = loadApiConfig({ CURSOR_SECRET: 'c'.repeat(40) });
    expect(publisher.adminToken).not.toBe(restarted.adminToken);
    expect(publisher.jwtSecret).not.toBe(restarted.jwtSecret);
    expect(publisher.adminToken.length).toBeGreaterThanOrEqual(32);
    // The payments API: the reader-token key only.
    expect(loadApiConfig({ JWT_SECRET: 'j'.repeat(40) }).jwtSecret).toBe('j'.repeat(40));
  });
});
