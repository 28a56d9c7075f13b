import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDb } from '../db/testing.ts';
import { importFile } from './importers.ts';
import { sharedDataPath, SHARED_DATA_ABSENT } from '../shared-data.ts';

const props = { actor: 'test:analyst', reason: 'test import' };

test('importing an article stores its extracted claims, each tied to its span', async (t) => {
  const db = await createTestDb();
  t.after(() => db.close());
  const dir = mkdtempSync(join(tmpdir(), 'hw-article-'));
  const file = join(dir, 'a.txt');
  const text = 'Strike kills five civilians in Hajin\n\nLocal sources said that at least five civilians, including two children, were killed on Tuesday in an air strike on the town of Hajin, Syria.\n';
  writeFileSync(file, text);
  const r = await importFile(db.kysely, 'article', file, props, { publishedOn: '2018-11-22', language: 'en' });
  assert.equal(r.rejected.length, 0);
  const source = await db.kysely.selectFrom('sources').select(['id', 'text']).executeTakeFirstOrThrow();
  const claims = await db.kysely.selectFrom('claims').selectAll().where('source_id', '=', source.id).execute();
  assert.ok(claims.length >= 2, 'a total and a breakdown');
  for (const c of claims) assert.equal(source.text!.slice(c.span_start, c.span_end), c.quote, 'quote is the exact span');
  const total = claims.find((c) => c.population === 'civilians' && c.min === 5 && c.qualifier === 'at_least');
  assert.ok(total, 'at least five civilians');
  assert.equal(total.max, null);
  const headline = claims.find((c) => c.population === 'civilians' && c.min === 5 && c.qualifier === 'exact');
  assert.ok(headline && (headline.same_as_id === total.id || total.same_as_id === headline.id), 'the headline and the body are one claim');
  assert.ok(claims.some((c) => c.population === 'children' && c.min === 2));
  const again = await importFile(db.kysely, 'article', file, props, { publishedOn: '2018-11-22', language: 'en' });
  assert.equal(again.unchanged, 1);
  assert.equal((await db.kysely.selectFrom('claims').select('id').execute()).length, claims.length, 're-import adds no claims');
});

test('the founding article: its claims as a careful reader sees them, nothing from the page chrome', async (t) => {
  const file = sharedDataPath('seed', 'article.txt');
  if (!file) {
    t.skip(SHARED_DATA_ABSENT);
    return;
  }
  const db = await createTestDb();
  t.after(() => db.close());
  await importFile(db.kysely, 'article', file, props, { publishedOn: '2019-06-01', language: 'en', publisher: 'IraqiNews' });
  const claims = await db.kysely.selectFrom('claims').selectAll().where('same_as_id', 'is', null).execute();
  const has = (f: (c: (typeof claims)[number]) => boolean): boolean => claims.some(f);
  assert.ok(has((c) => c.type === 'strikes' && c.min === 34502));
  assert.ok(has((c) => c.type === 'casualties' && c.min === 1302 && c.qualifier === 'at_least' && c.max === null));
  assert.ok(has((c) => c.type === 'reports' && c.min === 111));
  assert.ok(has((c) => c.min === 3800 && c.qualifier === 'more_than'));
  assert.ok(has((c) => c.population === 'children' && c.min === 1000 && c.qualifier === 'about'));
  assert.ok(has((c) => c.stance.includes('unreliable')));
  assert.ok(has((c) => c.type === 'assessment' && /amnesty/i.test(c.claimant ?? '')));
  assert.ok(!has((c) => c.min === 10), 'nothing from the related-article links ("over 10 persons")');
});
