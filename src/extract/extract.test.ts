import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { SHARED_DATA_ABSENT, sharedDataPath } from '../shared-data.ts';
import { extractClaims, inferPublished } from './extract.ts';
import type { Claim, ExtractResult } from './types.ts';

function spansMatch(text: string, r: ExtractResult): void {
  for (const c of r.claims) {
    assert.equal(text.slice(c.span[0], c.span[1]), c.quote);
    assert.ok(c.span[0] <= c.span[1] && c.span[1] <= text.length);
    if (c.duplicateOf !== null) assert.ok(c.duplicateOf >= 0 && c.duplicateOf < r.claims.length);
  }
}

test('the founding article comes out as a careful reader sees it', (t) => {
  const p = sharedDataPath('seed', 'article.txt');
  if (!p) {
    t.skip(SHARED_DATA_ABSENT);
    return;
  }
  const text = readFileSync(p, 'utf8');
  const r = extractClaims(text, { published: '2019-06-01' });
  spansMatch(text, r);
  const canon = r.claims.filter((c) => c.duplicateOf === null);
  const find = (pred: (c: Claim) => boolean): Claim => {
    const c = canon.find(pred);
    assert.ok(c, 'claim missing');
    return c;
  };
  const strikes = find((c) => c.type === 'strikes');
  assert.deepEqual([strikes.min, strikes.claimant?.normalised, strikes.period?.start, strikes.period?.end], [34502, 'US-led Coalition', '2014-08-01', '2019-04-30']);
  const conceded = find((c) => c.type === 'casualties' && c.min === 1302);
  assert.deepEqual([conceded.qualifier, conceded.max, conceded.population, conceded.claimant?.normalised], ['at_least', null, 'civilians', 'US-led Coalition']);
  assert.ok(conceded.stance.includes('unintentionally'));
  const open = find((c) => c.type === 'reports' && c.min === 111);
  assert.ok(open.stance.some((s) => s.includes('being considered')));
  const sohr = find((c) => c.type === 'casualties' && c.min === 3800);
  assert.deepEqual([sohr.qualifier, sohr.claimant?.normalised, sohr.actor?.normalised], ['more_than', 'SOHR', 'US-led Coalition']);
  const children = find((c) => c.population === 'children');
  assert.deepEqual([children.min, children.max, children.qualifier, children.claimant?.normalised], [1000, 1000, 'about', 'SOHR']);
  const seven = find((c) => c.type === 'reports' && c.min === 7);
  assert.deepEqual([seven.period?.start, seven.period?.end, seven.places.map((x) => x.text)], ['2019-03-11', '2019-03-24', ['Baguoz']]);
  assert.ok(seven.stance.some((s) => s.includes('unreliable')));
  assert.ok(canon.some((c) => c.type === 'assessment' && c.stance.some((s) => s.includes('unreliable'))));
  assert.ok(canon.some((c) => c.type === 'assessment' && c.claimant?.normalised === 'Amnesty International'));
  // the headline's 1300 and the body's "over 1300" are the coalition's 1,302, counted once
  const about1300 = r.claims.filter((c) => c.type === 'casualties' && c.min !== null && c.min >= 1300 && c.min <= 1302);
  assert.ok(about1300.length >= 3);
  assert.equal(about1300.filter((c) => c.duplicateOf === null).length, 1);
  // nothing from the comment form or the related links
  assert.ok(!r.claims.some((c) => c.quote.includes('Bomb blasts') || c.span[0] > text.indexOf('Leave a Reply')));
  assert.equal(canon.filter((c) => c.type === 'casualties').length, 3);
});

test('a headline repeating the body is one claim', () => {
  const text = 'Drone strike kills 4 civilians in Idlib\n\nA drone strike killed 4 civilians in the town of Sarmada in Idlib on Monday, local rescuers said, in what residents described as the deadliest attack on the town this year, which has seen repeated shelling.';
  const r = extractClaims(text, { published: '2024-05-08' });
  const killed = r.claims.filter((c) => c.min === 4);
  assert.equal(killed.length, 2);
  assert.equal(killed.filter((c) => c.duplicateOf === null).length, 1);
  assert.ok(killed.some((c) => c.headline));
  // items of a bulleted tally are separate claims, even with the same small figure
  const tally = extractClaims('Attacks by month: • January: three people were killed. • April: an attack killed three women.').claims;
  assert.deepEqual(tally.filter((c) => c.type === 'casualties').map((c) => [c.population, c.min, c.duplicateOf]), [['unknown', 3, null], ['women', 3, null]]);
});

test('the geocode callback fills matches, and errors in it do not escape', () => {
  const text = 'مقتل ثلاثة مدنيين بقصف على قرية كنصفرة في ريف إدلب';
  const r = extractClaims(text, { geocode: (p) => (p.includes('كنصفرة') ? { id: 'SY-1', lat: 35.6, lon: 36.5 } : null) });
  assert.deepEqual(r.claims[0]?.places.find((p) => p.match)?.match, { id: 'SY-1', lat: 35.6, lon: 36.5 });
  const r2 = extractClaims(text, { geocode: () => { throw new Error('down'); } });
  assert.equal(r2.claims[0]?.min, 3);
});

test('empty, blank, binary, mixed-script and 10 MB inputs finish with a clear result', () => {
  assert.deepEqual(extractClaims(''), { claims: [] });
  assert.deepEqual(extractClaims(' \n\t '), { claims: [] });
  const binary = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256)).toString('utf8');
  spansMatch(binary, extractClaims(binary));
  const mixed = 'killed 3 civilians مقتل ٣ مدنيين 1,000,000 قتلى و killed. ';
  const rm = extractClaims(mixed);
  spansMatch(mixed, rm);
  assert.ok(rm.claims.length >= 2);
  const big = 'at least more than between 1 and of killed '.repeat(250_000);
  assert.ok(big.length >= 10_000_000);
  const rb = extractClaims(big);
  assert.ok(rb.claims.length <= 2000);
});

