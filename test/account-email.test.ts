/**
 * Account mail as a reader gets it: through the in-process mail queue, over
 * SMTP, into the run's real mail catcher, read back through its REST API.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verificationToken } from '../shared/readers/email-verification.js';
import { localOutbox } from '../shared/mail/local-outbox.js';
import type { MailMessage, MailTransport } from '../shared/mail/mail-message.js';
import { smtpTransport } from '../shared/mail/smtp-transport.js';
import { verificationMail } from '../shared/mail/account-mails.js';
import { createConsoleLogger } from '../shared/logger.js';
import { buildWebApp } from '../shared/web/web-app.js';
import { createWebDeps } from '../shared/web/web-deps.js';
import { webConfigOf } from '../shared/web/web-config.js';
import { FormClient } from './support/form-client.js';
import { linkIn, mailsTo } from './support/mailbox.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
let clock = new Date('2026-11-30T09:00:00Z');
const json = async (response: Response) => (await response.json()) as Record<string, any>;
const verify = (token: string) => stack.request('/v1/auth/verify-email', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });

beforeAll(async () => {
  stack = await createTestStack({ mail: true, now: () => clock, env: { PUBLIC_URL: 'https://postwire.example' } });
});

describe('confirming the email address', () => {
  it('mails a link at sign-up that confirms the address once, in HTML and plain text, and only then grants the starter points', async () => {
    const ana = await stack.signUp('mail_ana', { confirmed: false });
    await stack.mailSent();
    const [mail, ...more] = await mailsTo('mail_ana@readers.example');
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('Confirm your email address for postwire');
    expect(mail!.from[0]).toMatchObject({ address: 'no-reply@postwire.localhost', name: 'postwire' });
    expect(mail!.text).toContain('Hello @mail_ana');
    expect(mail!.html).toContain('Confirm my address');
    const link = linkIn(mail!, 'https://postwire.example/verify-email?token=');
    expect(mail!.html).toContain(link.href.replaceAll('&', '&amp;'));

    const before = await json(await stack.request('/v1/me', { headers: ana.auth }));
    expect(before.balance).toBe(0);
    expect(before.emailVerifiedAt).toBeUndefined();
    const confirmed = await verify(link.searchParams.get('token')!);
    expect(confirmed.status).toBe(200);
    expect(await json(confirmed)).toEqual({ email: 'mail_ana@readers.example', verified: true, alreadyVerified: false, starterPoints: 50 });
    expect(await json(await stack.request('/v1/me', { headers: ana.auth }))).toMatchObject({ balance: 50, emailVerifiedAt: clock.toISOString() });
    expect(await json(await verify(link.searchParams.get('token')!))).toMatchObject({ alreadyVerified: true, starterPoints: 0 });
    const wallet = await json(await stack.request('/v1/me/wallet', { headers: ana.auth }));
    expect(wallet).toMatchObject({ balance: 50, promotional: 50, entries: [{ kind: 'starter', amount: 50 }] });
    expect(wallet.entries).toHaveLength(1);

    // Confirmed: asking again sends nothing.
    const again = await stack.request('/v1/me/email-verification', { method: 'POST', headers: ana.auth });
    expect(await json(again)).toEqual({ sent: false });
    await stack.mailSent();
    expect(await mailsTo('mail_ana@readers.example')).toHaveLength(1);
  });

  it('refuses a link that was altered, has expired, or names another account’s address', async () => {
    const ben = await stack.signUp('mail_ben', { confirmed: false });
    await stack.mailSent();
    const token = linkIn((await mailsTo('mail_ben@readers.example'))[0]!, 'https://postwire.example/verify-email?token=').searchParams.get('token')!;
    const [payload, signature] = token.split('.');
    const altered = `${Buffer.from(Buffer.from(payload!, 'base64url').toString().replace('mail_ben', 'mail_bex')).toString('base64url')}.${signature}`;
    expect((await json(await verify(altered))).error.message).toMatch(/not valid/);
    const forged = verificationToken('not-the-secret-0123456789abcdef', ben.userId, 'mail_ben@readers.example', clock);
    expect((await verify(forged)).status).toBe(400);

    const later = clock;
    clock = new Date(later.getTime() + 49 * 3600_000);
    const expired = await verify(token);
    expect(expired.status).toBe(400);
    expect((await json(expired)).error.message).toMatch(/expired/);
    clock = later;

    const otherAddress = verificationToken(stack.deps.config.jwtSecret, ben.userId, 'someone-else@readers.example', clock);
    expect((await json(await verify(otherAddress))).error.message).toMatch(/no longer uses/);
    expect((await json(await stack.request('/v1/me', { headers: ben.auth }))).emailVerifiedAt).toBeUndefined();
  });

  it('sends the mail again on request, three times an hour at most', async () => {
    const cy = await stack.signUp('mail_cy', { confirmed: false });
    const resend = () => stack.request('/v1/me/email-verification', { method: 'POST', headers: cy.auth });
    for (let i = 0; i < 3; i++) expect(await json(await resend())).toEqual({ sent: true });
    const refused = await resend();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    await stack.mailSent();
    expect(await mailsTo('mail_cy@readers.example')).toHaveLength(4);
  });

  it('answers the web page at the mail’s link with the outcome', async () => {
    const web = buildWebApp(createWebDeps(webConfigOf(stack.deps.config, 'http://postwire.internal'), createConsoleLogger('test', true), async (request) => stack.app.fetch(request)));
    await stack.signUp('mail_dee', { confirmed: false });
    await stack.mailSent();
    const link = linkIn((await mailsTo('mail_dee@readers.example'))[0]!, 'https://postwire.example/verify-email?token=');
    const page = await web.request(`/verify-email${link.search}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('mail_dee@readers.example</strong> is confirmed');
    const bad = await web.request('/verify-email?token=nonsense-token');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('This link did not work');
  });
});

describe('the mail queue on one machine', () => {
  const logger = createConsoleLogger('test-mail', true);
  const message = (to: string): MailMessage => verificationMail({ to, handle: 'queue', link: 'https://postwire.example/verify-email?token=x', validHours: 48 });

  it('tries a failed send again and delivers it once', async () => {
    const smtp = smtpTransport(inject('smtpUrl'));
    let failures = 2;
    const flaky: MailTransport = {
      async send(mail, from) {
        if (failures-- > 0) throw new Error('421 service not available');
        await smtp.send(mail, from);
      },
    };
    const outbox = localOutbox(flaky, { from: 'postwire <no-reply@postwire.localhost>', perSecond: 100, attempts: 4, retryBaseMs: 10, logger });
    await outbox.enqueue(message('queue_retry@readers.example'));
    await outbox.idle();
    expect(await mailsTo('queue_retry@readers.example')).toHaveLength(1);
    expect(outbox.deadLetters).toHaveLength(0);
    smtp.close();
  });

  it('keeps a mail that fails every time as a dead letter, and goes on with the next', async () => {
    const smtp = smtpTransport(inject('smtpUrl'));
    const picky: MailTransport = {
      async send(mail, from) {
        if (mail.to.startsWith('bounce')) throw new Error('550 mailbox unavailable');
        await smtp.send(mail, from);
      },
    };
    const outbox = localOutbox(picky, { from: 'postwire <no-reply@postwire.localhost>', perSecond: 100, attempts: 3, retryBaseMs: 5, logger });
    await outbox.enqueue(message('bounce_me@readers.example'));
    await outbox.enqueue(message('queue_next@readers.example'));
    await outbox.idle();
    expect(outbox.deadLetters.map((mail) => mail.to)).toEqual(['bounce_me@readers.example']);
    expect(await mailsTo('queue_next@readers.example')).toHaveLength(1);
    smtp.close();
  });
});

describe('resetting a forgotten password', () => {
  const ask = (email: string) => stack.request('/v1/auth/password-reset', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
  const confirm = (token: string, password: string) => stack.request('/v1/auth/password-reset/confirm', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, password }) });
  const login = (email: string, password: string) => stack.request('/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const resetLink = async (address: string) => {
    await stack.mailSent();
    const mails = (await mailsTo(address)).filter((mail) => mail.subject === 'Reset your postwire password');
    return linkIn(mails.at(-1)!, 'https://postwire.example/reset-password?token=').searchParams.get('token')!;
  };

  it('answers the same for an address with an account and one without, and mails only the account', async () => {
    await stack.signUp('reset_eve');
    const known = await ask('reset_eve@readers.example');
    const unknown = await ask('nobody_here@readers.example');
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await json(known)).toEqual(await json(unknown));
    await stack.mailSent();
    expect((await mailsTo('reset_eve@readers.example')).map((mail) => mail.subject)).toContain('Reset your postwire password');
    expect(await mailsTo('nobody_here@readers.example')).toHaveLength(0);
  });

  it('sets the new password with the link once, and ends every session the account had', async () => {
    const fay = await stack.signUp('reset_fay');
    const otherDevice = await json(await login('reset_fay@readers.example', 'correct horse battery'));
    await ask('reset_fay@readers.example');
    const token = await resetLink('reset_fay@readers.example');

    const done = await confirm(token, 'a brand new passphrase');
    expect(done.status).toBe(200);
    const fresh = await json(done);
    expect(fresh.user.handle).toBe('reset_fay');
    // Both earlier sessions are over; the one the reset opened works.
    for (const auth of [fay.auth, { authorization: `Bearer ${otherDevice.token}` }]) {
      const refused = await stack.request('/v1/me', { headers: auth });
      expect(refused.status).toBe(401);
      expect((await json(refused)).error.message).toMatch(/session was ended/);
    }
    expect((await stack.request('/v1/me', { headers: { authorization: `Bearer ${fresh.token}` } })).status).toBe(200);
    expect((await login('reset_fay@readers.example', 'correct horse battery')).status).toBe(401);
    expect((await login('reset_fay@readers.example', 'a brand new passphrase')).status).toBe(200);

    const again = await confirm(token, 'yet another passphrase');
    expect(again.status).toBe(400);
    expect((await json(again)).error.message).toMatch(/used already/);
  });

  it('works in the web app with JavaScript off: the form, the mail, the link, a new password, signed in', async () => {
    await stack.signUp('reset_hal');
    const web = buildWebApp(createWebDeps(webConfigOf(stack.deps.config, 'http://postwire.internal'), createConsoleLogger('test', true), async (request) => stack.app.fetch(request)));
    const browser = new FormClient(async (path, init) => web.request(path, init));
    expect((await browser.get('/login')).html).toContain('href="/forgot-password"');
    expect((await browser.get('/forgot-password')).status).toBe(200);
    const asked = await browser.post('/forgot-password', { email: 'reset_hal@readers.example' });
    expect(asked.status).toBe(303);
    expect((await browser.get(asked.headers.get('location')!)).html).toContain('a link to choose a new password is on its way');

    const token = await resetLink('reset_hal@readers.example');
    const form = await browser.get(`/reset-password?token=${encodeURIComponent(token)}`);
    expect(form.html).toContain('Choose a new password');
    const set = await browser.post('/reset-password', { token, password: 'hal chose this one' });
    expect(set.status).toBe(303);
    const home = await browser.get(set.headers.get('location')!);
    expect(home.html).toContain('Your new password is set');
    expect(home.html).toContain('@reset_hal');
    expect((await login('reset_hal@readers.example', 'hal chose this one')).status).toBe(200);

    // The same link again: the form says why it failed.
    await browser.get(`/reset-password?token=${encodeURIComponent(token)}`);
    const reused = await browser.post('/reset-password', { token, password: 'hal chose another' });
    expect(reused.status).toBe(400);
    expect(await reused.text()).toContain('used already');
  });

  it('refuses a link after 30 minutes, and more than three requests an hour for one address', async () => {
    await stack.signUp('reset_gus');
    await ask('reset_gus@readers.example');
    const token = await resetLink('reset_gus@readers.example');
    const asked = clock;
    clock = new Date(asked.getTime() + 31 * 60_000);
    const late = await confirm(token, 'too late a passphrase');
    expect(late.status).toBe(400);
    expect((await json(late)).error.message).toMatch(/expired/);
    expect((await login('reset_gus@readers.example', 'correct horse battery')).status).toBe(200);
    clock = asked;

    await ask('reset_gus@readers.example');
    await ask('reset_gus@readers.example');
    const fourth = await ask('reset_gus@readers.example');
    expect(fourth.status).toBe(429);
    // The limit counts the address, account or not: it reveals nothing either.
    for (let i = 0; i < 3; i++) await ask('reset_nobody@readers.example');
    expect((await ask('reset_nobody@readers.example')).status).toBe(429);
  });
});

describe('the account-mail endpoints refuse what they cannot use', () => {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    stack.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('answer malformed requests with a 400 naming the field, and changing nothing', async () => {
    for (const [path, body, field] of [
      ['/v1/auth/verify-email', {}, 'token'],
      ['/v1/auth/password-reset', { email: 'not an address' }, 'email'],
      ['/v1/auth/password-reset/confirm', { token: 'x'.repeat(43), password: 'short' }, 'password'],
    ] as const) {
      const response = await post(path, body);
      expect(response.status, path).toBe(400);
      expect(JSON.stringify((await json(response)).error), path).toContain(field);
    }
  });

  it('send the confirmation mail again only for a signed-in reader', async () => {
    const { auth: publisherKey } = await stack.createPublisher('mail-authz');
    for (const headers of [{}, publisherKey, { authorization: 'Bearer not.a.token' }]) {
      expect((await post('/v1/me/email-verification', {}, headers)).status).toBe(401);
    }
  });
});

describe('changing the address', () => {
  const change = (auth: Record<string, string>, newEmail: string, password = 'correct horse battery') =>
    stack.request('/v1/me/email-change', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ newEmail, password }) });
  const confirmChange = (token: string) => stack.request('/v1/auth/email-change/confirm', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
  const login = (email: string) => stack.request('/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'correct horse battery' }) });
  const changeLink = async (address: string, subject: RegExp) => {
    await stack.mailSent();
    const mail = (await mailsTo(address)).filter((found) => subject.test(found.subject)).at(-1)!;
    return linkIn(mail, 'https://postwire.example/confirm-email-change?token=').searchParams.get('token')!;
  };

  it('happens only when both the old and the new address agree, and moves the login with it', async () => {
    const ivy = await stack.signUp('move_ivy');
    const started = await change(ivy.auth, 'Ivy.New@Readers.example');
    expect(started.status).toBe(202);
    expect(await json(started)).toEqual({ sentTo: ['ivy.new@readers.example', 'move_ivy@readers.example'] });
    const fromNew = await changeLink('ivy.new@readers.example', /new address/);
    const fromOld = await changeLink('move_ivy@readers.example', /Agree to the change/);
    expect((await mailsTo('move_ivy@readers.example')).at(-1)!.text).toContain('ivy.new@readers.example');

    // The new side alone changes nothing.
    expect(await json(await confirmChange(fromNew))).toEqual({ side: 'new', changed: false, email: 'move_ivy@readers.example', newEmail: 'ivy.new@readers.example', starterPoints: 0 });
    expect((await login('move_ivy@readers.example')).status).toBe(200);
    expect((await json(await confirmChange(fromNew))).changed).toBe(false);

    // The old side completes it.
    expect(await json(await confirmChange(fromOld))).toMatchObject({ side: 'old', changed: true, email: 'ivy.new@readers.example' });
    expect((await login('move_ivy@readers.example')).status).toBe(401);
    expect((await login('ivy.new@readers.example')).status).toBe(200);
    expect(await json(await stack.request('/v1/me', { headers: ivy.auth }))).toMatchObject({ email: 'ivy.new@readers.example', emailVerifiedAt: clock.toISOString(), balance: 50 });
    // Both links are used up.
    expect((await confirmChange(fromOld)).status).toBe(400);
    expect((await confirmChange(fromNew)).status).toBe(400);
    // The old address is free for someone else.
    expect((await stack.request('/v1/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'move_ivy@readers.example', password: 'correct horse battery', handle: 'move_ivy2' }) })).status).toBe(201);
  });

  it('asks only the new address when the old one was never confirmed, and then grants the starter points', async () => {
    const jon = await stack.signUp('move_jon', { confirmed: false });
    expect(await json(await change(jon.auth, 'jon.right@readers.example'))).toEqual({ sentTo: ['jon.right@readers.example'] });
    const token = await changeLink('jon.right@readers.example', /new address/);
    // Opened from the mail, as the reader does: the page says what happened.
    const web = buildWebApp(createWebDeps(webConfigOf(stack.deps.config, 'http://postwire.internal'), createConsoleLogger('test', true), async (request) => stack.app.fetch(request)));
    const page = await web.request(`/confirm-email-change?token=${encodeURIComponent(token)}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Your account now uses <strong>jon.right@readers.example</strong>');
    expect(html).toContain('50 starter points are in your wallet');
    expect((await web.request(`/confirm-email-change?token=${encodeURIComponent(token)}`)).status).toBe(400);
    expect(await json(await stack.request('/v1/me', { headers: jon.auth }))).toMatchObject({ email: 'jon.right@readers.example', balance: 50 });
  });

  it('refuses without the password, to a taken address, after expiry, and with a link a newer request replaced', async () => {
    const kim = await stack.signUp('move_kim');
    await stack.signUp('move_taken');
    expect((await change(kim.auth, 'kim.new@readers.example', 'not the password at all')).status).toBe(401);
    expect((await change(kim.auth, 'move_taken@readers.example')).status).toBe(409);
    expect((await change(kim.auth, 'move_kim@readers.example')).status).toBe(400);
    // Three requests an hour: this is the third.
    expect((await change(kim.auth, 'kim.first@readers.example')).status).toBe(202);
    expect((await change(kim.auth, 'kim.third@readers.example')).status).toBe(429);

    const lea = await stack.signUp('move_lea');
    await change(lea.auth, 'kim.first@readers.example');
    const replaced = await changeLink('kim.first@readers.example', /new address/);
    await change(lea.auth, 'kim.second@readers.example');
    expect((await json(await confirmChange(replaced))).error.message).toMatch(/replaced/);

    const second = await changeLink('kim.second@readers.example', /new address/);
    const later = clock;
    clock = new Date(later.getTime() + 25 * 3600_000);
    expect((await json(await confirmChange(second))).error.message).toMatch(/expired/);
    clock = later;
    expect((await json(await stack.request('/v1/me', { headers: lea.auth }))).email).toBe('move_lea@readers.example');
    expect((await confirmChange('bm9ib2R5.new.forged-secret-forged-secret')).status).toBe(400);
  });
});
