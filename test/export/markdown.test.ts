// The Markdown report, rendered back through markdown-it (CommonMark, raw HTML allowed as on
// GitHub) and read as HTML: summary first, both quotes emphasised, decision, nothing injected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { renderExportWith } from '../../server/export/index.js';
import { emphasise, mdText } from '../../server/export/markdown.js';
import { fixtureDb, HOSTILE, NOTE_CONFIRMED, NOTE_DISMISSED, NOW, WIRE } from './fixtures.js';
import { byTag, parseHtmlFragment, textOf } from './dom.js';
import type { Db } from '../../server/types.js';

const md = new MarkdownIt({ html: true });
const render = (db: Db = fixtureDb(), filters = {}) => renderExportWith(db, 'md', filters, { now: NOW });
const toDom = (markdown: string) => parseHtmlFragment(md.render(markdown));

test('download metadata', () => {
  const out = render();
  assert.equal(out.contentType, 'text/markdown; charset=utf-8');
  assert.equal(out.filename, 'crosscheck-report-2023-11-03.md');
});

test('the summary comes first, with articles, claims and findings by verdict and review status', () => {
  const dom = toDom(render().body);
  const headings = byTag(dom, 'h2').map(textOf);
  assert.deepEqual(headings, ['Summary', 'Discrepancies', 'Other findings', "Reviewers' comments, corrections and added claims"]);
  const items = byTag(dom, 'li').map(textOf);
  assert.deepEqual(items.slice(0, 3), ['Articles: 3', 'Claims: 17', 'Findings in this report: 6']);
  const counts = byTag(byTag(dom, 'table')[0]!, 'tr').map((tr) => byTag(tr, 'td').concat(byTag(tr, 'th')).map(textOf));
  assert.deepEqual(counts[0], ['Verdict', 'Open', 'Confirmed', 'Dismissed', 'Total']);
  assert.deepEqual(byTag(byTag(dom, 'table')[0]!, 'tr').map((tr) => textOf(tr).replace(/\s+/g, ' ').trim()), [
    'Verdict Open Confirmed Dismissed Total',
    'Discrepancy 0 1 1 2',
    'Rounding 3 0 0 3',
    'Consistent 1 0 0 1',
    'Total 4 1 1 6',
  ]);
});

test('the confirmed discrepancy: explanation, both quotes emphasised in context, values side by side, decision and note', () => {
  const body = render().body;
  const dom = toDom(body);
  const h3 = byTag(dom, 'h3').map(textOf);
  assert.equal(h3[0], '1. iFlytek · revenue · 2023-Q1..Q3 · year-on-year change');
  const quotes = byTag(dom, 'blockquote');
  const strong = quotes.flatMap((q) => byTag(q, 'strong').map(textOf));
  assert.deepEqual(strong.slice(0, 3), ['0.27%', '0.37%', '0.37%']);
  assert.equal(textOf(quotes[0]!).trim(), '科大讯飞三季报显示，前三季度实现营业收入126亿元，同比略微下滑0.27%；归属于上市公司股东的净利润9936万元，同比下滑76%。');
  const values = byTag(byTag(dom, 'table')[1]!, 'tr').map((tr) => byTag(tr, 'td').map(textOf));
  assert.deepEqual(values.slice(1).map((r) => r.slice(0, 4)), [
    ['新火种', '2023-10-28', '0.27%', '-0.27%'],
    ['连线Insight', '2023-10-26', '0.37%', '-0.37%'],
    ['Asia Tech Wire, Beijing bureau', '2023-10-27', '0.37%', '-0.37%'],
  ]);
  const paras = byTag(dom, 'p').map(textOf);
  assert.ok(paras.some((p) => p.startsWith('Compared because all 3 sources give iFlytek · revenue') && p.includes('新火种 is the outlier')));
  assert.ok(paras.includes('Decision: Confirmed (2023-11-02): a real discrepancy; correct figure: «0.37%» (连线Insight); reference source: 连线Insight.'));
  assert.ok(paras.includes(`Note: ${NOTE_CONFIRMED.replace('\n', ' ')}`));
  assert.ok(paras.includes('Decision: Dismissed (2023-11-02): the figures measure different things.'));
});

test('hostile text stays text: no script element, the characters shown as written', () => {
  const dom = toDom(render().body);
  assert.equal(byTag(dom, 'script').length, 0);
  const text = textOf(dom);
  assert.ok(text.includes(WIRE.title), 'the hostile title is shown as text');
  assert.ok(text.includes(NOTE_DISMISSED), 'the hostile note is shown as text');
  assert.ok(text.includes(HOSTILE));
});

test('line-start syntax and table pipes in article text do not change the structure', () => {
  const db = fixtureDb();
  const c = db.claims.find((x) => x.id === 'c-xhz-rev-yoy')!;
  c.sentence = '- 1. # 营收同比下滑0.27%，见 [链接](javascript:alert(1))';
  db.articles[0]!.publisher = '新火种 | 转载';
  const dom = toDom(render(db).body);
  const first = byTag(dom, 'blockquote')[0]!;
  assert.equal(byTag(first, 'ul').length + byTag(first, 'ol').length + byTag(first, 'h1').length, 0);
  assert.equal(textOf(first).trim(), c.sentence);
  assert.equal(byTag(dom, 'a').filter((a) => a.attrs?.some((x) => x.value.startsWith('javascript:'))).length, 0);
  const rows = byTag(byTag(dom, 'table')[1]!, 'tr');
  assert.equal(byTag(rows[1]!, 'td').length, 5, 'a pipe in a cell does not add a column');
  assert.equal(textOf(byTag(rows[1]!, 'td')[0]!), '新火种 | 转载');
});

test('emphasis survives CJK punctuation: ** where CommonMark allows it, <strong> where it does not', () => {
  for (const [before, quote, after] of [
    ['扣非后归母净利润为', '-2018.87万元', '，同比降113.65%'],
    ['同比略微下滑', '0.27%', '；'],
    ['营收', '“126亿元”', '。'],
    ['fell ', '0.37%', ', to'],
  ] as const) {
    const line = emphasise(before, quote, after);
    const dom = toDom(line);
    assert.deepEqual(byTag(dom, 'strong').map(textOf), [quote], line);
    assert.equal(textOf(dom).trim(), before + quote + after);
  }
  assert.equal(emphasise('下滑', '0.27%', '；'), '下滑**0.27%**；');
  assert.equal(mdText('a*b_c<d>|e\nf'), 'a\\*b\\_c\\<d\\>\\|e f');
});

test('a report with no discrepancies says so', () => {
  const body = render(fixtureDb(), { verdict: 'rounding' }).body;
  assert.match(body, /## Discrepancies\n\nNo discrepancies in this report\./);
  assert.match(body, /Filtered by: verdict rounding/);
});
