// Fixtures follow CJTF-OIR monthly civilian-casualty reports (US government works): accounting of
// March 2017 (released 30 April 2017) and April 2019 (the period of the founding article), and the
// numbered allegation entries of the Dec 2016 – 2019 reports; see fixtures/README.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { SHARED_DATA_ABSENT, sharedDataPath } from '../shared-data.ts';
import { parseAccounting } from './accounting.ts';
import { parseDeterminationText, paragraphs } from './determinations-prose.ts';
import { parseConceded, parseDeterminationsCsv } from './determinations.ts';
import { wordsToNumber } from './numbers.ts';
import { TODAY, assertWellFormed, collect, errorsOf, streamOf } from './testing.ts';

const fixture = (name: string): string => new URL(`./fixtures/${name}`, import.meta.url).pathname;

test('number words', () => {
  assert.equal(wordsToNumber('Seventy-nine'), 79);
  assert.equal(wordsToNumber('one hundred eleven'), 111);
  assert.equal(wordsToNumber('34,573*'), 34573);
  assert.equal(wordsToNumber('١٢'), 12);
  assert.equal(wordsToNumber('several'), null);
});

test('determinations CSV: statuses mapped, empty reason recorded as "no reason given", bad rows named', async () => {
  const out = await collect(parseDeterminationsCsv(fixture('determinations-sample.csv'), { now: TODAY }));
  assertWellFormed(out);
  assert.deepEqual(errorsOf(out), [[7, 'allegation_date'], [8, 'determination']]);
  const ok = out.filter((o) => o.ok).map((o) => o.ok && o.record);
  assert.deepEqual(ok.map((r) => r && r.status), ['credible', 'not_credible', 'not_credible', 'duplicate', 'credible', 'insufficient_information', 'reopened']);
  const [cred, nonCred, noStrike, dup, range] = ok;
  assert.ok(cred && nonCred && noStrike && dup && range);
  assert.deepEqual(cred.conceded.killed, { min: 1, max: 1 });
  assert.equal(nonCred.reason, 'no reason given');
  assert.equal(nonCred.reasonGiven, false);
  assert.equal(noStrike.reasonCategory, 'no_strike_in_area');
  assert.deepEqual(noStrike.allegation.date, { start: '2019-02-02', end: '2019-02-04', precision: 'span' });
  assert.equal(dup.duplicateOf, 'March 3, 2019, near Mosul, Iraq');
  assert.deepEqual(range.conceded, { killed: { min: 2, max: 3 }, injured: { min: 1, max: 1 } });
  assert.deepEqual(parseConceded('at least 4', 'x'), { min: 4, max: null });
});

test('prose report: allegation paragraphs become assessments with spans; faults are row errors', () => {
  const text = readFileSync(fixture('cjtf-oir-report-paraphrase.txt'), 'utf8');
  const out = [...parseDeterminationText(text, { now: TODAY, reportDate: '2019-05-30' })];
  assertWellFormed(out);
  const ok = out.filter((o) => o.ok).map((o) => o.ok && o.record);
  assert.deepEqual(ok.map((r) => r && [r.caseId, r.status, r.allegation.place, r.allegation.country, r.conceded.killed.min, r.conceded.injured.min]), [
    ['1', 'credible', 'Hajin', 'Syria', 1, null],
    ['2', 'credible', 'Baghuz', 'Syria', 2, 1],
    ['3', 'credible', 'Al Susah', 'Syria', 2, null],
    ['4', 'not_credible', 'Hajin', 'Syria', null, null],
    ['5', 'not_credible', 'Al Shafah', 'Syria', null, null],
    ['6', 'duplicate', 'Mosul', 'Iraq', null, null],
  ]);
  const first = ok[0];
  assert.ok(first && first.span);
  assert.equal(text.slice(first.span.start, first.span.end), first.span.text);
  assert.equal(ok[3] && ok[3].reasonCategory, 'insufficient_information');
  assert.equal(ok[5] && ok[5].duplicateOf, 'March 3, 2019, near Mosul, Iraq');
  assert.deepEqual(out.filter((o) => !o.ok).map((o) => !o.ok && o.field), ['allegation_date', 'allegation']);
});

