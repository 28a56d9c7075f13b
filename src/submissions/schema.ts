import { z } from 'zod';
import { SUBMISSION_LIMITS } from './limits.ts';

const optText = (max: number) => z.string().trim().max(max).optional().transform((v) => v || undefined);

export const AttachmentInput = z.object({
  filename: z.string().trim().min(1).max(200),
  mediaType: z.string().trim().regex(/^[\w.+-]+\/[\w.+-]+$/, 'a media type like image/jpeg').max(100),
  contentBase64: z.string().min(1).max(Math.ceil(SUBMISSION_LIMITS.attachmentBytesMax * 4 / 3) + 8).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
});

/** A public submission: what happened, optionally where and when, optional contact (kept restricted). */
export const SubmissionBody = z.object({
  text: z.string().trim().min(10, 'tell us what happened (at least 10 characters)').max(SUBMISSION_LIMITS.textMax),
  place: optText(500),
  date: optText(100),
  language: z.enum(['en', 'ar']).optional(),
  /** Optional; stored apart, never shown, exported or logged. */
  contactEmail: z.string().trim().max(320).optional().transform((v) => v || undefined).pipe(z.string().email().optional()),
  /** Optional; restricted like the e-mail. */
  name: optText(200),
  /** Honeypot: people leave it empty. */
  website: z.string().max(500).optional(),
  attachments: z.array(AttachmentInput).max(SUBMISSION_LIMITS.attachmentsMax).optional(),
});
export type SubmissionBody = z.infer<typeof SubmissionBody>;

/** The same from the HTML form (urlencoded; no attachments). */
export const SubmissionForm = z.object({
  text: z.string().max(SUBMISSION_LIMITS.textMax * 2).default(''),
  place: z.string().max(1000).optional(),
  date: z.string().max(200).optional(),
  contactEmail: z.string().max(640).optional(),
  name: z.string().max(400).optional(),
  website: z.string().max(500).optional(),
  lang: z.enum(['en', 'ar']).optional(),
  _csrf: z.string().max(200).optional(),
});

export const SubmissionReceipt = z.object({
  data: z.object({ referenceCode: z.string().describe('keep this to refer to your submission'), received: z.string() }),
});

export const IntakeItem = z.object({
  sourceId: z.number().int(),
  referenceCode: z.string().nullable(),
  receivedAt: z.string(),
  text: z.string().nullable(),
  place: z.string().nullable(),
  date: z.string().nullable(),
  language: z.string().nullable(),
  sha256: z.string(),
  hasContact: z.boolean().describe('whether the witness left contact details (never shown here)'),
  detected: z.object({ email: z.number().int(), phone: z.number().int(), name: z.number().int() }).describe('personal data found in the text (redacted in public)'),
  attachments: z.array(z.object({ sourceId: z.number().int(), filename: z.string().nullable(), mediaType: z.string().nullable(), bytes: z.number().int(), sha256: z.string() })),
});

export const IntakeDecisionBody = z.object({ decision: z.enum(['accept', 'reject']), reason: z.string().trim().min(1).max(4000) });
export const SourceParams = z.object({ sourceId: z.coerce.number().int().positive() });
