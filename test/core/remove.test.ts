import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryStore } from '../../server/store/index.js';
import { readArticles } from '../../server/ingest/index.js';
import { ingestArticles, removeArticles, anchorAt } from '../../server/check/index.js';

test('removing an article drops its claims and findings but keeps reviewers\' notes, marked orphaned', async () => {
  const store = memoryStore();
  const { articles } = readArticles(['articles']);
  await ingestArticles(store, articles);
  assert.ok(store.read().findings.length > 0);
  const [a] = store.read().articles;
  await store.update((d) => {
    d.annotations.push({ id: 'n1', articleId: a!.id, anchor: anchorAt(a!.text, 0, 4), comment: 'check this', createdAt: 'now' });
  });
  assert.equal(await removeArticles(store, [a!.id]), 1);
  const db = store.read();
  assert.equal(db.articles.length, 1);
  assert.ok(db.claims.every((c) => c.articleId !== a!.id));
  assert.equal(db.findings.length, 0, 'with one article left nothing is compared');
  assert.equal(db.annotations[0]!.orphaned, true);
  assert.equal(await removeArticles(store, []), 0);
});

test('files read from a folder remember that folder, so a watched library only drops its own files', () => {
  const { articles } = readArticles(['articles']);
  assert.ok(articles.every((a) => a.library && a.library.endsWith('articles')));
});
