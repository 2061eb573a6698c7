// The review desk in Chromium: two reviewers sign in, make conflicting decisions, undo, see a
// finding re-opened when a new article arrives, bulk-confirm rounding findings and download every
// format with the filters kept. A request without a session, and one with a foreign Host, change nothing.
// Writes docs/review-history.png and docs/review-reopened.png.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { docsPath, launch } from './browser.js';
import { PASSWORD, startApp, type TestApp } from './helpers.js';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
let alice: Page;
let bob: Page;
const errors: string[] = [];

async function person(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  contexts.push(ctx);
  const page = await ctx.newPage();
  page.setDefaultTimeout(8000);
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

async function signIn(page: Page, name: string) {
  await page.goto(`${app.url}/queue`);
  assert.match(await page.locator('h1').innerText(), /Crosscheck/);
  await page.fill('input[name=name]', name);
  await page.fill('input[name=password]', PASSWORD);
  await Promise.all([page.waitForURL(/\/queue$/), page.click('form.login-form button[type=submit]')]);
  assert.match(await page.locator('.who-am-i').innerText(), new RegExp(`${name} · reviewer`));
}

const discrepancy = () => app.store.read().findings.find((f) => f.verdict === 'discrepancy')!;
const reviewOf = (id: string) => app.store.read().reviews.find((r) => r.findingId === id);

before(async () => {
  app = await startApp({ fixture: true, users: [['alice', 'reviewer'], ['bob', 'reviewer']] });
  browser = await launch();
  alice = await person();
  bob = await person();
});
after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await app?.close();
});

test('two reviewers sign in', async () => {
  await signIn(alice, 'alice');
  await signIn(bob, 'bob');
});

