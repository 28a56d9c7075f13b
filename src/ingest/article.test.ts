import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SHARED_DATA_ABSENT, sharedDataPath } from '../shared-data.ts';
import { articleFromBytes, parseArticle } from './article.ts';
import type { ArticleRecord } from './article.ts';
import { byteOffset, toOriginal, toOriginalRange } from './offset-map.ts';
import { assertWellFormed, collect } from './testing.ts';

const prov = { dataset: 'test', file: 't', row: 1 };
const plain = (s: string): ArticleRecord => articleFromBytes(Buffer.from(s, 'utf8'), prov, 'text/plain');
const html = (s: string): ArticleRecord => articleFromBytes(Buffer.from(s, 'utf8'), prov, 'text/html');

const BODY = 'Three civilians were killed in an air strike near Hajin on Saturday, local sources said. The coalition has not commented on the report so far.';

/** Every clean code unit maps to the same character of the original (plain text). */
function assertExact(a: ArticleRecord): void {
  for (let i = 0; i < a.cleanText.length; i++) assert.equal(a.text[toOriginal(a.cleanToOriginal, i)], a.cleanText[i], `clean index ${i}`);
}

test('seed article: chrome gone, body kept, offsets exact', async (t) => {
  const path = sharedDataPath('seed', 'article.txt');
  if (!path) {
    t.skip(SHARED_DATA_ABSENT);
    return;
  }
  const [o] = await collect(parseArticle(path));
  assert.ok(o?.ok);
  const a = o.record;
  assert.equal(a.title, 'US-led coalition kills 1300 civilians “unintentionally” in Iraq and Syria');
  assert.equal(a.originalBytes.length, 2679);
  assert.match(a.sha256, /^[0-9a-f]{64}$/);
  assert.ok(a.cleanText.includes('at least 1,302 civilians were unintentionally killed'));
  assert.ok(a.cleanText.endsWith('The statement described the reports as “unreliable”.'));
  for (const chrome of ['Leave a Reply', 'Required fields', 'Iraqi intelligence arrest', 'Bomb blasts kill', 'Representational photo']) {
    assert.ok(!a.cleanText.includes(chrome), chrome);
  }
  assert.equal(a.cleanText.split(a.title).length - 1, 1, 'title once');
  assertExact(a);
  assert.ok(a.cleanToOriginal.length < 40, 'compact map');
  const i = a.cleanText.indexOf('1,302');
  const r = toOriginalRange(a.cleanToOriginal, i, i + 5)!;
  assert.equal(a.text.slice(r.start, r.end), '1,302');
  assert.equal(Buffer.from(a.originalBytes).subarray(byteOffset(a.text, r.start, a.charset), byteOffset(a.text, r.end, a.charset)).toString(), '1,302');
});

test('plain text: share buttons, captions, related links and comment forms are dropped', () => {
  const a = plain(`Strike kills three\n\nShare on Facebook\nTweet | WhatsApp\n\nFile photo\n\n${BODY}\n\nSecond paragraph ends here.\n\nRelated\nCoalition denies report of strike in Raqqa\nLocal council rebuilds market in Mosul\n`);
  assert.equal(a.cleanText, `Strike kills three\n\n${BODY}\n\nSecond paragraph ends here.`);
  assertExact(a);
  const b = plain(`${BODY}\n\nSecond paragraph ends here.\n\nCoalition denies report of strike in Raqqa\nLocal council rebuilds market in Mosul`);
  assert.equal(b.cleanText, `${BODY}\n\nSecond paragraph ends here.`);
  const c = plain(`${BODY}\n\n3 Comments\nAhmad says: terrible news.\n`);
  assert.equal(c.cleanText, BODY);
});

test('a single closing line of body text is not mistaken for a related link', () => {
  const a = plain(`${BODY}\n\nMore details to follow`);
  assert.ok(a.cleanText.endsWith('More details to follow'));
});

