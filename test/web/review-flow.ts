// The browser walk-through, shared by the real-pipeline run (browser.test.ts) and the
// fixture-claims run (browser-fixture.test.ts): the same reviewer actions on either data.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { docsPath, launch, newPage, selectInArticle } from './browser.js';
import { idA, idB, startApp, type TestApp } from './helpers.js';

export interface FlowOptions {
  fixture: boolean;
  /** Write docs/review-queue.png and docs/article-view.png. */
  screenshots: boolean;
}

export function reviewFlow(opts: FlowOptions) {
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let events: { dialogs: string[]; errors: string[] };
  let confirmedId = '';

  before(async () => {
    app = await startApp({ fixture: opts.fixture });
    browser = await launch();
    ({ page, events } = await newPage(browser));
  });
  after(async () => {
    await browser?.close();
    await app?.close();
  });

  test('open the seed article and see 0.27% highlighted as a discrepancy', async () => {
    await page.goto(`${app.url}/articles/${idA}`);
    const mark = page.locator('a.claim.st-discrepancy', { hasText: '0.27%' }).first();
    await mark.waitFor();
    const labelled = page.locator('a.claim.st-discrepancy[data-state="discrepancy"]', { hasText: '0.27%' });
    assert.equal(await labelled.count(), 1, 'the highlight carries the text label "discrepancy"');
    const label = await labelled.evaluate((el) => getComputedStyle(el, '::after').content);
    assert.equal(label, '"discrepancy"', 'the label is shown next to the number');
    await mark.click();
    await page.waitForURL(/\?claim=/);
    const detail = page.locator('#detail');
    assert.match((await detail.textContent())!, /0\.27%/);
    assert.match((await detail.textContent())!, /Same fact in other sources/);
    assert.match((await detail.textContent())!, /0\.37%/);
    if (opts.screenshots) await page.screenshot({ path: docsPath('article-view.png') });
  });

  test('open the finding from the queue', async () => {
    await page.goto(`${app.url}/queue`);
    const first = page.locator('.card').first();
    const text = (await first.textContent())!;
    assert.match(text, /discrepancy/);
    assert.match(text, /0\.27%/);
    assert.match(text, /0\.37%/);
    if (opts.screenshots) await page.screenshot({ path: docsPath('review-queue.png') });
    // j/k move between findings; ? opens the shortcut help and Escape closes it.
    assert.equal(await page.locator('.card.current').getAttribute('data-finding'), await first.getAttribute('data-finding'));
    await page.keyboard.press('j');
    assert.equal(await page.locator('.card.current').getAttribute('data-finding'), await page.locator('.card').nth(1).getAttribute('data-finding'));
    await page.keyboard.press('k');
    assert.equal(await page.locator('.card.current').getAttribute('data-finding'), await first.getAttribute('data-finding'));
    await page.keyboard.press('?');
    assert.ok(await page.locator('#help').isVisible());
    await page.keyboard.press('Escape');
    assert.ok(!(await page.locator('#help').isVisible()));
    await first.locator('.card-head h3 a').click();
    await page.waitForURL(/\/findings\/f\w+$/);
    confirmedId = new URL(page.url()).pathname.split('/').pop()!;
    assert.equal(await page.locator('.card').count(), 1);
    assert.match((await page.locator('.card').textContent())!, /0\.27%[\s\S]*0\.37%|0\.37%[\s\S]*0\.27%/);
  });

  test('confirm it with the keyboard, reload, and the decision is still there', async () => {
    assert.ok(confirmedId, 'needs the finding opened by the previous test');
    const status = page.locator('.card .tag.status');
    assert.equal(await status.getAttribute('data-status'), 'open');
    await Promise.all([page.waitForURL(/#f-/), page.keyboard.press('c')]);
    await page.waitForLoadState('load');
    assert.equal(await status.getAttribute('data-status'), 'confirmed');
    await page.reload();
    assert.equal(await page.locator('.card .tag.status').getAttribute('data-status'), 'confirmed');
    assert.equal(app.store.read().reviews.find((r) => r.findingId === confirmedId)?.status, 'confirmed');
  });

  test('dismiss another finding with a reason', async () => {
    await page.goto(`${app.url}/queue`);
    const current = page.locator('.card.current');
    const id = (await current.getAttribute('data-finding'))!;
    assert.ok(id && id !== confirmedId, 'the confirmed finding left the open queue');
    await page.keyboard.press('d');
    const reason = page.locator('.card.current select[name=reason]');
    assert.ok(await reason.evaluate((el) => el === document.activeElement), 'd focuses the reason list');
    await reason.selectOption('different-period');
    await Promise.all([page.waitForURL(/\/queue/), reason.press('Enter')]);
    await page.waitForLoadState('load');
    assert.equal(await page.locator(`[data-finding="${id}"]`).count(), 0, 'it left the open queue');
    await page.goto(`${app.url}/queue?status=dismissed`);
    const card = page.locator(`[data-finding="${id}"]`);
    assert.match((await card.locator('.tag.status').textContent())!, /dismissed · Different period/);
    const r = app.store.read().reviews.find((x) => x.findingId === id);
    assert.equal(r?.status, 'dismissed');
    assert.equal(r?.reason, 'different-period');
  });

  test('add a manual claim by selecting text, and see it in the facts view', async () => {
    await page.goto(`${app.url}/articles/${idB}`);
    await selectInArticle(page, '1200万');
    const form = page.locator('[data-annotate-claim] form');
    await form.waitFor({ state: 'visible' });
    assert.equal(await form.locator('input[name=quote]').inputValue(), '1200万');
    assert.equal(await form.locator('input[name=value]').inputValue(), '1200', 'the number is read from the selection');
    assert.equal(await form.locator('select[name=scale]').inputValue(), '10000', '万 sets the scale');
    await form.locator('input[name=unit]').fill('count');
    await form.locator('input[name=metric]').fill('users');
    await form.locator('input[name=period]').fill('2023-10');
    await form.locator('input[name=subject]').fill('iflytek');
    await Promise.all([page.waitForURL(/\?claim=m[0-9a-f]+/), form.locator('button[type=submit]').click()]);
    const m = app.store.read().manualClaims.find((x) => x.quote === '1200万');
    assert.ok(m, 'stored in manualClaims');
    assert.equal(m.value, 12_000_000);
    assert.equal(m.origin, 'manual');
    assert.equal(app.store.read().articles.find((a) => a.id === idB)!.text.slice(m.start, m.end), '1200万');
    assert.match((await page.locator('#detail').textContent())!, /added by a reviewer/);
    await page.goto(`${app.url}/facts?scope=single&q=1200`);
    // The extractor may list the same words too; the reviewer's claim is the one tagged manual.
    const row = page.locator('table.list tbody tr', { hasText: '1200万', has: page.locator('.tag.manual') });
    assert.equal(await row.count(), 1);
    assert.match((await row.textContent())!, /12 million[\s\S]*iFlytek · users · 2023-10/);
  });

  test('an article containing <script> and <img onerror> renders as inert text', async () => {
    await page.goto(`${app.url}/add`);
    const evil = 'Before <script>window.__xss = 1; alert("script")</script> middle <img src=x onerror="window.__xss = 2; alert(\'img\')"> after 收入12亿元。';
    await page.fill('input[name=title]', 'Hostile <img src=x onerror=alert(3)> title');
    await page.fill('textarea[name=text]', evil);
    await Promise.all([page.waitForURL(/\/articles\/a\w+$/), page.click('form[action="/add/paste"] button[type=submit]')]);
    await page.waitForLoadState('load');
    await page.waitForTimeout(300);
    assert.deepEqual(events.dialogs, [], 'no alert ran');
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    const text = page.locator('[data-article-text]');
    assert.equal(await text.locator('script, img').count(), 0);
    assert.equal(await page.locator('h1 img').count(), 0);
    const shown = (await text.innerText())!;
    assert.ok(shown.includes('<script>window.__xss = 1; alert("script")</script>'), 'the script tag is visible as text');
    assert.ok(shown.includes('<img src=x onerror="window.__xss = 2; alert(\'img\')">'), 'the img tag is visible as text');
    assert.match((await page.locator('h1').innerText())!, /Hostile <img src=x onerror=alert\(3\)> title/);
    assert.deepEqual(events.errors, []);
  });

  return { app: () => app, page: () => page };
}
