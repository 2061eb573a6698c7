// Extraction in a worker thread (server/extract/pool.ts): the same claims as in this thread,
// a time limit that refuses the article and replaces the worker, and ingest that stores
// nothing of an article it refuses.
import { describe, test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractionPool, ExtractionTimeout } from '../../server/extract/pool.js';
import { extractClaims } from '../../server/extract/index.js';
import { articleFromBytes } from '../../server/ingest/index.js';
import { ingestArticles, MAX_SENTENCE_CHARS_PER_ARTICLE } from '../../server/check/index.js';
import { memoryStore } from '../../server/store/index.js';
import { adversarialText } from '../../bench/adversarial.js';
import { ROOT } from './helpers.js';

const articleOf = (text: string, path = 'x.txt') => {
  const r = articleFromBytes(Buffer.from(text), path, 'paste');
  assert.ok('article' in r);
  return r.article;
};

describe('the extraction worker', () => {
  const pool = extractionPool({ timeoutMs: 1000, workers: 1 });
  after(() => pool.close());

  test('reads the same claims as this thread, each sentence one shared string', async () => {
    for (const f of ['000_002cd4d0ee89d5a5.txt', '003_25a1a5ad593a7a4c.txt']) {
      const a = articleOf(readFileSync(join(ROOT, 'articles', f), 'utf8'), f);
      const claims = await pool.extract(a);
      assert.deepEqual(claims, extractClaims(a));
    }
  });

  test('an article over the limit is refused; the next one is read by a fresh worker', async () => {
    const slow = articleOf(`# Run-on\n\n${adversarialText('en comma-only run', 1_500_000)}\n`, 'slow.txt');
    await assert.rejects(pool.extract(slow), (e: unknown) => e instanceof ExtractionTimeout && /took longer than the 1 s limit/.test(e.message));
    const ok = articleOf('科大讯飞前三季度营业收入126.14亿元。');
    assert.equal((await pool.extract(ok)).length, 1);
  });
});

describe('ingest refuses what it cannot finish or store, and stores nothing of it', () => {
  test('a refused article leaves the store as it was; the rest of the batch goes in', async () => {
    const store = memoryStore();
    const runOn = articleOf(`# 各业务\n\n${adversarialText('zh 分别 run', 16 * 1024)}\n`, 'run-on.txt');
    const fine = articleOf('科大讯飞前三季度营业收入126.14亿元。', 'fine.txt');
    const s = await ingestArticles(store, [runOn, fine]);
    assert.equal(s.added, 1);
    assert.equal(s.refused?.length, 1);
    assert.equal(s.refused![0]!.path, 'run-on.txt');
    assert.match(s.refused![0]!.reason, new RegExp(`over the limit of ${MAX_SENTENCE_CHARS_PER_ARTICLE.toLocaleString('en-US')}`));
    assert.deepEqual(store.read().articles.map((a) => a.path), ['fine.txt']);
    assert.ok(store.read().claims.every((c) => c.articleId === fine.id));
  });
  test('an extraction that times out refuses the article instead of storing it without claims', async () => {
    const store = memoryStore();
    const timeout = Object.assign(new Error('too slow'), { refuse: true as const });
    const s = await ingestArticles(store, [articleOf('营业收入126亿元。')], undefined, () => Promise.reject(timeout));
    assert.deepEqual(s, { added: 0, changed: 0, unchanged: 0, claims: 0, refused: [{ path: 'x.txt', reason: 'too slow' }] });
    assert.deepEqual(store.read().articles, []);
  });
});
