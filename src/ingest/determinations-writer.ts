/**
 * Storing official determinations. A CSV row becomes a source version (the belligerent's entry
 * for one allegation in one report) with an `assessment` claim of the belligerent; when the row
 * names its incident (`incident` column) the assessment is also recorded on that incident, with
 * history. A prose report becomes one source (the document, verbatim) with one `assessment` claim
 * per allegation paragraph pointing at its exact span, and its pipeline accounting is stored in
 * `pipeline_reports` (revised with an audit event when a re-import differs).
 */
import { recordAudit } from '../audit/service.ts';
import type { WriteContext } from '../audit/context.ts';
import type { PipelineAccounting } from './accounting.ts';
import { upsertAssessment } from './assessment-store.ts';
import type { AssessmentRecord } from './determinations.ts';
import { sha256Bytes } from './hash.ts';
import { RenderedText, rangeText } from './render.ts';
import { ingestRepository, type NewClaim } from './repository.ts';
import { canonical, type Writer } from './service.ts';

function claimOf(a: AssessmentRecord, sourceId: number, quote: { quote: string; span_start: number; span_end: number }, incidentId: number | null): NewClaim {
  const k = a.conceded.killed;
  return {
    source_id: sourceId, type: 'assessment', claimant: a.belligerent, claimant_norm: a.belligerent.toLowerCase(), actor_text: a.belligerent,
    actor_norm: a.belligerent.toLowerCase(), attribution: a.status === 'credible' ? 'admitted' : null,
    outcome: k.min != null || k.max != null ? 'killed' : null, population: k.min != null || k.max != null ? 'civilians' : null, min: k.min, max: k.max,
    qualifier: k.min != null || k.max != null ? (k.min === k.max ? 'exact' : 'between') : null,
    period_start: a.allegation.date.start, period_end: a.allegation.date.end, date_precision: a.allegation.date.precision,
    place_text: [a.allegation.place, a.allegation.country].filter(Boolean).join(', ') || null, ...quote, origin: 'dataset', incident_id: incidentId,
    attributes: JSON.stringify({
      status: a.status, statusRaw: a.statusRaw, conceded: a.conceded, reason: a.reason, reasonGiven: a.reasonGiven, reasonCategory: a.reasonCategory,
      duplicateOf: a.duplicateOf, reportDate: a.reportDate, documentUrl: a.documentUrl, caseId: a.caseId, reportingSource: a.allegation.reportingSource,
    }),
  };
}

async function resolveIncident(ctx: WriteContext, ref: string | null): Promise<number | null> {
  if (!ref) return null;
  const m = /^airwars:(.+)$/i.exec(ref);
  if (m) {
    const [i] = await ingestRepository.incidentsByRef(ctx.tx, 'airwars_code', [m[1]]);
    return i?.id ?? null;
  }
  return (await ingestRepository.incidentByPublicId(ctx.tx, ref))?.id ?? null;
}

/** Writer of determination CSV rows. */
export const determinationRowWriter: Writer<AssessmentRecord> = {
  label: 'determinations',
  prepare(a, row) {
    const { provenance: _p, ...content } = a;
    const who = a.caseId ?? `${a.allegation.date.start}|${a.allegation.place ?? ''}|${a.allegation.country ?? ''}|row${row}`;
    const text = new RenderedText()
      .line('belligerent', a.belligerent).line('allegation', `${a.allegation.date.start}, ${a.allegation.place ?? ''}, ${a.allegation.country ?? ''}`)
      .line('reported by', a.allegation.reportingSource).line('determination', a.statusRaw, 'determination')
      .line('conceded killed', a.conceded.killed.min != null || a.conceded.killed.max != null ? rangeText(a.conceded.killed.min, a.conceded.killed.max) : null)
      .line('conceded injured', a.conceded.injured.min != null || a.conceded.injured.max != null ? rangeText(a.conceded.injured.min, a.conceded.injured.max) : null)
      .line('reason', a.reason).line('duplicate of', a.duplicateOf).line('report date', a.reportDate).line('document', a.documentUrl)
      .text();
    return {
      key: `determination:${a.belligerent}:${a.reportDate ?? ''}:${who}`,
      sha256: sha256Bytes(canonical(content)),
      source: {
        type: 'military_release', title: `${a.belligerent} determination, ${a.reportDate ?? ''}`, publisher: a.belligerent, url: a.documentUrl,
        published_on: a.reportDate, text, media_type: 'text/plain', dataset: a.provenance.dataset, file_sha256: a.provenance.fileSha256 ?? null,
        attributes: JSON.stringify(content),
      },
    };
  },
  async apply({ tx, ctx, record: a, sourceId, touched }) {
    const incidentId = await resolveIncident(ctx, a.incidentRef);
    const text = (await tx.selectFrom('sources').select('text').where('id', '=', sourceId).executeTakeFirstOrThrow()).text ?? '';
    (touched.claims ??= []).push(...(await ingestRepository.insertClaims(tx, [claimOf(a, sourceId, { quote: text, span_start: 0, span_end: text.length }, incidentId)])));
    if (incidentId == null) return;
    const existing = (await ingestRepository.assessments(tx, incidentId)).find((x) => x.belligerent === a.belligerent);
    const res = await upsertAssessment(ctx, incidentId, {
      belligerent: a.belligerent, status: a.status, conceded: a.conceded, reason: a.reasonGiven ? a.reason : null,
      assessedOn: a.reportDate, documentSourceId: sourceId, documentUrl: a.documentUrl,
    }, existing);
    if (res.change !== 'unchanged') (touched.assessments ??= []).push(res.id);
  },
};

