// Reports that carry the reviewers' work: who decided, notes on every finding, comments,
// corrections and manual claims in HTML and Markdown; ClaimReview with url, firstAppearance,
// the reviewer as author and the claim's own language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { renderExportWith } from '../../server/export/index.js';
import { fixtureDb, findingOf, NOW, withWork, XHZ } from './fixtures.js';

test('Markdown names who decided and carries notes, comments, corrections and manual claims', () => {
  const md = renderExportWith(withWork(), 'md', {}, { now: NOW }).body;
  assert.match(md, /\*\*Decision:\*\* Confirmed by alice \(2023-11-02\)/);
  // The dismissed finding is in "Other findings": its decider and its note are printed there.
  const others = md.slice(md.indexOf('## Other findings'));
  assert.match(others, /Dismissed \(bob\)/);
  assert.match(others, /\| Dismissed \(bob\) \| 126亿元 \(新火种\)[^|]* \| 126亿 is 126\.14亿 rounded \|/);
  const work = md.slice(md.indexOf("## Reviewers' comments"));
  assert.match(work, /\| comment \| 新火种 \| 同比略微下滑0\.27% \| 与连线Insight的0\.37%不符，需核对三季报 📎 \| by carol, 2023-11-01 \|/);
  assert.match(work, /\| comment \(orphaned\) \|/);
  assert.match(work, /\| correction \| 新火种 \| 126亿元 \| metric → operating\\_income \| by dora, 2023-11-02 \|/);
  assert.match(work, /\| manual claim \| [^|]+ \| \\<script\\>9\.9亿\\<\/script\\> \|[^|]*gross\\_profit[^|]*\| by erin \|/);
  const html = new MarkdownIt().render(md);
  assert.doesNotMatch(html, /<script>/, 'escaped for Markdown renderers too');
});

test('HTML carries the same work, escaped', () => {
  const html = renderExportWith(withWork(), 'html', {}, { now: NOW }).body;
  assert.match(html, /Confirmed by alice \(2023-11-02\)/);
  assert.match(html, /<section id="work">/);
  assert.match(html, /by carol, 2023-11-01/);
  assert.match(html, /metric → operating_income/);
  assert.match(html, /&lt;script&gt;9\.9亿&lt;\/script&gt;/);
  assert.doesNotMatch(html, /<script>9/);
  assert.match(html, /<td>Dismissed \(bob\)<\/td>/);
});

test('ClaimReview: url under a configurable base, firstAppearance, the reviewer as author, the claim’s language', () => {
  const db = withWork();
  const id = findingOf(db, 'c-xhz-rev-yoy').id;
  const [r] = JSON.parse(renderExportWith(db, 'claimreview', {}, { now: NOW, baseUrl: 'https://desk.example/cc/' }).body)['@graph'];
  assert.equal(r.url, `https://desk.example/cc/findings/${id}`);
  assert.deepEqual(r.author, { '@type': 'Person', name: 'alice' });
  assert.equal(r.publisher.name, 'Crosscheck reviewer');
  assert.equal(r.inLanguage, 'zh', 'the claim is in Chinese');
  assert.equal(r.itemReviewed.inLanguage, 'zh');
  assert.equal(r.itemReviewed.firstAppearance.headline, XHZ.title);
  assert.equal(r.itemReviewed.firstAppearance.datePublished, XHZ.date);
});

test('ClaimReview without a person keeps the desk as author; the base defaults from the environment', () => {
  const db = fixtureDb();
  process.env.CROSSCHECK_BASE_URL = 'https://env.example';
  try {
    const [r] = JSON.parse(renderExportWith(db, 'claimreview', {}, { now: NOW }).body)['@graph'];
    assert.match(r.url, /^https:\/\/env\.example\/findings\/f/);
    assert.equal(r.author['@type'], 'Organization');
  } finally {
    delete process.env.CROSSCHECK_BASE_URL;
  }
});
