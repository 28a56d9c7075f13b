/**
 * Writers for the Airwars datasets. An incident row becomes: a source version (the row, rendered,
 * with every column kept in `attributes`), an incident (keyed by `external_refs.airwars_id`;
 * revised in place with version + 1 and an `incident.revised` audit event when the row changed),
 * its figures (low = min, high = max, rule `airwars-published`), Airwars' casualty claims and one
 * assessment per belligerent with history. Source links and source texts become sources with a
 * `reports` claim tying them to the incidents they are listed under.
 */
import { recordAudit } from '../audit/service.ts';
import { createIncident } from '../incidents/incidentCreator.ts';
import type { AirwarsIncident } from './airwars.ts';
import type { AirwarsSourceLink, AirwarsSourceText } from './airwars-sources.ts';
import { upsertAssessment } from './assessment-store.ts';
import { sha256Bytes } from './hash.ts';
import { RenderedText, rangeText, storableRange } from './render.ts';
import { ingestRepository, type NewClaim, type NewIncident } from './repository.ts';
import { canonical, type ApplyArgs, type Writer } from './service.ts';

const pick = (s: ReturnType<typeof storableRange>): { min: number | null; max: number | null; qualifier: string } => ({ min: s.min, max: s.max, qualifier: s.qualifier });

/** The claimant Airwars rows are recorded under. */
export const AIRWARS_CLAIMANT = 'Airwars';

function renderIncident(r: AirwarsIncident): RenderedText {
  const t = new RenderedText()
    .line('code', r.code)
    .line('airwars_id', r.airwarsId)
    .line('date', r.date.raw, 'date')
    .line('date_end', r.date.end)
    .line('location', [r.place.textEn, r.place.textAr].filter(Boolean).join(' / ') || null, 'place')
    .line('governorate', r.place.governorateEn)
    .line('coordinates', r.place.latitude != null ? `${r.place.latitude},${r.place.longitude}` : r.place.coordinatesRaw)
    .line('precision', r.place.precisionRaw)
    .line('belligerents', r.belligerents)
    .line('strike status', r.strikeStatus)
    .line('grade', r.grades);
  r.figures.forEach((f, i) => t.line(`${f.population} ${f.outcome}`, rangeText(f.min, f.max), `figure:${i}`));
  r.assessments.forEach((a) => t.line(`assessment ${a.belligerent}`, a.statusRaw));
  t.line('conceded deaths', r.conceded.killed.min != null || r.conceded.killed.max != null ? rangeText(r.conceded.killed.min, r.conceded.killed.max) : null);
  r.officialStatements.forEach((s, i) => t.line(`official statement ${s.date ?? 'undated'}`, s.text, `statement:${i}`));
  return t;
}

function incidentColumns(r: AirwarsIncident): NewIncident {
  return {
    title: [r.place.textEn, r.date.start].filter(Boolean).join(', ') || r.code,
    date_start: r.date.start, date_end: r.date.end, date_precision: r.date.precision,
    country: r.place.country, admin1: r.place.governorateEn, place_text: r.place.textEn, place_name_ar: r.place.textAr,
    lat: r.place.latitude, lon: r.place.longitude, place_precision: r.place.precision,
    belligerents: r.belligerents, strike_status: r.strikeStatus, grade: r.grade,
    external_refs: JSON.stringify(refs(r)),
  };
}

function refs(r: AirwarsIncident): Record<string, unknown> {
  return { airwars_id: String(r.airwarsId), airwars_code: r.code, airwars_url: r.url, previous_codes: r.previousCodes, airwars_grades: r.grades };
}

const snapshot = (i: Record<string, unknown>): Record<string, unknown> => ({
  version: i.version, title: i.title, date_start: i.date_start, date_end: i.date_end, date_precision: i.date_precision, place_text: i.place_text,
  lat: i.lat, lon: i.lon, place_precision: i.place_precision, belligerents: i.belligerents, strike_status: i.strike_status, grade: i.grade,
});