/** A whole prose report: its text, allegations read from it and its accounting. */
export interface ReportDocument {
  text: string;
  sha256: string;
  url: string | null;
  belligerent: string;
  reportDate: string | null;
  allegations: AssessmentRecord[];
  accounting: PipelineAccounting;
  provenance: { dataset: string; file: string; fileSha256?: string; row: number };
}

/** First and last day of a YYYY-MM period. */
function monthBounds(period: string): { start: string; end: string } {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${period}-01`, end: `${period}-${String(last).padStart(2, '0')}` };
}

/** Writer of one prose report document. */
export const determinationReportWriter: Writer<ReportDocument> = {
  label: 'determinations-report',
  prepare(d) {
    return {
      key: d.url ? `url:${d.url}` : `sha256:${d.sha256}`,
      sha256: d.sha256,
      source: {
        type: 'military_release', title: `${d.belligerent} civilian casualty report${d.reportDate ? `, ${d.reportDate}` : ''}`, publisher: d.belligerent,
        url: d.url, published_on: d.reportDate, text: d.text, media_type: 'text/plain', dataset: d.provenance.dataset, dataset_row: null,
        file_sha256: d.sha256, attributes: JSON.stringify({ accounting: d.accounting, file: d.provenance.file }),
      },
    };
  },
  async apply({ tx, ctx, record: d, sourceId, touched }) {
    const claims = d.allegations.map((a) => claimOf(a, sourceId, { quote: a.span!.text, span_start: a.span!.start, span_end: a.span!.end }, null));
    (touched.claims ??= []).push(...(await ingestRepository.insertClaims(tx, claims)));
    if (!d.accounting.period) return;
    const { start, end } = monthBounds(d.accounting.period);
    const f = d.accounting.figures;
    const row = {
      carried_over: f.carriedOver?.value ?? null, received: f.received?.value ?? null, completed_credible: f.credible?.value ?? null,
      completed_not_credible: f.notCredible?.value ?? null, completed_duplicate: f.duplicate?.value ?? null, completed_other: null,
      open_at_end: f.stillOpen?.value ?? null, reopened: f.reopened?.value ?? null, deaths_conceded_period: f.deathsConcededInPeriod?.value ?? null,
      deaths_conceded_cumulative: f.deathsConcededCumulative?.value ?? null, strikes_to_date: f.strikesToDate?.value ?? null, source_id: sourceId,
    };
    const existing = await ingestRepository.pipelineReport(tx, d.belligerent, start, end);
    if (!existing) {
      (touched.pipelineReports ??= []).push(await ingestRepository.insertPipelineReport(tx, { belligerent: d.belligerent, period_start: start, period_end: end, ...row }));
      return;
    }
    const keys = Object.keys(row) as Array<keyof typeof row>;
    if (keys.every((k) => k === 'source_id' || existing[k] === row[k])) return;
    await ingestRepository.updatePipelineReport(tx, existing.id, row);
    await recordAudit(ctx, {
      action: 'pipeline_report.revised', targetType: 'pipeline_report', targetId: existing.id, visibility: 'public',
      before: Object.fromEntries(keys.map((k) => [k, existing[k]])), after: row,
    });
    (touched.pipelineReports ??= []).push(existing.id);
  },
};
