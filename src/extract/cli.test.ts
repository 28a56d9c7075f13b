import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { register } from './cli.ts';
import { extractJsonl, readLine } from './jsonl.ts';

async function* lines(...ls: string[]): AsyncIterable<string> {
  for (const l of ls) yield l;
}

test('extractJsonl writes one {id, claims} line per input line and reports bad lines by number', async () => {
  const out: string[] = [];
  const res = await extractJsonl(lines(
    JSON.stringify({ id: 'a', text: 'Two civilians were killed on Friday.', published: '2024-03-10', lang: 'en' }),
    JSON.stringify({ source_id: 'b', text: 'مقتل طفل اليوم', publication_date: 'الاثنين, ٩ ديسمبر ٢٠٢٤', language: 'ar' }),
    '{not json',
    '',
    JSON.stringify({ id: 'c' }),
  ), (l) => void out.push(l));
  assert.equal(out.length, 2);
  const a = JSON.parse(out[0]) as { id: string; claims: { min: number; period: { start: string } }[] };
  assert.equal(a.id, 'a');
  assert.equal(a.claims[0]?.min, 2);
  assert.equal(a.claims[0]?.period.start, '2024-03-08');
  const b = JSON.parse(out[1]) as { id: string; claims: { min: number; period: { start: string } }[] };
  assert.equal(b.id, 'b');
  assert.equal(b.claims[0]?.period.start, '2024-12-09');
  assert.deepEqual(res.errors.map((e) => e.line), [3, 5]);
});

test('readLine accepts both field spellings and says why a line is unreadable', () => {
  assert.equal(typeof readLine('[]'), 'string');
  assert.match(readLine('{"id":1}') as string, /text/);
  const ok = readLine('{"source_id":"x","text":"t","publication_date":"2024-01-02T00:00:00Z","language":"ar"}');
  assert.deepEqual(ok, { id: 'x', text: 't', published: '2024-01-02', lang: 'ar' });
});

test('register adds the extract command with its options', () => {
  const program = new Command();
  register(program);
  const cmd = program.commands.find((c) => c.name() === 'extract');
  assert.ok(cmd);
  assert.deepEqual(cmd.options.map((o) => o.long).sort(), ['--json', '--jsonl', '--lang', '--published']);
});
