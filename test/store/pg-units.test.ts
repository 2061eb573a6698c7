// The PostgreSQL store's pure parts, which need no server: the diff written per update,
// which store a command opens, and the message when the server cannot be reached.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { diffTable, persistedTable } from '../../server/store/pg/diff.js';
import { TABLES } from '../../server/store/pg/tables.js';
import { openPgStore, safeUrl } from '../../server/store/pg/pg-store.js';
import { storeTarget } from '../../server/store/index.js';

const claim = (id: string, value = 1) => Object.freeze({ id, articleId: 'a', value, why: {}, aspects: [] });
const review = (findingId: string, status = 'open') => ({ findingId, status, updatedAt: 'x' });

describe('diffTable', () => {
  test('the same claims in the same order: nothing to write, nothing serialised', () => {
    const list = [claim('c1'), claim('c2')];
    const before = persistedTable(TABLES.claims, list);
    const d = diffTable(TABLES.claims, list, before);
    assert.deepEqual([d.upserts, d.deletes], [[], []]);
    assert.equal(d.next, before);
  });

  test('a replaced claim with equal content is not rewritten; a changed one is; a missing one is deleted', () => {
    const [c1, c2, c3] = [claim('c1'), claim('c2'), claim('c3')];
    const before = persistedTable(TABLES.claims, [c1, c2, c3]);
    const d = diffTable(TABLES.claims, [claim('c1'), claim('c2', 2)], before);
    assert.deepEqual(d.upserts.map((u) => u.key), ['c2']);
    assert.deepEqual(d.deletes, ['c3']);
    assert.equal(d.upserts[0]!.json, JSON.stringify(claim('c2', 2)));
  });

  test('a review edited in place (same object) is written', () => {
    const r = review('f1');
    const before = persistedTable(TABLES.reviews, [r, review('f2')]);
    r.status = 'confirmed';
    const d = diffTable(TABLES.reviews, [r, before.refs[1]!], before);
    assert.deepEqual(d.upserts.map((u) => [u.key, u.entry.status]), [['f1', 'confirmed']]);
  });

  test('a review left as written is found unchanged by its fields; a field set, added or removed is written; an edit inside a field throws', () => {
    const r1 = { ...review('f1'), primarySource: { url: 'https://example.com/filing', value: 1 } };
    const r2 = review('f2');
    const before = persistedTable(TABLES.reviews, [r1, r2]);
    assert.deepEqual(diffTable(TABLES.reviews, [r1, r2], before).upserts, [], 'nothing changed');
    r2.status = 'confirmed';
    assert.deepEqual(diffTable(TABLES.reviews, [r1, r2], before).upserts.map((u) => u.key), ['f2']);
    const added = Object.assign(review('f2'), { note: 'checked' });
    const next = diffTable(TABLES.reviews, [r1, added], before).next;
    delete (added as { note?: string }).note;
    assert.deepEqual(diffTable(TABLES.reviews, [r1, added], next).upserts.map((u) => u.key), ['f2'], 'a removed field is a change');
    // Values are frozen once written: an edit inside one would not change a top-level field, so it must not pass silently.
    assert.throws(() => void (r1.primarySource.value = 2), TypeError);
    r1.primarySource = { ...r1.primarySource, value: 2 };
    assert.deepEqual(diffTable(TABLES.reviews, [r1, added], next).upserts.map((u) => u.key), ['f1', 'f2']);
  });

  test('two entries with one key are refused before anything is written', () => {
    assert.throws(() => diffTable(TABLES.reviews, [review('f1'), review('f1', 'dismissed')], persistedTable(TABLES.reviews, [])), /reviews: two entries share the key "f1"; .*nothing was written/);
  });

  test('an entry holding Infinity is refused and the stored version kept', () => {
    const before = persistedTable(TABLES.claims, [claim('c1')]);
    const d = diffTable(TABLES.claims, [claim('c1', Infinity), claim('c2')], before);
    assert.deepEqual(d.upserts.map((u) => u.key), ['c2']);
    assert.deepEqual(d.refused.map((r) => r.message), ['claims[0] (id c1): value is not a finite number']);
    assert.deepEqual(d.deletes, [], 'the stored c1 stays');
    assert.deepEqual(d.next.refs.map((c) => (c as { id: string }).id), ['c2']);
  });
});

describe('choosing and opening a store', () => {
  test('--db wins, then DATABASE_URL, then ./claims.json', () => {
    const url = 'postgres://u:p@db.example/cc';
    assert.equal(storeTarget('mine.json', { DATABASE_URL: url }), resolve('mine.json'));
    assert.equal(storeTarget(undefined, { DATABASE_URL: url }), url);
    assert.equal(storeTarget('postgresql://h/x', {}), 'postgresql://h/x');
    assert.equal(storeTarget(undefined, {}), resolve('claims.json'));
    assert.equal(storeTarget(undefined, { DATABASE_URL: '' }), resolve('claims.json'));
  });

  test('an unreachable server: a clear message, without the password', async () => {
    await assert.rejects(openPgStore('postgres://me:secret@127.0.0.1:1/cc'), (e: Error) => {
      assert.match(e.message, /^cannot reach PostgreSQL at postgres:\/\/me:\*\*\*@127\.0\.0\.1:1\/cc: .*--db or DATABASE_URL/);
      assert.doesNotMatch(e.message, /secret/);
      return true;
    });
    assert.equal(safeUrl('postgres://me:secret@h/db'), 'postgres://me:***@h/db');
  });
});
