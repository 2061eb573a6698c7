// W3C Web Annotation JSON-LD: the collection, page and annotation fields the model requires,
// the motivations, and TextPositionSelector offsets in code points (checked on 𠮷 and emoji).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderExportWith } from '../../server/export/index.js';
import type { Article } from '../../server/types.js';
import { fixtureDb, findingOf, LIANXIAN, NOTE_CONFIRMED, NOW, WIRE, XHZ } from './fixtures.js';

interface Selector { type: string; exact?: string; prefix?: string; suffix?: string; start?: number; end?: number }
interface Target { source: string; selector: Selector[] }
interface Anno { '@context'?: string; id: string; type: string; motivation: string; created?: string; body: Array<{ type: string; value: string; purpose?: string; format?: string }>; target: Target | Target[] }

function load(filters = {}) {
  const db = fixtureDb();
  const out = renderExportWith(db, 'annotations', filters, { now: NOW });
  return { db, out, doc: JSON.parse(out.body) };
}
const itemsOf = (doc: { first?: { items: Anno[] } }) => doc.first?.items ?? [];
const targets = (a: Anno) => (Array.isArray(a.target) ? a.target : [a.target]);
const IRI = /^(https?:\/\/|urn:)\S+$/;

/** The article a target points at: by URL, or by urn:crosscheck:article:<id>. */
function articleFor(t: Target, articles: Article[]): Article {
  const a = articles.find((x) => x.url === t.source || `urn:crosscheck:article:${x.id}` === t.source);
  assert.ok(a, `target source ${t.source} names an article`);
  return a;
}

