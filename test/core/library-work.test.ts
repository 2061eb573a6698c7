// Issue 9, item 4: deleting a library file keeps reviewers' manual claims (marked orphaned, as
// the README says), and restoring the file brings its comments, corrections and manual claims back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { anchorAt, ingestArticles, removeArticles } from '../../server/check/index.js';
import { readArticles } from '../../server/ingest/index.js';
import { memoryStore } from '../../server/store/index.js';
import { manualClaim } from '../../server/web/model/manual-claim.js';
import { idB, ROOT } from '../web/helpers.js';

test('a deleted and restored library file keeps and then re-attaches the work on it', async () => {
  const store = memoryStore();
  const articles = readArticles([join(ROOT, 'articles')]).articles;
  await ingestArticles(store, articles);
  const b = store.read().articles.find((a) => a.id === idB)!;
  const at = b.text.indexOf('24.98亿');
  assert.ok(at > 0);
  const claim = manualClaim(b, { start: at, end: at + 6, value: '24.98', scale: 1e8, unit: 'CNY', metric: 'rd_expense', period: '2023-Q1..Q3', subject: 'iflytek', measure: 'level' });
  const c = b.text.indexOf('126.14亿元');
  await store.update((db) => {
    db.manualClaims.push({ ...claim, by: 'alice' });
    db.annotations.push({ id: 'n1', articleId: idB, anchor: anchorAt(b.text, c, c + 9), comment: 'check', createdAt: '2026-12-01T00:00:00Z', by: 'bob' });
    db.corrections.push({ id: 'k1', articleId: idB, anchor: anchorAt(b.text, c, c + 9), period: '2023-Q3', createdAt: '2026-12-01T00:00:00Z' });
  });

  await removeArticles(store, [idB]);
  let db = store.read();
  assert.equal(db.manualClaims.length, 1, 'the manual claim is kept');
  assert.ok(db.manualClaims[0]!.aspects.includes('orphaned'));
  assert.match(db.manualClaims[0]!.why.subject!, /article was removed/);
  assert.ok(db.annotations[0]!.orphaned && db.corrections[0]!.orphaned);

  await ingestArticles(store, articles.filter((a) => a.id === idB));
  db = store.read();
  assert.deepEqual(db.manualClaims[0]!.aspects, [], 'the manual claim is back');
  assert.equal(db.manualClaims[0]!.by, 'alice');
  assert.equal(db.annotations[0]!.orphaned, undefined, 'the comment is back');
  assert.equal(db.corrections[0]!.orphaned, undefined, 'the correction is back');
});
