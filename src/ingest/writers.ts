/**
 * Writers for dataset claims (UCDP, ACLED, generic CSV, HXL) and articles: each row or document
 * becomes a source version; dataset rows also become claims of the dataset (origin `dataset`),
 * one per figure (or one `reports` claim when the row has none), each pointing at its line of the
 * source text.
 */
import type { ArticleRecord } from './article.ts';
import { sha256Bytes } from './hash.ts';
import { RenderedText, rangeText, storableRange } from './render.ts';
import { ingestRepository, type NewClaim } from './repository.ts';
import { canonical, type ApplyArgs, type Writer } from './service.ts';
import type { DatasetClaim } from './types.ts';
import type { SourceType } from '../model/vocabulary.ts';
import { storeExtractedClaims } from '../extract/claimStore.ts';
import type { PlaceMatch } from '../extract/types.ts';
import { toOriginalRange } from './offset-map.ts';

const norm = (s: string | null): string | null => (s == null ? null : s.toLowerCase().replace(/\s+/g, ' ').trim());

function withoutProvenance<T extends { provenance: unknown }>(r: T): Omit<T, 'provenance'> {
  const { provenance: _p, ...rest } = r;
  return rest;
}

/** The source text of a dataset claim and its figure lines. */
export function renderClaim(r: DatasetClaim): RenderedText {
  const t = new RenderedText()
    .line('claimant', r.claimant)
    .line('id', r.externalId)
    .line('date', r.date.start ? `${r.date.start}${r.date.end ? ` to ${r.date.end}` : ''} (${r.date.precision ?? 'precision unknown'})` : null, 'date')
    .line('place', [r.place.text, r.place.admin2, r.place.admin1, r.place.country].filter(Boolean).join(', ') || null, 'place')
    .line('coordinates', r.place.latitude != null ? `${r.place.latitude},${r.place.longitude} (${r.place.precision ?? 'precision unknown'})` : null)
    .line('actors', r.actors)
    .line('event type', r.eventType);
  r.figures.forEach((f, i) => t.line(`${f.outcome} ${f.population}`, `${rangeText(f.min, f.max)} (${f.qualifier})`, `figure:${i}`));
  if (r.totalKilled) t.line('killed total (low/best/high)', `${r.totalKilled.min ?? '?'}/${r.totalKilled.best ?? '?'}/${r.totalKilled.max ?? '?'}`);
  t.line('description', r.description, 'description').line('source', r.sourceText);
  for (const [k, v] of Object.entries(r.attributes)) t.line(k, v);
  return t;
}

/** Writer of dataset claims; `label` is the import kind (`ucdp`, `acled`, `csv`, `hxl`). */
export function datasetClaimWriter(label: string): Writer<DatasetClaim> {
  return {
    label,
    prepare(r, row) {
      const content = withoutProvenance(r);
      const sha256 = sha256Bytes(canonical(content));
      const key = r.externalId ? `${label}:${r.claimant}:${r.externalId}` : `${label}:${r.claimant}:sha256:${sha256}`;
      const text = renderClaim(r).text();
      return {
        key,
        sha256,
        source: {
          type: 'dataset', title: `${r.claimant}${r.externalId ? ` ${r.externalId}` : ''}`, publisher: r.claimant,
          published_on: null, text, dataset: r.provenance.dataset, dataset_row: row, file_sha256: r.provenance.fileSha256 ?? null,
          media_type: 'text/plain', attributes: JSON.stringify(content),
        },
      };
    },
    apply: async (args) => applyDatasetClaims([args]),
    applyMany: applyDatasetClaims,
  };
}

/** Stores the claims of many dataset rows in multi-row inserts. */
async function applyDatasetClaims(args: Array<ApplyArgs<DatasetClaim>>): Promise<void> {
  if (args.length === 0) return;
  const claims = args.flatMap(({ record, sourceId }) => datasetClaims(record, sourceId));
  (args[0].touched.claims ??= []).push(...(await ingestRepository.insertClaims(args[0].tx, claims)));
}

/** The claims of one dataset row: one per figure, or one `reports` claim when it has none. */
export function datasetClaims(r: DatasetClaim, sourceId: number): NewClaim[] {
  const rendered = renderClaim(r);
  const base: Omit<NewClaim, 'type' | 'quote' | 'span_start' | 'span_end'> = {
    source_id: sourceId, claimant: r.claimant, claimant_norm: norm(r.claimant), actor_text: r.actors.join('; ') || null,
    actor_norm: norm(r.actors.join('; ') || null), period_start: r.date.start, period_end: r.date.end, date_precision: r.date.precision,
    period_text: r.date.start, place_text: r.place.text, place_precision: r.place.precision, lat: r.place.latitude, lon: r.place.longitude,
    origin: 'dataset',
  };
  return r.figures.length
    ? r.figures.map((f, i) => {
      const s = storableRange(f.min, f.max, f.qualifier);
      return {
        ...base, type: 'casualties', outcome: f.outcome, population: f.population, min: s.min, max: s.max, qualifier: s.qualifier,
        ...rendered.quote(`figure:${i}`), attributes: JSON.stringify({ externalId: r.externalId, best: f.best ?? null, eventType: r.eventType, published: s.published }),
      };
    })
    : [{ ...base, type: 'reports', ...rendered.quote('date'), attributes: JSON.stringify({ externalId: r.externalId, eventType: r.eventType }) }];
}

/** Options of the article writer. */
export interface ArticleWriterOptions {
  url?: string;
  type?: SourceType;
  publisher?: string;
  language?: string;
  publishedOn?: string;
  /** Gazetteer lookup for the places of extracted claims. */
  geocode?: (placeText: string) => PlaceMatch | null;
}

/**
 * Writer of articles: one source per document, keyed by URL when given (a changed page at the same
 * URL becomes a new version) or else by its SHA-256 (the same bytes are never stored twice).
 */
export function articleWriter(o: ArticleWriterOptions = {}): Writer<ArticleRecord> {
  return {
    label: 'article',
    prepare(a) {
      return {
        key: o.url ? `url:${o.url}` : `sha256:${a.sha256}`,
        sha256: a.sha256,
        source: {
          type: o.type ?? 'news_article', title: a.title, url: o.url ?? null, publisher: o.publisher ?? null, language: o.language ?? null,
          published_on: o.publishedOn ?? null, media_type: a.contentType, content: Buffer.from(a.originalBytes), text: a.text,
          clean_text: a.cleanText, clean_offsets: JSON.stringify(a.cleanToOriginal), dataset: a.provenance.dataset, dataset_row: null,
          file_sha256: a.sha256, attributes: JSON.stringify({ charset: a.charset, file: a.provenance.file }),
        },
      };
    },
    async apply({ tx, record: a, sourceId, touched }) {
      // Plain text: spans index the original text itself. HTML: they index the clean text, and
      // each claim also keeps the original range through the offset map.
      const plain = /^text\/plain/i.test(a.contentType);
      const ids = await storeExtractedClaims(tx, {
        sourceId,
        text: plain ? a.text : a.cleanText,
        basis: plain ? 'text' : 'clean_text',
        toOriginal: (start, end) => toOriginalRange(a.cleanToOriginal, start, end),
        ...(o.publishedOn ? { published: o.publishedOn } : {}),
        ...(o.language === 'en' || o.language === 'ar' ? { lang: o.language } : {}),
        ...(o.geocode ? { geocode: o.geocode } : {}),
      });
      (touched.claims ??= []).push(...ids);
    },
  };
}
