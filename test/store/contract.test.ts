// The Store contract, run against every back end (backends.ts): what one store writes another
// reads back exactly; updates are serialised and a failed one blocks nothing; in-place edits,
// deletions and whole re-checks persist; two processes writing at once lose nothing; a writer
// killed with SIGKILL loses nothing it had acknowledged; non-finite numbers are never stored.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { emptyDb, isPostgresUrl, type Store } from '../../server/store/index.js';
import { ingestArticles, recheck, removeArticles } from '../../server/check/index.js';
import type { Claim, Db, PrimarySource } from '../../server/types.js';
import { decide } from '../../server/review/decide.js';
import { historyOf, undoLast } from '../../server/review/history.js';
import { judgedOf } from '../../server/review/evidence.js';
import { makeArticle, ROOT } from '../core/helpers.js';
import { BACKENDS, type Place } from './backends.js';

const plain = (db: Db) => JSON.parse(JSON.stringify(db)) as Db;
const sortedBy = <T>(list: T[], key: (x: T) => string) => [...list].sort((a, b) => key(a).localeCompare(key(b)));
/** Equal up to the order of each collection (a store may keep rows in write order). */
function sameData(a: Db, b: Db) {
  const id = (x: unknown) => String((x as { id?: string; findingId?: string }).id ?? (x as { findingId?: string }).findingId);
  for (const k of ['articles', 'claims', 'findings', 'reviews', 'annotations', 'manualClaims', 'corrections'] as const)
    assert.deepEqual(sortedBy(plain(a)[k] as unknown[], id), sortedBy(plain(b)[k] as unknown[], id), k);
}

const A = makeArticle('科大讯飞前三季度实现营业收入126.14亿元，同比略微下滑0.37%。', { path: 'a.txt', date: '2023-10-28', publisher: '证券时报' });
const B = makeArticle('科大讯飞前三季度营收126亿元，同比下降0.27%。', { path: 'b.txt', date: '2023-10-28', publisher: '新浪财经' });

async function withPlace(place: Place, fn: (p: Place, opened: Store[]) => Promise<void>) {
  const opened: Store[] = [];
  const open = place.open;
  place.open = async () => {
    const s = await open();
    opened.push(s);
    return s;
  };
  try {
    await fn(place, opened);
  } finally {
    for (const s of opened) await s.close?.();
    await place.cleanup();
  }
}

function writer(p: Place, args: string[]) {
  const env = { ...process.env, ...p.env };
  delete env.NODE_TEST_CONTEXT; // the child is a program, not a test
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/store/writer.ts'), args[0]!, p.target, ...args.slice(1)], { cwd: ROOT, env });
  const acks: number[] = [];
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d;
    for (const m of out.matchAll(/^ack (\d+)$/gm)) if (!acks.includes(Number(m[1]))) acks.push(Number(m[1]));
  });
  child.stderr.on('data', (d: Buffer) => void (err += d));
  const done = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { child, acks, done, stderr: () => err };
}

const leftoverTemps = (p: Place) => (isPostgresUrl(p.target) ? [] : readdirSync(dirname(p.target)).filter((n) => n.endsWith('.tmp')));

