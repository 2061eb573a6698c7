// The browser tests on the real pipeline: seed articles → extraction → findings.
// This run writes docs/review-queue.png and docs/article-view.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reviewFlow } from './review-flow.js';

const flow = reviewFlow({ fixture: false, screenshots: true });

test('upload a new article, and its claims appear', async () => {
  const page = flow.page();
  const app = flow.app();
  await page.goto(`${app.url}/add`);
  await page.setInputFiles('input[name=files]', {
    name: 'wire-iflytek.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('---\npublisher: Test Wire\ndate: 2023-10-27\n---\n# 科大讯飞三季报\n\n科大讯飞前三季度实现营业收入126.14亿元，同比下滑0.37%。\n'),
  });
  await Promise.all([page.waitForURL(/\/articles\/a\w+$/), page.click('form[action^="/add/upload"] button[type=submit]')]);
  assert.match((await page.locator('h1').innerText())!, /科大讯飞三季报/);
  assert.match((await page.locator('.flash').first().innerText())!, /1 added/);
  const claims = page.locator('[data-article-text] a.claim');
  assert.ok((await claims.count()) >= 2, 'both figures are highlighted');
  assert.match((await page.locator('[data-article-text]').innerHTML())!, /class="claim st-[a-z]+"[^>]*>[^<]*126\.14亿/);
  assert.ok((await page.locator('ol.claim-list li').count()) >= 2, 'and listed in the side panel');
});