test('conflicting decisions: the second, made on a stale page, is refused and says who decided', async () => {
  const f = discrepancy();
  await bob.goto(`${app.url}/queue`); // Bob's page is loaded before Alice decides.
  await alice.goto(`${app.url}/queue`);
  await alice.locator(`#f-${f.id}`).click({ position: { x: 5, y: 5 } });
  await Promise.all([alice.waitForURL(/#f-/), alice.keyboard.press('c')]);
  assert.equal(reviewOf(f.id)!.status, 'confirmed');
  assert.equal(reviewOf(f.id)!.by, 'alice');
  const card = bob.locator(`#f-${f.id}`);
  await card.locator('form.act-dismiss select').selectOption('rounding');
  await Promise.all([bob.waitForLoadState('domcontentloaded'), card.locator('form.act-dismiss button').click()]);
  assert.match(await bob.locator('.error-message').innerText(), /alice changed this finding \(now confirmed/);
  assert.equal(reviewOf(f.id)!.status, 'confirmed', "Bob's stale dismissal changed nothing");
});

test('undo with u brings the finding back, and the history shows both steps', async () => {
  const f = discrepancy();
  await alice.goto(`${app.url}/findings/${f.id}`);
  await Promise.all([alice.waitForLoadState('domcontentloaded'), alice.keyboard.press('u')]);
  await alice.locator('.flash').first().waitFor();
  assert.match(await alice.locator('.flash').first().innerText(), /Undone: “confirm”/);
  assert.equal(reviewOf(f.id)!.status, 'open');
  const history = await alice.locator('.history-list').innerText();
  assert.match(history, /alice undo: confirmed → open/);
  assert.match(history, /alice confirm: open → confirmed/);
  await alice.screenshot({ path: docsPath('review-history.png') });
});

test('a dismissed rounding finding is re-opened when a new article disagrees, saying what changed', async () => {
  const rounding = app.store.read().findings.find((f) => f.verdict === 'rounding' && f.fact.metric === 'revenue' && f.fact.measure === 'level')!;
  await bob.goto(`${app.url}/findings/${rounding.id}`);
  await bob.locator('form.act-dismiss select').selectOption('rounding');
  await Promise.all([bob.waitForLoadState('domcontentloaded'), bob.locator('form.act-dismiss button').click()]);
  assert.equal(reviewOf(rounding.id)!.status, 'dismissed');
  await alice.goto(`${app.url}/add`);
  await alice.fill('form[action="/add/paste"] input[name=title]', '科大讯飞三季报快讯');
  await alice.fill('form[action="/add/paste"] input[name=publisher]', '某通讯社');
  await alice.fill('form[action="/add/paste"] input[name=date]', '2023-10-30');
  await alice.fill('form[action="/add/paste"] textarea[name=text]', '科大讯飞前三季度营业收入128亿元。');
  await Promise.all([alice.waitForURL(/\/articles\/a\w+$/), alice.click('form[action="/add/paste"] button[type=submit]')]);
  await bob.goto(`${app.url}/queue`);
  const card = bob.locator('.card', { has: bob.locator('.reopened') }).first();
  const note = await card.locator('.reopened').innerText();
  assert.match(note, /Needs another look\. It was dismissed by bob; since then the verdict changed from rounding to discrepancy; a new source: 某通讯社 says «128亿元»/);
  assert.match(await card.locator('.tag.status').innerText(), /needs another look/);
  await card.scrollIntoViewIfNeeded();
  await card.screenshot({ path: docsPath('review-reopened.png') });
});

test('bulk-confirm all rounding findings of a filter', async () => {
  await alice.goto(`${app.url}/queue?verdict=rounding`);
  const n = await alice.locator('.card').count();
  assert.ok(n >= 2);
  await alice.locator('#bulk select[name=action]').selectOption('confirm');
  await Promise.all([alice.waitForLoadState('domcontentloaded'), alice.click('#bulk button[value=rounding]')]);
  assert.match(await alice.locator('.flash').first().innerText(), new RegExp(`Confirmed: ${n} findings`));
  const events = app.store.read().reviewEvents!.filter((e) => e.action === 'bulk confirm');
  assert.equal(events.length, n, 'one history entry per finding');
  assert.equal(await alice.locator('.card').count(), 0, 'none left open under this filter');
});

test('every format downloads from the queue with the filters kept', async () => {
  await alice.goto(`${app.url}/queue?verdict=rounding&metric=net_profit`);
  for (const fmt of ['csv', 'md', 'html', 'json', 'annotations', 'claimreview']) {
    const link = alice.locator(`a[data-format=${fmt}]`);
    const href = (await link.getAttribute('href'))!;
    assert.match(href, /verdict=rounding/);
    assert.match(href, /metric=net_profit/);
    assert.doesNotMatch(href, /status=open/);
    const [download] = await Promise.all([alice.waitForEvent('download'), link.click()]);
    const body = readFileSync((await download.path())!, 'utf8');
    assert.match(download.suggestedFilename(), /^crosscheck-/);
    if (fmt === 'md') {
      assert.match(body, /Filtered by: verdict rounding, metric net\\_profit/);
      assert.match(body, /Confirmed \(alice\)/, 'the bulk-confirmed findings are in the report, with who decided');
    }
    if (fmt === 'csv') assert.match(body, /net_profit|net profit/);
  }
});

test('a request without a session and one with a foreign Host change nothing', async () => {
  const before = JSON.stringify(app.store.read().reviews);
  const stranger = await person();
  const token = await (async () => {
    await stranger.goto(`${app.url}/queue`);
    return stranger.locator('input[name=_csrf]').first().inputValue();
  })();
  assert.equal(await stranger.locator('form.login-form').count(), 1, 'the login page');
  const f = discrepancy();
  const r = await stranger.request.post(`${app.url}/findings/${f.id}/review`, { form: { action: 'dismiss', reason: 'rounding', _csrf: token }, maxRedirects: 0 });
  assert.equal(r.status(), 401);
  const foreign = await alice.request.post(`${app.url}/findings/${f.id}/review`, { form: { action: 'dismiss', reason: 'rounding' }, headers: { host: 'rebound.example' }, maxRedirects: 0 });
  assert.equal(foreign.status(), 421);
  assert.equal(JSON.stringify(app.store.read().reviews), before);
  assert.deepEqual(errors, []);
});
