/**
 * The mail worker's logic as it runs in AWS, with SMTP to the run's mail
 * catcher standing where SES sends: queued mail goes out, SES's bounce and
 * complaint events (in the shape SES publishes them to SNS) stop further mail
 * to those addresses, and a message that cannot be sent goes back to the queue
 * with the provider's reason. Where SES itself answers, a local HTTP endpoint
 * answers as SES does, so the SDK reads a real error response.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verificationMail } from '../shared/mail/account-mails.js';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { recordMailEvents, sendQueuedMails } from '../shared/mail/mail-worker.js';
import { sesTransport } from '../shared/mail/ses-transport.js';
import { mailsInStream } from '../shared/mail/table-outbox.js';
import { readWholeStream } from './support/table-stream.js';
import { smtpTransport } from '../shared/mail/smtp-transport.js';
import { mailsTo } from './support/mailbox.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
const FROM = 'postwire <no-reply@postwire.localhost>';
const queued = (id: string, to: string) => ({ messageId: id, body: JSON.stringify(verificationMail({ to, handle: 'worker', link: 'https://postwire.example/verify-email?token=t', validHours: 48 })) });
/** An SES event as its configuration set publishes it to SNS. */
const sesEvent = (eventType: 'Bounce' | 'Complaint', recipient: string, bounceType = 'Permanent') =>
  JSON.stringify({
    eventType,
    mail: { timestamp: '2026-11-30T10:00:00.000Z', source: 'no-reply@postwire.example', destination: [recipient], messageId: '0100018c-example' },
    ...(eventType === 'Bounce'
      ? { bounce: { bounceType, bounceSubType: bounceType === 'Permanent' ? 'General' : 'MailboxFull', bouncedRecipients: [{ emailAddress: recipient, action: 'failed', status: '5.1.1' }], timestamp: '2026-11-30T10:00:01.000Z' } }
      : { complaint: { complainedRecipients: [{ emailAddress: recipient }], complaintFeedbackType: 'abuse', timestamp: '2026-11-30T10:00:01.000Z' } }),
  });

beforeAll(async () => {
  stack = await createTestStack({ stream: true, env: { MAIL_OUTBOX: 'table' } });
});

