/**
 * Confirming that a reader's email address is theirs: a signed link that
 * expires. The token names the account, the address and the expiry, signed
 * with a key derived from the reader-token secret; nothing is stored until the
 * link is used. It confirms that address only: after a change of address an
 * old link no longer applies.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { Db } from '../db/client.js';
import { readerKey } from '../db/keys.js';
import { ValidationFailed } from '../errors.js';
import { readSignedToken, signToken } from '../signed-token.js';

export const VERIFICATION_VALID_HOURS = 48;

interface VerificationClaims {
  userId: string;
  email: string;
  expiresAt: number;
}

const PURPOSE = 'email verification';

export function verificationToken(secret: string, userId: string, email: string, now: Date): string {
  const claims: VerificationClaims = { userId, email: email.toLowerCase(), expiresAt: now.getTime() + VERIFICATION_VALID_HOURS * 3600_000 };
  return signToken(secret, PURPOSE, claims);
}

const invalid = (message: string) => new ValidationFailed(message, [{ field: 'token', message }]);

/** The account and address a token confirms, or a 400 that says why not. */
export function readVerificationToken(secret: string, token: string, now: Date): { userId: string; email: string } {
  const claims = readSignedToken<VerificationClaims>(secret, PURPOSE, token);
  if (!claims) throw invalid('This confirmation link is not valid. Ask for a new one from your account page.');
  if (claims.expiresAt < now.getTime()) throw invalid('This confirmation link has expired. Ask for a new one from your account page.');
  return { userId: claims.userId, email: claims.email };
}

/** Marks the address confirmed, if it is still the account's address; answers whether it was already. */
export async function markEmailVerified(db: Db, userId: string, email: string, now: Date): Promise<{ alreadyVerified: boolean }> {
  try {
    const { Attributes } = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: readerKey(userId),
        UpdateExpression: 'SET emailVerifiedAt = if_not_exists(emailVerifiedAt, :now)',
        ConditionExpression: 'attribute_exists(PK) AND email = :email',
        ExpressionAttributeValues: { ':now': now.toISOString(), ':email': email },
        ReturnValues: 'UPDATED_OLD',
      }),
    );
    return { alreadyVerified: Attributes?.emailVerifiedAt !== undefined };
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) throw invalid('This confirmation link is for an address the account no longer uses.');
    throw error;
  }
}
