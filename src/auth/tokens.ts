import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret for sessions, CSRF tokens and API tokens (32 bytes, base64url). */
export function randomToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** SHA-256 (hex) of a secret: what the database stores instead of the secret. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of two strings (false when lengths differ). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Prefix of API tokens, so they are recognisable in secret scanners. */
export const API_TOKEN_PREFIX = 'hwt_';
