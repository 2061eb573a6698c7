// Without JavaScript: reading, reviewing and annotating still work through plain forms.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.js';
import { idA, startApp, type TestApp } from './helpers.js';

let app: TestApp;
let browser: Browser;
let page: Page;
before(async () => {
  app = await startApp({ fixture: true });
  browser = await launch();
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  page = await ctx.newPage();
  page.setDefaultTimeout(8000);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('confirm and dismiss with plain buttons, then the queue says so', async () => {
  await page.goto(`${app.url}/queue`);
  const first = page.locator('.card').first();
  const id = (await first.getAttribute('data-finding'))!;
  await Promise.all([page.waitForURL(/\/queue#f-/), first.locator('form.act-confirm button').click()]);
  assert.equal(await page.locator(`[data-finding="${id}"]`).count(), 0);
  const next = page.locator('.card').first();
  const id2 = (await next.getAttribute('data-finding'))!;
  await next.locator('form.act-dismiss select').selectOption('restated-figure');
  await Promise.all([page.waitForURL(/\/queue/), next.locator('form.act-dismiss button').click()]);
  await page.goto(`${app.url}/queue?status=reviewed`);
  assert.equal(await page.locator(`[data-finding="${id}"] .tag.status`).getAttribute('data-status'), 'confirmed');
  assert.match((await page.locator(`[data-finding="${id2}"] .tag.status`).textContent())!, /dismissed · Restated figure/);
});

test('a comment by typing the exact words, and the help opens as a page section', async () => {
  await page.goto(`${app.url}/articles/${idA}`);
  await page.locator('[data-annotate-comment] summary').click();
  await page.fill('[data-annotate-comment] input[name=quote]', '三季度财报');
  await page.fill('[data-annotate-comment] textarea[name=comment]', 'Which filing?');
  await Promise.all([page.waitForURL(/\/articles\//), page.locator('[data-annotate-comment] button').click()]);
  assert.equal(await page.locator('.noted[title="Which filing?"]').count(), 1);
  await page.goto(`${app.url}/queue#help`);
  assert.ok(await page.locator('#help').isVisible());
});
