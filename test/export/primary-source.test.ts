// The primary source in every export: HTML and Markdown name the document and the articles wrong
// against it; CSV carries it and each row's standing; JSON attaches the standings; ClaimReview
// reviews the figures the document proves wrong, cites it, and rates them incorrect.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import type { Db, PrimarySource } from '../../server/types.js';
import { renderExportWith } from '../../server/export/index.js';
import { fixtureDb, findingOf, LIANXIAN, NOW, WIRE, XHZ } from './fixtures.js';
import { attr, byTag, parseDocument, textOf } from './dom.js';

const FILING = 'https://static.cninfo.com.cn/finalpage/2023-10-24/1218090163.PDF';
const yoySource: PrimarySource = { url: FILING, title: '科大讯飞：2023年三季度报告', printed: '下降0.37%', value: -0.37, unit: '%', precision: 0.01, by: 'alice', at: '2023-11-02T09:00:00.000Z' };

/** The fixture with the filing recorded on the revenue discrepancy (and no figure marked right), and on the revenue level. */
function withSource(level?: Partial<PrimarySource>): Db {
  const db = fixtureDb();
  const r = db.reviews[0]!;
  delete r.correctClaimId;
  r.primarySource = { ...yoySource };
  if (level) {
    const f = findingOf(db, 'c-lx-rev');
    db.reviews.push({ findingId: f.id, status: 'open', updatedAt: '2023-11-02T11:00:00.000Z', primarySource: { ...yoySource, printed: '126.14亿元', value: 126.14e8, unit: 'CNY', precision: 1e6, ...level } });
  }
  return db;
}
const render = (db: Db, format: Parameters<typeof renderExportWith>[1]) => renderExportWith(db, format, {}, { now: NOW }).body;

test('Markdown: the document, its figure, who recorded it, and the article wrong against it', () => {
  const md = render(withSource({}), 'md');
  assert.ok(md.includes(`**Primary source:** [科大讯飞：2023年三季度报告](${FILING}) prints «下降0.37%» (-0.37%), recorded by alice on 2023-11-02; wrong against it: 新火种 («0.27%»).`), md);
  assert.match(md, /\| 新火种 \| 2023-10-28 \| 0\.27% \| -0\.27% \| wrong per the primary source \|/);
  assert.match(md, /\| \[连线Insight\]\([^)]+\) \| 2023-10-26 \| 0\.37% \| -0\.37% \| reference, matches the primary source \|/);
  // The level finding is in "Other findings": 126亿 and 126.14亿 both agree with the filing's 126.14亿.
  const others = md.slice(md.indexOf('## Other findings'));
  assert.match(others, /\| Finding \| Fact \| Verdict \| Review \| Values \| Note \| Primary source \|/);
  assert.match(others, new RegExp(`\\[科大讯飞：2023年三季度报告\\]\\(${FILING.replace(/[.]/g, '\\.')}\\): «126\\.14亿元»; wrong: none`));
  const html = new MarkdownIt().render(md);
  assert.match(html, /<a href="https:\/\/static\.cninfo\.com\.cn\/[^"]+">科大讯飞：2023年三季度报告<\/a>/, 'a real link in CommonMark');
});

test('rounding-aware in the reports: against 126.2亿 only the precise 126.14亿 is wrong', () => {
  const md = render(withSource({ printed: '126.2亿元', value: 126.2e8, precision: 1e7 }), 'md');
  const others = md.slice(md.indexOf('## Other findings'));
  assert.match(others, /«126\.2亿元»; wrong: 连线Insight \(«126\.14亿元»\)/);
  assert.doesNotMatch(others, /wrong: [^|]*新火种/, '126亿 may be 126.2亿 rounded');
});

test('HTML: the same sentence, with the document as a link and each source’s standing in the table', () => {
  const doc = parseDocument(render(withSource(), 'html'));
  const p = byTag(doc, 'p').find((n) => attr(n, 'class') === 'primary-source')!;
  assert.equal(textOf(p), 'Primary source: 科大讯飞：2023年三季度报告 prints «下降0.37%» (-0.37%), recorded by alice on 2023-11-02; wrong against it: 新火种 («0.27%»).');
  assert.equal(attr(byTag(p, 'a')[0]!, 'href'), FILING);
  const cells = byTag(doc, 'td').map(textOf);
  assert.ok(cells.includes('wrong per the primary source'));
  assert.ok(cells.includes('matches the primary source'));
});

