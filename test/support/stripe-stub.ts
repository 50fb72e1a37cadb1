/**
 * A local stand-in for the Stripe API, reached by the real Stripe SDK over HTTP.
 * It answers the calls postwire makes (create a Checkout Session or a Price,
 * retrieve, update and cancel a subscription, refund a payment, find a
 * payment's invoice) and lets tests set what Stripe "currently" holds. Every request's form is kept for tests to read.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StripeStub {
  baseUrl: string;
  sessions: Array<Record<string, string>>;
  /** Every subscription update, as the form Stripe received. */
  subscriptionUpdates: Array<{ id: string; form: Record<string, string> }>;
  prices: Array<Record<string, string>>;
  /** Connect accounts made, and transfers sent to them. */
  accounts: Array<Record<string, string>>;
  transfers: Array<{ id: string; amount: number; destination: string; transferGroup: string }>;
  /** Refunds made through the API, with the Idempotency-Key they were made under. */
  refunds: Array<{ id: string; paymentIntent: string; amount: number; idempotencyKey: string | undefined }>;
  subscription(id: string): StubSubscription | undefined;
  setSubscription(subscription: StubSubscription): void;
  /** A payment intent as Stripe holds it: its amount, and the metadata Checkout gave it. */
  setPaymentIntent(intent: { id: string; amount: number; metadata?: Record<string, string> }): void;
  /** Says the payment intent paid an invoice of this subscription. */
  setInvoicePayment(paymentIntentId: string, subscriptionId: string): void;
  close(): Promise<void>;
}

export interface StubSubscription {
  id: string;
  status: string;
  currentPeriodEnd: Date;
  cancelAtPeriodEnd?: boolean;
  metadata: Record<string, string>;
}

function subscriptionJson(subscription: StubSubscription) {
  const end = Math.floor(subscription.currentPeriodEnd.getTime() / 1000);
  return {
    id: subscription.id,
    object: 'subscription',
    status: subscription.status,
    cancel_at_period_end: subscription.cancelAtPeriodEnd ?? false,
    ended_at: subscription.status === 'canceled' ? end : null,
    metadata: subscription.metadata,
    items: { object: 'list', data: [{ id: `si_${subscription.id}`, object: 'subscription_item', current_period_end: end, current_period_start: end - 30 * 86400 }] },
  };
}

