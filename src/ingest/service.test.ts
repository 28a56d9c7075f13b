import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyAudit } from '../audit/service.ts';
import { createTestDb } from '../db/testing.ts';
import { AIRWARS_INCIDENT_COLUMNS } from './airwars.ts';
import { importFile } from './importers.ts';
import { ingestRepository } from './repository.ts';
import { TODAY } from './testing.ts';

const actor = 'test:ingest';
const dir = mkdtempSync(join(tmpdir(), 'hw-ingest-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;
let n = 0;
function file(name: string, content: string): string {
  const p = join(dir, `${n++}-${name}`);
  writeFileSync(p, content);
  return p;
}

type Row = Partial<Record<(typeof AIRWARS_INCIDENT_COLUMNS)[number], string>>;
function incident(id: number, over: Row = {}): Row {
  return {
    code: `CS${id}`, airwars_id: String(id), date: '2017-06-19', date_type: 'date', location_en: 'Raqqa', governorate_en: 'Raqqa',
    latitude: '35.95', longitude: '39.01', geoloc_precision: 'town', belligerent_en: 'U.S.-led Coalition', strike_status_en: 'Likely strike',
    grading_en: 'Fair', civ_killed_min: '2', civ_killed_max: '4', belligerent_assessment: 'coalition:non_credible;russian_forces:not_yet_assessed',
    official_casualty_statement: '[20180531] The report contains insufficient information.', ...over,
  };
}
function incidentsCsv(rows: Row[]): string {
  const esc = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [AIRWARS_INCIDENT_COLUMNS.join(','), ...rows.map((r) => AIRWARS_INCIDENT_COLUMNS.map((c) => esc(r[c] ?? '')).join(','))].join('\n');
}
const opts = { now: TODAY };

test('airwars incidents: stored with figures, claims, assessments + history; re-import idempotent; a change is a new version', async (t) => {
  const db = await createTestDb();
  t.after(() => db.close());
  const k = db.kysely;
  const first = file('incidents.csv', incidentsCsv([incident(1), incident(2, { longitude: '4239.00416' }), incident(3, { grading_en: 'Probable' })]));
  const a = await importFile(k, 'airwars', first, { actor, batchSize: 2 }, opts);
  assert.deepEqual([a.read, a.imported, a.unchanged, a.updated], [3, 2, 0, 0]);
  assert.deepEqual(a.rejected.map((r) => [r.row, r.field]), [[4, 'grading_en']]);
  assert.deepEqual(a.warningCounts, { coordinates_out_of_range: 1 });

  const [inc] = await ingestRepository.incidentsByRef(k, 'airwars_id', ['1']);
  assert.ok(inc);
  assert.match(inc.public_id, /^HW-\d{6}$/);
  assert.deepEqual([inc.grade, inc.strike_status, inc.place_precision, inc.country, inc.version], ['fair', 'likely', 'town', 'SY', 1]);
  assert.deepEqual((await ingestRepository.figures(k, inc.id)).map((f) => [f.outcome, f.population, f.low, f.high]), [['killed', 'civilians', 2, 4]]);
  const assessments = await ingestRepository.assessments(k, inc.id);
  const coalition = assessments.find((x) => x.belligerent === 'coalition');
  assert.ok(coalition);
  assert.deepEqual([coalition.status, coalition.reason, coalition.assessed_on], ['not_credible', 'The report contains insufficient information.', '2018-05-31']);
  assert.equal(assessments.find((x) => x.belligerent === 'russian_forces')?.reason, 'no reason given');
  assert.equal((await ingestRepository.assessmentHistory(k, coalition.id)).length, 1);
  const claims = await k.selectFrom('claims').selectAll().where('incident_id', '=', inc.id).execute();
  assert.equal(claims.length, 1);
  const src = await k.selectFrom('sources').selectAll().where('id', '=', claims[0].source_id).executeTakeFirstOrThrow();
  assert.equal(src.text?.slice(claims[0].span_start, claims[0].span_end), claims[0].quote);
  assert.equal(claims[0].quote, 'civilians killed: 2–4');

  const again = await importFile(k, 'airwars', first, { actor }, opts);
  assert.deepEqual([again.imported, again.unchanged, again.updated], [0, 2, 0]);
  const eventsBefore = (await verifyAudit(k)).checked;

  const changed = file('incidents.csv', incidentsCsv([incident(1, { civ_killed_max: '5', belligerent_assessment: 'coalition:credible', conceded_deaths_min: '1', conceded_deaths_max: '1' }), incident(2, { longitude: '4239.00416' })]));
  const dry = await importFile(k, 'airwars', changed, { actor, dryRun: true }, opts);
  assert.deepEqual([dry.imported, dry.unchanged, dry.updated], [0, 1, 1]);
  assert.equal((await verifyAudit(k)).checked, eventsBefore, 'dry run writes nothing');
  const b = await importFile(k, 'airwars', changed, { actor, reason: 'Airwars revised CS1' }, opts);
  assert.deepEqual([b.imported, b.unchanged, b.updated], [0, 1, 1]);
  const [inc2] = await ingestRepository.incidentsByRef(k, 'airwars_id', ['1']);
  assert.equal(inc2?.version, 2);
  assert.equal(inc2?.public_id, inc.public_id, 'public id stable');
  assert.deepEqual((await ingestRepository.figures(k, inc.id)).map((f) => [f.low, f.high]), [[2, 5]]);
  const c2 = (await ingestRepository.assessments(k, inc.id)).find((x) => x.belligerent === 'coalition')!;
  assert.deepEqual([c2.status, c2.version, c2.conceded_killed_min, c2.conceded_killed_max], ['credible', 2, 1, 1]);
  const history = await ingestRepository.assessmentHistory(k, c2.id);
  assert.deepEqual(history.map((h) => [h.version, h.status, h.change_reason]), [[1, 'not_credible', 'import of airwars from 0-incidents.csv'], [2, 'credible', 'Airwars revised CS1']]);
  const versions = await k.selectFrom('sources').select(['version', 'supersedes_id']).where('source_key', '=', 'airwars:incident:1').orderBy('version').execute();
  assert.equal(versions.length, 2);
  assert.ok(versions[1].supersedes_id != null);
  const actions = (await k.selectFrom('audit_events').select(['action', 'actor', 'reason']).orderBy('seq').execute());
  assert.ok(actions.some((e) => e.action === 'incident.revised' && e.reason === 'Airwars revised CS1' && e.actor === actor));
  assert.ok(actions.some((e) => e.action === 'assessment.revised'));
  assert.equal((await verifyAudit(k)).ok, true);
  const runs = await k.selectFrom('import_runs').select(['status', 'imported', 'rejected']).orderBy('id').execute();
  assert.deepEqual(runs.map((r) => r.status), ['finished', 'finished', 'finished']);
});

test('dataset claims (UCDP, ACLED, HXL, CSV): claims of the dataset, spans exact, idempotent', async (t) => {
  const db = await createTestDb();
  t.after(() => db.close());
  const k = db.kysely;
  const u = await importFile(k, 'ucdp', fixture('ucdp-ged-sample.csv'), { actor }, opts);
  assert.deepEqual([u.read, u.imported, u.rejected.length], [6, 4, 2]);
  const claims = await k.selectFrom('claims').innerJoin('sources', 'sources.id', 'claims.source_id').select(['claims.claimant', 'claims.quote', 'claims.span_start', 'claims.span_end', 'sources.text', 'claims.population', 'claims.min']).execute();
  assert.ok(claims.length >= 12);
  for (const c of claims) assert.equal(c.text?.slice(c.span_start, c.span_end), c.quote);
  assert.ok(claims.every((c) => c.claimant === 'UCDP GED'));
  assert.deepEqual([(await importFile(k, 'ucdp', fixture('ucdp-ged-sample.csv'), { actor }, opts)).unchanged], [4]);
  const a = await importFile(k, 'acled', fixture('acled-sample.csv'), { actor }, opts);
  assert.deepEqual([a.imported, a.rejected.length], [3, 4]);
  const h = await importFile(k, 'hxl', fixture('hxl-sample.csv'), { actor }, { ...opts, claimant: 'Synthetic monitor' });
  assert.deepEqual([h.imported, h.rejected.length], [3, 2]);
  const g = await importFile(k, 'csv', fixture('generic-sample.csv'), { actor }, { ...opts, mapping: fixture('generic-mapping.json') });
  assert.deepEqual([g.imported, g.rejected.length], [2, 2]);
  assert.equal((await verifyAudit(k)).ok, true);
});

test('articles and determinations: sources, assessment claims with spans, pipeline accounting, assessments on named incidents', async (t) => {
  const db = await createTestDb();
  t.after(() => db.close());
  const k = db.kysely;
  const art = file('a.html', '<html><head><title>T</title></head><body><nav>Home</nav><p>Three civilians were killed near Hajin, local sources said on Saturday.</p></body></html>');
  const r1 = await importFile(k, 'article', art, { actor }, { ...opts, url: 'https://example.org/a' });
  assert.equal(r1.imported, 1);
  const s = await k.selectFrom('sources').selectAll().where('source_key', '=', 'url:https://example.org/a').executeTakeFirstOrThrow();
  assert.deepEqual([s.type, s.media_type, s.title, s.clean_text], ['news_article', 'text/html', 'T', 'Three civilians were killed near Hajin, local sources said on Saturday.']);
  assert.equal((await importFile(k, 'article', art, { actor }, { ...opts, url: 'https://example.org/a' })).unchanged, 1);

  await importFile(k, 'airwars', file('i.csv', incidentsCsv([incident(7)])), { actor }, opts);
  const det = file('det.csv', [
    'belligerent,allegation_date,place,country,reporting_source,determination,conceded_killed,conceded_injured,reason,report_date,document_url,incident',
    'coalition,2017-06-19,near Raqqa,Syria,Airwars,credible,2,,A strike unintentionally killed two civilians.,2018-09-27,https://example.org/r.pdf,airwars:CS7',
    'coalition,2017-06-20,near Raqqa,Syria,Airwars,maybe,,,,2018-09-27,,',
  ].join('\n'));
  const d = await importFile(k, 'determinations', det, { actor }, opts);
  assert.deepEqual([d.imported, d.rejected.map((x) => x.field)], [1, ['determination']]);
  const [inc] = await ingestRepository.incidentsByRef(k, 'airwars_code', ['CS7']);
  const coalition = (await ingestRepository.assessments(k, inc.id)).find((x) => x.belligerent === 'coalition')!;
  assert.deepEqual([coalition.status, coalition.conceded_killed_min, coalition.version, coalition.document_url], ['credible', 2, 2, 'https://example.org/r.pdf']);

  const rep = await importFile(k, 'determinations', fixture('cjtf-oir-report-paraphrase.txt'), { actor }, { ...opts, reportDate: '2019-05-30' });
  assert.deepEqual([rep.read, rep.imported, rep.rejected.length], [8, 1, 2]);
  const claims = await k.selectFrom('claims').innerJoin('sources', 'sources.id', 'claims.source_id').select(['claims.quote', 'claims.span_start', 'claims.span_end', 'sources.text', 'claims.attributes'])
    .where('sources.type', '=', 'military_release').where('claims.type', '=', 'assessment').execute();
  const fromReport = claims.filter((c) => c.span_start > 0);
  assert.equal(fromReport.length, 6);
  for (const c of fromReport) assert.equal(c.text?.slice(c.span_start, c.span_end), c.quote);
  const pr = await ingestRepository.pipelineReport(k, 'coalition', '2019-04-01', '2019-04-30');
  assert.deepEqual([pr?.carried_over, pr?.received, pr?.completed_credible, pr?.completed_not_credible, pr?.open_at_end, pr?.deaths_conceded_cumulative], [122, 7, 3, 15, 111, 1302]);
  assert.equal((await importFile(k, 'determinations', fixture('cjtf-oir-report-paraphrase.txt'), { actor }, { ...opts, reportDate: '2019-05-30' })).unchanged, 1);
  assert.equal((await verifyAudit(k)).ok, true);
});

test('airwars source lists and texts link sources to their incidents', async (t) => {
  const db = await createTestDb();
  t.after(() => db.close());
  const k = db.kysely;
  await importFile(k, 'airwars', file('i.csv', incidentsCsv([incident(9)])), { actor }, opts);
  const links = await importFile(k, 'airwars', file('incident_sources.csv', 'code,airwars_id,source_order,source_name,language,url,date\nCS9,9,1,SANA,"Twitter\nArabic",https://x.com/a/status/1,\nCS9,9,2,Bad,Arabic,hhttps://x,\n'), { actor }, opts);
  assert.deepEqual([links.imported, links.warningCounts], [2, { malformed_url: 1 }]);
  const texts = await importFile(k, 'airwars', file('source_texts.jsonl', `${JSON.stringify({ source_id: 's1', incident_codes: ['CS9'], airwars_ids: ['9'], source_type: 'news_article', language: 'en', text: 'Two killed in Raqqa.', url: 'https://example.org/n' })}\n`), { actor }, opts);
  assert.equal(texts.imported, 1);
  const [inc] = await ingestRepository.incidentsByRef(k, 'airwars_id', ['9']);
  const reports = await k.selectFrom('claims').select(['type', 'claimant']).where('incident_id', '=', inc.id).where('type', '=', 'reports').execute();
  assert.equal(reports.length, 3);
});