test('an AnnotationCollection with the anno.jsonld context and an embedded first AnnotationPage', () => {
  const { doc, out } = load();
  assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(doc.type, 'AnnotationCollection');
  assert.match(doc.id, IRI);
  assert.equal(typeof doc.label, 'string');
  assert.equal(doc.first.type, 'AnnotationPage');
  assert.match(doc.first.id, IRI);
  assert.equal(doc.first.startIndex, 0);
  assert.equal(doc.last, doc.first.id);
  assert.ok(doc.first.items.length > 0);
  assert.equal(doc.total, doc.first.items.length);
  assert.equal(out.contentType, 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
  assert.equal(out.filename, 'crosscheck-annotations-2023-11-03.jsonld');
});

test('every annotation has the required fields, unique IRIs, bodies and selector-bearing targets', () => {
  const { doc, db } = load();
  const items = itemsOf(doc);
  assert.equal(new Set(items.map((a) => a.id)).size, items.length, 'ids are unique');
  for (const a of items) {
    assert.match(a.id, IRI);
    assert.equal(a.type, 'Annotation');
    assert.ok(['highlighting', 'commenting', 'assessing'].includes(a.motivation), a.motivation);
    assert.ok(a.body.length > 0);
    for (const b of a.body) assert.ok(b.type === 'TextualBody' && typeof b.value === 'string' && b.value.length > 0);
    for (const t of targets(a)) {
      assert.match(t.source, IRI);
      articleFor(t, db.articles);
      const quote = t.selector.find((s) => s.type === 'TextQuoteSelector');
      assert.ok(quote && typeof quote.exact === 'string' && quote.exact.length > 0, 'a TextQuoteSelector with exact');
      assert.equal(typeof quote.prefix, 'string');
      assert.equal(typeof quote.suffix, 'string');
    }
  }
});

test('one highlighting annotation per claim, describing value, unit, metric and period', () => {
  const { doc, db } = load();
  const claims = itemsOf(doc).filter((a) => a.motivation === 'highlighting');
  assert.deepEqual(claims.map((a) => a.id).sort(), db.claims.map((c) => `urn:crosscheck:claim:${c.id}`).sort());
  const a = claims.find((x) => x.id === 'urn:crosscheck:claim:c-lx-rev-yoy')!;
  const data = JSON.parse(a.body.find((b) => b.format === 'application/json')!.value);
  assert.deepEqual(
    { value: data.value, unit: data.unit, metric: data.metric, period: data.period, measure: data.measure },
    { value: -0.37, unit: '%', metric: 'revenue', period: '2023-Q1..Q3', measure: 'yoy' },
  );
  assert.match(a.body[0]!.value, /revenue · 2023-Q1\.\.Q3 · year-on-year change: printed «0\.37%», normalised -0\.37%/);
  assert.ok(a.body.some((b) => b.purpose === 'tagging' && b.value === 'revenue'));
  assert.equal((a.target as Target).source, LIANXIAN.url, 'an article with a URL is targeted by it');
  const x = claims.find((c) => c.id === 'urn:crosscheck:claim:c-xhz-rev-yoy')!;
  assert.equal((x.target as Target).source, `urn:crosscheck:article:${XHZ.id}`, 'without a URL, a urn');
});

test('TextPositionSelector offsets are code points: they select the quote in Array.from(text)', () => {
  const { doc, db } = load();
  let checked = 0;
  let shifted = 0;
  for (const a of itemsOf(doc))
    for (const t of targets(a)) {
      const pos = t.selector.find((s) => s.type === 'TextPositionSelector');
      if (!pos) continue;
      const quote = t.selector.find((s) => s.type === 'TextQuoteSelector')!;
      const text = articleFor(t, db.articles).text;
      assert.ok(Number.isInteger(pos.start) && Number.isInteger(pos.end) && pos.start! >= 0 && pos.start! <= pos.end!);
      const cps = Array.from(text);
      assert.equal(cps.slice(pos.start, pos.end).join(''), quote.exact);
      assert.equal(cps.slice(0, pos.start).join('').endsWith(quote.prefix!), true, 'prefix ends where the quote starts');
      assert.equal(cps.slice(pos.end).join('').startsWith(quote.suffix!), true, 'suffix starts where the quote ends');
      const utf16Start = text.indexOf(quote.prefix! + quote.exact!) + quote.prefix!.length;
      if (utf16Start !== pos.start) shifted++;
      checked++;
    }
  assert.ok(checked >= db.claims.length);
  assert.ok(shifted > 0, 'some offsets differ from UTF-16 ones');
  // 📰, 𠮷 and 📉 stand before every claim in the 新火种 article: three units more in UTF-16.
  const c = db.claims.find((x) => x.id === 'c-xhz-rev-yoy')!;
  const a = itemsOf(doc).find((x) => x.id === 'urn:crosscheck:claim:c-xhz-rev-yoy')!;
  const pos = (a.target as Target).selector.find((s) => s.type === 'TextPositionSelector')!;
  assert.deepEqual([pos.start, pos.end], [c.start - 3, c.end - 3]);
});

test('reviewer notes are commenting annotations; an orphaned note keeps only its quote', () => {
  const { doc } = load();
  const notes = itemsOf(doc).filter((a) => a.motivation === 'commenting');
  assert.deepEqual(notes.map((a) => a.id), ['urn:crosscheck:annotation:n-xhz-1', 'urn:crosscheck:annotation:n-wire-gone']);
  const [live, gone] = notes as [Anno, Anno];
  assert.equal(live.body[0]!.purpose, 'commenting');
  assert.equal(live.body[0]!.value, '与连线Insight的0.37%不符，需核对三季报 📎');
  assert.equal(live.created, '2023-11-01T12:00:00.000Z');
  assert.deepEqual((live.target as Target).selector.map((s) => s.type), ['TextQuoteSelector', 'TextPositionSelector']);
  assert.deepEqual((gone.target as Target).selector.map((s) => s.type), ['TextQuoteSelector'], 'no position for text that is gone');
  assert.equal((gone.target as Target).source, WIRE.url);
  assert.match(gone.body[1]!.value, /no longer in the article/);
});

test('each review decision is an assessing annotation targeting every quote of its finding', () => {
  const { doc, db } = load();
  const assessing = itemsOf(doc).filter((a) => a.motivation === 'assessing');
  assert.deepEqual(assessing.map((a) => a.id).sort(), [findingOf(db, 'c-xhz-rev-yoy').id, findingOf(db, 'c-xhz-rd-yoy').id].map((id) => `urn:crosscheck:review:${id}`).sort());
  const confirmed = assessing.find((a) => a.id.endsWith(findingOf(db, 'c-xhz-rev-yoy').id))!;
  assert.equal(confirmed.created, '2023-11-02T09:30:00.000Z');
  assert.match(confirmed.body[0]!.value, /^Confirmed \(2023-11-02\): a real discrepancy; correct figure: «0\.37%» \(连线Insight\)/);
  assert.equal(confirmed.body[0]!.purpose, 'assessing');
  assert.equal(confirmed.body[1]!.value, NOTE_CONFIRMED);
  assert.deepEqual(targets(confirmed).map((t) => t.selector[0]!.exact), ['0.27%', '0.37%', '0.37%']);
});

test('filters narrow claims and decisions; an empty collection has no page', () => {
  const { doc } = load({ status: 'confirmed' });
  const items = itemsOf(doc);
  assert.equal(items.filter((a) => a.motivation === 'highlighting').length, 3);
  assert.equal(items.filter((a) => a.motivation === 'assessing').length, 1);
  const empty = renderExportWith({ version: 1, articles: [], claims: [], findings: [], reviews: [], annotations: [], manualClaims: [], corrections: [], reviewEvents: [], users: [], sessions: [] }, 'annotations', {}, { now: NOW });
  const e = JSON.parse(empty.body);
  assert.equal(e.total, 0);
  assert.equal(e.first, undefined, 'a page must hold at least one annotation');
});
