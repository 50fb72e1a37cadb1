/**
 * The mail outbox in AWS: a mail is an item in the table, written by the
 * request that makes it (and, where it matters, in the same transaction as
 * what it is about). The table's stream hands each new mail item to the mail
 * worker, which queues it in SQS for sending. The API thus carries no queue
 * client, and a committed mail is never lost to a function that dies after
 * its write.
 */
import type { AttributeValue as StreamAttributeValue, DynamoDBRecord } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Db } from '../db/client.js';
import { mailOutboxKey } from '../db/keys.js';
import { TTL_ATTRIBUTE } from '../db/table-schema.js';
import type { MailMessage, MailOutbox } from './mail-message.js';

export const MAIL_ITEM_TYPE = 'mail';
/** Kept a week after it was queued, for an operator looking into a mail that did not arrive. */
const KEPT_SECONDS = 7 * 86400;

export function tableOutbox(db: Db, now: () => Date): MailOutbox {
  return {
    async enqueue(message) {
      await db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { ...mailOutboxKey(message.id), type: MAIL_ITEM_TYPE, message: JSON.stringify(message), [TTL_ATTRIBUTE]: Math.floor(now().getTime() / 1000) + KEPT_SECONDS },
        }),
      );
    },
  };
}

/** The mails among these stream records: new mail items, in stream order. */
export function mailsInStream(records: DynamoDBRecord[]): MailMessage[] {
  return records.flatMap((record) => {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || image?.type?.S !== MAIL_ITEM_TYPE) return [];
    const item = unmarshall(image as Record<string, StreamAttributeValue> as Record<string, AttributeValue>);
    return [JSON.parse(item.message as string) as MailMessage];
  });
}
