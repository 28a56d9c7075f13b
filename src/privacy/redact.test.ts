import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { containsEmail, detectPii, redactText } from './redact.ts';

const cases: Array<[string, string, RegExp]> = [
  ['plain email', 'write to ahmad.k@example.org please', /ahmad\.k@example\.org/],
  ['email with plus', 'contact: a+b@mail.co.uk.', /a\+b@mail/],
  ['Syrian international', 'call +963 944 123 456 now', /944 123 456/],
  ['Iraqi international, no spaces', 'رقمي +9647701234567', /7701234567/],
  ['00 prefix', 'phone 00963-11-2345678', /2345678/],
  ['Arabic-Indic digits', 'اتصل على ٠٩٤٤١٢٣٤٥٦', /٠٩٤٤١٢٣٤٥٦/],
  ['Arabic-Indic international', 'هاتفي +٩٦٤ ٧٧٠ ١٢٣ ٤٥٦٧', /٧٧٠ ١٢٣/],
  ['extended Arabic-Indic', 'شماره ۰۹۱۲۳۴۵۶۷۸۹', /۰۹۱۲۳۴۵۶۷۸۹/],
  ['Iraqi local', 'ring 0770 123 4567 tonight', /0770 123 4567/],
  ['my name is', 'My name is Ahmad al-Hassan and I saw the strike', /Ahmad al-Hassan/],
  ['witness named', 'the witness Fatima Ali said three died', /Fatima Ali/],
  ['Arabic my name', 'اسمي محمد أحمد وكنت في السوق', /محمد أحمد/],
  ['Arabic the witness', 'قال الشاهد خالد العلي إن الطائرة', /خالد العلي/],
];

for (const [name, text, leaked] of cases) {
  test(`redacts: ${name}`, () => {
    const out = redactText(text);
    assert.doesNotMatch(out, leaked, out);
    assert.match(out, /\[(email|phone|name) removed\]/);
  });
}

test('keeps ordinary figures, dates and places', () => {
  for (const text of ['12 civilians were killed on 3 March 2017 in Mosul', 'at least 1,302 deaths in 2016–2017', 'قتل ١٢ مدنيا في ٣ آذار ٢٠١٧', 'coordinates 36.34, 43.13']) {
    assert.equal(redactText(text), text);
  }
  assert.equal(redactText(null), null);
  assert.equal(redactText(''), '');
});

test('detectPii: spans in order, no overlaps', () => {
  const spans = detectPii('mail x@y.org or +963 944 123 456; my name is Omar Said');
  assert.deepEqual(spans.map((s) => s.kind), ['email', 'phone', 'name']);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i].start >= spans[i - 1].end);
});

test('property: never throws, and never leaves a detected e-mail', () => {
  const piece = fc.oneof(
    fc.string(), fc.emailAddress(), fc.constantFrom('@', '.', ' ', '+963', '٠٩٤٤', 'my name is ', 'اسمي ', '.com', 'Ali'),
  );
  fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
    const out = redactText(parts.join(''));
    assert.equal(typeof out, 'string');
    assert.ok(!containsEmail(out), out);
    assert.ok(!detectPii(out).some((s) => s.kind === 'email'));
  }), { numRuns: 400 });
});