for (const backend of BACKENDS) {
  describe(`Store contract: ${backend.name}`, { skip: backend.skip }, () => {
    const it = (name: string, fn: (p: Place, opened: Store[]) => Promise<void>, timeout = 60_000) =>
      test(name, { timeout }, async () => withPlace(await backend.place(), fn));

    it('a new store is empty', async (p) => {
      assert.deepEqual(plain((await p.open()).read()), emptyDb());
    });

    it('what one store writes, another opened afterwards reads back exactly', async (p) => {
      const s = await p.open();
      await ingestArticles(s, [A, B]);
      await s.update((d) => {
        const f = d.findings.find((x) => x.verdict === 'discrepancy')!;
        d.reviews.push({ findingId: f.id, status: 'confirmed', note: '以证券时报为准 "quoted" \\ \u0000', correctClaimId: f.claimIds[0], updatedAt: '2023-11-01T00:00:00.000Z' });
        d.annotations.push({ id: 'n1', articleId: A.id, anchor: { exact: '126.14亿元', prefix: '营业收入', suffix: '，', start: 13, end: 21 }, comment: 'Source?', createdAt: 'x' });
        d.corrections.push({ id: 'k1', articleId: B.id, anchor: { exact: '126亿元', prefix: '', suffix: '', start: 9, end: 14 }, metric: null, createdAt: 'x' });
        d.manualClaims.push({ ...d.claims[0]!, id: 'm1', origin: 'manual', value: 1.2345678901234567e-300 });
      });
      assert.ok(s.read().findings.length > 0 && s.read().claims.length >= 4);
      const back = await p.open();
      assert.deepEqual(plain(back.read()), plain(s.read()), 'same entries, same order');
      assert.equal(back.read().manualClaims[0]!.value, 1.2345678901234567e-300);
    });

    it('a primary source recorded on a review, replaced and undone, reads back with its history', async (p) => {
      const s = await p.open();
      await ingestArticles(s, [A, B]);
      const filing: PrimarySource = { url: 'https://static.cninfo.com.cn/finalpage/2023-10-24/1218.PDF', title: '科大讯飞：2023年三季度报告 "p. 2"', printed: '-0.37 %', value: -0.37, unit: '%', precision: 0.01, by: 'alice', at: '2023-11-01T00:00:00.000Z' };
      const record = (ps: PrimarySource, by: string, at: string) => (d: Db) => {
        const f = d.findings.find((x) => x.verdict === 'discrepancy')!;
        const judged = judgedOf(f, new Map(d.claims.map((c) => [c.id, c])), new Map(d.articles.map((a) => [a.id, a])));
        decide(d, f, (r) => void (r.primarySource = ps), { by, action: 'source', at, judged });
      };
      await s.update(record(filing, 'alice', filing.at));
      await s.update(record({ ...filing, printed: '-0.4 %', value: -0.4, precision: 0.1, by: 'bob', at: '2023-11-02T00:00:00.000Z' }, 'bob', '2023-11-02T00:00:00.000Z'));
      const other = await p.open();
      const f = other.read().findings.find((x) => x.verdict === 'discrepancy')!;
      assert.equal(other.read().reviews.find((r) => r.findingId === f.id)!.primarySource!.by, 'bob', 'another store sees the latest source');
      await other.update((d) => void assert.ok(undoLast(d, 'bob', '2023-11-03T00:00:00.000Z').ok));
      const back = await p.open();
      assert.deepEqual(plain(back.read().reviews.find((r) => r.findingId === f.id)!.primarySource as unknown as Db), plain(filing as unknown as Db), "undo brought back alice's source, exactly");
      assert.deepEqual(historyOf(back.read(), f.id).map((e) => `${e.by}:${e.action}`), ['bob:undo', 'bob:source', 'alice:source']);
      assert.deepEqual(historyOf(back.read(), f.id)[1]!.from.primarySource, filing, 'the history holds what each change replaced');
      assert.deepEqual(plain(back.read()).reviewEvents, plain(other.read()).reviewEvents);
    });

    it('updates are serialised: concurrent batches all land, in order', async (p) => {
      const s = await p.open();
      await Promise.all(Array.from({ length: 10 }, (_, i) => s.update((d) => void d.reviews.push({ findingId: `f${i}`, status: 'open', updatedAt: 'x' }))));
      assert.deepEqual((await p.open()).read().reviews.map((r) => r.findingId), Array.from({ length: 10 }, (_, i) => `f${i}`));
    });

    it('a change that throws rejects, writes nothing of its own, and blocks nothing after it', async (p) => {
      const s = await p.open();
      await assert.rejects(s.update(() => { throw new Error('boom'); }), /boom/);
      await s.update((d) => void d.reviews.push({ findingId: 'after', status: 'open', updatedAt: 'x' }));
      assert.deepEqual((await p.open()).read().reviews.map((r) => r.findingId), ['after']);
    });

    it('edits in place, deletions and a re-check persist', async (p) => {
      const s = await p.open();
      await ingestArticles(s, [A, B]);
      await s.update((d) => void d.reviews.push({ findingId: 'r1', status: 'open', updatedAt: 'x' }));
      await s.update((d) => {
        const r = d.reviews.find((x) => x.findingId === 'r1')!;
        r.status = 'dismissed'; // reviews are edited in place by the web app
        r.reason = 'rounding';
      });
      await removeArticles(s, [B.id]);
      await recheck(s);
      const back = (await p.open()).read();
      assert.equal(back.reviews[0]!.status, 'dismissed');
      assert.equal(back.reviews[0]!.reason, 'rounding');
      assert.deepEqual(back.articles.map((a) => a.id), [A.id]);
      assert.ok(back.claims.every((c) => c.articleId === A.id));
      sameData(back, s.read());
    });

    it('two stores open on one place: both updates survive, each sees the other at its next update', async (p) => {
      const a = await p.open();
      const b = await p.open();
      await a.update((d) => void d.reviews.push({ findingId: 'fa', status: 'open', updatedAt: 'x' }));
      await b.update((d) => void d.reviews.push({ findingId: 'fb', status: 'open', updatedAt: 'x' }));
      assert.deepEqual(b.read().reviews.map((r) => r.findingId), ['fa', 'fb']);
      await a.update(() => {});
      assert.deepEqual(a.read().reviews.map((r) => r.findingId), ['fa', 'fb']);
    });

    it('an entry holding Infinity or NaN is not stored; the rest of the batch is', async (p) => {
      const s = await p.open();
      await ingestArticles(s, [A]);
      const logged: string[] = [];
      const saved = console.error;
      console.error = (m: string) => void logged.push(m);
      try {
        await s.update((d) => {
          const c = d.claims[0]!;
          d.manualClaims.push({ ...c, id: 'ok', origin: 'manual' }, { ...c, id: 'inf', value: Infinity, origin: 'manual' } as Claim);
        });
      } finally {
        console.error = saved;
      }
      assert.match(logged.join('\n'), /not stored.*\(id inf\).*value/);
      assert.deepEqual((await p.open()).read().manualClaims.map((m) => m.id), ['ok']);
    });

    it('two processes ingesting and reviewing at once lose nothing and never corrupt the store', async (p) => {
      const n = 15;
      const [a, b] = [writer(p, ['ingest', 'A', String(n)]), writer(p, ['ingest', 'B', String(n)])];
      assert.deepEqual(await Promise.all([a.done, b.done]), [0, 0], a.stderr() + b.stderr());
      const db = (await p.open()).read();
      const expected = ['A', 'B'].flatMap((t) => Array.from({ length: n }, (_, i) => `${t}/${i}.txt`)).sort();
      assert.deepEqual(db.articles.map((x) => x.path).sort(), expected, 'every article of both processes');
      assert.equal(db.reviews.length, 2 * n, 'every review of both processes');
      for (const art of db.articles) assert.ok(db.claims.some((c) => c.articleId === art.id), `claims of ${art.path} kept`);
      assert.deepEqual(leftoverTemps(p), []);
    }, 240_000);

    it('kill -9 in mid-write loses nothing acknowledged; the next writer goes on', async (p) => {
      const seed = await p.open();
      // A large store, so that a kill lands during a write more often than not.
      await seed.update((d) => void d.articles.push({ ...A, id: 'big', path: 'big.txt', text: '营收'.repeat(1_500_000) }));
      await seed.close?.();
      const acked: string[] = [];
      for (const round of [0, 1, 2]) {
        const w = writer(p, ['reviews', `K${round}`, '100000']);
        while (w.acks.length < 3 + round * 2) await new Promise((r) => setTimeout(r, 5));
        await new Promise((r) => setTimeout(r, Math.random() * 150));
        w.child.kill('SIGKILL');
        await w.done;
        for (const i of w.acks) acked.push(`K${round}-${i}`);
        const s = await p.open();
        const stored = new Set(s.read().reviews.map((r) => r.findingId));
        for (const id of acked) assert.ok(stored.has(id), `acknowledged ${id} survived the kill`);
        assert.equal(s.read().articles[0]!.text.length, 3_000_000);
        await s.close?.();
      }
      const after = await p.open();
      await after.update((d) => void d.reviews.push({ findingId: 'after', status: 'open', updatedAt: 'x' }));
      assert.equal((await p.open()).read().reviews.at(-1)!.findingId, 'after');
      assert.deepEqual(leftoverTemps(p), [], 'temp files of killed writers removed');
    }, 240_000);
  });
}