test('CSV: the source on every row of its finding, and each row’s standing against it', () => {
  const rows = parse(render(withSource(), 'csv'), { bom: true, columns: true, record_delimiter: '\r\n' }) as Array<Record<string, string>>;
  const mine = rows.filter((r) => r.primary_source_url);
  assert.deepEqual(mine.map((r) => [r.claim_id, r.against_primary_source]), [['c-xhz-rev-yoy', 'wrong'], ['c-lx-rev-yoy', 'exact'], ['c-wire-rev-yoy', 'exact']]);
  assert.deepEqual([mine[0]!.primary_source_title, mine[0]!.primary_source_printed, mine[0]!.primary_source_value, mine[0]!.primary_source_unit, mine[0]!.primary_source_by], ['科大讯飞：2023年三季度报告', '下降0.37%', '-0.37', '%', 'alice']);
  assert.ok(rows.filter((r) => !r.primary_source_url).every((r) => r.against_primary_source === ''));
});

test('JSON: the review carries the source; the finding says who is wrong against it', () => {
  const report = JSON.parse(render(withSource(), 'json'));
  const f = report.findings.find((x: { claimIds: string[] }) => x.claimIds.includes('c-xhz-rev-yoy'));
  assert.deepEqual(f.review.primarySource, yoySource);
  assert.deepEqual(f.againstPrimarySource.wrongArticleIds, [XHZ.id]);
  assert.deepEqual(f.againstPrimarySource.rightArticleIds.sort(), [LIANXIAN.id, WIRE.id].sort());
  assert.deepEqual(f.againstPrimarySource.claims.find((c: { claimId: string }) => c.claimId === 'c-xhz-rev-yoy'), { claimId: 'c-xhz-rev-yoy', articleId: XHZ.id, standing: 'wrong' });
  assert.ok(report.findings.filter((x: { review?: { primarySource?: unknown } }) => !x.review?.primarySource).every((x: object) => !('againstPrimarySource' in x)));
});

test('ClaimReview: the figures the source proves wrong are the claim reviewed, rated incorrect, with the document cited', () => {
  const [r] = JSON.parse(render(withSource(), 'claimreview'))['@graph'];
  assert.deepEqual(r.reviewRating, { '@type': 'Rating', ratingValue: 1, alternateName: 'Incorrect figure', bestRating: 5, worstRating: 1 }, 'no figure marked right, yet the filing makes it known');
  assert.equal(r.claimReviewed, '科大讯飞三季报显示，前三季度实现营业收入126亿元，同比略微下滑0.27%；归属于上市公司股东的净利润9936万元，同比下滑76%。');
  assert.deepEqual(r.itemReviewed.appearance.map((a: Record<string, string>) => a['@id'] ?? a.url), [`urn:crosscheck:article:${XHZ.id}`], 'only the article the filing proves wrong');
  assert.deepEqual(r.citation, { '@type': 'CreativeWork', url: FILING, name: '科大讯飞：2023年三季度报告' });
  assert.match(r.reviewBody, /Primary source: 科大讯飞：2023年三季度报告 prints «下降0\.37%» \(-0\.37%\), recorded by alice on 2023-11-02; wrong against it: 新火种 \(«0\.27%»\)\./);
});

test('ClaimReview: a source that proves no one wrong leaves the figures in conflict, and is still cited', () => {
  const db = withSource();
  db.reviews[0]!.primarySource = { ...yoySource, printed: '下降0.3%', value: -0.3, precision: 0.1 };
  const [r] = JSON.parse(render(db, 'claimreview'))['@graph'];
  assert.equal(r.reviewRating.alternateName, 'Conflicting figures');
  assert.equal(r.itemReviewed.appearance.length, 3);
  assert.equal(r.citation.url, FILING);
});

test('Web Annotations: the decision’s assessment names the primary source and links it', () => {
  const doc = JSON.parse(render(withSource(), 'annotations'));
  const review = doc.first.items.find((a: { motivation: string }) => a.motivation === 'assessing');
  assert.match(review.body[1].value, /^Primary source: 科大讯飞：2023年三季度报告 prints «下降0\.37%»/);
  assert.deepEqual(review.body[2], { type: 'SpecificResource', purpose: 'linking', source: FILING });
});
