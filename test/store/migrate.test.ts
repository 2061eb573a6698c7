// `crosscheck migrate`: a claims.json with every collection filled goes into PostgreSQL and
// back with nothing lost (round trip equality, entry order included); a destination that
// already holds data is refused and left as it was. Skipped, with the reason, without a server.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openJsonStore } from '../../server/store/index.js';
import { ingestArticles } from '../../server/check/index.js';
import { readArticles } from '../../server/ingest/index.js';
import { migrateCommand } from '../../server/cli/migrate.js';
import type { Db } from '../../server/types.js';
import { ROOT } from '../core/helpers.js';
import { pgBackend } from './backends.js';

const base = process.env.DATABASE_URL || 'postgres://localhost:5432/postgres';
const schemas: string[] = [];
/** A URL whose connections use a fresh schema: migrate takes plain URLs, like a user would. */
async function freshUrl(): Promise<string> {
  const schema = `cc_migrate_${randomBytes(5).toString('hex')}`;
  schemas.push(schema);
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  await c.query(`CREATE SCHEMA ${schema}`);
  await c.end();
  return `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}
const quiet = { log: (..._: unknown[]) => {}, error: (..._: unknown[]) => {} };

describe('crosscheck migrate', { skip: pgBackend.skip }, () => {
  let dir: string;
  let source: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crosscheck-migrate-'));
    source = join(dir, 'claims.json');
    const s = await openJsonStore(source);
    await ingestArticles(s, readArticles([join(ROOT, 'test/fixtures/holdout'), join(ROOT, 'articles')]).articles);
    await s.update((d) => {
      const [f1, f2] = d.findings;
      d.reviews.push({ findingId: f1!.id, status: 'confirmed', note: '核对：以年报为准', correctClaimId: f1!.claimIds[0], referenceArticleId: d.articles[0]!.id, updatedAt: '2023-11-01T00:00:00.000Z' });
      d.reviews.push({ findingId: f2!.id, status: 'dismissed', reason: 'rounding', updatedAt: '2023-11-02T00:00:00.000Z' });
      const a = d.articles[0]!;
      d.annotations.push({ id: 'n1', articleId: a.id, anchor: { exact: a.text.slice(0, 4), prefix: '', suffix: a.text.slice(4, 8), start: 0, end: 4 }, comment: 'who says?', createdAt: 'x' });
      d.annotations.push({ id: 'n2', articleId: 'gone', anchor: { exact: 'x', prefix: '', suffix: '', start: 0, end: 1 }, comment: 'orphan', createdAt: 'x', orphaned: true });
      d.corrections.push({ id: 'k1', articleId: a.id, anchor: { exact: 'y', prefix: '', suffix: '', start: 1, end: 2 }, period: '2023', subject: 'iflytek', notAClaim: false, createdAt: 'x' });
      d.manualClaims.push({ ...d.claims[0]!, id: 'm1', origin: 'manual' });
    });
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await c.end();
  });

  test('claims.json → PostgreSQL → claims.json: every entry back, equal and in order', async () => {
    const url = await freshUrl();
    const original = JSON.parse(readFileSync(source, 'utf8')) as Db;
    assert.ok(original.articles.length >= 10 && original.claims.length > 100 && original.findings.length > 5, 'a real library');
    assert.equal(await migrateCommand(source, url, quiet), 0);
    const back = join(dir, 'back.json');
    assert.equal(await migrateCommand(url, back, quiet), 0);
    assert.deepEqual(JSON.parse(readFileSync(back, 'utf8')), original);
  });

  test('a destination that holds data is refused and left as it was', async () => {
    const url = await freshUrl();
    assert.equal(await migrateCommand(source, url, quiet), 0);
    await assert.rejects(migrateCommand(source, url, quiet), /already holds data \(\d+ articles.*nothing was written/);
  });

  test('a claims.json with two reviews of one finding is refused: the database keeps one per key', async () => {
    const url = await freshUrl();
    const dup = join(dir, 'dup.json');
    const s = await openJsonStore(dup);
    await s.update((d) => void d.reviews.push({ findingId: 'f1', status: 'open', updatedAt: 'x' }, { findingId: 'f1', status: 'confirmed', updatedAt: 'y' }));
    await assert.rejects(migrateCommand(dup, url, quiet), /reviews: two entries share the key "f1"/);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    assert.equal((await c.query('SELECT count(*)::int AS n FROM reviews')).rows[0].n, 0, 'nothing written');
    await c.end();
  });

  test('a row of the wrong shape in PostgreSQL is named on open, and nothing is written', async () => {
    const url = await freshUrl();
    assert.equal(await migrateCommand(source, url, quiet), 0);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`UPDATE claims SET doc = json_build_object('id', id, 'value', null) WHERE id = (SELECT id FROM claims ORDER BY written_rev, pos LIMIT 1)`);
    const { openStore } = await import('../../server/store/index.js');
    await assert.rejects(openStore(url), /claims\[0\] \(id [^)]+\): "articleId" should be a string, found nothing/);
    await c.end();
  });

  test('the command line: prints what was copied and that it was read back', async () => {
    const url = await freshUrl();
    const env = { ...process.env };
    delete env.NODE_TEST_CONTEXT;
    const out = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, ['--import', 'tsx', join(ROOT, 'server/cli/main.ts'), 'migrate', '--from', source, '--to', url], { cwd: ROOT, env }, (err, stdout, stderr) =>
        resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
      ),
    );
    assert.equal(out.code, 0, out.stderr);
    assert.match(out.stdout, /^copied \d+ articles, \d+ claims, \d+ findings, 2 reviews, 2 annotations, 1 manualClaims, 1 corrections(?:, \d+ \w+)* from .* to postgres:\/\/.*; read back and identical/);
    assert.doesNotMatch(out.stdout, /crosscheck:crosscheck@/, 'no password in messages');
  });
});
