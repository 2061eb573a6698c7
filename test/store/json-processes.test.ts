// claims.json with several writers: two processes updating one file concurrently lose
// nothing and never corrupt it; a writer killed with SIGKILL mid-write loses nothing it had
// acknowledged, and its temp file is cleaned up; a lock held too long gives a clear message.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { emptyDb, openJsonStore } from '../../server/store/index.js';
import type { Db } from '../../server/types.js';
import { ROOT } from '../core/helpers.js';

let dir: string;
before(() => void (dir = mkdtempSync(join(tmpdir(), 'crosscheck-procs-'))));
after(() => rmSync(dir, { recursive: true, force: true }));

function writer(args: string[]): ChildProcess & { acks: number[]; done: Promise<number>; stderr_: string } {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT; // the child is a program, not a test
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/store/writer.ts'), ...args], { cwd: ROOT, env }) as ChildProcess & {
    acks: number[];
    done: Promise<number>;
    stderr_: string;
  };
  child.acks = [];
  child.stderr_ = '';
  let buf = '';
  child.stdout!.on('data', (d: Buffer) => {
    buf += d;
    for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n')) {
      const m = /^ack (\d+)$/.exec(buf.slice(0, nl));
      if (m) child.acks.push(Number(m[1]));
      buf = buf.slice(nl + 1);
    }
  });
  child.stderr!.on('data', (d: Buffer) => void (child.stderr_ += d));
  child.done = new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : 0))));
  return child;
}

const readDb = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Db;
const temps = () => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

describe('claims.json with several processes', () => {
  test('two processes ingesting and reviewing one claims.json at once lose nothing', { timeout: 240_000 }, async () => {
    const file = join(dir, 'shared.json');
    const n = 20;
    const [a, b] = [writer(['ingest', file, 'A', String(n)]), writer(['ingest', file, 'B', String(n)])];
    const codes = await Promise.all([a!.done, b!.done]);
    assert.deepEqual(codes, [0, 0], a!.stderr_ + b!.stderr_);
    const db = readDb(file); // parses: never corrupt
    const paths = db.articles.map((x) => x.path).sort();
    const expected = ['A', 'B'].flatMap((t) => Array.from({ length: n }, (_, i) => `${t}/${i}.txt`)).sort();
    assert.deepEqual(paths, expected, 'every article of both processes is there');
    assert.equal(db.reviews.length, 2 * n, 'every review of both processes is there');
    for (const art of db.articles) assert.ok(db.claims.some((c) => c.articleId === art.id), `claims of ${art.path} kept`);
    assert.deepEqual(temps(), [], 'no temp file left behind');
  });

  test('two stores in one process: both updates survive', async () => {
    const file = join(dir, 'two.json');
    const a = await openJsonStore(file);
    const b = await openJsonStore(file);
    await a.update((d) => void d.reviews.push({ findingId: 'fa', status: 'open', updatedAt: 'x' }));
    await b.update((d) => void d.reviews.push({ findingId: 'fb', status: 'open', updatedAt: 'x' }));
    assert.deepEqual(b.read().reviews.map((r) => r.findingId), ['fa', 'fb'], 'b applied its change to what a wrote');
    await a.update(() => {});
    assert.deepEqual(a.read().reviews.map((r) => r.findingId), ['fa', 'fb'], 'a sees b at its next update');
  });

  test('kill -9 in mid-write loses nothing acknowledged; the next writer cleans up', { timeout: 240_000 }, async () => {
    const file = join(dir, 'killed.json');
    // A large file, so that a kill lands during a write more often than not.
    const big = emptyDb();
    big.articles.push({ id: 'big', path: 'big.txt', title: 'big', language: 'zh', text: '营收'.repeat(1_500_000), hash: 'h', ingestedAt: 'x', source: 'file' });
    writeFileSync(file, JSON.stringify(big));
    const acked: string[] = [];
    for (const round of [0, 1, 2]) {
      const w = writer(['reviews', file, `K${round}`, '100000']);
      await new Promise<void>((go) => {
        const t = setInterval(() => {
          if (w.acks.length >= 3 + round * 2) clearInterval(t), setTimeout(go, Math.random() * 150);
        }, 5);
      });
      w.kill('SIGKILL');
      await w.done;
      for (const i of w.acks) acked.push(`K${round}-${i}`);
      const stored = new Set(readDb(file).reviews.map((r) => r.findingId)); // parses after every kill
      for (const id of acked) assert.ok(stored.has(id), `acknowledged ${id} survived the kill`);
      assert.equal(readDb(file).articles[0]!.text.length, 3_000_000);
    }
    const after = await openJsonStore(file, { staleMs: 5000 });
    await after.update((d) => void d.reviews.push({ findingId: 'after', status: 'open', updatedAt: 'x' }));
    assert.deepEqual(temps(), [], 'stale temp files removed once the dead lock was taken over');
    assert.equal(readDb(file).reviews.at(-1)!.findingId, 'after');
  });

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