/** Writer of Airwars incident rows. */
export const airwarsIncidentWriter: Writer<AirwarsIncident> = {
  label: 'airwars',
  prepare(r) {
    const { provenance: _p, ...content } = r;
    return {
      key: `airwars:incident:${r.airwarsId}`,
      sha256: sha256Bytes(canonical(content)),
      source: {
        type: 'dataset', title: `Airwars ${r.code}`, publisher: AIRWARS_CLAIMANT, url: r.url, published_on: r.publishedDate,
        text: renderIncident(r).text(), media_type: 'text/plain', dataset: r.provenance.dataset, file_sha256: r.provenance.fileSha256 ?? null,
        attributes: JSON.stringify(content),
      },
    };
  },
  async apply({ tx, ctx, record: r, sourceId, touched }) {
    const cols = incidentColumns(r);
    const [existing] = await ingestRepository.incidentsByRef(tx, 'airwars_id', [String(r.airwarsId)]);
    const figures = r.figures.map((f) => {
      const s = storableRange(f.min, f.max, f.qualifier);
      return { outcome: f.outcome, population: f.population, low: s.min, best: null, high: s.max, rule: s.published ? 'airwars-published: min > max, bounds unknown' : 'airwars-published' };
    });
    let incidentId: number;
    if (existing) {
      incidentId = existing.id;
      const beforeFigures = await ingestRepository.figures(tx, existing.id);
      await ingestRepository.updateIncident(tx, existing.id, { ...cols, last_edited_by: ctx.actor }, existing.version + 1);
      await ingestRepository.replaceFigures(tx, incidentId, figures);
      await recordAudit(ctx, {
        action: 'incident.revised', targetType: 'incident', targetId: existing.public_id, visibility: 'public',
        before: { ...snapshot(existing), figures: beforeFigures.map((f) => [f.outcome, f.population, f.low, f.high]) },
        after: { ...snapshot({ ...cols, version: existing.version + 1 }), figures: figures.map((f) => [f.outcome, f.population, f.low, f.high]), source_id: sourceId },
      });
    } else {
      incidentId = (await createIncident(ctx, {
        title: cols.title ?? null, dateStart: cols.date_start ?? null, dateEnd: cols.date_end ?? null, datePrecision: cols.date_precision ?? null,
        country: cols.country ?? null, admin1: cols.admin1 ?? null, placeText: cols.place_text ?? null, placeNameAr: r.place.textAr,
        lat: cols.lat ?? null, lon: cols.lon ?? null, placePrecision: cols.place_precision ?? null, belligerents: r.belligerents,
        strikeStatus: r.strikeStatus, grade: r.grade, externalRefs: refs(r), figures,
      })).id;
    }
    (touched.incidents ??= []).push(incidentId);
    const rendered = renderIncident(r);
    const claims: NewClaim[] = r.figures.map((f, i) => ({
      source_id: sourceId, type: 'casualties', claimant: AIRWARS_CLAIMANT, claimant_norm: 'airwars', actor_text: r.belligerents.join('; ') || null,
      attribution: 'alleged', outcome: f.outcome, population: f.population, ...pick(storableRange(f.min, f.max, f.qualifier)),
      period_start: r.date.start, period_end: r.date.end, date_precision: r.date.precision, period_text: r.date.raw, place_text: r.place.textEn,
      place_precision: r.place.precision, lat: r.place.latitude, lon: r.place.longitude, ...rendered.quote(`figure:${i}`),
      origin: 'dataset', incident_id: incidentId,
      attributes: JSON.stringify({ airwars_id: r.airwarsId, code: r.code, published: storableRange(f.min, f.max, f.qualifier).published }),
    }));
    (touched.claims ??= []).push(...(await ingestRepository.insertClaims(tx, claims)));

    // one assessment per belligerent (Airwars sometimes lists the same key twice: the first counts)
    const current = new Map((await ingestRepository.assessments(tx, incidentId)).map((a) => [a.belligerent, a]));
    const assessing = r.assessments.filter((a) => a.status !== 'not_yet_assessed');
    const latest = r.officialStatements.filter((s) => s.date != null).sort((a, b) => (a.date! < b.date! ? -1 : 1)).at(-1) ?? r.officialStatements.at(-1);
    const seen = new Set<string>();
    for (const a of r.assessments) {
      if (seen.has(a.belligerent)) continue;
      seen.add(a.belligerent);
      const statementIsTheirs = assessing.length === 1 && assessing[0] === a;
      const res = await upsertAssessment(ctx, incidentId, {
        belligerent: a.belligerent, status: a.status, conceded: a.conceded,
        reason: statementIsTheirs ? latest?.text ?? null : null, assessedOn: statementIsTheirs ? latest?.date ?? null : null,
        documentSourceId: statementIsTheirs && latest ? sourceId : null, documentUrl: null,
      }, current.get(a.belligerent));
      if (res.change !== 'unchanged') (touched.assessments ??= []).push(res.id);
    }
  },
};

