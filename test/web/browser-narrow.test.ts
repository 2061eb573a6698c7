// Issue 9: at 390 px the overview and article tables overflowed and the sticky header took
// 160 px. Every page now fits the width, and the header scrolls away rather than stay on top.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launch } from './browser.js';
import { idA, startApp, type TestApp } from './helpers.js';

let app: TestApp;
let browser: Browser;
before(async () => {
  app = await startApp({ fixture: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('at 390 px no page is wider than the screen and the header does not stay over the content', async () => {
  const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
  for (const path of ['/', '/queue', '/articles', `/articles/${idA}`, '/facts', '/add']) {
    await page.goto(app.url + path);
    const m = await page.evaluate(() => {
      const top = document.querySelector('header.top')!;
      return { width: document.documentElement.scrollWidth, sticky: getComputedStyle(top).position === 'sticky', height: top.getBoundingClientRect().height };
    });
    assert.ok(m.width <= 390, `${path} is ${m.width} px wide`);
    assert.ok(!m.sticky || m.height <= 80, `${path}: a sticky header of ${m.height} px`);
  }
  await page.close();
});