const fragments = fc.constantFrom(
  'at least', '1,302', 'civilians', 'were killed', 'مقتل', '٣', 'أطفال', 'ما لا يقل عن', 'dozens of', 'between', 'and', '\n\n',
  'Leave a Reply', 'Share', 'اليوم الجمعة', '6 تشرين الأول', 'on Friday', 'the coalition said', 'المرصد السوري', '.', '،', 'ـ', 'ُ',
);

test('random and truncated input never throws and spans always match quotes', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fragments, { maxLength: 40 }).map((a) => a.join(' '))), fc.option(fc.constantFrom('2019-06-01', '2024-12-09', 'not a date'), { nil: undefined }), (text, published) => {
      spansMatch(text, extractClaims(text, { published }));
    }),
    { numRuns: 300 },
  );
  const p = sharedDataPath('seed', 'article.txt');
  const article = p ? readFileSync(p, 'utf8') : 'The coalition said at least 1,302 civilians were killed.';
  fc.assert(
    fc.property(fc.integer({ min: 0, max: article.length }), fc.integer({ min: 0, max: article.length }), (a, b) => {
      const cut = article.slice(Math.min(a, b), Math.max(a, b));
      spansMatch(cut, extractClaims(cut, { published: '2019-06-01' }));
    }),
    { numRuns: 100 },
  );
});

test('dates and places set in a sentence without a figure carry to the claims after it', () => {
  const text = 'استهدفت طائرة مسيرة صباح اليوم الثلاثاء بلدة كفرتخاريم.\nوأسفر ذلك عن مقتل شخصين.';
  const c = extractClaims(text, { published: '2024-12-10' }).claims.find((x) => x.type === 'casualties');
  assert.equal(c?.period?.start, '2024-12-10');
  assert.deepEqual(c?.places.map((p) => p.text), ['كفرتخاريم']);
  // a crawl-time date bar after the publication date is not the event's date: the short post falls back to its publication day
  const page = 'السبت 1 آب 2026\n\nمقتل 3 مدنيين بقصف على مدينة #الباب';
  const p = extractClaims(page, { published: '2024-10-26' }).claims[0]?.period;
  assert.deepEqual(p && [p.start, p.end, p.precision], ['2024-10-25', '2024-10-26', 'span']);
});

test('Arabic places after prepositions: hashtags, quoted names, direction words, dams', () => {
  const places = (t: string): string[] => extractClaims(t, { published: '2024-12-10' }).claims.flatMap((c) => c.places.map((p) => p.text));
  assert.ok(places('مقتل طفل بقصف على "تل جبين" اليوم').includes('تل جبين'));
  assert.ok(places('إصابة امرأة بقصف استهدف محيط بلدة #الأتارب').includes('الأتارب'));
  assert.ok(places('مقتل مزارع بقصف على سد تشرين').includes('تشرين'));
});

test('a strike event with no count is a strikes claim (vague when plural)', () => {
  const r = extractClaims('غارات جوية على بلدة معرة مصرين اليوم', { published: '2024-12-10' }).claims;
  assert.deepEqual(r.map((c) => [c.type, c.min, c.qualifier, c.period?.start]), [['strikes', null, 'vague', '2024-12-10']]);
  const one = extractClaims('An airstrike hit the town of Sarmada.').claims;
  assert.deepEqual(one.map((c) => [c.type, c.min, c.places.map((p) => p.text)]), [['strikes', 1, ['Sarmada']]]);
  // shells and rockets fired are counted strikes; a raid is a strike event with its place and day
  const shells = extractClaims('سقوط 3 قذائف على قرية كفرنبل مساء اليوم', { published: '2024-12-10' }).claims;
  assert.deepEqual(shells.map((c) => [c.type, c.min, c.places.map((p) => p.text)]), [['strikes', 3, ['كفرنبل']]]);
  const raid = extractClaims('اعتقلت قوات الأمن ثلاثة أشخاص خلال مداهمة في قرية الحلوة فجر اليوم', { published: '2024-12-10' }).claims;
  assert.deepEqual(raid.map((c) => [c.type, c.min, c.period?.start, c.places.map((p) => p.text)]), [['strikes', null, '2024-12-10', ['الحلوة']]]);
});

test('Arabic places after harm words, lone hashtags (underscores as spaces), and what is not a place', () => {
  const places = (t: string): string[] => [...new Set(extractClaims(t, { published: '2024-12-10' }).claims.flatMap((c) => c.places.map((p) => p.text)))];
  assert.ok(places('مقتل 3 مدنيين في سرمين اليوم').includes('سرمين'));
  assert.deepEqual(places('ارتقاء مدني برفقة شخصين #كفرتخاريم شمال #إدلب'), ['كفرتخاريم', 'إدلب']);
  assert.ok(places('استشهاد طفل بقصف على #معرة_النعمان').includes('معرة النعمان'));
  const none = places('إصابة مدنيين في منزلهم بقصف على أكثر من موقع في شمال وشرق سوريا #عاجل');
  assert.ok(!none.some((p) => /منزل|أكثر|وشرق|عاجل/.test(p)), none.join(','));
});

test('publication dates read from datelines and post stamps in the text', () => {
  assert.equal(inferPublished('14/02/2023\n\nأخبار\n\nقصف ليلة أمس'), '2023-02-14');
  assert.equal(inferPublished('3 March، 2022\n\nDamascus, agency'), '2022-03-03');
  assert.equal(inferPublished('channel\n1.2K viewsJan 5, 2025 at 09:30'), '2025-01-05');
});
