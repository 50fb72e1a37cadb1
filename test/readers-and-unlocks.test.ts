import { sign } from 'hono/jwt';
import { beforeAll, describe, expect, it } from 'vitest';
import { END_OF_TIME, EPOCH, earningsBetween } from '../shared/payouts/publisher-earnings.js';
import { verificationToken } from '../shared/readers/email-verification.js';
import { articleItems, rss2 } from './support/feeds.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
let clock = new Date('2026-11-28T12:00:00Z');

beforeAll(async () => {
  stack = await createTestStack({ now: () => clock, stream: true });
});

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const post = (path: string, headers: Record<string, string>, body?: unknown) =>
  stack.request(path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

/** A publisher with `count` priced articles; returns their ids. */
async function publisherWithArticles(slug: string, count: number, settings: { articlePrice: number; freeArticlesPerMonth: number }) {
  return (await stack.publisherWithArticles(slug, count, { settings })).ids;
}

async function wallet(auth: Record<string, string>) {
  return json(await stack.request('/v1/me/wallet?limit=100', { headers: auth }));
}

describe('accounts', () => {
  it('a new reader starts with an empty wallet and gets starter points, recorded in the ledger, on confirming the address', async () => {
    const response = await post('/v1/auth/signup', {}, { email: 'Ana@Example.com', password: 'a long enough password', handle: 'Ana_Reads', displayName: 'Ana' });
    expect(response.status).toBe(201);
    const body = await json(response);
    expect(body.user).toMatchObject({ email: 'ana@example.com', handle: 'ana_reads', displayName: 'Ana' });
    expect(body.balance).toBe(0);
    expect(JSON.stringify(body)).not.toMatch(/password/i);
    const auth = { authorization: `Bearer ${body.token}` };
    expect(await wallet(auth)).toMatchObject({ balance: 0, entries: [] });
    const link = verificationToken(stack.deps.config.jwtSecret, body.user.userId, 'ana@example.com', clock);
    expect(await json(await post('/v1/auth/verify-email', {}, { token: link }))).toMatchObject({ starterPoints: 50 });
    expect(await json(await stack.request('/v1/me', { headers: auth }))).toMatchObject({ handle: 'ana_reads', balance: 50 });
    expect(await wallet(auth)).toMatchObject({ balance: 50, entries: [{ kind: 'starter', amount: 50, balanceAfter: 50 }] });
  });

  it('email and handle are unique, whatever their case, even under concurrent sign-ups', async () => {
    expect((await post('/v1/auth/signup', {}, { email: 'bo@example.com', password: 'a long enough password', handle: 'bob' })).status).toBe(201);
    const sameEmail = await post('/v1/auth/signup', {}, { email: 'BO@example.com', password: 'a long enough password', handle: 'bob2' });
    expect(sameEmail.status).toBe(409);
    const sameHandle = await post('/v1/auth/signup', {}, { email: 'other@example.com', password: 'a long enough password', handle: 'BOB' });
    expect(sameHandle.status).toBe(409);
    expect((await json(sameHandle)).error.message).toMatch(/handle/);
    const race = await Promise.all(
      Array.from({ length: 8 }, (_, i) => post('/v1/auth/signup', {}, { email: `racer${i}@example.com`, password: 'a long enough password', handle: 'racer' })),
    );
    expect(race.map((response) => response.status).sort()).toEqual([201, ...Array(7).fill(409)]);
  });

  it('limits sign-ups per email domain each hour, except for large mail providers', async () => {
    const limited = await createTestStack({ now: () => clock, env: { SIGNUP_RATE_LIMITS: 'address:1000,domain:2' } });
    const signUp = (email: string, handle: string) =>
      limited.request('/v1/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'a long enough password', handle }) });
    const throwaway = [];
    for (let i = 0; i < 3; i++) throwaway.push((await signUp(`t${i}@throwaway.example`, `throwaway_${i}`)).status);
    expect(throwaway).toEqual([201, 201, 429]);
    const webmail = [];
    for (let i = 0; i < 3; i++) webmail.push((await signUp(`w${i}@gmail.com`, `webmail_${i}`)).status);
    expect(webmail).toEqual([201, 201, 201]);
  });

  it('validates sign-up fields', async () => {
    const response = await post('/v1/auth/signup', {}, { email: 'not-an-email', password: 'short', handle: 'x' });
    expect(response.status).toBe(400);
    const fields = (await json(response)).error.details.map((detail: { field: string }) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'handle']));
  });

  it('login fails the same way for a wrong password and an unknown email, and slows down after five failures', async () => {
    await stack.signUp('carla');
    const ok = await post('/v1/auth/login', {}, { email: 'carla@readers.example', password: 'correct horse battery' });
    expect(ok.status).toBe(200);
    expect((await json(ok)).token).toEqual(expect.any(String));
    const wrong = await json(await post('/v1/auth/login', {}, { email: 'carla@readers.example', password: 'nope' }));
    const unknown = await json(await post('/v1/auth/login', {}, { email: 'nobody@readers.example', password: 'nope' }));
    expect(wrong).toEqual(unknown);
    for (let i = 0; i < 4; i++) await post('/v1/auth/login', {}, { email: 'carla@readers.example', password: 'nope' });
    const limited = await post('/v1/auth/login', {}, { email: 'carla@readers.example', password: 'correct horse battery' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await json(limited)).error.code).toBe('rate_limited');
  });

  it('lets no more than five guesses through, however many arrive at once', async () => {
    await stack.signUp('gwen');
    const guesses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post('/v1/auth/login', {}, { email: 'gwen@readers.example', password: `guess number ${i}` })),
    );
    const statuses = guesses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    expect((await post('/v1/auth/login', {}, { email: 'gwen@readers.example', password: 'correct horse battery' })).status).toBe(429);
    // A new window opens when the old one has passed.
    clock = new Date(clock.getTime() + 16 * 60_000);
    try {
      expect((await post('/v1/auth/login', {}, { email: 'gwen@readers.example', password: 'correct horse battery' })).status).toBe(200);
    } finally {
      clock = new Date('2026-11-28T12:00:00Z');
    }
  });
});

