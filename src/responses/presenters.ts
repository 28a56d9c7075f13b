import type { ResponseRow } from '../db/types.ts';

/** A response as the public sees it: no recipient. */
export interface PublicResponse {
  id: number;
  kind: string;
  belligerent: string;
  incidentId: number | null;
  respondedOn: string | null;
  amount: number | null;
  currency: string | null;
  outcome: string | null;
  description: string | null;
  sourceId: number | null;
  /** Whether a recipient is recorded (who it is stays restricted). */
  hasRecipient: boolean;
}

/** Public view of a response. Victim links and recipients are restricted and left out. */
export function presentResponsePublic(r: ResponseRow): PublicResponse {
  return {
    id: r.id, kind: r.kind, belligerent: r.belligerent, incidentId: r.incident_id, respondedOn: r.responded_on,
    amount: r.amount == null ? null : Number(r.amount), currency: r.currency, outcome: r.outcome, description: r.description,
    sourceId: r.source_id, hasRecipient: r.recipient != null,
  };
}

/** Internal view of a response: everything, recipient and victim included. */
export function presentResponseInternal(r: ResponseRow): PublicResponse & { recipient: string | null; victimId: number | null; recordedBy: string | null } {
  return { ...presentResponsePublic(r), recipient: r.recipient, victimId: r.victim_id, recordedBy: r.recorded_by };
}
