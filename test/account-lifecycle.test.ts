/**
 * The account as a whole, as its reader meets it: taking all of it away as
 * JSON, deleting it (and what stays behind, and for how long), and choosing
 * which mails come.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { readerPartition } from '../shared/db/keys.js';
import { ledgerRetainedUntil } from '../shared/readers/account-deletion.js';
import { saveSubscription } from '../shared/subscriptions/subscription-store.js';
import { verificationToken } from '../shared/readers/email-verification.js';
import { confirmationToken } from '../shared/newsletters/newsletter-links.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
let clock = new Date('2026-11-30T09:00:00Z');
const json = async (response: Response) => (await response.json()) as Record<string, any>;
const send = (method: string, path: string, auth: Record<string, string>, body?: unknown) =>
  stack.request(path, { method, headers: { ...auth, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  stack = await createTestStack({ now: () => clock });
});

/** A reader with some of everything: an unlock, a trial, a post, a like, follows both ways, a block, purchased points. */
async function busyReader(handle: string) {
  const { auth: publisherAuth, ids } = await stack.publisherWithArticles(`${handle}-pub`, 2, {
    settings: { articlePrice: 30, freeArticlesPerMonth: 1 },
    plans: [{ planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 290, trialDays: 30 }],
  });
  const me = await stack.signUp(handle);
  const friend = await stack.signUp(`${handle}_friend`);
  const pest = await stack.signUp(`${handle}_pest`);
  await send('POST', '/v1/me/wallet/dev-top-up', me.auth, { points: 200 });
  expect((await send('POST', `/v1/articles/${ids[0]}/unlock`, me.auth)).status).toBe(200);
  expect((await send('POST', `/v1/articles/${ids[1]}/unlock`, me.auth)).status).toBe(200);
  expect((await send('POST', `/v1/publishers/${handle}-pub/trial`, me.auth, {})).status).toBe(201);
  const mine = await json(await send('POST', '/v1/posts', me.auth, { text: 'My thoughts on this one', articleId: ids[0] }));
  const theirs = await json(await send('POST', '/v1/posts', friend.auth, { text: 'A friend writes' }));
  const reply = await json(await send('POST', '/v1/posts', friend.auth, { text: 'A reply to my friend', replyTo: mine.post.postId }));
  expect((await send('POST', `/v1/posts/${theirs.post.postId}/like`, me.auth)).status).toBeLessThan(300);
  expect((await send('POST', '/v1/follows', me.auth, { publisher: `${handle}-pub` })).status).toBe(201);
  expect((await send('POST', '/v1/follows', me.auth, { handle: `${handle}_friend` })).status).toBe(201);
  expect((await send('POST', '/v1/follows', friend.auth, { handle })).status).toBe(201);
  expect((await send('POST', '/v1/blocks', me.auth, { handle: `${handle}_pest` })).status).toBe(201);
  // A confirmed newsletter subscription (the confirmation link's token, as the mail would carry it).
  await send('POST', '/v1/publisher/newsletters', publisherAuth, { key: 'daily', name: 'Daily', sendTime: '07:00', timeZone: 'UTC', frequency: 'daily' });
  expect((await send('POST', `/v1/newsletters/${handle}-pub.daily/subscribe`, me.auth)).status).toBe(202);
  const { userId } = (await json(await stack.request('/v1/me', { headers: me.auth }))) as { userId: string };
  await send('POST', `/v1/newsletters/${handle}-pub.daily/confirm`, {}, { token: confirmationToken(stack.deps.config.jwtSecret, userId, `${handle}-pub.daily`, clock) });
  return { me, friend, pest, publisherAuth, ids, myPostId: mine.post.postId as string, theirPostId: theirs.post.postId as string, replyId: reply.post.postId as string };
}

