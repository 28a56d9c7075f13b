import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SHARED_DATA_ABSENT, sharedDataPath } from '../shared-data.ts';
import { parseAirwarsSourceTexts, parseAirwarsSources, splitLanguage } from './airwars-sources.ts';
import { summarise } from './summary.ts';
import { TODAY, assertWellFormed, collect, errorsOf, streamOf } from './testing.ts';

const HEAD = 'code,airwars_id,source_order,source_name,language,url,date';

test('source links: language split, bad URLs and Arabic dates handled', async () => {
  const out = await collect(parseAirwarsSources(streamOf(`${HEAD}
CS1,10,1,Syrian Civil Defence,"Facebook
Arabic",https://www.facebook.com/x/posts/1,
CS1,10,2,SANA,Arabic,hEuphratesttps://sana.sy/en/?p=1,23 ديسمبر 2024
CS2,,1,x,English,https://a.b/,
`), { now: TODAY }));
  assert.ok(out[0].ok && out[0].record.platform === 'Facebook' && out[0].record.language === 'Arabic');
  assert.ok(out[1].ok && !out[1].record.urlValid && out[1].record.date === '2024-12-23');
  assert.deepEqual(out[1].ok && out[1].warnings.map((w) => w.kind), ['malformed_url']);
  assert.deepEqual(errorsOf(out), [[4, 'airwars_id']]);
  assert.deepEqual(splitLanguage('—'), { languageRaw: '—', platform: null, language: null });
});

test('source texts: JSON lines, row = line, bad lines reported', async () => {
  const good = { source_id: 's1', incident_codes: ['RS1'], airwars_ids: ['12'], source_type: 'public_x_post', language: 'ar', url: 'https://x.com/a/status/1', text: 'نص', publication_date: '2024-11-30T12:50:21.000Z' };
  const out = await collect(parseAirwarsSourceTexts(streamOf(`${JSON.stringify(good)}\n{bad json\n\n${JSON.stringify({ ...good, source_type: 'telepathy' })}\n[]\n`), { now: TODAY }));
  assert.ok(out[0].ok && out[0].record.sourceType === 'social_media_post' && out[0].record.publicationDate === '2024-11-30');
  assert.deepEqual(errorsOf(out), [[2, '(row)'], [4, 'source_type'], [5, '(row)']]);
});

test('fuzz: random JSON lines and CSV never throw', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.oneof(fc.json(), fc.string({ maxLength: 20 })), { maxLength: 6 }), async (lines) => {
      assertWellFormed(await collect(parseAirwarsSourceTexts(streamOf(lines.join('\n')), { now: TODAY })));
      assertWellFormed(await collect(parseAirwarsSources(streamOf(`${HEAD}\n${lines.join('\n')}`), { now: TODAY })));
    }),
    { numRuns: 100 },
  );
});

test('shared airwars-syria sources and texts: every row read', async (t) => {
  const links = sharedDataPath('airwars-syria', 'incident_sources.csv');
  const texts = sharedDataPath('airwars-syria', 'source_texts.jsonl');
  if (!links || !texts) {
    t.skip(SHARED_DATA_ABSENT);
    return;
  }
  const a = await summarise(parseAirwarsSources(links));
  assert.deepEqual([a.rows, a.rejected], [35794, 0]);
  assert.ok((a.warnings.malformed_url ?? 0) > 0);
  const b = await summarise(parseAirwarsSourceTexts(texts));
  assert.deepEqual([b.rows, b.rejected], [2214, 0]);
});
