// schema.org ClaimReview: one per confirmed discrepancy, with the properties the spec and
// fact-check consumers require (claimReviewed, reviewRating, itemReviewed Claim, author, datePublished).
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { renderExport, renderExportWith } from '../../server/export/index.js';
import { fixtureDb, findingOf, LIANXIAN, NOTE_CONFIRMED, NOW, XHZ } from './fixtures.js';

const graphOf = (body: string) => {
  const doc = JSON.parse(body);
  assert.equal(doc['@context'], 'https://schema.org');
  return doc['@graph'] as Array<Record<string, any>>;
};

afterEach(() => {
  delete process.env.CROSSCHECK_REVIEWER;
  delete process.env.CROSSCHECK_REVIEWER_URL;
});

test('only confirmed discrepancies become ClaimReviews (not dismissed, open or rounding ones)', () => {
  const db = fixtureDb();
  const out = renderExportWith(db, 'claimreview', {}, { now: NOW });
  const graph = graphOf(out.body);
  assert.equal(graph.length, 1);
  assert.equal(graph[0]!['@id'], `urn:crosscheck:review:${findingOf(db, 'c-xhz-rev-yoy').id}`);
  assert.equal(out.contentType, 'application/ld+json; charset=utf-8');
  assert.equal(out.filename, 'crosscheck-claimreview-2023-11-03.jsonld');
  // Confirming the dismissed one adds a second review.
  db.reviews[1]!.status = 'confirmed';
  assert.equal(graphOf(renderExportWith(db, 'claimreview', {}, { now: NOW }).body).length, 2);
});

test('a ClaimReview has every required property, with the disputed sentence as the claim', () => {
  const [r] = graphOf(renderExportWith(fixtureDb(), 'claimreview', {}, { now: NOW }).body) as [Record<string, any>];
  assert.equal(r['@type'], 'ClaimReview');
  // The reviewer marked 0.37% correct, so the claim reviewed is 新火种's 0.27% sentence.
  assert.equal(r.claimReviewed, '科大讯飞三季报显示，前三季度实现营业收入126亿元，同比略微下滑0.27%；归属于上市公司股东的净利润9936万元，同比下滑76%。');
  assert.equal(r.datePublished, '2023-11-02T09:30:00.000Z');
  assert.deepEqual(r.author, { '@type': 'Organization', name: 'Crosscheck reviewer' });
  assert.deepEqual(r.reviewRating, { '@type': 'Rating', ratingValue: 1, alternateName: 'Incorrect figure', bestRating: 5, worstRating: 1 });
  assert.ok(r.reviewRating.ratingValue >= r.reviewRating.worstRating && r.reviewRating.ratingValue <= r.reviewRating.bestRating);
  assert.ok(r.reviewBody.includes(NOTE_CONFIRMED));
  assert.match(r.reviewBody, /«0\.27%».*«0\.37%»/s);
  const item = r.itemReviewed;
  assert.equal(item['@type'], 'Claim');
  assert.deepEqual(item.author, { '@type': 'Organization', name: '新火种' });
  assert.equal(item.datePublished, '2023-10-28');
  assert.equal(item.appearance.length, 1);
  assert.equal(item.appearance[0]['@type'], 'CreativeWork');
  assert.equal(item.appearance[0]['@id'], `urn:crosscheck:article:${XHZ.id}`, 'no URL known: a stable id instead');
  assert.equal(item.appearance[0].headline, XHZ.title);
});

test('without a correct figure every source is in dispute: all their URLs appear, rated as a conflict', () => {
  const db = fixtureDb();
  delete db.reviews[0]!.correctClaimId;
  const [r] = graphOf(renderExportWith(db, 'claimreview', {}, { now: NOW }).body) as [Record<string, any>];
  assert.equal(r.reviewRating.alternateName, 'Conflicting figures');
  assert.equal(r.reviewRating.ratingValue, 2);
  assert.match(r.claimReviewed, /^iFlytek · revenue · 2023-Q1\.\.Q3 · year-on-year change: “0\.27%” \(新火种\) vs “0\.37%” \(连线Insight\) vs “0\.37%” \(Asia Tech Wire, Beijing bureau\)$/);
  const urls = r.itemReviewed.appearance.map((a: Record<string, string>) => a.url ?? a['@id']);
  assert.deepEqual(urls, [`urn:crosscheck:article:${XHZ.id}`, LIANXIAN.url, 'https://example.com/asia-tech/iflytek-q3?src=feed&lang=en']);
  assert.equal(r.itemReviewed.author.length, 3);
  assert.equal(r.itemReviewed.datePublished, '2023-10-26', 'the earliest appearance');
});

test('the review author is configurable, by option or by environment', () => {
  const db = fixtureDb();
  const byOption = graphOf(renderExportWith(db, 'claimreview', {}, { now: NOW, reviewer: { name: 'Desk, "Verify"', url: 'https://desk.example/' } }).body);
  assert.deepEqual(byOption[0]!.author, { '@type': 'Organization', name: 'Desk, "Verify"', url: 'https://desk.example/' });
  process.env.CROSSCHECK_REVIEWER = '核查组';
  assert.equal(graphOf(renderExport(db, 'claimreview').body)[0]!.author.name, '核查组');
});

test('no confirmed discrepancy gives an empty graph, still valid JSON-LD', () => {
  const graph = graphOf(renderExportWith(fixtureDb(), 'claimreview', { status: 'open' }, { now: NOW }).body);
  assert.deepEqual(graph, []);
});

test('the claim author is the publisher, else the site; never the article title', () => {
  const db = fixtureDb();
  delete db.reviews[0]!.correctClaimId;
  db.articles[0]!.publisher = undefined; // 新火种, no URL either
  db.articles[2]!.publisher = undefined; // the wire story has a URL
  const [r] = graphOf(renderExportWith(db, 'claimreview', {}, { now: NOW }).body) as [Record<string, any>];
  assert.deepEqual(r.itemReviewed.author.map((a: { name: string }) => a.name), ['连线Insight', 'example.com']);
  db.articles.forEach((a) => ((a.publisher = undefined), (a.url = undefined)));
  const [bare] = graphOf(renderExportWith(db, 'claimreview', {}, { now: NOW }).body) as [Record<string, any>];
  assert.equal(bare.itemReviewed.author, undefined);
  assert.equal(bare.itemReviewed.appearance.length, 3, 'the appearances still name every article');
});