describe('exporting the account', () => {
  it('gives the reader everything postwire keeps about them, as a JSON file, and nothing of the system’s secrets', async () => {
    const { me, ids, myPostId, theirPostId } = await busyReader('exporter');
    const response = await stack.request('/v1/me/export', { headers: me.auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="postwire-account-2026-11-30\.json"$/);
    const data = await json(response);
    expect(data.profile).toMatchObject({ handle: 'exporter', email: 'exporter@readers.example', emailVerifiedAt: expect.any(String) });
    expect(data.wallet).toEqual({ balance: 50 + 200 - 30, promotional: 20 });
    expect(data.ledger.map((entry: any) => entry.kind).sort()).toEqual(['starter', 'topup', 'unlock'].sort());
    expect(data.library.map((entry: any) => [entry.articleId, entry.via]).sort()).toEqual([[ids[0], 'meter'], [ids[1], 'points']].sort());
    expect(data.subscriptions).toEqual([expect.objectContaining({ publisherSlug: 'exporter-pub', kind: 'trial', status: 'trialing' })]);
    expect(data.freeArticlesUsed).toEqual([{ publisherSlug: 'exporter-pub', month: '2026-11', used: 1 }]);
    expect(data.posts).toEqual([expect.objectContaining({ postId: myPostId, text: 'My thoughts on this one', articleId: ids[0] })]);
    expect(data.follows).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'publisher', id: 'exporter-pub' }), expect.objectContaining({ kind: 'reader' })]));
    expect(data.likes).toEqual([{ postId: theirPostId, likedAt: clock.toISOString() }]);
    expect(data.blocked).toHaveLength(1);
    expect(data.newsletters).toEqual([expect.objectContaining({ newsletterId: 'exporter-pub.daily', status: 'active', confirmedAt: clock.toISOString() })]);
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/passwordHash|"PK"|"SK"|GSI1PK|sessionsValidAfter/);
  });

  it('is for the signed-in reader only, and a few times an hour', async () => {
    expect((await stack.request('/v1/me/export')).status).toBe(401);
    const { auth } = await stack.signUp('export_often');
    for (let i = 0; i < 5; i++) expect((await stack.request('/v1/me/export', { headers: auth })).status).toBe(200);
    expect((await stack.request('/v1/me/export', { headers: auth })).status).toBe(429);
  });
});

