/**
 * Receives a public submission: the account becomes a `sources` row (type public_submission,
 * status unverified, visibility restricted) with its SHA-256; each attachment (base64 in JSON) is
 * decoded, hashed and stored as bytes in its own source; the optional contact e-mail and name go
 * only to `submission_contacts`. The witness gets a reference code. Nothing is public until an
 * analyst accepts it (./intakeReviewer.ts). The audit event names the source, never the contact.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/types.ts';
import { inputError } from '../errors.ts';
import { SUBMISSION_LIMITS } from './limits.ts';
import { submissionRepository } from './repository.ts';
import type { SubmissionBody } from './schema.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

/** A reference code like `HWS-7K3M-Q9TX` (50 random bits). */
export function newReferenceCode(): string {
  const b = randomBytes(8);
  let s = '';
  for (let i = 0; i < 8; i++) s += ALPHABET[b[i] % 32];
  return `HWS-${s.slice(0, 4)}-${s.slice(4)}`;
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

export interface SubmissionReceipt {
  referenceCode: string;
  received: string;
  /** Null for a honeypot hit (nothing stored). */
  sourceId: number | null;
}

/** Stores one submission. A filled honeypot returns a receipt but stores nothing. */
export async function receiveSubmission(db: Kysely<Database>, input: SubmissionBody, meta: { ipKey: string | null; now?: Date }): Promise<SubmissionReceipt> {
  const now = meta.now ?? new Date();
  const referenceCode = newReferenceCode();
  if (input.website && input.website.trim()) return { referenceCode, received: now.toISOString(), sourceId: null };
  const files = (input.attachments ?? []).map((a, i) => {
    const bytes = Buffer.from(a.contentBase64, 'base64');
    if (bytes.length === 0) throw inputError('INPUT_INVALID', 'attachment is empty', { field: `attachments.${i}` });
    if (bytes.length > SUBMISSION_LIMITS.attachmentBytesMax) throw inputError('INPUT_INVALID', `attachment larger than ${SUBMISSION_LIMITS.attachmentBytesMax} bytes`, { field: `attachments.${i}` });
    return { ...a, bytes };
  });
  const text = input.text;
  const key = `submission:${referenceCode}`;
  const sourceId = await db.transaction().execute(async (tx) => {
    const id = await submissionRepository.insertSource(tx, {
      source_key: key, type: 'public_submission', title: null, language: input.language ?? null,
      captured_at: now, sha256: sha256(Buffer.from(text, 'utf8')), media_type: 'text/plain; charset=utf-8',
      content: Buffer.from(text, 'utf8'), text, proximity: 'direct_witness', visibility: 'restricted', status: 'unverified',
      attributes: JSON.stringify({ place: input.place ?? null, date: input.date ?? null, attachments: files.length }),
    });
    for (const [i, f] of files.entries()) {
      await submissionRepository.insertSource(tx, {
        source_key: `${key}:attachment:${i + 1}`, type: 'public_submission', title: f.filename, captured_at: now,
        sha256: sha256(f.bytes), media_type: f.mediaType, content: f.bytes, visibility: 'restricted', status: 'unverified',
        attributes: JSON.stringify({ submission_source_id: id }),
      });
    }
    await submissionRepository.insertContact(tx, {
      source_id: id, reference_code: referenceCode, contact_email: input.contactEmail ?? null, submitter_name: input.name ?? null, ip_hash: meta.ipKey,
    });
    await recordAudit({ actor: 'public', reason: 'public submission', tx }, {
      action: 'submission.received', targetType: 'source', targetId: id, after: { attachments: files.length, sha256s: files.map((f) => sha256(f.bytes)) },
    });
    return id;
  });
  return { referenceCode, received: now.toISOString(), sourceId };
}
