/**
 * Limits of public submissions, stated here and in the API description.
 *
 * Rate limit: a token bucket per client address — {@link SUBMISSION_RATE}: at most 5 submissions
 * in a burst, refilled at 5 per hour (one every 12 minutes). Addresses are never kept: the bucket
 * is keyed by a SHA-256 of the address with a salt drawn at process start, in memory only.
 */
import { createHash, randomBytes } from 'node:crypto';
import { HarmwatchError } from '../errors.ts';

export const SUBMISSION_RATE = { capacity: 5, refillPerHour: 5 } as const;
export const SUBMISSION_LIMITS = {
  /** Characters of the account. */
  textMax: 20_000,
  attachmentsMax: 5,
  /** Bytes of one attachment after base64 decoding. */
  attachmentBytesMax: 5 * 1024 * 1024,
} as const;

const SALT = randomBytes(32);

/** Salted SHA-256 of a client address (the salt lives only in this process). */
export function addressKey(ip: string): string {
  return createHash('sha256').update(SALT).update(ip).digest('hex');
}

interface Bucket {
  tokens: number;
  at: number;
}

/** An in-memory token bucket per key. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  constructor(private readonly capacity: number, private readonly refillPerMs: number, private readonly maxKeys = 100_000) {}

  /** Takes one token for `key`; false when the bucket is empty. */
  take(key: string, now = Date.now()): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    const tokens = Math.min(this.capacity, b.tokens + (now - b.at) * this.refillPerMs);
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return false;
    }
    if (this.buckets.size >= this.maxKeys && !this.buckets.has(key)) this.sweep(now);
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    return true;
  }

  /** Seconds until `key` has a token again. */
  retryAfterS(key: string, now = Date.now()): number {
    const b = this.buckets.get(key);
    if (!b) return 0;
    const tokens = Math.min(this.capacity, b.tokens + (now - b.at) * this.refillPerMs);
    return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / this.refillPerMs / 1000);
  }

  private sweep(now: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) * this.refillPerMs >= this.capacity) this.buckets.delete(k);
    if (this.buckets.size >= this.maxKeys) this.buckets.clear();
  }
}

/** The buckets of the submission endpoints, with the stated rate. */
export function submissionBuckets(): TokenBuckets {
  return new TokenBuckets(SUBMISSION_RATE.capacity, SUBMISSION_RATE.refillPerHour / 3_600_000);
}

/** Takes a token for the caller's address or throws 429 RATE_LIMITED. */
export function takeSubmissionToken(buckets: TokenBuckets, ip: string): string {
  const key = addressKey(ip);
  if (!buckets.take(key)) {
    throw new HarmwatchError('RATE_LIMITED', `at most ${SUBMISSION_RATE.capacity} submissions at once, ${SUBMISSION_RATE.refillPerHour} per hour; try again later`, { retryAfterS: buckets.retryAfterS(key) });
  }
  return key;
}