/** Writer of Airwars source lists (`incident_sources.csv`). */
export const airwarsSourceLinkWriter: Writer<AirwarsSourceLink> = {
  label: 'airwars-sources',
  prepare(s, row) {
    const { provenance: _p, ...content } = s;
    const text = new RenderedText().line('source', s.name, 'name').line('url', s.url).line('language', s.languageRaw).line('date', s.dateRaw).text();
    return {
      key: `airwars:incident-source:${s.airwarsId}:${s.order ?? `row${row}`}`,
      sha256: sha256Bytes(canonical(content)),
      source: {
        type: s.platform && s.platform !== 'Website' ? 'social_media_post' : 'news_article', title: s.name, publisher: s.name,
        url: s.urlValid ? s.url : null, language: s.language, published_on: s.date, text, media_type: 'text/plain',
        dataset: s.provenance.dataset, file_sha256: s.provenance.fileSha256 ?? null, attributes: JSON.stringify(content),
      },
    };
  },
  apply: async (args) => applySourceLinks([args]),
  applyMany: applySourceLinks,
};

/** Incident ids by Airwars id, for a batch (one query). */
async function incidentIdsByAirwarsId(tx: ApplyArgs<unknown>['tx'], ids: Array<string | number>): Promise<Map<string, number>> {
  const rows = await ingestRepository.incidentsByRef(tx, 'airwars_id', [...new Set(ids.map(String))]);
  return new Map(rows.map((i) => [String((i.external_refs).airwars_id), i.id]));
}

/** A `reports` claim per listed source, tied to its incident: one lookup and one insert per batch. */
async function applySourceLinks(args: Array<ApplyArgs<AirwarsSourceLink>>): Promise<void> {
  if (args.length === 0) return;
  const incidents = await incidentIdsByAirwarsId(args[0].tx, args.map((a) => a.record.airwarsId));
  const claims: NewClaim[] = args.map(({ record: s, sourceId }) => {
    const quote = `source: ${s.name ?? ''}`;
    return {
      source_id: sourceId, type: 'reports', claimant: s.name, claimant_norm: s.name?.toLowerCase() ?? null, quote, span_start: 0, span_end: quote.length,
      origin: 'dataset', incident_id: incidents.get(String(s.airwarsId)) ?? null, attributes: JSON.stringify({ airwars_id: s.airwarsId, code: s.code, order: s.order }),
    };
  });
  (args[0].touched.claims ??= []).push(...(await ingestRepository.insertClaims(args[0].tx, claims)));
}

/** Writer of extracted source texts (`source_texts.jsonl`). */
export const airwarsSourceTextWriter: Writer<AirwarsSourceText> = {
  label: 'airwars-texts',
  prepare(s) {
    const { provenance: _p, ...content } = s;
    return {
      key: `airwars:text:${s.sourceId}`,
      sha256: sha256Bytes(canonical(content)),
      source: {
        type: s.sourceType, title: s.title, publisher: s.publisher, url: s.url, language: s.language, published_on: s.publicationDate,
        text: s.text, media_type: 'text/plain', dataset: s.provenance.dataset, file_sha256: s.provenance.fileSha256 ?? null,
        attributes: JSON.stringify({ sourceId: s.sourceId, incidentCodes: s.incidentCodes, airwarsIds: s.airwarsIds, sourceTypeRaw: s.sourceTypeRaw, textSha256: s.textSha256 }),
      },
    };
  },
  apply: async (args) => applySourceTexts([args]),
  applyMany: applySourceTexts,
};

/** A `reports` claim per incident a text is listed under (one unlinked claim when none is known yet). */
async function applySourceTexts(args: Array<ApplyArgs<AirwarsSourceText>>): Promise<void> {
  if (args.length === 0) return;
  const incidents = await incidentIdsByAirwarsId(args[0].tx, args.flatMap((a) => a.record.airwarsIds));
  const claims: NewClaim[] = args.flatMap(({ record: s, sourceId }) => {
    const quote = s.text.slice(0, Math.min(s.text.length, 200));
    const found = [...new Set(s.airwarsIds.map((id) => incidents.get(String(id))).filter((id): id is number => id != null))];
    const links = found.length ? found : [null];
    return links.map((incidentId) => ({
      source_id: sourceId, type: 'reports', claimant: s.publisher, claimant_norm: s.publisher?.toLowerCase() ?? null, quote, span_start: 0, span_end: quote.length,
      origin: 'dataset', incident_id: incidentId, attributes: JSON.stringify({ airwars_ids: s.airwarsIds, incident_codes: s.incidentCodes }),
    }));
  });
  (args[0].touched.claims ??= []).push(...(await ingestRepository.insertClaims(args[0].tx, claims)));
}
