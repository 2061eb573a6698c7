// In Chromium, what a reviewer clicks: recording a finding's primary source and seeing the wrong
// article named (finding page, queue card, download); switching the interface to Chinese and
// back, and a Chinese browser getting Chinese at once; the confirmation of c or d in view where
// the reviewer is working; comments visible in the text. Writes docs/review-primary-source.png
// and docs/review-queue-zh.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { docsPath, launch } from './browser.js';
import { idA, PASSWORD, startApp, type TestApp } from './helpers.js';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errors: string[] = [];
const FILING = 'https://static.cninfo.com.cn/finalpage/2023-10-24/1218090163.PDF';

async function person(locale?: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...(locale ? { locale } : {}) });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.setDefaultTimeout(8000);
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

async function signIn(page: Page, name: string) {
  await page.goto(`${app.url}/login`);
  await page.fill('input[name=name]', name);
  await page.fill('input[name=password]', PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.click('form.login-form button[type=submit]')]);
}

/** Whether the element's box lies inside the viewport. */
const inView = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  });

before(async () => {
  app = await startApp({ fixture: true, users: [['alice', 'reviewer'], ['bob', 'reviewer']] });
  browser = await launch();
});
after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await app?.close();
});

test('after c on a card far down the queue, the confirmation is in view, and so is the next card', async () => {
  const page = await person();
  await signIn(page, 'bob');
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto(`${app.url}/queue`);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  const id = (await page.locator('.card.current').getAttribute('data-finding'))!;
  await Promise.all([page.waitForURL(/#f-/), page.keyboard.press('c')]);
  await page.waitForLoadState('load');
  assert.equal(app.store.read().reviews.find((r) => r.findingId === id)?.status, 'confirmed');
  await page.locator('.flash').first().waitFor();
  assert.match(await page.locator('.flash').first().innerText(), /^Confirmed: /);
  assert.ok(await inView(page, '.flash'), 'the confirmation is on screen, not scrolled away above');
  assert.ok(await inView(page, '.card.current'), 'the next card is on screen too');
  // d: pick a reason, Enter.
  await page.keyboard.press('d');
  await page.locator('.card.current select[name=reason]').selectOption('rounding');
  await Promise.all([page.waitForURL(/#f-/), page.locator('.card.current select[name=reason]').press('Enter')]);
  await page.waitForLoadState('load');
  await page.locator('.flash').first().waitFor();
  assert.match(await page.locator('.flash').first().innerText(), /^Dismissed \(Rounding\): /);
  assert.ok(await inView(page, '.flash'), 'after d too');
  // It does not hide what it covers for good: Escape (or a click) puts it away.
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.flash').count(), 0);
  // Put bob's decisions back, so the tests below see the seed queue.
  for (let i = 0; i < 2; i++) await Promise.all([page.waitForEvent('load'), page.keyboard.press('u')]);
  assert.equal(app.store.read().reviews.filter((r) => r.status !== 'open').length, 0);
});

test('record the primary source on a finding page, and see the wrong article named there, in the queue and in the report', async () => {
  const page = await person();
  await signIn(page, 'alice');
  const f = app.store.read().findings.find((x) => x.verdict === 'discrepancy')!;
  await page.goto(`${app.url}/findings/${f.id}`);
  const form = page.locator('details.source-form form').first();
  assert.ok(await form.isVisible(), 'open while nothing is recorded');
  await form.locator('input[name=sourceUrl]').fill(FILING);
  await form.locator('input[name=sourceTitle]').fill('科大讯飞：2023年三季度报告');
  assert.match((await form.locator('input[name=sourceValue]').getAttribute('placeholder'))!, /^-0\.[23]7$/, 'a hint in the finding’s own terms');
  await form.locator('input[name=sourceValue]').fill('-0.37');
  assert.equal(await form.locator('select[name=sourceUnit]').inputValue(), '%');
  await form.locator('input[name=sourcePrinted]').fill('下降0.37%');
  await Promise.all([page.waitForURL(new RegExp(`/findings/${f.id}`)), form.locator('button[type=submit]').click()]);
  await page.waitForLoadState('load');
  assert.match(await page.locator('.flash').first().innerText(), /Wrong against it: 新火种/);
  const box = page.locator('[data-primary-source]');
  assert.match(await box.innerText(), /科大讯飞：2023年三季度报告 prints 下降0\.37%/);
  assert.match(await box.locator('.wrong-list').innerText(), /Wrong against it: 新火种 \(«0\.27%»\)/);
  assert.equal(await box.locator('a').first().getAttribute('href'), FILING);
  const wrongSource = page.locator('.source[data-against=wrong]');
  assert.equal(await wrongSource.count(), 1);
  assert.match(await wrongSource.locator('.publisher').innerText(), /新火种/);
  assert.match(await wrongSource.locator('.tag.against').innerText(), /wrong per the primary source/);
  assert.match(await page.locator('.history-list').innerText(), /alice record source: primary source recorded \(下降0\.37%\)/);
  await box.scrollIntoViewIfNeeded();
  await page.screenshot({ path: docsPath('review-primary-source.png') });
  // The queue card says the same, and the Markdown download carries it.
  await page.goto(`${app.url}/queue`);
  const card = page.locator(`#f-${f.id}`);
  assert.match(await card.locator('[data-primary-source] .wrong-list').innerText(), /Wrong against it: 新火种/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[data-format=md]').click()]);
  const md = readFileSync((await download.path())!, 'utf8');
  assert.match(md, /\*\*Primary source:\*\* \[科大讯飞：2023年三季度报告\]\(https:\/\/static\.cninfo\.com\.cn\/[^)]+\) prints «下降0\.37%» \(-0\.37%\), recorded by alice on \d{4}-\d\d-\d\d; wrong against it: 新火种 \(«0\.27%»\)\./);
});

test('switch the interface to Chinese and back; a Chinese browser gets Chinese at once', async () => {
  const page = await person();
  await signIn(page, 'bob');
  await page.goto(`${app.url}/queue`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await Promise.all([page.waitForURL(/\/queue$/), page.locator('header .lang-switch button[value=zh]').click()]);
  assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  assert.equal(await page.locator('h1').innerText(), '审核队列');
  assert.match(await page.locator('.card h3').first().innerText(), /科大讯飞 · 营业收入 · 2023-Q1\.\.Q3 · 同比变化/, 'metric names from the lexicon');
  assert.match(await page.locator('.card .act-confirm button').first().innerText(), /确认/);
  await page.screenshot({ path: docsPath('review-queue-zh.png') });
  await page.reload();
  assert.equal(await page.locator('h1').innerText(), '审核队列', 'the choice is kept');
  await Promise.all([page.waitForURL(/\/queue$/), page.locator('header .lang-switch button[value=en]').click()]);
  assert.equal(await page.locator('h1').innerText(), 'Review queue');

  const zh = await person('zh-CN');
  await zh.goto(`${app.url}/queue`);
  assert.equal(await zh.locator('html').getAttribute('lang'), 'zh-CN', 'the sign-in page follows Accept-Language');
  assert.match(await zh.locator('form.login-form button').innerText(), /登录/);
  await signIn(zh, 'alice');
  await zh.goto(`${app.url}/`);
  assert.equal(await zh.locator('h1').innerText(), '总览');
});

test('a comment is visible in the text: highlighted, with a numbered mark that leads to it', async () => {
  const page = await person();
  await signIn(page, 'alice');
  await page.goto(`${app.url}/articles/${idA}`);
  await page.locator('[data-annotate-comment] summary').click();
  await page.fill('form[action$="/annotations"] input[name=quote]', '本报记者 陈佳岚');
  await page.fill('form[action$="/annotations"] textarea[name=comment]', '记者署名');
  await Promise.all([page.waitForURL(new RegExp(`/articles/${idA}`)), page.locator('form[action$="/annotations"] button[type=submit]').click()]);
  const mark = page.locator('[data-article-text] a.note-mark');
  assert.equal(await mark.count(), 1);
  assert.equal(await mark.evaluate((el) => getComputedStyle(el, '::after').content), '"1"');
  assert.notEqual(await page.locator('[data-article-text] .noted').first().evaluate((el) => getComputedStyle(el).backgroundColor), 'rgba(0, 0, 0, 0)');
  assert.ok(await mark.isVisible());
  await mark.click();
  await page.waitForURL(/#note-n[0-9a-f]+$/);
  const target = page.locator('ul.comments li:target');
  assert.match(await target.innerText(), /1\s*«本报记者 陈佳岚» 记者署名 alice/);
  assert.deepEqual(errors, []);
});
