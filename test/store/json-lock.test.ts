// claims.json specifics beside the Store contract (contract.test.ts, which also covers two
// processes and kill -9): a lock held too long by another process gives a clear message.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { emptyDb, openJsonStore } from '../../server/store/index.js';
import type { Db } from '../../server/types.js';

let dir: string;
before(() => void (dir = mkdtempSync(join(tmpdir(), 'crosscheck-lock-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

const readDb = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Db;

describe('claims.json lock', () => {
  test('a lock held too long by another process gives a clear message and writes nothing', async () => {
    const file = join(dir, 'held.json');
    writeFileSync(file, JSON.stringify(emptyDb()));
    const release = await lockfile.lock(file, { realpath: false }); // the "other process"
    try {
      const s = await openJsonStore(file, { waitMs: 300 });
      await assert.rejects(
        s.update((d) => void d.reviews.push({ findingId: 'f', status: 'open', updatedAt: 'x' })),
        (e: Error) => {
          assert.ok(e.message.includes(file), 'names the file');
          assert.match(e.message, /locked by another Crosscheck process/);
          assert.match(e.message, /not released within/);
          return true;
        },
      );
      assert.deepEqual(readDb(file).reviews, []);
    } finally {
      await release();
    }
  });
});

describe('claims.json moved away while open', () => {
  test('what the store holds is written back, not replaced by an empty file', async () => {
    const file = join(dir, 'vanished.json');
    const s = await openJsonStore(file);
    await s.update((d) => void d.reviews.push({ findingId: 'kept', status: 'open', updatedAt: 'x' }));
    rmSync(file);
    await s.update((d) => void d.reviews.push({ findingId: 'new', status: 'open', updatedAt: 'x' }));
    assert.deepEqual(readDb(file).reviews.map((r) => r.findingId), ['kept', 'new']);
  });
});
