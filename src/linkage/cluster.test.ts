import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { register } from './cli.ts';
import { constrainedClusters } from './linkCore.ts';
import { deriveFigures } from './incidentFigures.ts';
import { textCapture } from '../cli/textCapture.ts';

test('link cluster groups texts about the same strike, with no database', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hw-link-cluster-'));
  const texts = [
    { source_id: 'a1', publication_date: '2018-03-13', language: 'en', text: 'Five civilians were killed in a coalition airstrike on Hajin on 12 March 2018, local activists said.' },
    { source_id: 'a2', publication_date: '2018-03-13', language: 'en', text: 'A coalition air strike killed 5 civilians in Hajin on Monday, the Syrian Observatory said.' },
    { source_id: 'b1', publication_date: '2019-06-04', language: 'en', text: 'Three civilians were killed by Russian warplanes in Maarat al-Numan on 3 June 2019.' },
    { source_id: 'b2', publication_date: '2019-06-04', language: 'en', text: 'Russian jets killed three civilians in Maarat al-Numan on 3 June 2019, rescuers said.' },
    { source_id: 'c1', publication_date: '2017-01-20', language: 'en', text: 'Twelve civilians were killed in an airstrike on Raqqa on 19 January 2017.' },
  ];
  const input = join(dir, 'texts.jsonl');
  writeFileSync(input, `${texts.map((t) => JSON.stringify(t)).join('\n')}\nnot json\n`);
  const out = join(dir, 'clusters.jsonl');
  const program = new Command().exitOverride();
  register(program);
  const before = process.exitCode;
  const write = process.stdout.write.bind(process.stdout);
  let printed = '';
  process.stdout.write = textCapture(write, (s) => { printed += s; });
  try {
    await program.parseAsync(['node', 'harmwatch', 'link', 'cluster', input, '--out', out, '--no-geocode', '--json']);
  } finally {
    process.stdout.write = write;
  }
  const code = process.exitCode;
  process.exitCode = before;
  assert.equal(code, 2); // one bad line, reported; the rest still clustered
  const json = /\{\n {2}"texts"[\s\S]*?\n\}\n/.exec(printed)?.[0] ?? printed;
  const summary = JSON.parse(json) as { texts: number; errors: Array<{ line: number }>; geocoder: string };
  assert.equal(summary.texts, 5);
  assert.deepEqual(summary.errors.map((e) => e.line), [6]);
  const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { id: string; cluster: number });
  const c = Object.fromEntries(rows.map((r) => [r.id, r.cluster]));
  assert.equal(c.a1, c.a2);
  assert.equal(c.b1, c.b2);
  assert.notEqual(c.a1, c.b1);
  assert.notEqual(c.c1, c.a1);
  assert.notEqual(c.c1, c.b1);
});

test('constrained clustering honours cannot-link pairs and one incident per cluster', () => {
  const edges = [{ a: 0, b: 1, weight: 5 }, { a: 1, b: 2, weight: 4 }, { a: 2, b: 3, weight: 3 }];
  assert.deepEqual(Array.from(constrainedClusters(4, edges, [[0, 2]])), [0, 0, 1, 1]);
  assert.deepEqual(Array.from(constrainedClusters(4, edges, [], [true, false, false, true])), [0, 0, 0, 1]);
});

test('figures: largest minimum, largest maximum, median best; unknown stays null', () => {
  const f = deriveFigures([
    { outcome: 'killed', population: 'civilians', min: 10, max: 10 },
    { outcome: 'killed', population: 'civilians', min: 12, max: null },
    { outcome: 'killed', population: 'civilians', min: 8, max: 15 },
    { outcome: 'injured', population: 'civilians', min: 3, max: null },
  ]);
  assert.deepEqual(f.map((x) => [x.outcome, x.low, x.best, x.high]), [['injured', 3, 3, null], ['killed', 12, 12, 15]]);
});
