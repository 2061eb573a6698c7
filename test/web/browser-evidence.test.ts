// In Chromium, what a reviewer clicks: the confirmation of c or d in view where the reviewer is
// working.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch } from './browser.js';
import { PASSWORD, startApp, type TestApp } from './helpers.js';

let app: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

async function person(): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
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
