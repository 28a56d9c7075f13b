import { createHash } from 'node:crypto';

/** SHA-256 in lower-case hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** NUL cannot be stored in PostgreSQL text or jsonb; it is replaced before hashing and storing. */
export function stripNul(s: string): string {
  return s.includes('\u0000') ? s.replace(/\u0000/g, '\uFFFD') : s;
}

/**
 * JSON with object keys sorted at every level, so the same value hashes the same whether it
 * comes from JavaScript or back out of a jsonb column (which reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(stripNul(value));
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(stripNul(k))}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return 'null';
}

/** The fields of an audit event that its hash covers. */
export interface HashedEventBody {
  seq: number;
  at: string;
  actor: string;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  reason: string;
  visibility: string;
}

/** hash = SHA-256(previous hash, newline, canonical JSON of the event). */
export function eventHash(prevHash: string, body: HashedEventBody): string {
  return sha256Hex(`${prevHash}\n${canonicalJson(body)}`);
}

export const GENESIS_HASH = '0'.repeat(64);
