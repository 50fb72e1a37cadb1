/**
 * The mail worker's logic as it runs in AWS, with SMTP to the run's mail
 * catcher standing where SES sends: queued mail goes out, SES's bounce and
 * complaint events (in the shape SES publishes them to SNS) stop further mail
 * to those addresses, and a message that cannot be sent goes back to the queue.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { verificationMail } from '../shared/mail/account-mails.js';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { recordMailEvents, sendQueuedMails } from '../shared/mail/mail-worker.js';
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

    const suppressed = await recordMailEvents(stack.deps.db, [
      { message: sesEvent('Bounce', 'worker_gone@readers.example'), at: '2026-11-30T10:00:02.000Z' },
      { message: sesEvent('Complaint', 'worker_angry@readers.example'), at: '2026-11-30T10:00:02.000Z' },
      { message: sesEvent('Bounce', 'worker_full@readers.example', 'Transient'), at: '2026-11-30T10:00:02.000Z' },
    ]);
    expect(suppressed).toBe(2);

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
    expect(outcome).toEqual({ sent: 1, suppressed: 0, failed: ['broken'] });
    expect(await mailsTo('worker_fine@readers.example')).toHaveLength(1);
    smtp.close();
  });
});
