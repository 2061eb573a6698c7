// The printable HTML report, parsed back with parse5 (the HTML5 parsing algorithm browsers use).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderExportWith } from '../../server/export/index.js';
import { fixtureDb, HOSTILE, NOTE_CONFIRMED, NOTE_DISMISSED, NOW, WIRE } from './fixtures.js';
import { all, attr, byTag, parseDocument, textOf } from './dom.js';
import type { Db } from '../../server/types.js';

const render = (db: Db = fixtureDb(), filters = {}) => renderExportWith(db, 'html', filters, { now: NOW });

test('one self-contained UTF-8 file: inline style only, no script, no external resource', () => {
  const out = render();
  assert.equal(out.contentType, 'text/html; charset=utf-8');
  assert.equal(out.filename, 'crosscheck-report-2023-11-03.html');
  const doc = parseDocument(out.body);
  assert.equal(attr(byTag(doc, 'meta')[0]!, 'charset'), 'utf-8');
  for (const tag of ['script', 'link', 'img', 'iframe', 'object']) assert.equal(byTag(doc, tag).length, 0, `no <${tag}>`);
  assert.equal(all(doc, (n) => attr(n, 'src') !== undefined).length, 0);
  assert.equal(byTag(doc, 'style').length, 1);
  const csp = byTag(doc, 'meta').find((m) => attr(m, 'http-equiv') === 'Content-Security-Policy');
  assert.match(attr(csp!, 'content')!, /default-src 'none'/);
});

test('a print stylesheet and a font stack with CJK fallbacks; Chinese text is marked zh', () => {
  const doc = parseDocument(render().body);
  const css = textOf(byTag(doc, 'style')[0]!);
  assert.match(css, /@media print\s*{[^]*@page/);
  assert.match(css, /break-inside: avoid/);
  for (const font of ['PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC']) assert.ok(css.includes(`"${font}"`), font);
  const quotes = byTag(doc, 'blockquote');
  assert.deepEqual(quotes.slice(0, 3).map((q) => attr(q, 'lang')), ['zh-CN', 'zh-CN', 'en']);
});

test('summary first, then the discrepancy with explanation, marked quotes, values, decision and note', () => {
  const doc = parseDocument(render().body);
  assert.deepEqual(byTag(doc, 'h2').map(textOf), ['Summary', 'Discrepancies', 'Other findings', "Reviewers' comments, corrections and added claims"]);
  const summary = byTag(doc, 'section')[0]!;
  assert.deepEqual(byTag(summary, 'li').map(textOf), ['Articles: 3', 'Claims: 17', 'Findings in this report: 6']);
  const cells = (tr: Parameters<typeof textOf>[0]) => byTag(tr, 'th').concat(byTag(tr, 'td')).map(textOf).join(' ');
  assert.deepEqual(byTag(summary, 'tr').map(cells), [
    'Verdict Open Confirmed Dismissed Total',
    'Discrepancy 0 1 1 2',
    'Rounding 3 0 0 3',
    'Consistent 1 0 0 1',
    'Total 4 1 1 6',
  ]);
  const first = byTag(doc, 'article')[0]!;
  assert.equal(textOf(byTag(first, 'h3')[0]!), '1. iFlytek · revenue · 2023-Q1..Q3 · year-on-year change');
  assert.deepEqual(byTag(first, 'mark').map(textOf), ['0.27%', '0.37%', '0.37%']);
  assert.equal(textOf(byTag(first, 'blockquote')[1]!), '从前三季度情况看，科大讯飞实现营业收入126.14亿元，同比略微下滑0.37%；归属于上市公司股东的净利润9936.21万元，同比下滑76%。');
  const rows = byTag(byTag(first, 'tbody')[0]!, 'tr').map((tr) => byTag(tr, 'td').map(textOf));
  assert.deepEqual(rows.map((r) => [r[0], r[2], r[3], r[4]]), [
    ['新火种', '0.27%', '-0.27%', 'disputed'],
    ['连线Insight', '0.37%', '-0.37%', 'correct figure, reference'],
    ['Asia Tech Wire, Beijing bureau', '0.37%', '-0.37%', 'correct figure'],
  ]);
  const text = textOf(first);
  assert.ok(text.includes('新火种 is the outlier'));
  assert.ok(text.includes('Decision: Confirmed (2023-11-02): a real discrepancy; correct figure: «0.37%» (连线Insight)'));
  assert.ok(text.includes(`Note: ${NOTE_CONFIRMED}`));
});

test('article and reviewer text is escaped: hostile markup arrives as text', () => {
  const body = render().body;
  assert.ok(!body.includes(HOSTILE));
  assert.ok(body.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  const doc = parseDocument(body);
  assert.equal(byTag(doc, 'script').length, 0);
  const text = textOf(doc);
  assert.ok(text.includes(WIRE.title));
  assert.ok(text.includes(NOTE_DISMISSED));
});

test('only http(s) URLs become links, and attribute values are escaped', () => {
  const db = fixtureDb();
  db.articles[1]!.url = 'javascript:alert(1)';
  db.articles[2]!.url = 'https://example.com/a?x="><script>1</script>';
  const doc = parseDocument(render(db).body);
  const hrefs = byTag(doc, 'a').map((a) => attr(a, 'href'));
  assert.ok(!hrefs.some((h) => h?.startsWith('javascript:')));
  assert.ok(hrefs.includes('https://example.com/a?x="><script>1</script>'), 'the odd URL stays one attribute');
  assert.equal(byTag(doc, 'script').length, 0);
});
