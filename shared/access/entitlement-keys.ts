/**
 * Entitlement tokens: short-lived ES256 JWTs that say "this reader may read
 * this article", which a publisher's own servers verify with the public keys
 * at `/.well-known/jwks.json`, without calling postwire.
 *
 * Each signing key is derived from a seed (a random string in a secret), so a
 * key can be created and rotated with nothing but Secrets Manager's own
 * password generator. The first key signs; every listed key is published, so
 * tokens signed by the previous key keep verifying until they expire.
 */
import { createECDH, createHmac, createPrivateKey, sign, type KeyObject } from 'node:crypto';

export interface KeySeed {
  kid: string;
  seed: string;
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string; kid: string; alg: 'ES256'; use: 'sig' };
}

/** The order of P-256's group: a private scalar must lie in [1, n-1]. */
const P256_ORDER = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');

export function deriveSigningKey({ kid, seed }: KeySeed): SigningKey {
  let scalar = createHmac('sha256', 'postwire entitlement signing key').update(seed).digest();
  // A digest at or above the order (a chance of about 2^-32) is hashed again.
  while (BigInt(`0x${scalar.toString('hex')}`) >= P256_ORDER || scalar.every((byte) => byte === 0)) scalar = createHmac('sha256', 'again').update(scalar).digest();
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(scalar);
  const point = ecdh.getPublicKey(); // 0x04 ‖ x ‖ y
  const x = point.subarray(1, 33).toString('base64url');
  const y = point.subarray(33, 65).toString('base64url');
  const privateKey = createPrivateKey({ key: { kty: 'EC', crv: 'P-256', d: scalar.toString('base64url'), x, y }, format: 'jwk' });
  return { kid, privateKey, publicJwk: { kty: 'EC', crv: 'P-256', x, y, kid, alg: 'ES256', use: 'sig' } };
}

/** `{"kid","seed"}` or a list of them, newest (the signing key) first. */
export function parseKeySeeds(value: string): KeySeed[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new Error('ENTITLEMENT_KEYS must be JSON: {"kid":"…","seed":"…"} or a list of them, the signing key first.');
  }
  const seeds = (Array.isArray(parsed) ? parsed : [parsed]) as Array<Partial<KeySeed>>;
  if (seeds.length === 0 || seeds.some((entry) => typeof entry?.kid !== 'string' || !/^[\w.-]{1,64}$/.test(entry.kid) || typeof entry.seed !== 'string' || entry.seed.length < 32)) {
    throw new Error('ENTITLEMENT_KEYS: every key needs a kid (letters, digits, . _ -) and a seed of at least 32 characters.');
  }
  return seeds as KeySeed[];
}

export function signJwt(key: SigningKey, claims: Record<string, unknown>, type = 'JWT'): string {
  const header = Buffer.from(JSON.stringify({ alg: 'ES256', typ: type, kid: key.kid })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  // JWS wants the raw r ‖ s signature, not DER.
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key: key.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/** Keys derived once per process, on first use, so cold starts that sign nothing pay nothing. */
export class EntitlementKeys {
  private keys: SigningKey[] | undefined;

  constructor(private readonly seeds: KeySeed[]) {}

  private all(): SigningKey[] {
    this.keys ??= this.seeds.map(deriveSigningKey);
    return this.keys;
  }

  /** A compact JWS of the claims with the current signing key; `type` is the header's `typ` (receipts say what they are). */
  sign(claims: Record<string, unknown>, type?: string): string {
    return signJwt(this.all()[0]!, claims, type);
  }

  get signingKeyId(): string {
    return this.seeds[0]!.kid;
  }

  jwks(): { keys: SigningKey['publicJwk'][] } {
    return { keys: this.all().map((key) => key.publicJwk) };
  }
}
