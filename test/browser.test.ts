import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestApp } from '../src/web/testing.ts';
import { buildIncident } from '../src/incidents/factories.ts';
import { strikeImporter } from '../src/strikes/strikeImporter.ts';
import { buildReleaseRow, writeReleaseCsv } from '../src/strikes/factories.ts';
import { REPO_ROOT } from '../src/shared-data.ts';
import { contrastFailures, formatContrast, keyboardProblems, unlabelledControls } from './accessibility.ts';

const CHROMIUM = process.env.HARMWATCH_CHROMIUM ?? '/usr/bin/chromium';
export const SHOTS = join(REPO_ROOT, 'test-output', 'screenshots');

/** Collects console errors and failed requests of a page; a page that logs one fails the test. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

test('in a real browser: a visitor searches in Arabic, opens an incident, sees the map and charts', async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`skipped: no Chromium at ${CHROMIUM} (apt-get install chromium; CI installs it)`);
    return;
  }
  mkdirSync(SHOTS, { recursive: true });
  const { app, db, close } = await createTestApp();
  t.after(close);
  const baghuz = await buildIncident(db.kysely, { placeText: 'Al Baghuz Fawqani', placeNameAr: 'الباغوز فوقاني', country: 'SY', admin1: 'Deir-ez-Zor', lat: 34.45, lon: 40.93, placePrecision: 'village', dateStart: '2019-03-18', dateEnd: '2019-03-18' });
  await buildIncident(db.kysely, { placeText: 'Mosul', placeNameAr: 'الموصل', lat: 36.34, lon: 43.13, placePrecision: 'city' });
  await strikeImporter(db.kysely, { file: writeReleaseCsv(Array.from({ length: 80 }, (_, i) => buildReleaseRow(i))), actor: 'test' });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });

  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = watch(page);

  await t.test('home page, keyboard: the skip link is the first stop and leads to main', async () => {
    await page.goto(`${base}/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    assert.equal(focused, 'Skip to content');
    await page.screenshot({ path: join(SHOTS, 'home-en.png'), fullPage: true });
  });

  await t.test('search in Arabic and open the incident', async () => {
    await page.goto(`${base}/incidents?lang=ar`);
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    await page.getByLabel('بحث (بالعربية أو الإنجليزية)').fill('الباغوز');
    await page.getByRole('button', { name: 'تطبيق' }).click();
    await page.waitForURL(/q=/);
    const rows = page.locator('tbody tr');
    assert.equal(await rows.count(), 1);
    await page.screenshot({ path: join(SHOTS, 'incidents-search-ar.png'), fullPage: true });
    await page.getByRole('link', { name: baghuz.publicId }).click();
    await page.waitForURL(new RegExp(`/incidents/${baghuz.publicId}`));
    assert.match(await page.locator('h1').innerText(), new RegExp(baghuz.publicId));
    await page.screenshot({ path: join(SHOTS, 'incident-ar.png'), fullPage: true });
  });

  await t.test('the map and charts render', async () => {
    await page.goto(`${base}/map?lang=en`);
    assert.equal(await page.locator('svg.map circle').count() >= 2, true);
    await page.screenshot({ path: join(SHOTS, 'map.png'), fullPage: true });
    await page.goto(`${base}/charts`);
    assert.ok((await page.locator('svg.hwplot, figure.hwplot svg').count()) >= 1);
    await page.screenshot({ path: join(SHOTS, 'charts.png'), fullPage: true });
    await page.goto(`${base}/strikes?country=SY`);
    await page.screenshot({ path: join(SHOTS, 'strikes.png'), fullPage: true });
  });

  await t.test('every form control has a label; no page logged an error', async () => {
    for (const path of ['/', '/incidents', '/strikes', '/map']) {
      await page.goto(`${base}${path}`);
      const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
        .filter((el) => !(el as HTMLInputElement).labels?.length && !el.getAttribute('aria-label')).map((el) => el.outerHTML));
      assert.deepEqual(unlabelled, [], path);
    }
    assert.deepEqual(problems, []);
  });
});

test('in a real browser: a witness submits a report; an analyst grades with a reason and a reviewer approves', async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`skipped: no Chromium at ${CHROMIUM}`);
    return;
  }
  mkdirSync(SHOTS, { recursive: true });
  const { makeUser, TEST_PASSWORD } = await import('../src/auth/testing.ts');
  const { app, db, close } = await createTestApp();
  t.after(close);
  await makeUser(db, 'amira', 'analyst');
  await makeUser(db, 'rami', 'reviewer');
  const inc = await buildIncident(db.kysely, { status: 'draft', grade: null, placeText: 'Hajin', country: 'SY' });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  t.after(() => browser.close());

  await t.test('a witness submits the form in Arabic and gets a reference code', async () => {
    const page = await browser.newPage();
    const problems = watch(page);
    await page.goto(`${base}/submit?lang=ar`);
    await page.locator('#text').fill('قصف على حي في هجين مساء أمس، قتل ثلاثة مدنيين بينهم طفل. للتواصل witness@example.org');
    await page.locator('#place').fill('هجين');
    await page.screenshot({ path: join(SHOTS, 'submit-ar.png'), fullPage: true });
    await page.locator('form button[type=submit]').click();
    await page.waitForLoadState();
    assert.match(await page.content(), /HW-S-|[A-Z0-9]{4,}-[A-Z0-9]{4,}|رمز/);
    await page.screenshot({ path: join(SHOTS, 'submit-receipt-ar.png'), fullPage: true });
    const stored = await db.kysely.selectFrom('sources').select(['status', 'visibility']).where('type', '=', 'public_submission').execute();
    assert.deepEqual(stored.map((s) => [s.status, s.visibility]), [['unverified', 'restricted']]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  const signIn = async (username: string): Promise<Page> => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/login`);
    await page.getByLabel('User name').fill(username);
    await page.getByLabel('Password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/workspace$/);
    return page;
  };

  await t.test('the analyst proposes a grade with a mandatory reason', async () => {
    const page = await signIn('amira');
    const problems = watch(page);
    await page.goto(`${base}/workspace/incidents/${inc.publicId}`);
    await page.getByLabel('Grade', { exact: true }).selectOption('fair');
    await page.locator('#grade-reason').fill('two independent local sources and a declared strike the same day');
    await page.screenshot({ path: join(SHOTS, 'workspace-grade.png'), fullPage: true });
    await page.getByRole('button', { name: /Propose/ }).click();
    await page.waitForURL(new RegExp(`/workspace/incidents/${inc.publicId}`));
    const pending = await db.kysely.selectFrom('grade_decisions').select(['grade', 'decision', 'proposed_by']).execute();
    assert.deepEqual(pending.map((p) => [p.grade, p.decision]), [['fair', 'pending']]);
    assert.deepEqual(problems, []);
  });

  await t.test('a reviewer approves it; only then does the grade change', async () => {
    assert.equal((await db.kysely.selectFrom('incidents').select('grade').where('id', '=', inc.id).executeTakeFirstOrThrow()).grade, null);
    const page = await signIn('rami');
    const problems = watch(page);
    await page.screenshot({ path: join(SHOTS, 'workspace-review.png'), fullPage: true });
    const form = page.locator('form[action^="/workspace/grades/"]');
    await form.locator('input[name=reason]').fill('checked the sources and the strike release');
    await form.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(/\/workspace$/);
    const row = await db.kysely.selectFrom('incidents').select(['grade', 'grade_status']).where('id', '=', inc.id).executeTakeFirstOrThrow();
    assert.deepEqual([row.grade, row.grade_status], ['fair', 'approved']);
    assert.deepEqual(problems, []);
  });
});

const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

test('in a real browser: the accessibility checks catch low contrast, a missing skip link, no focus ring, unlabelled fields', async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`skipped: no Chromium at ${CHROMIUM}`);
    return;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  t.after(() => browser.close());
  const page = await browser.newPage();
  await page.setContent(`<main id="main">
<p id="a" style="color:#777777">grey 4.48</p><p id="b" style="color:#767676">grey 4.54</p>
<p id="c" style="color:#959595;font-size:24px">large 2.99</p><p id="d" style="color:#949494;font-size:24px">large 3.03</p>
<div style="background:rgba(0,0,0,.5)"><span id="e" style="color:#555555">on half black</span></div>
<svg style="background:#ffffff"><text id="f" x="5" y="20" fill="#aaaaaa">svg text</text></svg>
<style>#g::placeholder { color: #aaaaaa }</style><input id="g" placeholder="placeholder"><label>Named <input id="h"></label></main>`);
  const failed = (await contrastFailures(page)).map((f) => f.element.replace(/^.* > /, ''));
  assert.deepEqual(failed.sort(), ['input#g::placeholder', 'p#a', 'p#c', 'span#e', 'text#f']);
  assert.deepEqual((await unlabelledControls(page)).length, 1);
  const problems = await keyboardProblems(page, 'data:text/html,<a href="/x" style="outline:none">x</a>');
  assert.ok(problems.some((p) => p.startsWith('first Tab stop is not the skip link')), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('no visible focus indicator')), problems.join('\n'));
});

test('in a real browser: every main page in both languages has readable contrast, a skip link, visible focus and labelled fields', async (t) => {
  if (!existsSync(CHROMIUM)) {
    t.skip(`skipped: no Chromium at ${CHROMIUM}`);
    return;
  }
  const { makeUser, TEST_PASSWORD } = await import('../src/auth/testing.ts');
  const { app, db, close } = await createTestApp();
  t.after(close);
  await makeUser(db, 'amira', 'analyst');
  const inc = await buildIncident(db.kysely, { placeText: 'Al Baghuz Fawqani', placeNameAr: 'الباغوز فوقاني', country: 'SY', admin1: 'Deir-ez-Zor', lat: 34.45, lon: 40.93, placePrecision: 'village', dateStart: '2019-03-18', dateEnd: '2019-03-18' });
  await buildIncident(db.kysely, { placeText: 'Mosul', placeNameAr: 'الموصل', lat: 36.34, lon: 43.13, placePrecision: 'city', grade: 'weak' });
  await strikeImporter(db.kysely, { file: writeReleaseCsv(Array.from({ length: 80 }, (_, i) => buildReleaseRow(i))), actor: 'test' });
  const base = (await app.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  t.after(() => browser.close());

  const visitor = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const analyst = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await analyst.goto(`${base}/login`);
  await analyst.getByLabel('User name').fill('amira');
  await analyst.getByLabel('Password').fill(TEST_PASSWORD);
  await analyst.getByRole('button', { name: 'Sign in' }).click();
  await analyst.waitForURL(/\/workspace$/);

  const pages: Array<[Page, string]> = [
    ...['/', '/incidents', `/incidents/${inc.publicId}`, '/map', '/charts', '/methodology', '/submit', '/strikes', '/login'].map((p): [Page, string] => [visitor, p]),
    ...['/workspace', `/workspace/incidents/${inc.publicId}`].map((p): [Page, string] => [analyst, p]),
  ];
  const problems: string[] = [];
  for (const lang of ['en', 'ar']) {
    for (const [page, path] of pages) {
      const url = `${base}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`;
      const where = `${path} (${lang})`;
      await page.goto(url);
      for (const f of await contrastFailures(page)) problems.push(`${where}: contrast: ${formatContrast(f)}`);
      for (const c of await unlabelledControls(page)) problems.push(`${where}: no label: ${c}`);
      for (const k of await keyboardProblems(page, url)) problems.push(`${where}: keyboard: ${k}`);
    }
  }
  assert.equal(problems.length, 0, `\n${[...new Set(problems)].join('\n')}`);
});
