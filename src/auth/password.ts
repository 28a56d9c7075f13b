/**
 * Password hashing with Node's built-in scrypt (no native add-on).
 *
 * Stored form: `scrypt$<log2 N>$<r>$<p>$<salt base64>$<key base64>`, so parameters can be raised
 * later and old hashes still verify. Defaults: N = 2^15, r = 8, p = 1 (about 32 MiB and tens of
 * milliseconds per hash), a 16-byte random salt, a 32-byte key, compared in constant time.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** log2 of the CPU/memory cost N. */
  logN: number;
  r: number;
  p: number;
}

/** The parameters new passwords are hashed with. */
export const DEFAULT_SCRYPT: ScryptParams = { logN: 15, r: 8, p: 1 };
const KEY_LEN = 32;
const SALT_LEN = 16;
/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.logN;
  const opts: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LEN, opts, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** Hashes a password for storage. `params` lower than the default only in tests. */
export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_LEN);
  const key = await derive(password, salt, params);
  return ['scrypt', params.logN, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** Checks a password against a stored hash in constant time; false for any malformed hash. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    await derive(password, randomBytes(SALT_LEN), DEFAULT_SCRYPT); // same cost as a real check
    return false;
  }
  const [logN, r, p] = parts.slice(1, 4).map(Number);
  if (![logN, r, p].every((x) => Number.isInteger(x) && x > 0) || logN > 20) return false;
  const salt = Buffer.from(parts[4], 'base64');
  const expected = Buffer.from(parts[5], 'base64');
  const key = await derive(password, salt, { logN, r, p });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