describe('mail in AWS', () => {
  it('goes from the request that makes it into the table, and from the table’s stream to the mail queue, once per mail', async () => {
    await stack.signUp('outbox_ana');
    await stack.signUp('outbox_ben');
    const { db, config } = stack.deps;
    const { Table } = await db.raw.send(new DescribeTableCommand({ TableName: db.tableName }));
    const streams = new DynamoDBStreamsClient({ endpoint: config.dynamoEndpoint, region: config.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const records = (await readWholeStream(streams, Table!.LatestStreamArn!, config.region)).flatMap((shard) => shard.records);
    // The stream carries every write; the worker's filter and mailsInStream keep only new mail items.
    const mails = mailsInStream(records);
    expect(mails.map((mail) => [mail.kind, mail.to])).toEqual([
      ['verify_email', 'outbox_ana@readers.example'],
      ['verify_email', 'outbox_ben@readers.example'],
    ]);
    // As SQS would deliver them to the worker's sending side.
    const smtp = smtpTransport(inject('smtpUrl'));
    const outcome = await sendQueuedMails(db, smtp, FROM, mails.map((mail, i) => ({ messageId: `q${i}`, body: JSON.stringify(mail) })));
    expect(outcome).toEqual({ sent: 2, suppressed: 0, failed: [] });
    expect((await mailsTo('outbox_ana@readers.example'))[0]!.subject).toBe('Confirm your email address for postwire');
    smtp.close();
    streams.destroy();
  });
});

describe('the mail worker', () => {
  it('sends queued mail, and stops mailing addresses that bounced for good or complained', async () => {
    const smtp = smtpTransport(inject('smtpUrl'));
    const first = await sendQueuedMails(stack.deps.db, smtp, FROM, [queued('m1', 'worker_ok@readers.example'), queued('m2', 'worker_gone@readers.example'), queued('m3', 'worker_angry@readers.example'), queued('m4', 'worker_full@readers.example')]);
    expect(first).toEqual({ sent: 4, suppressed: 0, failed: [] });

    const events = await recordMailEvents(stack.deps.db, [
      { messageId: 'e1', body: sesEvent('Bounce', 'worker_gone@readers.example'), at: '2026-11-30T10:00:02.000Z' },
      { messageId: 'e2', body: sesEvent('Complaint', 'worker_angry@readers.example'), at: '2026-11-30T10:00:02.000Z' },
      { messageId: 'e3', body: sesEvent('Bounce', 'worker_full@readers.example', 'Transient'), at: '2026-11-30T10:00:02.000Z' },
    ]);
    expect(events).toEqual({ suppressed: 2, notices: [], unreadable: [] });

    const second = await sendQueuedMails(stack.deps.db, smtp, FROM, [queued('m5', 'worker_ok@readers.example'), queued('m6', 'WORKER_GONE@readers.example'), queued('m7', 'worker_angry@readers.example'), queued('m8', 'worker_full@readers.example')]);
    expect(second).toEqual({ sent: 2, suppressed: 2, failed: [] });
    expect(await mailsTo('worker_ok@readers.example')).toHaveLength(2);
    expect(await mailsTo('worker_gone@readers.example')).toHaveLength(1);
    expect(await mailsTo('worker_angry@readers.example')).toHaveLength(1);
    expect(await mailsTo('worker_full@readers.example')).toHaveLength(2);
    smtp.close();
  });

  it('hands a message it cannot send back to the queue, and sends the rest', async () => {
    const smtp = smtpTransport(inject('smtpUrl'));
    const outcome = await sendQueuedMails(stack.deps.db, smtp, FROM, [{ messageId: 'broken', body: '{"to":' }, queued('fine', 'worker_fine@readers.example')]);
    expect(outcome).toEqual({ sent: 1, suppressed: 0, failed: [{ messageId: 'broken', code: 'Unreadable', message: 'The queue message is not a mail as JSON.' }] });
    expect(await mailsTo('worker_fine@readers.example')).toHaveLength(1);
    smtp.close();
  });

  it('says why SES refused a mail, in SES\'s words, naming the recipient\'s domain but not the address', async () => {
    const ses = await fakeSesEndpoint(400, 'MessageRejected', 'Email address is not verified. The following identities failed the check in region EU-WEST-1: no-reply@postwire.example, worker_unverified@readers.example');
    const client = new SESv2Client({ endpoint: ses.url, region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
    const outcome = await sendQueuedMails(stack.deps.db, sesTransport('postwire-test', client), 'postwire <no-reply@postwire.example>', [queued('refused', 'worker_unverified@readers.example')]);
    expect(outcome.sent).toBe(0);
    expect(outcome.failed).toEqual([
      {
        messageId: 'refused',
        kind: 'verify_email',
        domain: 'readers.example',
        code: 'MessageRejected',
        message: 'Email address is not verified. The following identities failed the check in region EU-WEST-1: no-reply@postwire.example, …@readers.example',
      },
    ]);
    expect(ses.requests).toBe(1);
    client.destroy();
  });
});

describe('SES events', () => {
  it('acknowledges the plain-text note SES publishes when it takes the topic, and hands back a message it cannot read', async () => {
    const outcome = await recordMailEvents(stack.deps.db, [
      { messageId: 'note', body: 'Successfully validated SNS topic for Amazon SES event publishing.', at: '2026-11-30T10:00:00.000Z' },
      { messageId: 'garbled', body: 'not an event', at: '2026-11-30T10:00:00.000Z' },
      { messageId: 'bounce', body: sesEvent('Bounce', 'worker_note@readers.example'), at: '2026-11-30T10:00:00.000Z' },
    ]);
    expect(outcome).toEqual({ suppressed: 1, notices: ['Successfully validated SNS topic for Amazon SES event publishing.'], unreadable: ['garbled'] });
  });
});

const servers: Server[] = [];
afterAll(() => servers.forEach((server) => server.close()));

/** An HTTP endpoint that answers every request as SES answers a refused send (the REST-JSON error shape). */
async function fakeSesEndpoint(status: number, errorType: string, message: string): Promise<{ url: string; requests: number }> {
  const endpoint = { url: '', requests: 0 };
  const server = createServer((request, response) => {
    endpoint.requests++;
    request.resume();
    request.on('end', () => {
      response.writeHead(status, { 'content-type': 'application/json', 'x-amzn-errortype': errorType, 'x-amzn-requestid': 'test-request' });
      response.end(JSON.stringify({ message }));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return endpoint;
}
