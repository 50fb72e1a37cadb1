/**
 * Proving a password: for signing in, and before what a stolen token alone
 * must not do (deleting the account, moving its address). Every attempt takes
 * its numbered slot first, so past LOGIN_FAILURE_LIMIT failures in the window
 * every attempt is refused, right password or not; an unknown address costs a
 * full hash check too (against a decoy made on first need: scrypt is
 * deliberately slow), so timing does not reveal which addresses have accounts.
 */
import type { Db } from '../db/client.js';
import { RateLimited, Unauthorized } from '../errors.js';
import { releaseLoginAttempts, takeLoginAttempt } from './login-attempts.js';
import { decoyHash, verifyPassword } from './password.js';
import { findLogin, type LoginRecord } from './reader-store.js';

/** Failed attempts per address before we stop checking passwords for a while. */
export const LOGIN_FAILURE_LIMIT = 5;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

export interface PasswordRefusals {
  /** The 401's sentence. */
  wrong: string;
  /** The 429's sentence. */
  tooMany: string;
}

export class PasswordCheck {
  private decoy: Promise<string> | undefined;

  constructor(
    private readonly db: Db,
    private readonly hashCost: number,
  ) {}

  /**
   * Runs `then` with the address's login once the password is proven, beside
   * clearing the address's failed attempts, and answers what it answers.
   */
  async proven<T>(email: string, password: string, now: Date, refusals: PasswordRefusals, then: (login: LoginRecord) => Promise<T>): Promise<T> {
    const [login, { attempt, windowEndsAt }] = await Promise.all([findLogin(this.db, email), takeLoginAttempt(this.db, email, now, LOGIN_WINDOW_SECONDS)]);
    if (attempt > LOGIN_FAILURE_LIMIT) throw new RateLimited(refusals.tooMany, Math.max(1, windowEndsAt - Math.floor(now.getTime() / 1000)));
    const valid = await verifyPassword(password, login?.passwordHash ?? (await (this.decoy ??= decoyHash(this.hashCost))));
    if (!login || !valid) throw new Unauthorized(refusals.wrong);
    const [result] = await Promise.all([then(login), releaseLoginAttempts(this.db, email)]);
    return result;
  }
}
