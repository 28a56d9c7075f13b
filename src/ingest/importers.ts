/**
 * One entry point per `harmwatch import <kind>`: picks the parser and writer for a file and runs
 * the import (./service.ts). Parsers are pure (./*.ts); writers store (./writers.ts,
 * ./airwars-writer.ts, ./determinations-writer.ts).
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { inputError } from '../errors.ts';
import { assertReadableFile } from '../lib/files.ts';
import type { Population, SourceType } from '../model/vocabulary.ts';
import { parseAccounting } from './accounting.ts';
import { parseAcled } from './acled.ts';
import { parseArticle, type ArticleContentType } from './article.ts';
import { parseAirwarsIncidents } from './airwars.ts';
import { parseAirwarsSourceTexts, parseAirwarsSources } from './airwars-sources.ts';
import { airwarsIncidentWriter, airwarsSourceLinkWriter, airwarsSourceTextWriter } from './airwars-writer.ts';
import { csvRecords } from './csv.ts';
import { parseDeterminationText } from './determinations-prose.ts';
import { parseDeterminationsCsv, type AssessmentRecord } from './determinations.ts';
import { determinationReportWriter, determinationRowWriter, type ReportDocument } from './determinations-writer.ts';
import { parseDate } from './fields.ts';
import { parseMappedCsv, readMapping, type CsvMapping } from './generic.ts';
import { sha256Bytes } from './hash.ts';
import { parseHxl } from './hxl.ts';
import { runImport, type ImportKind, type ImportProps, type ImportResult } from './service.ts';
import type { RowOutcome } from './types.ts';
import { parseUcdp } from './ucdp.ts';
import { articleWriter, datasetClaimWriter } from './writers.ts';
import { serverGazetteer } from '../gazetteer/dbGazetteer.ts';
import { geocoderFor } from '../gazetteer/extraction.ts';

/** Options of `harmwatch import <kind> <file>` beyond the common ones. */
export interface KindOptions {
  /** csv: the mapping file, or the mapping itself (the API passes it inline). */
  mapping?: string | CsvMapping;
  /** hxl: claimant; article: publisher. */
  claimant?: string;
  population?: Population;
  country?: string;
  /** article / determinations report: URL of the document. */
  url?: string;
  contentType?: ArticleContentType;
  sourceType?: SourceType;
  publisher?: string;
  language?: string;
  publishedOn?: string;
  /** determinations: belligerent, report date. */
  belligerent?: string;
  reportDate?: string;
  now?: Date;
}

/** Which Airwars file a path is, from its name and header. */
export async function airwarsFileKind(file: string): Promise<'incidents' | 'sources' | 'texts'> {
  if (extname(file).toLowerCase() === '.jsonl') return 'texts';
  for await (const rec of csvRecords(file)) {
    if ('error' in rec) break;
    if (rec.values.includes('source_order')) return 'sources';
    if (rec.values.includes('airwars_id')) return 'incidents';
    break;
  }
  throw inputError('INPUT_INVALID', 'not an Airwars incidents.csv, incident_sources.csv or source_texts.jsonl file', { file, row: 1 });
}

/** Imports one file of the given kind. */
export async function importFile(db: Kysely<Database>, kind: ImportKind, file: string, props: Omit<ImportProps, 'file'>, o: KindOptions = {}): Promise<ImportResult> {
  await assertReadableFile(file);
  const p = { ...props, file };
  const now = o.now ?? new Date();
  switch (kind) {
    case 'article':
      return runImport(db, parseArticle(file, { now, ...(o.contentType ? { contentType: o.contentType } : {}) }), articleWriter({
        ...(o.url ? { url: o.url } : {}), ...(o.sourceType ? { type: o.sourceType } : {}), ...(o.publisher ? { publisher: o.publisher } : {}),
        ...(o.language ? { language: o.language } : {}), ...(o.publishedOn ? { publishedOn: o.publishedOn } : {}),
        geocode: geocoderFor(await serverGazetteer(db), o.country === 'IQ' || o.country === 'SY' ? { country: o.country } : {}),
      }), p);
    case 'airwars': {
      const which = await airwarsFileKind(file);
      if (which === 'incidents') return runImport(db, parseAirwarsIncidents(file, { now, ...(o.country === 'IQ' || o.country === 'SY' ? { country: o.country } : {}) }), airwarsIncidentWriter, p);
      if (which === 'sources') return runImport(db, parseAirwarsSources(file, { now }), airwarsSourceLinkWriter, p);
      return runImport(db, parseAirwarsSourceTexts(file, { now }), airwarsSourceTextWriter, p);
    }
    case 'ucdp':
      return runImport(db, parseUcdp(file, { now }), datasetClaimWriter('ucdp'), p);
    case 'acled':
      return runImport(db, parseAcled(file, { now }), datasetClaimWriter('acled'), p);
    case 'csv': {
      if (!o.mapping) throw inputError('INPUT_INVALID', 'a mapping file is required (--mapping <file.json>)', { file });
      return runImport(db, parseMappedCsv(file, typeof o.mapping === 'string' ? await readMapping(o.mapping) : o.mapping, { now }), datasetClaimWriter('csv'), p);
    }
    case 'hxl':
      return runImport(db, parseHxl(file, {
        now, ...(o.claimant ? { claimant: o.claimant } : {}), ...(o.population ? { population: o.population } : {}), ...(o.country ? { country: o.country } : {}),
      }), datasetClaimWriter('hxl'), p);
    case 'determinations':
      if (['.csv', '.tsv'].includes(extname(file).toLowerCase())) {
        return runImport(db, parseDeterminationsCsv(file, { now, ...(o.belligerent ? { belligerent: o.belligerent } : {}) }), determinationRowWriter, p);
      }
      return importReport(db, file, p, o, now);
  }
}

/** A prose report: one document, allegation paragraphs as its rows. */
async function importReport(db: Kysely<Database>, file: string, p: ImportProps, o: KindOptions, now: Date): Promise<ImportResult> {
  const bytes = await readFile(file);
  const text = bytes.toString('utf8');
  const sha256 = sha256Bytes(bytes);
  const reportDate = o.reportDate ? parseDate(o.reportDate, '--report-date', now) : null;
  const outcomes: Array<RowOutcome<AssessmentRecord>> = [...parseDeterminationText(text, {
    now, file: basename(file), fileSha256: sha256, reportDate, documentUrl: o.url ?? null, ...(o.belligerent ? { belligerent: o.belligerent } : {}),
  })];
  const allegations = outcomes.filter((x): x is Extract<typeof x, { ok: true }> => x.ok);
  const doc: ReportDocument = {
    text, sha256, url: o.url ?? null, belligerent: o.belligerent ?? 'coalition', reportDate, allegations: allegations.map((a) => a.record),
    accounting: parseAccounting(text), provenance: { dataset: 'determinations-report', file: basename(file), fileSha256: sha256, row: 1 },
  };
  async function* one(): AsyncGenerator<RowOutcome<ReportDocument>> {
    yield { row: 1, ok: true, record: doc, warnings: allegations.flatMap((a) => a.warnings) };
  }
  const r = await runImport(db, one(), determinationReportWriter, { ...p, fileSha256: sha256 });
  r.rejected = outcomes.filter((x): x is Extract<typeof x, { ok: false }> => !x.ok);
  r.read = outcomes.length;
  return r;
}