export async function startStripeStub(): Promise<StripeStub> {
  const sessions: Array<Record<string, string>> = [];
  const prices: Array<Record<string, string>> = [];
  const subscriptionUpdates: Array<{ id: string; form: Record<string, string> }> = [];
  const accounts: Array<Record<string, string>> = [];
  const transfers: StripeStub['transfers'] = [];
  /** Idempotency-Key → the answer first given for it, as Stripe replays it. */
  const replies = new Map<string, unknown>();
  const subscriptions = new Map<string, StubSubscription>();
  const intents = new Map<string, { id: string; amount: number; metadata: Record<string, string> }>();
  const invoiceOfIntent = new Map<string, string>();
  const refunds: StripeStub['refunds'] = [];
  const server = http.createServer(async (request, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const form = Object.fromEntries(new URLSearchParams(body));
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'request-id': 'req_stub' });
      response.end(JSON.stringify(payload));
    };
    const path = request.url ?? '';
    if (!request.headers.authorization?.startsWith('Bearer sk_')) return send(401, { error: { type: 'invalid_request_error', message: 'No API key' } });
    if (request.method === 'POST' && path === '/v1/checkout/sessions') {
      const id = `cs_test_${sessions.length + 1}`;
      sessions.push({ id, ...form });
      const metadata = Object.fromEntries(Object.entries(form).filter(([key]) => key.startsWith('metadata[')).map(([key, value]) => [key.slice(9, -1), value]));
      return send(200, { id, object: 'checkout.session', mode: form.mode, url: `https://checkout.stripe.test/pay/${id}`, metadata, payment_status: 'unpaid' });
    }
    const idempotencyKey = request.headers['idempotency-key'] as string | undefined;
    if (request.method === 'POST' && idempotencyKey && replies.has(idempotencyKey)) return send(200, replies.get(idempotencyKey));
    const remember = (payload: unknown) => {
      if (request.method === 'POST' && idempotencyKey) replies.set(idempotencyKey, payload);
      return send(200, payload);
    };
    if (request.method === 'POST' && path === '/v1/accounts') {
      const id = `acct_test_${accounts.length + 1}`;
      accounts.push({ id, ...form });
      return remember({ id, object: 'account', type: form.type, payouts_enabled: false, details_submitted: false, metadata: { publisherSlug: form['metadata[publisherSlug]'] } });
    }
    if (request.method === 'POST' && path === '/v1/account_links') {
      return remember({ object: 'account_link', url: `https://connect.stripe.test/setup/${form.account}`, expires_at: Math.floor(Date.now() / 1000) + 300 });
    }
    if (request.method === 'POST' && path === '/v1/transfers') {
      const transfer = { id: `tr_test_${transfers.length + 1}`, amount: Number(form.amount), destination: form.destination!, transferGroup: form.transfer_group! };
      transfers.push(transfer);
      return remember({ id: transfer.id, object: 'transfer', amount: transfer.amount, currency: form.currency, destination: transfer.destination, transfer_group: transfer.transferGroup });
    }
    if (request.method === 'GET' && path.startsWith('/v1/transfers')) {
      const group = new URL(path, 'http://stub').searchParams.get('transfer_group');
      const data = transfers.filter((transfer) => transfer.transferGroup === group).map((transfer) => ({ id: transfer.id, object: 'transfer', amount: transfer.amount, transfer_group: transfer.transferGroup }));
      return send(200, { object: 'list', data, has_more: false, url: '/v1/transfers' });
    }
    if (request.method === 'POST' && path === '/v1/prices') {
      const id = `price_test_${prices.length + 1}`;
      prices.push({ id, ...form });
      return send(200, { id, object: 'price', currency: form.currency, unit_amount: Number(form.unit_amount), recurring: { interval: form['recurring[interval]'] } });
    }
    if (request.method === 'POST' && path === '/v1/refunds') {
      const intent = intents.get(form.payment_intent ?? '');
      if (!intent) return send(404, { error: { type: 'invalid_request_error', message: 'No such payment_intent' } });
      const refund = { id: `re_test_${refunds.length + 1}`, paymentIntent: intent.id, amount: Number(form.amount ?? intent.amount), idempotencyKey };
      refunds.push(refund);
      return remember({ id: refund.id, object: 'refund', amount: refund.amount, payment_intent: intent.id, status: 'succeeded', metadata: {} });
    }
    const intentMatch = path.match(/^\/v1\/payment_intents\/([^/?]+)/);
    if (intentMatch && request.method === 'GET') {
      const intent = intents.get(decodeURIComponent(intentMatch[1]!));
      return intent ? send(200, { object: 'payment_intent', ...intent }) : send(404, { error: { type: 'invalid_request_error', message: 'No such payment_intent' } });
    }
    if (request.method === 'GET' && path.startsWith('/v1/invoice_payments')) {
      const intent = new URL(path, 'http://stub').searchParams.get('payment[payment_intent]') ?? '';
      const data = invoiceOfIntent.has(intent) ? [{ id: `inpay_${intent}`, object: 'invoice_payment', invoice: `in_${intent}` }] : [];
      return send(200, { object: 'list', data, has_more: false, url: '/v1/invoice_payments' });
    }
    const invoiceMatch = path.match(/^\/v1\/invoices\/in_([^/?]+)/);
    if (invoiceMatch && request.method === 'GET') {
      const subscriptionId = invoiceOfIntent.get(decodeURIComponent(invoiceMatch[1]!));
      if (!subscriptionId) return send(404, { error: { type: 'invalid_request_error', message: 'No such invoice' } });
      return send(200, { id: `in_${invoiceMatch[1]}`, object: 'invoice', parent: { type: 'subscription_details', subscription_details: { subscription: subscriptionId } } });
    }
    const match = path.match(/^\/v1\/subscriptions\/([^/?]+)/);
    const subscription = match ? subscriptions.get(decodeURIComponent(match[1]!)) : undefined;
    if (match && !subscription) return send(404, { error: { type: 'invalid_request_error', message: 'No such subscription' } });
    if (subscription && request.method === 'GET') return send(200, subscriptionJson(subscription));
    if (subscription && request.method === 'DELETE') {
      subscriptionUpdates.push({ id: subscription.id, form: { ...form, cancelled: 'now' } });
      subscription.status = 'canceled';
      return send(200, subscriptionJson(subscription));
    }
    if (subscription && request.method === 'POST') {
      subscriptionUpdates.push({ id: subscription.id, form });
      if (form.cancel_at_period_end !== undefined) subscription.cancelAtPeriodEnd = form.cancel_at_period_end === 'true';
      for (const [key, value] of Object.entries(form)) if (key.startsWith('metadata[')) subscription.metadata[key.slice(9, -1)] = value;
      return send(200, subscriptionJson(subscription));
    }
    send(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${request.method} ${path})` } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    sessions,
    prices,
    subscriptionUpdates,
    accounts,
    transfers,
    refunds,
    subscription: (id) => subscriptions.get(id),
    setPaymentIntent: (intent) => intents.set(intent.id, { metadata: {}, ...intent }),
    setInvoicePayment: (paymentIntentId, subscriptionId) => invoiceOfIntent.set(paymentIntentId, subscriptionId),
    setSubscription: (subscription) => subscriptions.set(subscription.id, { ...subscription, metadata: { ...subscription.metadata } }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