test('HTML: nav/footer/script/style/share/comments dropped, entities decoded, offsets point at the source', () => {
  const src = `<!doctype html><html><head><title>Strike &amp; aftermath</title><style>p{color:red}</style></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav><header><p>Site name</p></header>
<article><h1>Strike kills three</h1><p>Three civilians were&nbsp;killed   in <b>Hajin</b> &ldquo;yesterday&rdquo;.</p>
<div class="share-buttons"><a>Share on Facebook</a><a>Tweet</a></div><p>Second paragraph.</p></article>
<aside><h3>Related</h3><ul><li><a>Other story</a></li></ul></aside>
<div id="comments"><h3>Leave a Reply</h3><form><textarea></textarea></form></div><footer>(c) 2019</footer>
<script>var x = "<p>not text</p>";</script></body></html>`;
  const a = html(src);
  assert.equal(a.contentType, 'text/html');
  assert.equal(a.title, 'Strike & aftermath');
  assert.equal(a.cleanText, 'Strike kills three\n\nThree civilians were killed in Hajin “yesterday”.\n\nSecond paragraph.');
  const i = a.cleanText.indexOf('Hajin');
  const r = toOriginalRange(a.cleanToOriginal, i, i + 5)!;
  assert.equal(src.slice(r.start, r.end), 'Hajin');
  const q = a.cleanText.indexOf('“');
  const rq = toOriginalRange(a.cleanToOriginal, q, q + 1)!;
  assert.equal(src.slice(rq.start, rq.end), '&ldquo;');
});

test('content type is sniffed and windows-1252 bytes are decoded', async () => {
  const [o] = await collect(parseArticle(Buffer.from('<p>Hello <i>there</i></p>')));
  assert.ok(o?.ok && o.record.contentType === 'text/html' && o.record.cleanText === 'Hello there');
  const a = articleFromBytes(Uint8Array.from([0x93, 0x41, 0x94, 0x0a]), prov);
  assert.equal(a.charset, 'windows-1252');
  assert.equal(a.cleanText, '“A”');
});

test('property: random substrings of clean text map back to the same characters (plain text)', () => {
  const line = fc.oneof(
    fc.constantFrom('Share on Facebook', 'Tweet', 'Leave a Reply', 'Representational photo.', '', '   ', BODY),
    fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', 'ي', '٣', '\t', '“') }),
  );
  fc.assert(
    fc.property(fc.array(line, { maxLength: 12 }), fc.nat(), fc.nat(), (lines, x, y) => {
      const a = plain(lines.join('\n'));
      assertExact(a);
      if (a.cleanText.length === 0) return;
      const s = x % a.cleanText.length;
      const e = s + 1 + (y % (a.cleanText.length - s));
      const r = toOriginalRange(a.cleanToOriginal, s, e)!;
      const sub = a.cleanText.slice(s, e);
      // the mapped range holds the substring's characters in order (dropped chrome may sit between)
      let k = r.start;
      for (const ch of sub) {
        while (k < r.end && a.text[k] !== ch) k++;
        assert.ok(k < r.end, 'character found in range');
        k++;
      }
      assert.equal(a.text[r.start], sub[0]);
      assert.equal(a.text[r.end - 1], sub[sub.length - 1]);
    }),
    { numRuns: 300 },
  );
});

test('fuzz: random and truncated HTML never throws; offsets stay inside the original', async () => {
  const tag = fc.constantFrom('<p>', '</p>', '<div class="share">', '</div>', '<script>', '</script>', '<!--', '-->', '&amp;', '&#x1F600;', '&#99999999;', '<b', '>', '<', '&', 'text ', '\n', '<br/>', '<nav>', '</nav>');
  await fc.assert(
    fc.asyncProperty(fc.array(tag, { maxLength: 40 }), fc.nat(), async (parts, cut) => {
      const src = parts.join('');
      const truncated = src.slice(0, cut % (src.length + 1));
      const out = await collect(parseArticle(Buffer.from(truncated), { contentType: 'text/html' }));
      assertWellFormed(out);
      const a = out[0];
      assert.ok(a.ok);
      for (let i = 0; i < a.record.cleanText.length; i++) {
        const o = toOriginal(a.record.cleanToOriginal, i);
        assert.ok(o >= 0 && o < a.record.text.length);
      }
    }),
    { numRuns: 200 },
  );
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
      assertWellFormed(await collect(parseArticle(bytes)));
    }),
    { numRuns: 100 },
  );
});