describe('login limiter at window expiry', () => {
  it('checks at most five passwords of a burst that arrives just after a window ended', async () => {
    await stack.signUp('hugo_burst');
    const start = clock;
    try {
      let retryAfter = 0;
      for (let i = 0; i < 6; i++) {
        const response = await post('/v1/auth/login', {}, { email: 'hugo_burst@readers.example', password: `wrong ${i}` });
        retryAfter = Number(response.headers.get('retry-after') ?? retryAfter);
      }
      expect(retryAfter).toBeGreaterThan(0);
      clock = new Date(start.getTime() + (retryAfter + 0.3) * 1000);
      const burst = await Promise.all(
        Array.from({ length: 40 }, (_, i) => post('/v1/auth/login', {}, { email: 'hugo_burst@readers.example', password: `burst guess ${i}` })),
      );
      const statuses = burst.map((response) => response.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(35);
    } finally {
      clock = new Date('2026-11-28T12:00:00Z');
    }
  });
});

describe('reader tokens', () => {
  it('refuses malformed, expired, unsigned (alg none) and foreign-signed tokens with 401', async () => {
    const { userId } = await stack.signUp('dora');
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: userId, handle: 'dora', iss: 'postwire', aud: 'postwire-readers', iat: now };
    const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const tokens = {
      malformed: 'not.a-jwt',
      garbage: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
      expired: await sign({ ...claims, exp: now - 60 }, stack.deps.config.jwtSecret, 'HS256'),
      algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, exp: now + 600 })}.`,
      foreign: await sign({ ...claims, exp: now + 600 }, 'some-other-secret-that-is-long-enough!!', 'HS256'),
      noExpiry: await sign(claims, stack.deps.config.jwtSecret, 'HS256'),
    };
    for (const [name, token] of Object.entries(tokens)) {
      const response = await stack.request('/v1/me', { headers: { authorization: `Bearer ${token}` } });
      expect(response.status, name).toBe(401);
    }
    const valid = await sign({ ...claims, exp: now + 600 }, stack.deps.config.jwtSecret, 'HS256');
    expect((await stack.request('/v1/me', { headers: { authorization: `Bearer ${valid}` } })).status).toBe(200);
  });

  it('a reader sees only their own wallet and library', async () => {
    const ids = await publisherWithArticles('privacy-pub', 1, { articlePrice: 10, freeArticlesPerMonth: 0 });
    const erin = await stack.signUp('erin');
    const finn = await stack.signUp('finn');
    await post(`/v1/articles/${ids[0]}/unlock`, erin.auth);
    expect((await wallet(finn.auth)).entries).toHaveLength(1);
    expect((await json(await stack.request('/v1/me/library', { headers: finn.auth }))).items).toEqual([]);
    expect((await json(await stack.request('/v1/me/library', { headers: erin.auth }))).items).toHaveLength(1);
    expect((await stack.request('/v1/me/wallet')).status).toBe(401);
  });
});

describe('reading and unlocking', () => {
  it('shows a signed-in reader the offer: price, balance and free articles left', async () => {
    const ids = await publisherWithArticles('offer-pub', 1, { articlePrice: 30, freeArticlesPerMonth: 1 });
    const { auth } = await stack.signUp('gina');
    const article = await json(await stack.request(`/v1/articles/${ids[0]}`, { headers: auth }));
    expect(article.access).toEqual({ granted: false });
    expect(article.offer).toEqual({ price: 30, unlockCost: 0, balance: 50, freeRemaining: 1, plans: [], trialAvailable: false });
    expect(article.contentHtml).toBeUndefined();
  });

  it('uses the free meter first, then points, and never charges twice for one article', async () => {
    const ids = await publisherWithArticles('meter-pub', 3, { articlePrice: 20, freeArticlesPerMonth: 1 });
    const { auth } = await stack.signUp('hugo');
    clock = new Date('2026-11-28T12:00:00Z');
    const first = await json(await post(`/v1/articles/${ids[0]}/unlock`, auth));
    clock = new Date('2026-11-28T12:05:00Z');
    expect(first).toMatchObject({ access: { granted: true, via: 'meter' }, charged: 0, balance: 50, contentHtml: expect.stringContaining('Paragraph one') });
    const second = await json(await post(`/v1/articles/${ids[1]}/unlock`, auth));
    expect(second).toMatchObject({ access: { granted: true, via: 'points' }, charged: 20, balance: 30 });
    const again = await json(await post(`/v1/articles/${ids[1]}/unlock`, auth));
    expect(again).toMatchObject({ access: { granted: true, via: 'already' }, charged: 0, balance: 30 });
    const read = await json(await stack.request(`/v1/articles/${ids[1]}`, { headers: auth }));
    expect(read.access).toEqual({ granted: true, via: 'already' });
    expect(read.contentHtml).toContain('Paragraph two');
    const afterMeter = await json(await stack.request(`/v1/articles/${ids[2]}`, { headers: auth }));
    expect(afterMeter.offer).toMatchObject({ freeRemaining: 0, balance: 30 });
    const library = await json(await stack.request('/v1/me/library', { headers: auth }));
    expect(library.items.map((item: { id: string; via: string }) => [item.id, item.via])).toEqual([
      [ids[1], 'points'],
      [ids[0], 'meter'],
    ]);
    clock = new Date('2026-11-28T12:00:00Z');
  });

  it('answers 402 with the price and balance when points do not suffice, and changes nothing', async () => {
    const ids = await publisherWithArticles('dear-pub', 1, { articlePrice: 80, freeArticlesPerMonth: 0 });
    const { auth } = await stack.signUp('ivan');
    const response = await post(`/v1/articles/${ids[0]}/unlock`, auth);
    expect(response.status).toBe(402);
    expect((await json(response)).error).toMatchObject({ code: 'insufficient_points', details: { price: 80, balance: 50 } });
    expect(await wallet(auth)).toMatchObject({ balance: 50, entries: [{ kind: 'starter' }] });
  });

  it('opens free articles to everyone without an unlock', async () => {
    const ids = await publisherWithArticles('gratis-pub', 1, { articlePrice: 0, freeArticlesPerMonth: 0 });
    const { auth } = await stack.signUp('jana');
    expect(await json(await post(`/v1/articles/${ids[0]}/unlock`, auth))).toMatchObject({ access: { via: 'free' }, charged: 0, balance: 50 });
  });

  it('resets the free meter at the start of a calendar month (UTC)', async () => {
    const ids = await publisherWithArticles('monthly-pub', 3, { articlePrice: 10, freeArticlesPerMonth: 1 });
    const { auth } = await stack.signUp('kai');
    clock = new Date('2026-11-30T23:59:59Z');
    expect((await json(await post(`/v1/articles/${ids[0]}/unlock`, auth))).access.via).toBe('meter');
    expect((await json(await post(`/v1/articles/${ids[1]}/unlock`, auth))).access.via).toBe('points');
    clock = new Date('2026-12-01T00:00:00Z');
    expect((await json(await post(`/v1/articles/${ids[2]}/unlock`, auth))).access.via).toBe('meter');
    clock = new Date('2026-11-28T12:00:00Z');
  });
});

describe('unlocks under concurrency', () => {
  it('50 concurrent unlocks of different articles on a wallet that affords 5: exactly 5 succeed, and the ledger agrees', async () => {
    const ids = await publisherWithArticles('rush-pub', 50, { articlePrice: 10, freeArticlesPerMonth: 0 });
    const { auth } = await stack.signUp('lena');
    const responses = await Promise.all(ids.map((id) => post(`/v1/articles/${id}/unlock`, auth)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    expect(statuses.filter((status) => status === 402)).toHaveLength(45);
    const { balance, entries } = await wallet(auth);
    expect(balance).toBe(0);
    expect(entries.reduce((sum: number, entry: { amount: number }) => sum + entry.amount, 0)).toBe(balance);
    expect(entries.filter((entry: { kind: string }) => entry.kind === 'unlock')).toHaveLength(5);
    expect((await json(await stack.request('/v1/me/library?limit=100', { headers: auth }))).items).toHaveLength(5);
  });

  it('20 concurrent unlocks of the same article charge once', async () => {
    const [id] = await publisherWithArticles('same-pub', 1, { articlePrice: 15, freeArticlesPerMonth: 0 });
    const { auth } = await stack.signUp('milo');
    const results = await Promise.all(Array.from({ length: 20 }, async () => json(await post(`/v1/articles/${id}/unlock`, auth))));
    expect(results.reduce((sum, result) => sum + result.charged, 0)).toBe(15);
    expect(results.filter((result) => result.access.via === 'points')).toHaveLength(1);
    expect(results.filter((result) => result.access.via === 'already')).toHaveLength(19);
    const { balance, entries } = await wallet(auth);
    expect(balance).toBe(35);
    expect(entries.reduce((sum: number, entry: { amount: number }) => sum + entry.amount, 0)).toBe(35);
  });

  it('a replay with the same Idempotency-Key returns the first answer and charges nothing more', async () => {
    const [id] = await publisherWithArticles('replay-pub', 1, { articlePrice: 12, freeArticlesPerMonth: 0 });
    const { auth } = await stack.signUp('nora');
    const headers = { ...auth, 'idempotency-key': 'unlock-once' };
    const first = await json(await post(`/v1/articles/${id}/unlock`, headers));
    const replay = await json(await post(`/v1/articles/${id}/unlock`, headers));
    expect(replay).toEqual(first);
    expect(first).toMatchObject({ access: { via: 'points' }, charged: 12, balance: 38 });
    expect((await wallet(auth)).balance).toBe(38);
  });
});

describe('round trips (counted, not timed)', () => {
  it('reading an article with a reader takes one DynamoDB round trip; unlocking with bought points two, with promotional ones three', async () => {
    const ids = await publisherWithArticles('count-pub', 2, { articlePrice: 50, freeArticlesPerMonth: 0 });
    const { auth } = await stack.signUp('omar');
    await post('/v1/me/wallet/dev-top-up', auth, { points: 100 });
    stack.deps.db.roundTrips.reset();
    await stack.request(`/v1/articles/${ids[0]}`, { headers: auth });
    expect(stack.deps.db.roundTrips.total).toBe(1);
    // The first unlock spends the 50 starter points: the publisher's share is reserved from the platform's budget first.
    stack.deps.db.roundTrips.reset();
    expect((await post(`/v1/articles/${ids[0]}/unlock`, auth)).status).toBe(200);
    expect(stack.deps.db.roundTrips.byCommand()).toEqual({ BatchGetItemCommand: 1, UpdateItemCommand: 1, TransactWriteItemsCommand: 1 });
    stack.deps.db.roundTrips.reset();
    expect((await post(`/v1/articles/${ids[1]}/unlock`, auth)).status).toBe(200);
    expect(stack.deps.db.roundTrips.byCommand()).toEqual({ BatchGetItemCommand: 1, TransactWriteItemsCommand: 1 });
  });
});

describe('the development top-up', () => {
  it('adds points with a labelled ledger entry', async () => {
    const { auth } = await stack.signUp('pia');
    clock = new Date('2026-11-28T12:01:00Z');
    const response = await post('/v1/me/wallet/dev-top-up', auth, { points: 300 });
    clock = new Date('2026-11-28T12:00:00Z');
    expect(response.status).toBe(200);
    expect(await wallet(auth)).toMatchObject({ balance: 350, entries: [{ kind: 'topup', amount: 300, balanceAfter: 350, note: expect.stringMatching(/Development/) }, { kind: 'starter' }] });
  });

  it('does not exist where it is not enabled', async () => {
    const production = await createTestStack({ env: { DEV_TOPUP_ENABLED: 'false' } });
    const { auth } = await production.signUp('quinn');
    const response = await production.request('/v1/me/wallet/dev-top-up', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"points":100}' });
    expect(response.status).toBe(404);
  });
});

describe('promotional points', () => {
  const earningsOf = async (testStack: TestStack, slug: string) => earningsBetween(testStack.deps.db, slug, EPOCH, END_OF_TIME);

  it('are spent first, and the ledger keeps both balances exact', async () => {
    const ids = await publisherWithArticles('promo-first', 2, { articlePrice: 30, freeArticlesPerMonth: 0 });
    const { auth } = await stack.signUp('promo_first');
    await post('/v1/me/wallet/dev-top-up', auth, { points: 100 });
    expect(await wallet(auth)).toMatchObject({ balance: 150, promotional: 50 });
    await post(`/v1/articles/${ids[0]}/unlock`, auth);
    expect(await wallet(auth)).toMatchObject({ balance: 120, promotional: 20 });
    await post(`/v1/articles/${ids[1]}/unlock`, auth);
    const after = await wallet(auth);
    expect(after).toMatchObject({ balance: 90, promotional: 0 });
    const sum = (field: 'amount' | 'promoAmount') => after.entries.reduce((total: number, entry: Record<string, number>) => total + (entry[field] ?? 0), 0);
    expect([sum('amount'), sum('promoAmount')]).toEqual([90, 0]);
    const earnings = (await earningsOf(stack, 'promo-first')).map((entry) => [entry.points, entry.promoPoints ?? 0]);
    expect(earnings.sort()).toEqual([
      [30, 20],
      [30, 30],
    ]);
  });

  it('earn the publisher only up to the platform’s monthly budget; past it the article still opens, the ledger says why, and an undo gives the budget back', async () => {
    const budgeted = await createTestStack({ now: () => clock, env: { PROMO_BUDGET_POINTS: '40' } });
    const { ids } = await budgeted.publisherWithArticles('promo-budget', 1, { settings: { articlePrice: 30, freeArticlesPerMonth: 0 } });
    const unlock = async (handle: string) => {
      const reader = await budgeted.signUp(handle);
      const response = await budgeted.request(`/v1/articles/${ids[0]}/unlock`, { method: 'POST', headers: reader.auth });
      return { reader, body: (await response.json()) as Record<string, any> };
    };
    const first = await unlock('budget_a');
    const second = await unlock('budget_b');
    expect(second.body).toMatchObject({ access: { via: 'points' }, charged: 30, balance: 20, contentHtml: expect.any(String) });
    const byReader = async () => new Map((await earningsOf(budgeted, 'promo-budget')).filter((entry) => entry.kind === 'unlock').map((entry) => [entry.readerId, entry]));
    const earnings = await byReader();
    expect(earnings.get(first.reader.userId)).toMatchObject({ points: 30, promoPoints: 30 });
    expect(earnings.get(second.reader.userId)).toMatchObject({ points: 10, promoPoints: 10, promoUnfunded: 20, note: expect.stringMatching(/beyond this month’s platform budget/) });

    expect((await budgeted.request(`/v1/articles/${ids[0]}/unlock`, { method: 'DELETE', headers: first.reader.auth })).status).toBe(200);
    expect(await json(await budgeted.request('/v1/me/wallet', { headers: first.reader.auth }))).toMatchObject({ balance: 50, promotional: 50 });
    const third = await unlock('budget_c');
    expect((await byReader()).get(third.reader.userId)).toMatchObject({ points: 30, promoPoints: 30 });
  });

  it('never fund past the budget, however many promotional unlocks race for its last points', async () => {
    const budgeted = await createTestStack({ now: () => clock, env: { PROMO_BUDGET_POINTS: '100' } });
    const { ids } = await budgeted.publisherWithArticles('promo-race', 1, { settings: { articlePrice: 30, freeArticlesPerMonth: 0 } });
    const readers = await Promise.all(Array.from({ length: 10 }, (_, i) => budgeted.signUp(`race_reader_${i}`)));
    const statuses = await Promise.all(readers.map(async (reader) => (await budgeted.request(`/v1/articles/${ids[0]}/unlock`, { method: 'POST', headers: reader.auth })).status));
    expect(statuses).toEqual(Array(10).fill(200));
    const unlocks = (await earningsOf(budgeted, 'promo-race')).filter((entry) => entry.kind === 'unlock');
    expect(unlocks).toHaveLength(10);
    expect(unlocks.reduce((total, entry) => total + ((entry.promoPoints as number | undefined) ?? 0), 0)).toBe(100);
    expect(unlocks.reduce((total, entry) => total + (entry.points as number) + ((entry.promoUnfunded as number | undefined) ?? 0), 0)).toBe(300);
  });
});

describe('undoing an unlock', () => {
  const undo = (id: string, auth: Record<string, string>) => stack.request(`/v1/articles/${id}/unlock`, { method: 'DELETE', headers: auth });

  it('within ten minutes gives the points back, takes access away and reverses the publisher earning', async () => {
    const [id] = await publisherWithArticles('undo-pub', 1, { articlePrice: 20, freeArticlesPerMonth: 0 });
    clock = new Date('2026-11-28T11:50:00Z');
    const { auth, userId } = await stack.signUp('rosa');
    clock = new Date('2026-11-28T12:00:00Z');
    await post(`/v1/articles/${id}/unlock`, auth);
    clock = new Date('2026-11-28T12:09:00Z');
    const response = await undo(id!, auth);
    expect(await json(response)).toEqual({ refunded: 20, balance: 50, undosLeftThisMonth: 4 });
    const { balance, entries } = await wallet(auth);
    expect(balance).toBe(50);
    expect(entries.map((entry: { kind: string; amount: number }) => [entry.kind, entry.amount])).toEqual([
      ['refund', 20],
      ['unlock', -20],
      ['starter', 50],
    ]);
    expect((await json(await stack.request(`/v1/articles/${id}`, { headers: auth }))).access).toEqual({ granted: false });
    expect((await json(await stack.request('/v1/me/library', { headers: auth }))).items).toEqual([]);
    const earnings = await earningsBetween(stack.deps.db, 'undo-pub', EPOCH, END_OF_TIME);
    const mine = earnings.filter((item) => item.readerId === userId);
    expect(mine.map((item) => item.points).sort()).toEqual([-20, 20]);
    clock = new Date('2026-11-28T12:00:00Z');
  });

  it('is refused after ten minutes, for meter unlocks, for articles never unlocked, and after five a month', async () => {
    const ids = await publisherWithArticles('undo-rules', 8, { articlePrice: 5, freeArticlesPerMonth: 1 });
    const { auth } = await stack.signUp('sami');
    clock = new Date('2026-11-28T12:00:00Z');
    expect((await json(await post(`/v1/articles/${ids[0]}/unlock`, auth))).access.via).toBe('meter');
    expect((await undo(ids[0]!, auth)).status).toBe(409);
    expect((await undo(ids[7]!, auth)).status).toBe(404);
    await post(`/v1/articles/${ids[1]}/unlock`, auth);
    clock = new Date('2026-11-28T12:10:01Z');
    const late = await undo(ids[1]!, auth);
    expect(late.status).toBe(409);
    expect((await json(late)).error.message).toMatch(/10 minutes/);
    for (const id of ids.slice(2, 7)) {
      await post(`/v1/articles/${id}/unlock`, auth);
      expect((await undo(id, auth)).status).toBe(200);
    }
    await post(`/v1/articles/${ids[2]}/unlock`, auth);
    const sixth = await undo(ids[2]!, auth);
    expect(sixth.status).toBe(409);
    expect((await json(sixth)).error.message).toMatch(/all 5 undos/);
    const { balance, entries } = await wallet(auth);
    expect(entries.reduce((sum: number, entry: { amount: number }) => sum + entry.amount, 0)).toBe(balance);
    clock = new Date('2026-11-28T12:00:00Z');
  });

  it('is refused once free unlocks under the spend cap rest on the month’s payments', async () => {
    const { ids } = await stack.publisherWithArticles('undo-cap', 4, {
      settings: { articlePrice: 25, freeArticlesPerMonth: 0 },
      plans: [{ planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 50, trialDays: 0 }],
    });
    const { auth } = await stack.signUp('capundo');
    expect(await json(await post(`/v1/articles/${ids[0]}/unlock`, auth))).toMatchObject({ access: { via: 'points' }, charged: 25 });
    expect(await json(await post(`/v1/articles/${ids[1]}/unlock`, auth))).toMatchObject({ access: { via: 'points' }, charged: 25 });
    expect(await json(await post(`/v1/articles/${ids[2]}/unlock`, auth))).toMatchObject({ access: { via: 'cap' }, charged: 0 });
    const refused = await undo(ids[0]!, auth);
    expect(refused.status).toBe(409);
    expect((await json(refused)).error.message).toMatch(/spend cap/);
    expect((await wallet(auth)).balance).toBe(0);
    // What was paid still reaches the cap, so the next article is free too.
    expect(await json(await post(`/v1/articles/${ids[3]}/unlock`, auth))).toMatchObject({ access: { via: 'cap' }, charged: 0 });
  });
});

describe('gift links', () => {
  const gift = (id: string, auth: Record<string, string>) => post(`/v1/articles/${id}/gifts`, auth);
  const redeem = (giftId: string, auth: Record<string, string>) => post(`/v1/gifts/${giftId}/redeem`, auth);

  it('open an unlocked article to up to 10 readers for free, until they expire, and the publisher sees who later paid', async () => {
    const { auth: publisherAuth } = await stack.createPublisher('gift-pub', { articlePrice: 10, freeArticlesPerMonth: 0 });
    await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisherAuth, 'content-type': 'application/rss+xml' }, body: rss2(articleItems(2, 'gift')) });
    const ids = ((await json(await stack.request('/v1/articles?publisher=gift-pub'))).items as Array<{ id: string }>).map((item) => item.id);
    const giver = await stack.signUp('giver');
    expect((await gift(ids[0]!, giver.auth)).status).toBe(403);
    await post(`/v1/articles/${ids[0]}/unlock`, giver.auth);
    const link = (await json(await gift(ids[0]!, giver.auth))).gift;
    expect(link).toMatchObject({ articleId: ids[0], maxRedemptions: 10, redemptions: 0 });

    const readers = await Promise.all(Array.from({ length: 11 }, (_, i) => stack.signUp(`giftee${i}`)));
    const outcomes = await Promise.all(readers.map(async (reader) => (await redeem(link.giftId, reader.auth)).status));
    expect(outcomes.filter((status) => status === 200)).toHaveLength(10);
    expect(outcomes.filter((status) => status === 409)).toHaveLength(1);
    const lucky = readers[outcomes.indexOf(200)]!;
    const read = await json(await stack.request(`/v1/articles/${ids[0]}`, { headers: lucky.auth }));
    expect(read.access).toEqual({ granted: true, via: 'already' });
    expect((await json(await stack.request('/v1/me/wallet', { headers: lucky.auth }))).balance).toBe(50);
    expect((await json(await stack.request('/v1/me/library', { headers: lucky.auth }))).items[0]).toMatchObject({ id: ids[0], via: 'gift' });

    // One gift reader goes on to pay for another article of the publisher.
    clock = new Date('2026-11-28T12:30:00Z');
    await post(`/v1/articles/${ids[1]}/unlock`, lucky.auth);
    clock = new Date('2026-11-28T13:00:00Z');
    await stack.rollUpStats();
    const stats = await json(await stack.request('/v1/publisher/stats', { headers: publisherAuth }));
    expect(stats.gifts).toEqual({ links: 1, readers: 10, readersWhoPaid: 1 });
    clock = new Date('2026-12-06T00:00:00Z');
    expect((await redeem(link.giftId, readers[10]!.auth)).status).toBe(409);
    clock = new Date('2026-11-28T12:00:00Z');
  });

  it('cannot turn undo into free reading: an unlock a gift was made from cannot be undone, and nobody redeems their own link', async () => {
    const ids = await publisherWithArticles('gift-undo', 1, { articlePrice: 25, freeArticlesPerMonth: 0 });
    const giver = await stack.signUp('gift_undoer');
    await post(`/v1/articles/${ids[0]}/unlock`, giver.auth);
    const link = (await json(await gift(ids[0]!, giver.auth))).gift;
    const undo = await stack.request(`/v1/articles/${ids[0]}/unlock`, { method: 'DELETE', headers: giver.auth });
    expect(undo.status).toBe(409);
    expect((await json(undo)).error.message).toMatch(/gift link was made from this unlock/);
    expect((await wallet(giver.auth)).balance).toBe(25);
    const own = await redeem(link.giftId, giver.auth);
    expect(own.status).toBe(403);
    expect((await json(own)).error.message).toMatch(/its maker cannot redeem it/);
    expect((await json(await redeem(link.giftId, (await stack.signUp('gift_undo_friend')).auth))).access).toEqual({ granted: true, via: 'gift' });
  });

  it('a trial reader cannot make gift links, and a gift cannot be gifted on', async () => {
    const {
      ids: [id],
    } = await stack.publisherWithArticles('gift-trial', 1, {
      settings: { articlePrice: 10, freeArticlesPerMonth: 0 },
      plans: [{ planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 290, trialDays: 30 }],
    });
    const trialist = await stack.signUp('gift_trialist');
    expect((await post('/v1/publishers/gift-trial/trial', trialist.auth, {})).status).toBe(201);
    expect((await json(await stack.request(`/v1/articles/${id}`, { headers: trialist.auth }))).access).toEqual({ granted: true, via: 'trial' });
    const fromTrial = await gift(id!, trialist.auth);
    expect(fromTrial.status).toBe(403);
    expect((await json(fromTrial)).error.message).toMatch(/free trial cannot make them/);

    const payer = await stack.signUp('gift_payer');
    await post(`/v1/articles/${id}/unlock`, payer.auth);
    const link = (await json(await gift(id!, payer.auth))).gift;
    const recipient = await stack.signUp('gift_recipient');
    expect((await redeem(link.giftId, recipient.auth)).status).toBe(200);
    const onward = await gift(id!, recipient.auth);
    expect(onward.status).toBe(403);
    expect((await json(onward)).error.message).toMatch(/received as a gift cannot be gifted on/);
  });

  it('are limited to 5 a month per reader', async () => {
    const ids = await publisherWithArticles('gift-limit', 1, { articlePrice: 10, freeArticlesPerMonth: 0 });
    const giver = await stack.signUp('generous');
    await post(`/v1/articles/${ids[0]}/unlock`, giver.auth);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await gift(ids[0]!, giver.auth)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 409]);
  });
});
