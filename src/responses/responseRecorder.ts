/**
 * Belligerents' responses to civilian harm: acknowledgements, apologies, investigations opened
 * and their outcome, condolence and ex gratia payments (amount, currency, date; the recipient is
 * restricted). Each is recorded per incident or victim with its source, and audited in the same
 * transaction.
 */
import { recordAudit } from '../audit/service.ts';
import type { WriteContext } from '../audit/context.ts';
import { inputError, notFound } from '../errors.ts';
import { parseListDate } from '../victims/facts.ts';
import { responseRepository } from './repository.ts';

export const RESPONSE_KINDS = ['acknowledgement', 'apology', 'investigation_opened', 'investigation_outcome', 'condolence_payment', 'ex_gratia_payment'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];
const PAYMENTS: ReadonlySet<string> = new Set(['condolence_payment', 'ex_gratia_payment']);

/** A response as recorded. */
export interface ResponseInput {
  kind: ResponseKind;
  belligerent: string;
  incidentId?: number | null;
  victimId?: number | null;
  respondedOn?: string | null;
  /** Payments: amount (≥ 0) and ISO 4217 currency. */
  amount?: number | null;
  currency?: string | null;
  /** Payments: who received it. Restricted: never shown by a public presenter. */
  recipient?: string | null;
  /** Investigation outcome as the belligerent stated it. */
  outcome?: string | null;
  description?: string | null;
  sourceId?: number | null;
  claimId?: number | null;
}

/** Records one response; returns its id. */
export async function recordResponse(ctx: WriteContext, r: ResponseInput): Promise<number> {
  if (!(RESPONSE_KINDS as readonly string[]).includes(r.kind)) throw inputError('INPUT_INVALID', `unknown response kind "${r.kind}" (${RESPONSE_KINDS.join(', ')})`, { field: 'kind' });
  if (!r.belligerent?.trim()) throw inputError('INPUT_INVALID', 'the belligerent that responded is required', { field: 'belligerent' });
  if (r.incidentId == null && r.victimId == null) throw inputError('INPUT_INVALID', 'a response is about an incident or a victim', { field: 'incident' });
  if (r.sourceId == null && r.claimId == null) throw inputError('INPUT_INVALID', 'a response needs the source (or claim) that documents it', { field: 'source' });
  const on = r.respondedOn ? parseListDate(r.respondedOn) : null;
  if (r.respondedOn && !on) throw inputError('INVALID_DATE', `"${r.respondedOn}" is not a past calendar date`, { field: 'date' });
  const payment = PAYMENTS.has(r.kind);
  if (!payment && (r.amount != null || r.currency || r.recipient)) throw inputError('INPUT_INVALID', 'amount, currency and recipient belong to payments only', { field: 'amount' });
  if (r.amount != null && (!Number.isFinite(r.amount) || r.amount < 0)) throw inputError('INPUT_INVALID', 'amount must be a number ≥ 0', { field: 'amount' });
  if (r.amount != null && !/^[A-Z]{3}$/.test(r.currency ?? '')) throw inputError('INPUT_INVALID', 'a payment amount needs an ISO 4217 currency (USD, IQD, SYP …)', { field: 'currency' });
  if (r.outcome && r.kind !== 'investigation_outcome') throw inputError('INPUT_INVALID', 'outcome belongs to investigation_outcome responses', { field: 'outcome' });
  if (r.incidentId != null && !(await responseRepository.incidentExists(ctx.tx, r.incidentId))) throw notFound('incident', r.incidentId);
  const id = await responseRepository.insert(ctx.tx, {
    kind: r.kind, belligerent: r.belligerent.trim(), incident_id: r.incidentId ?? null, victim_id: r.victimId ?? null, responded_on: on,
    amount: r.amount ?? null, currency: r.currency ?? null, recipient: r.recipient?.trim() || null, outcome: r.outcome ?? null,
    description: r.description ?? null, source_id: r.sourceId ?? null, claim_id: r.claimId ?? null, recorded_by: ctx.actor,
  });
  await recordAudit(ctx, {
    action: 'response.recorded', targetType: 'response', targetId: id,
    // The recipient is restricted: the trail records that there is one, not who.
    after: { kind: r.kind, belligerent: r.belligerent, incident_id: r.incidentId ?? null, victim_id: r.victimId ?? null, responded_on: on, amount: r.amount ?? null, currency: r.currency ?? null, has_recipient: !!r.recipient, source_id: r.sourceId ?? null },
  });
  return id;
}
