import { piiSummary } from '../privacy/redact.ts';
import type { IntakeRow } from './repository.ts';

export interface IntakeItemJson {
  sourceId: number;
  referenceCode: string | null;
  receivedAt: string;
  text: string | null;
  place: string | null;
  date: string | null;
  language: string | null;
  sha256: string;
  hasContact: boolean;
  detected: { email: number; phone: number; name: number };
  attachments: Array<{ sourceId: number; filename: string | null; mediaType: string | null; bytes: number; sha256: string }>;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** A queued submission for analysts: the account as written, never the contact data itself. */
export function presentIntakeItem(r: IntakeRow, attachments: Array<{ id: number; title: string | null; media_type: string | null; sha256: string; bytes: number }>): IntakeItemJson {
  return {
    sourceId: r.id,
    referenceCode: r.reference_code,
    receivedAt: new Date(r.captured_at).toISOString(),
    text: r.text,
    place: str(r.attributes.place),
    date: str(r.attributes.date),
    language: r.language,
    sha256: r.sha256,
    hasContact: !!r.has_contact,
    detected: piiSummary(r.text),
    attachments: attachments.map((a) => ({ sourceId: a.id, filename: a.title, mediaType: a.media_type, bytes: Number(a.bytes), sha256: a.sha256 })),
  };
}