describe('deleting the account', () => {
  it('needs the password, and refuses to swallow purchased points or leave a subscription renewing without saying so', async () => {
    const { me } = await busyReader('careful');
    const wrong = await send('DELETE', '/v1/me', me.auth, { password: 'not my password at all' });
    expect(wrong.status).toBe(401);
    expect((await send('DELETE', '/v1/me', me.auth, {})).status).toBe(400);

    const refused = await send('DELETE', '/v1/me', me.auth, { password: PASSWORD });
    expect(refused.status).toBe(409);
    expect((await json(refused)).error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/200 purchased points/), details: { purchasedPoints: 200, renewingSubscriptions: [] } });

    const { userId } = (await json(await stack.request('/v1/me', { headers: me.auth }))) as { userId: string };
    await saveSubscription(stack.deps.db, userId, { publisherSlug: 'careful-pub', planId: 'monthly', kind: 'paid', status: 'active', currentPeriodEnd: '2026-12-30T09:00:00.000Z', cancelAtPeriodEnd: false, stripeSubscriptionId: 'sub_careful', updatedAt: clock.toISOString() }, clock);
    const renewing = await send('DELETE', '/v1/me', me.auth, { password: PASSWORD, forfeitPoints: true });
    expect(renewing.status).toBe(409);
    expect((await json(renewing)).error.details).toEqual({ purchasedPoints: 0, renewingSubscriptions: ['careful-pub'] });
    // Nothing was touched by the refusals.
    expect(await json(await stack.request('/v1/me', { headers: me.auth }))).toMatchObject({ handle: 'careful', balance: 220 });
  });

  it('removes the person and their graph, keeps their threads readable, and keeps the ledger pseudonymous until its retention ends', async () => {
    const { me, pest, publisherAuth, myPostId, theirPostId, replyId } = await busyReader('leaver');
    const { userId } = (await json(await stack.request('/v1/me', { headers: me.auth }))) as { userId: string };
    const counts = async (handle: string) => json(await stack.request(`/v1/users/${handle}`));
    expect(await counts('leaver_friend')).toMatchObject({ followerCount: 1, followingCount: 1 });

    const deleted = await send('DELETE', '/v1/me', me.auth, { password: PASSWORD, forfeitPoints: true });
    expect(deleted.status).toBe(200);
    expect(await json(deleted)).toEqual({ deleted: true, forfeitedPoints: 220 });

    // The account is gone: its token, its login, its profile.
    expect((await stack.request('/v1/me', { headers: me.auth })).status).toBe(401);
    expect((await send('POST', '/v1/auth/login', {}, { email: 'leaver@readers.example', password: PASSWORD })).status).toBe(401);
    expect((await stack.request('/v1/users/leaver')).status).toBe(404);
    // Its graph is gone, with every count exact.
    expect(await counts('leaver_friend')).toMatchObject({ followerCount: 0, followingCount: 0 });
    expect((await json(await stack.request(`/v1/posts/${theirPostId}`))).post.likeCount).toBe(0);
    expect((await json(await stack.request('/v1/publishers/leaver-pub/followers'))).items).toEqual([]);
    expect((await json(await stack.request('/v1/publisher/newsletters', { headers: publisherAuth }))).items[0].subscriberCount).toBe(0);
    // Its post stays in the thread, by "deleted account", without its words; the friend's reply is untouched.
    const tombstone = (await json(await stack.request(`/v1/posts/${myPostId}`))).post;
    expect(tombstone).toMatchObject({ deleted: true, text: '', author: { handle: 'deleted account' } });
    expect(tombstone.articleId).toBeUndefined();
    expect((await json(await stack.request(`/v1/posts/${replyId}`))).post).toMatchObject({ text: 'A reply to my friend' });
    // The blocked reader can follow the handle's next owner: the block went with the account.
    expect((await json(await send('GET', '/v1/me/export', pest.auth))).blocked).toEqual([]);

    // The ledger stays, naming no one, until ten years after its year; the last entry gives up what was left.
    const { Items: left = [] } = await stack.deps.db.doc.send(new QueryCommand({ TableName: stack.deps.db.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': readerPartition(userId) } }));
    const ledger = left.filter((item) => item.type === 'ledger');
    expect(ledger.map((entry) => entry.kind).sort()).toEqual(['account_closed', 'starter', 'topup', 'unlock']);
    expect(ledger.find((entry) => entry.kind === 'account_closed')).toMatchObject({ amount: -220, promoAmount: -20, balanceAfter: 0 });
    expect(ledger.reduce((sum, entry) => sum + (entry.amount as number), 0)).toBe(0);
    expect(ledger.every((entry) => entry.expiresAt === ledgerRetainedUntil('2026-11-30T09:00:00Z'))).toBe(true);
    expect(new Date(ledgerRetainedUntil('2026-11-30T09:00:00Z') * 1000).toISOString()).toBe('2037-01-01T00:00:00.000Z');
    const others = left.filter((item) => item.type !== 'ledger');
    expect(others).toEqual([expect.objectContaining({ SK: 'PROFILE', type: 'deleted_reader', deletedAt: clock.toISOString() })]);
    expect(JSON.stringify(left)).not.toMatch(/leaver@readers|"leaver"/);

    // The handle and the address are free again, but the address's starter points were had.
    const again = await json(await send('POST', '/v1/auth/signup', {}, { email: 'leaver@readers.example', password: PASSWORD, handle: 'leaver' }));
    const confirmed = await json(await send('POST', '/v1/auth/verify-email', {}, { token: verificationToken(stack.deps.config.jwtSecret, again.user.userId, 'leaver@readers.example', clock) }));
    expect(confirmed).toMatchObject({ verified: true, starterPoints: 0 });
    const { Item: oldProfile } = await stack.deps.db.doc.send(new GetCommand({ TableName: stack.deps.db.tableName, Key: { PK: readerPartition(userId), SK: 'PROFILE' } }));
    expect(oldProfile?.type).toBe('deleted_reader');
  });
});

describe('mail preferences', () => {
  it('are every kind until the reader turns newsletters off, and come back as saved', async () => {
    const { auth } = await stack.signUp('chooser');
    expect(await json(await stack.request('/v1/me/mail-preferences', { headers: auth }))).toEqual({ newsletters: true });
    expect(await json(await send('PUT', '/v1/me/mail-preferences', auth, { newsletters: false }))).toEqual({ newsletters: false });
    expect(await json(await stack.request('/v1/me/mail-preferences', { headers: auth }))).toEqual({ newsletters: false });
    expect((await json(await stack.request('/v1/me', { headers: auth }))).mailPreferences).toEqual({ newsletters: false });
    expect((await send('PUT', '/v1/me/mail-preferences', auth, { newsletters: 'no' })).status).toBe(400);
  });
});
