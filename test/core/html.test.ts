import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleFromBytes, htmlToArticle } from '../../server/ingest/index.js';
import { extractClaims } from '../../server/extract/index.js';

const page = `<!doctype html><html><head><title>Meta results - Wire Co</title>
<meta property="og:title" content="Meta's profit triples"><meta property="og:site_name" content="Wire Co">
<meta property="article:published_time" content="2024-02-01T21:00:00Z"><link rel="canonical" href="https://example.com/meta">
<script>alert(1)</script><style>p{color:red}</style></head>
<body><nav>Home | 5% off</nav><div class="ticker">META +3.2%</div>
<article><h1>Meta's fourth-quarter profit triples</h1>
<p>Revenue for the three months ended Dec. 31 rose 25% to <b>$40.11 billion</b>.<img src=x onerror=alert(1)></p>
<table><tr><th>Item</th><th>Q4 2023</th></tr><tr><td>Revenue ($ bn)</td><td>40.11</td></tr></table>
<aside>Related: Apple revenue fell 1% to $119.6 billion</aside></article>
<div class="related-news">Alphabet posted $86.3 billion</div></body></html>`;

test('a saved page keeps its readable text and drops scripts, navigation, tickers and related stories', () => {
  const a = htmlToArticle(page);
  assert.equal(a.title, "Meta's profit triples");
  assert.equal(a.publisher, 'Wire Co');
  assert.equal(a.date, '2024-02-01');
  assert.equal(a.url, 'https://example.com/meta');
  assert.match(a.text, /rose 25% to \$40\.11 billion/);
  for (const gone of ['alert', 'color:red', '5% off', '+3.2%', '119.6', '86.3']) assert.ok(!a.text.includes(gone), `${gone} should be gone`);
  assert.match(a.text, /\| Revenue \(\$ bn\) \| 40\.11 \|/, 'table rows become markdown rows');
});

test('claims from a saved page point into its extracted text', () => {
  const r = articleFromBytes(Buffer.from(page), 'pages/meta.html', 'file');
  assert.ok('article' in r);
  const claims = extractClaims(r.article);
  const c = claims.find((x) => x.quote === '$40.11 billion')!;
  assert.equal(r.article.text.slice(c.start, c.end), '$40.11 billion');
  assert.equal(c.metric, 'revenue');
  assert.ok(!claims.some((x) => x.value === 119.6e9), 'figures of related stories are not the article\'s');
});

test('a page with no readable text is an error, not an empty article', () => {
  const r = articleFromBytes(Buffer.from('<html><head><script>x()</script></head><body><nav>menu</nav></body></html>'), 'x.html', 'file');
  assert.ok('error' in r && /no readable text/.test(r.error));
});

test('table cells take the unit their row label names, and a change column holds year-on-year changes', async () => {
  const { buildArticle } = await import('../../server/ingest/article.js');
  const text = '---\ntitle: 招商银行2023年业绩\ndate: 2024-03-26\n---\n| 指标 | 2023年 | 2022年 | 本年比上年增减 |\n|---|---|---|---|\n| 营业收入（亿元） | 3391.23 | 3447.83 | -1.64% |\n| 基本每股收益（元） | 5.66 | 5.26 | 7.60% |\n';
  const { article } = buildArticle({ path: 't.md', text, hash: 'h', source: 'file' });
  const by = (q: string) => extractClaims(article).find((c) => c.quote === q)!;
  assert.equal(by('3391.23').value, 339123000000);
  assert.equal(by('3391.23').unit, 'CNY');
  assert.equal(by('3391.23').period, '2023');
  assert.equal(by('3447.83').period, '2022');
  assert.equal(by('5.66').unit, 'CNY/share');
  assert.equal(by('5.66').metric, 'eps');
  assert.equal(by('-1.64%').measure, 'yoy');
  assert.equal(by('-1.64%').period, '2023');
  assert.equal(by('-1.64%').metric, 'revenue');
});
