/**
 * Domain errors. Each carries the HTTP status and code of the public contract;
 * the API maps them to responses in exactly one place (api/error-handler.ts).
 */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 402 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  constructor(message: string, details?: unknown) {
    super(400, 'validation_failed', message, details);
  }
}

export class Unauthorized extends DomainError {
  constructor(message = 'A valid bearer token is required.') {
    super(401, 'unauthorized', message);
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'This credential may not do that.') {
    super(403, 'forbidden', message);
  }
}

export class NotFound extends DomainError {
  constructor(what: string) {
    super(404, 'not_found', `${what} was not found.`);
  }
}

/**
 * Payments before the operator has set up Stripe (docs/OPERATIONS.md, "Turning
 * on payments"). Nothing was charged or changed; the same request works once
 * Stripe is set up, which a running function notices within a minute.
 */
export class PaymentsNotConfigured extends DomainError {
  readonly retryAfterSeconds = 60;
  constructor() {
    super(503, 'payments_not_configured', 'Payments are not available yet: card payments have not been set up on this postwire. Nothing was charged or changed; please try again later.');
  }
}

export class Conflict extends DomainError {
  constructor(message: string, details?: unknown) {
    super(409, 'conflict', message, details);
  }
}

export class PayloadTooLarge extends DomainError {
  constructor(limitBytes: number) {
    super(413, 'payload_too_large', `The request body is larger than ${limitBytes} bytes.`);
  }
}

export class UnsupportedMediaType extends DomainError {
  constructor(message: string) {
    super(415, 'unsupported_media_type', message);
  }
}

/** The document could not be read as a feed; `reason` says why in a sentence. */
export class UnprocessableFeed extends DomainError {
  constructor(reason: string) {
    super(422, 'unprocessable_feed', reason);
  }
}

export class InsufficientPoints extends DomainError {
  constructor(price: number, balance: number, message = `Unlocking costs ${price} points; the wallet holds ${balance}.`, extra: Record<string, number> = {}) {
    super(402, 'insufficient_points', message, { price, balance, ...extra });
  }
}

export class RateLimited extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'rate_limited', message, { retryAfterSeconds });
  }
}

/**
 * Too many writers on one item at this moment (a hot counter, a burst on one
 * account): nothing was changed, and the same request will very likely succeed
 * in a moment. Every path that gives up under contention throws this one error,
 * so clients see one retryable answer: 503 with Retry-After.
 */
export class Contention extends DomainError {
  readonly retryAfterSeconds = 1;
  constructor(message = 'Too many changes to the same item at this moment; nothing was changed, please retry.') {
    super(503, 'contention', message);
  }
}

/** An Idempotency-Key already used for another request (method, path, query or body differ). */
export class IdempotencyKeyReused extends DomainError {
  constructor() {
    super(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was already used for a different request (method, path or body); use a new key for a new request.',
    );
  }
}
