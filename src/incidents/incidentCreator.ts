import { sql } from 'kysely';
import type { WriteContext } from '../audit/context.ts';
import { recordAudit } from '../audit/service.ts';
import type { Outcome, Population } from '../model/vocabulary.ts';

/** What a new incident is made of. Figures are ranges; leave a bound null when unknown. */
export interface NewIncidentProps {
  title?: string | null;
  summary?: string | null;
  dateStart?: string | null;
  dateEnd?: string | null;
  datePrecision?: string | null;
  country?: string | null;
  admin1?: string | null;
  admin2?: string | null;
  placeText?: string | null;
  placeNameAr?: string | null;
  lat?: number | null;
  lon?: number | null;
  placePrecision?: string | null;
  belligerents?: string[];
  strikeStatus?: string | null;
  grade?: string | null;
  status?: 'draft' | 'published';
  externalRefs?: Record<string, unknown>;
  figures?: Array<{ outcome: Outcome; population: Population; low: number | null; best: number | null; high: number | null; rule: string }>;
}

/**
 * Creates an incident with a new stable public id (`HW-000001`, from a sequence: never reused,
 * never renumbered), its figures, and one audit event, all in the caller's transaction.
 */
export async function createIncident(ctx: WriteContext, p: NewIncidentProps): Promise<{ id: number; publicId: string }> {
  const next = await sql<{ n: string }>`select nextval('incident_public_seq') as n`.execute(ctx.tx);
  const publicId = `HW-${String(next.rows[0].n).padStart(6, '0')}`;
  const row = await ctx.tx
    .insertInto('incidents')
    .values({
      public_id: publicId,
      title: p.title ?? null,
      summary: p.summary ?? null,
      date_start: p.dateStart ?? null,
      date_end: p.dateEnd ?? null,
      date_precision: p.datePrecision ?? null,
      country: p.country ?? null,
      admin1: p.admin1 ?? null,
      admin2: p.admin2 ?? null,
      place_text: p.placeText ?? null,
      place_name_ar: p.placeNameAr ?? null,
      lat: p.lat ?? null,
      lon: p.lon ?? null,
      place_precision: p.placePrecision ?? null,
      belligerents: p.belligerents ?? [],
      strike_status: p.strikeStatus ?? null,
      grade: p.grade ?? null,
      status: p.status ?? 'draft',
      external_refs: JSON.stringify(p.externalRefs ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (p.figures?.length) {
    await ctx.tx.insertInto('incident_figures').values(p.figures.map((f) => ({ incident_id: row.id, ...f }))).execute();
  }
  await recordAudit(ctx, { action: 'incident.created', targetType: 'incident', targetId: publicId, after: { ...p, publicId }, visibility: 'public' });
  return { id: row.id, publicId };
}
