// The lowdb store on claims.json: a file round-trip, batch writes, and a corrupt file that is
// never overwritten but stops with a clear message.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emptyDb, memoryStore, normaliseDb, openJsonStore } from '../../server/store/index.js';
import { ingestArticles } from '../../server/check/index.js';
import { makeArticle } from './helpers.js';

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosscheck-store-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('openJsonStore', () => {
  test('a new file starts empty and is created on the first write', async () => {
    const file = join(dir, 'new.json');
    const store = await openJsonStore(file);
    assert.deepEqual(store.read(), emptyDb());
    assert.equal(store.location, file);
    assert.equal(existsSync(file), false, 'opening alone writes nothing');
    await store.update((d) => {
      d.reviews.push({ findingId: 'f1', status: 'confirmed', updatedAt: '2023-11-01T00:00:00.000Z' });
    });
    assert.equal(existsSync(file), true);
  });

  test('round-trip: what one store writes another reads back', async () => {
    const file = join(dir, 'roundtrip.json');
    const a = await openJsonStore(file);
    const article = makeArticle('科大讯飞前三季度实现营业收入126.14亿元，同比略微下滑0.37%。', { path: 'a.txt', date: '2023-10-28' });
    await ingestArticles(a, [article]);
    const b = await openJsonStore(file);
    assert.deepEqual(b.read(), JSON.parse(JSON.stringify(a.read())));
    assert.equal(b.read().articles[0]!.text, article.text);
    assert.ok(b.read().claims.some((c) => c.quote === '126.14亿元'));
    const raw = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(raw.version, 1);
    assert.ok(Array.isArray(raw.claims));
  });

  test('NODE_ENV=test does not turn it into an in-memory store', async () => {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'test';
    try {
      const file = join(dir, 'nodeenv.json');
      const s = await openJsonStore(file);
      await s.update((d) => {
        d.reviews.push({ findingId: 'f2', status: 'open', updatedAt: 'x' });
      });
      assert.equal(JSON.parse(readFileSync(file, 'utf8')).reviews[0].findingId, 'f2');
    } finally {
      if (saved === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = saved;
    }
  });

  test('updates are serialised: concurrent batches all land', async () => {
    const file = join(dir, 'concurrent.json');
    const s = await openJsonStore(file);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        s.update((d) => {
          d.reviews.push({ findingId: `f${i}`, status: 'open', updatedAt: 'x' });
        }),
      ),
    );
    const back = await openJsonStore(file);
    assert.deepEqual(back.read().reviews.map((r) => r.findingId), Array.from({ length: 10 }, (_, i) => `f${i}`));
  });

  test('a failed batch rejects without blocking the ones after it', async () => {
    const s = await openJsonStore(join(dir, 'failing.json'));
    await assert.rejects(
      s.update(() => {
        throw new Error('boom');
      }),
      /boom/,
    );
    await s.update((d) => {
      d.reviews.push({ findingId: 'after', status: 'open', updatedAt: 'x' });
    });
    assert.equal(s.read().reviews.at(-1)?.findingId, 'after');
  });

  test('a corrupt claims.json is not overwritten and gives a clear error', async () => {
    const file = join(dir, 'claims.json');
    const corrupt = '{"version":1,"articles":[{"id":"a1"'; // cut off mid-write by something else
    writeFileSync(file, corrupt);
    await assert.rejects(openJsonStore(file), (e: Error) => {
      assert.ok(e.message.includes(file), 'names the file');
      assert.match(e.message, /left untouched/);
      assert.match(e.message, /--db/);
      return true;
    });
    assert.equal(readFileSync(file, 'utf8'), corrupt);
  });

  test('JSON that is not a Crosscheck database is refused, and left alone', async () => {
    const file = join(dir, 'array.json');
    writeFileSync(file, '[1,2,3]');
    await assert.rejects(openJsonStore(file), /does not hold a Crosscheck database/);
    assert.equal(readFileSync(file, 'utf8'), '[1,2,3]');
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, '{"claims": {}}');
    await assert.rejects(openJsonStore(wrong), /"claims" should be a list/);
  });

  test('an older file without some collections is filled in', async () => {
    const file = join(dir, 'old.json');
    writeFileSync(file, '{"version":1,"articles":[],"claims":[],"findings":[]}');
    const s = await openJsonStore(file);
    assert.deepEqual(s.read(), emptyDb());
  });
});

describe('normaliseDb and memoryStore', () => {
  test('normaliseDb rejects what is not an object', () => {
    for (const raw of [null, 'x', 3, []]) assert.throws(() => normaliseDb(raw, 'f.json'), /f\.json does not hold a Crosscheck database/);
  });
  test('memoryStore applies batches in order and writes nothing', async () => {
    const s = memoryStore();
    assert.equal(s.location, ':memory:');
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => s.update(() => void order.push(n))));
    assert.deepEqual(order, [1, 2, 3]);
  });
});
