import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromeRanges, mainTextRange } from './chrome.ts';
import { extractClaims } from './extract.ts';

const body = 'The strike killed four civilians in the village, local medics said, and wounded others who were taken to hospital in the nearby town, where doctors treated them for their injuries overnight.';

test('a comment form and the related links after it are cut', () => {
  const text = `${body}\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nBomb blasts kill over 10 persons in Raqqa`;
  const [s, e] = mainTextRange(text);
  assert.equal(text.slice(s, e), body);
  assert.deepEqual(extractClaims(text).claims.map((c) => c.min).filter((m) => m !== null), [4]);
});

test('a related-news block before the body is skipped, the body kept', () => {
  const text = `Headline\n\nRelated News\n\nMan shot dead by gunmen, 3 killed\n\n${body}\n\nShare on Facebook\n\nShare on Twitter`;
  const claims = extractClaims(text).claims;
  assert.deepEqual(claims.map((c) => c.min).filter((m) => m !== null), [4]);
  assert.ok(chromeRanges(text).length >= 2);
});

test('Arabic previous/next links and share buttons are chrome', () => {
  const ar = 'قصفت قوات النظام بلدة كنصفرة في ريف إدلب الجنوبي صباح اليوم ما أدى إلى مقتل ثلاثة مدنيين بينهم طفل وإصابة آخرين بجروح متفاوتة نقلوا على إثرها إلى المشافي القريبة لتلقي العلاج اللازم من قبل فرق الإسعاف';
  const text = `${ar}\n\nشارك على\n\nالسابق\n\n16 قتلوا بظروف مختلفة`;
  const mins = extractClaims(text).claims.map((c) => c.min);
  assert.ok(!mins.includes(16));
  assert.ok(mins.includes(3));
});
