// startServer: opens claims.json, ingests the library, serves, and picks up files dropped
// into the folder while it runs; decisions survive a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startServer } from '../../server/web/server.js';
import { Client, tempLibrary } from './helpers.js';

async function until(check: () => boolean, ms = 8000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

test('serves the library, picks up a dropped file without a restart, and keeps reviews across restarts', async () => {
  const articlesDir = tempLibrary();
  const dbFile = join(dirname(articlesDir), 'claims.json');
  let s = await startServer({ articlesDir, dbFile, port: 0, quiet: true });
  try {
    assert.match(s.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(s.store.read().articles.length, 2);
    const c = new Client(s.url.replace(/\/$/, ''));
    assert.equal((await c.get('/')).status, 200);

    writeFileSync(join(articlesDir, 'dropped.md'), '---\npublisher: Dropped Wire\n---\n# Dropped\n\n科大讯飞前三季度营业收入126.14亿元。\n');
    assert.ok(await until(() => s.store.read().articles.some((a) => a.path === 'dropped.md')), 'the watcher ingested the new file');
    assert.match((await c.get('/articles')).text, /Dropped Wire/);

    // Only files whose stamp changed are read again: an edit to a file read before is still seen.
    writeFileSync(join(articlesDir, 'dropped.md'), '---\npublisher: Dropped Wire\n---\n# Dropped\n\n科大讯飞前三季度营业收入127.5亿元。\n');
    assert.ok(await until(() => s.store.read().claims.some((c) => c.quote === '127.5亿元')), 'the edit was read');
    assert.equal(s.store.read().articles.length, 3);

    // A decision made through the app is still there after a restart.
    await s.store.update((db) => void db.reviews.push({ findingId: 'fkeep', status: 'confirmed', note: 'kept', updatedAt: new Date().toISOString() }));
    await s.close();
    s = await startServer({ articlesDir, dbFile, port: 0, quiet: true });
    assert.equal(s.store.read().reviews.find((r) => r.findingId === 'fkeep')?.note, 'kept');
    assert.equal(s.store.read().articles.length, 3);
  } finally {
    await s.close();
  }
});

test('a port in use is a plain message', async () => {
  const articlesDir = tempLibrary();
  const dbFile = join(dirname(articlesDir), 'claims.json');
  const a = await startServer({ articlesDir, dbFile, port: 0, quiet: true });
  try {
    const port = Number(new URL(a.url).port);
    await assert.rejects(startServer({ articlesDir, dbFile: dbFile + '.2', port, quiet: true }), /port \d+ is already in use/);
  } finally {
    await a.close();
  }
});