test('prose: the brief\'s unnumbered "On 5 January 2019, near Hajin, Syria" form', () => {
  const [o] = [...parseDeterminationText('On 5 January 2019, near Hajin, Syria, it is assessed that one civilian was unintentionally killed and two were injured.', { now: TODAY })];
  assert.ok(o?.ok);
  assert.deepEqual([o.record.status, o.record.allegation.date.start, o.record.conceded.killed.min, o.record.conceded.injured.min], ['credible', '2019-01-05', 1, 2]);
  const [n] = [...parseDeterminationText('Jan. 3, 2019, near Hajin, Syria, via media report: non-credible; there was insufficient information to assess the report.', { now: TODAY })];
  assert.ok(n?.ok && n.record.status === 'not_credible' && n.record.reasonCategory === 'insufficient_information');
});

test('accounting: the April 2019 and March 2017 flows balance; figures keep their spans', () => {
  const text = readFileSync(fixture('cjtf-oir-report-paraphrase.txt'), 'utf8');
  const a = parseAccounting(text);
  const v = Object.fromEntries(Object.entries(a.figures).map(([k, f]) => [k, f.value]));
  assert.deepEqual(v, {
    carriedOver: 122, received: 7, completed: 18, credible: 3, notCredible: 15, stillOpen: 111, reopened: 3,
    deathsConcededInPeriod: 5, deathsConcededCumulative: 1302, strikesToDate: 34502,
  });
  assert.equal(a.period, '2019-04');
  assert.deepEqual(a.checks.balance, { expected: 111, stated: 111, ok: true });
  assert.equal(text.slice(a.figures.carriedOver!.start, a.figures.carriedOver!.end), '122');
  const m = parseAccounting(readFileSync(fixture('cjtf-oir-2017-03.txt'), 'utf8'));
  assert.deepEqual([m.figures.credible?.value, m.figures.notCredible?.value, m.figures.duplicate?.value, m.figures.engagementsToDate?.value], [9, 17, 2, 42089]);
  assert.deepEqual(m.checks, { balance: { expected: 42, stated: 42, ok: true }, completedSplit: { sum: 28, stated: 28, ok: true } });
  const bad = parseAccounting('In the month of May 2019, CJTF-OIR carried over 10 open reports and received 5 new reports. CJTF-OIR completed 4 reports. 12 reports are still open.');
  assert.deepEqual(bad.checks.balance, { expected: 11, stated: 12, ok: false });
});

test('accounting from the seed article', async (t) => {
  const path = sharedDataPath('seed', 'article.txt');
  if (!path) {
    t.skip(SHARED_DATA_ABSENT);
    return;
  }
  const a = parseAccounting(readFileSync(path, 'utf8'));
  assert.deepEqual([a.figures.deathsConcededCumulative?.value, a.figures.stillOpen?.value, a.figures.strikesToDate?.value], [1302, 111, 34502]);
});

test('fuzz: random prose and truncated determination files never throw', async () => {
  const text = readFileSync(fixture('cjtf-oir-report-paraphrase.txt'), 'utf8');
  const csv = readFileSync(fixture('determinations-sample.csv'), 'utf8');
  await fc.assert(
    fc.asyncProperty(fc.nat(), fc.string({ maxLength: 200 }), async (cut, junk) => {
      const t = text.slice(0, cut % (text.length + 1)) + junk;
      assertWellFormed([...parseDeterminationText(t, { now: TODAY })]);
      parseAccounting(t);
      for (const p of paragraphs(t)) assert.equal(t.slice(p.start, p.end), p.text);
      assertWellFormed(await collect(parseDeterminationsCsv(streamOf(csv.slice(0, cut % (csv.length + 1)) + junk), { now: TODAY })));
    }),
    { numRuns: 100 },
  );
});
