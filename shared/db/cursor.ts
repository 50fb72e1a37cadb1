/**
 * Opaque, tamper-evident pagination cursors: the DynamoDB LastEvaluatedKey,
 * bound to the listing it came from and signed with HMAC-SHA256. A forged,
 * edited or foreign cursor is a 400, never a scan from an arbitrary key.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ValidationFailed } from '../errors.js';

export type PageKey = Record<string, unknown>;

export class CursorCodec {
  constructor(private readonly secret: string) {}

  encode(scope: string, key: PageKey | undefined): string | null {
    if (!key) return null;
    const payload = Buffer.from(JSON.stringify(key)).toString('base64url');
    return `${payload}.${this.sign(scope, payload)}`;
  }

  decode(scope: string, cursor: string | undefined): PageKey | undefined {
    if (!cursor) return undefined;
    const [payload, signature, extra] = cursor.split('.');
    if (!payload || !signature || extra !== undefined || !this.verify(scope, payload, signature)) throw invalid();
    try {
      const key = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
      if (!key || typeof key !== 'object' || Array.isArray(key)) throw invalid();
      return key as PageKey;
    } catch {
      throw invalid();
    }
  }

  private sign(scope: string, payload: string): string {
    return createHmac('sha256', this.secret).update(`${scope}\n${payload}`).digest('base64url');
  }

  private verify(scope: string, payload: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(scope, payload));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

const invalid = () =>
  new ValidationFailed('The cursor is not valid for this listing.', [{ field: 'cursor', message: 'not a cursor issued for this listing' }]);
