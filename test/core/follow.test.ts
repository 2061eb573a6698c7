// Decisions that follow the evidence: a review is tied to the claims it judged, so it survives
// a change of the finding's key (a metric renamed in the lexicon), and a decided finding that
// gains a source or changes verdict goes back to the queue, saying what changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Db, Finding } from '../../server/types.js';
import { memoryStore, type Store } from '../../server/store/index.js';
import { effectiveClaims, ingestArticles, recheck } from '../../server/check/index.js';
import { readArticles } from '../../server/ingest/index.js';
import { decide } from '../../server/review/decide.js';
import { judgedOf } from '../../server/review/evidence.js';
import { historyOf } from '../../server/review/history.js';
import { fixtureClaims, ROOT } from '../web/helpers.js';
import { makeArticle } from './helpers.js';

async function seeded(): Promise<Store> {
  const store = memoryStore();
  await ingestArticles(store, readArticles([join(ROOT, 'articles')]).articles);
  await store.update((db) => void (db.claims = fixtureClaims(db)));
  await recheck(store);
  return store;
}

const find = (db: Db, metric: string, measure: string) => db.findings.find((f) => f.fact.metric === metric && f.fact.measure === measure && f.fact.period === '2023-Q1..Q3')!;

async function decideOn(store: Store, f: Finding, status: 'confirmed' | 'dismissed', by = 'alice') {
  const db = store.read();
  const claims = new Map(effectiveClaims(db).map((c) => [c.id, c]));
  const articles = new Map(db.articles.map((a) => [a.id, a]));
  await store.update((d) =>
    void decide(d, f, (r) => ((r.status = status), status === 'dismissed' ? (r.reason = 'rounding') : delete r.reason), {
      by,
      action: status === 'confirmed' ? 'confirm' : 'dismiss',
      at: '2026-12-01T10:00:00.000Z',
      judged: judgedOf(f, claims, articles),
    }),
  );
}

test('a metric renamed by the extractor changes the finding key; the review follows its claims', async () => {
  const store = await seeded();
  const before = find(store.read(), 'revenue', 'yoy');
  assert.equal(before.verdict, 'discrepancy');
  await decideOn(store, before, 'confirmed');
  // What a lexicon rename does to extractor output: same claims, new metric id, new key.
  await store.update((db) => void (db.claims = db.claims.map((c) => (c.metric === 'revenue' ? { ...c, metric: 'operating_revenue' } : c))));
  await recheck(store);
  const db = store.read();
  const after = find(db, 'operating_revenue', 'yoy');
  assert.notEqual(after.id, before.id, 'the key and so the id changed');
  const r = db.reviews.find((x) => x.findingId === after.id);
  assert.ok(r, 'the review is attached to the re-keyed finding');
  assert.equal(r.status, 'confirmed', 'nothing about the evidence changed, so the decision stands');
  assert.equal(r.by, 'alice');
  assert.ok(!db.reviews.some((x) => x.findingId === before.id), 'no orphan left behind');
  const h = historyOf(db, after.id);
  assert.deepEqual(h.map((e) => e.action), ['followed', 'confirm'], 'the history moved with the review');
});

test('a dismissed rounding finding that becomes a discrepancy with a new article is back in the queue, saying why', async () => {
  const store = await seeded();
  const rounding = find(store.read(), 'revenue', 'level');
  assert.equal(rounding.verdict, 'rounding');
  await decideOn(store, rounding, 'dismissed');
  const third = makeArticle('科大讯飞前三季度营业收入128亿元。', { path: 'wire/128.txt', date: '2023-10-30', publisher: '某通讯社' });
  await ingestArticles(store, [third]);
  const db = store.read();
  const now = db.findings.find((f) => f.claimIds.some((id) => id.startsWith(third.id)) && f.fact.metric === 'revenue')!;
  assert.ok(now, 'the new article joins the finding');
  assert.equal(now.verdict, 'discrepancy');
  const r = db.reviews.find((x) => x.findingId === now.id)!;
  assert.equal(r.status, 'open', 'back in the queue');
  assert.equal(r.reopened?.was, 'dismissed');
  assert.match(r.reopened!.because, /verdict changed from rounding to discrepancy/);
  assert.match(r.reopened!.because, /某通讯社 says «128亿元»/);
  assert.equal(historyOf(db, now.id)[0]!.action, 'reopened');
});

test('a confirmed finding that gains a source needs another look; an unchanged one stays confirmed after a re-check', async () => {
  const store = await seeded();
  const f = find(store.read(), 'revenue', 'yoy');
  await decideOn(store, f, 'confirmed');
  await recheck(store);
  assert.equal(store.read().reviews.find((x) => x.findingId === f.id)!.status, 'confirmed', 'a re-check alone changes nothing');
  const third = makeArticle('科大讯飞前三季度营业收入同比下滑0.37%。', { path: 'wire/037.txt', date: '2023-10-30', publisher: 'Wire' });
  await ingestArticles(store, [third]);
  const r = store.read().reviews.find((x) => x.findingId === f.id)!;
  assert.equal(r.status, 'open');
  assert.equal(r.reopened?.was, 'confirmed');
  assert.match(r.reopened!.because, /a new source: Wire says «0\.37%»/);
});

test('a review whose article file goes away and comes back is attached again', async () => {
  const store = await seeded();
  const f = find(store.read(), 'revenue', 'yoy');
  await decideOn(store, f, 'confirmed');
  const b = store.read().articles.find((a) => f.claimIds.some((id) => store.read().claims.find((c) => c.id === id)?.articleId === a.id) && a.publisher === '连线Insight')!;
  const claimsOfB = store.read().claims.filter((c) => c.articleId === b.id);
  await store.update((db) => void ((db.articles = db.articles.filter((a) => a.id !== b.id)), (db.claims = db.claims.filter((c) => c.articleId !== b.id))));
  await recheck(store);
  assert.ok(!store.read().findings.some((x) => x.id === f.id), 'one source left: no finding');
  await store.update((db) => void (db.articles.push(b), db.claims.push(...claimsOfB)));
  await recheck(store);
  const r = store.read().reviews.find((x) => x.findingId === f.id)!;
  assert.equal(r.status, 'confirmed');
});
