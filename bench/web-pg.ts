// The team benchmark: the review app on PostgreSQL with a library of 10,000 articles (about
// 170,000 claims from the generated corpus), and 20 reviewers working at once. Each reviewer
// is a client with its own cookie and CSRF token that reads a page or decides a finding, then
// pauses (0.25–1.75 s, about one action a second each: a bounded load of ~20 requests a
// second, well above what 20 people do). It prints p50/p95/max of a review click and of the
// overview, queue, article and facts pages as the reviewers saw them (wall time over
// loopback, queueing included). The reviewers run in a worker thread, so that reading their
// pages does not count as the server's time; on two cores they still share the machine with it.
//
// Runs when DATABASE_URL points at a PostgreSQL server whose role may create databases; it
// works in a database of its own (crosscheck_bench_<pid>), dropped at the end. Environment:
// BENCH_PG_ARTICLES (default 10000), BENCH_PG_REVIEWERS (20), BENCH_PG_SECONDS (30).
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import type { Article } from '../server/types.js';
import { articleFromBytes } from '../server/ingest/index.js';
import { ingestArticles } from '../server/check/index.js';
import { extractionPool } from '../server/extract/pool.js';
import { copyInto, memoryStore, openStore } from '../server/store/index.js';
import { createApp } from '../server/web/app.js';
import { generateCorpus } from './corpus.js';

const MB = 1048576;

function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Articles of the generated corpus until `n`: many stories, years and outlets, so many findings. */
function corpusArticles(n: number): Article[] {
  const out: Article[] = [];
  // About 3.3 KB per article: ask for a little more than needed, then cut.
  for (const d of generateCorpus(n * 3500, 42).docs) {
    if (out.length >= n) break;
    const r = articleFromBytes(d.bytes, d.path, 'file');
    if ('article' in r) out.push(r.article);
  }
  return out;
}

/** A throwaway database on the server DATABASE_URL names, or a reason it cannot be had. */
async function scratchDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> } | string> {
  const name = `crosscheck_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (e) {
    await admin.end().catch(() => {});
    return `cannot create a scratch database on ${new URL(url).host} (${(e as Error).message}); give the role CREATEDB`;
  }
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.href,
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * The reviewers' loop, run in a worker thread (plain JavaScript, so it needs no loader): each
 * reads a page or decides a finding (40%), then pauses 0.25–1.75 s. Posts the latencies by kind.
 */
const LOAD = `
const { parentPort, workerData: d } = require('node:worker_threads');
const pages = [
  ['overview', () => '/'],
  ['queue', () => ['/queue', '/queue?page=2', '/queue?verdict=discrepancy', '/queue?status=all&verdict=all'][Math.floor(Math.random() * 4)]],
  ['article', () => '/articles/' + d.articleIds[Math.floor(Math.random() * d.articleIds.length)]],
  ['facts', () => ['/facts', '/facts?page=2'][Math.floor(Math.random() * 2)]],
];
const times = new Map([['review click', []], ...pages.map(([k]) => [k, []])]);
const failures = [];
const end = performance.now() + d.seconds * 1000;
let clicks = 0;
const work = async (r, i) => {
  await new Promise((ok) => setTimeout(ok, (i * 1000) / d.nReviewers)); // staggered start
  while (performance.now() < end) {
    const t0 = performance.now();
    let what = 'review click';
    // A request that fails (a reset connection, say) is counted as a failure, not the end of the run.
    try {
      if (Math.random() < 0.4) {
        const id = d.findingIds[Math.floor(Math.random() * d.findingIds.length)];
        const action = ['confirm', 'dismiss', 'reopen'][clicks++ % 3];
        const res = await fetch(d.base + '/findings/' + id + '/review', {
          method: 'POST',
          body: new URLSearchParams({ action, note: '', reason: 'rounding', _csrf: r.token }),
          headers: { cookie: r.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          redirect: 'manual',
        });
        await res.text();
        // A redirect is success.
        if (res.status !== 303) failures.push(what + ' ' + id + ': HTTP ' + res.status);
      } else {
        const [name, path] = pages[Math.floor(Math.random() * pages.length)];
        what = name;
        const at = path();
        const res = await fetch(d.base + at, { headers: { cookie: r.cookie } });
        await res.text();
        if (res.status !== 200) failures.push(what + ' ' + at + ': HTTP ' + res.status);
      }
    } catch (e) {
      failures.push(what + ': ' + ((e.cause && e.cause.code) || e.message) + ' after ' + (performance.now() - t0).toFixed(0) + ' ms');
    }
    times.get(what).push(performance.now() - t0);
    await new Promise((ok) => setTimeout(ok, 250 + Math.random() * 1500));
  }
};
Promise.all(d.reviewers.map(work)).then(() => parentPort.postMessage({ times: [...times], failures }));
`;

interface Reviewer {
  cookie: string;
  token: string;
}

async function newReviewer(base: string): Promise<Reviewer> {
  const r = await fetch(`${base}/queue`);
  const html = await r.text();
  const cookie = r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!token) throw new Error('no CSRF token on /queue');
  return { cookie, token };
}

export async function benchWebPg(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url || process.env.BENCH_PG === '0') {
    console.log('\nweb on PostgreSQL: skipped (set DATABASE_URL to a server whose role may create databases)');
    return;
  }
  const nArticles = Number(process.env.BENCH_PG_ARTICLES ?? 10_000);
  const nReviewers = Number(process.env.BENCH_PG_REVIEWERS ?? 20);
  const seconds = Number(process.env.BENCH_PG_SECONDS ?? 30);
  const scratch = await scratchDatabase(url);
  if (typeof scratch === 'string') {
    console.log(`\nweb on PostgreSQL: skipped: ${scratch}`);
    return;
  }
  console.log(`\nweb on PostgreSQL: ${nArticles.toLocaleString('en-US')} articles, ${nReviewers} reviewers for ${seconds} s (${new URL(scratch.url).pathname.slice(1)} on ${new URL(url).host})`);
  try {
    // Fill: extract on every core into memory, then one copy into PostgreSQL (as `migrate` does).
    let t = performance.now();
    const articles = corpusArticles(nArticles);
    const mem = memoryStore();
    const pool = extractionPool({ workers: 2, timeoutMs: 60_000 });
    try {
      await ingestArticles(mem, articles, undefined, (a) => pool.extract(a), 4);
    } finally {
      await pool.close();
    }
    const src = mem.read();
    const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
    console.log(
      `  library: ${src.articles.length.toLocaleString('en-US')} articles (${(bytes / MB).toFixed(1)} MB), ${src.claims.length.toLocaleString('en-US')} claims, ` +
        `${src.findings.length.toLocaleString('en-US')} findings, read and checked in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    t = performance.now();
    const store0 = await openStore(scratch.url);
    await copyInto(mem, store0);
    await store0.close?.();
    console.log(`  copied into PostgreSQL in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const store = await openStore(scratch.url);
    console.log(`  opened (snapshot loaded) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const app = createApp({ store, auth: 'single' });
    const server = await new Promise<import('node:http').Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const db = store.read();
      const findingIds = db.findings.map((f) => f.id);
      const articleIds = db.articles.map((a) => a.id);
      const reviewers = await Promise.all(Array.from({ length: nReviewers }, () => newReviewer(base)));
      // Warm-up: templates compiled, the page index built.
      for (const path of ['/', '/queue', `/articles/${articleIds[0]}`, '/facts']) await (await fetch(base + path, { headers: { cookie: reviewers[0]!.cookie } })).text();
      // The reviewers run in a thread of their own, as browsers would on other machines: reading
      // 100 KB pages in the server's thread would count their parsing as the server's latency.
      const started = performance.now();
      const { times, failures } = await new Promise<{ times: Array<[string, number[]]>; failures: string[] }>((resolve, reject) => {
        const w = new Worker(LOAD, { eval: true, workerData: { base, reviewers, findingIds, articleIds, seconds, nReviewers } });
        w.once('message', resolve);
        w.once('error', reject);
      });
      const elapsed = (performance.now() - started) / 1000;
      const total = times.reduce((n, [, xs]) => n + xs.length, 0);
      console.log(`  ${total.toLocaleString('en-US')} requests in ${elapsed.toFixed(0)} s (${(total / elapsed).toFixed(1)} a second), ${failures.length} failed${failures.length ? `: ${failures.slice(0, 3).join('; ')}` : ''}`);
      console.log('  request        count   p50 ms   p95 ms   max ms   target');
      for (const [name, xs] of times) {
        const target = name === 'review click' ? 50 : 100;
        const p95 = percentile(xs, 95);
        console.log(
          `  ${name.padEnd(13)} ${String(xs.length).padStart(6)}  ${percentile(xs, 50).toFixed(1).padStart(7)}  ${p95.toFixed(1).padStart(7)}  ${Math.max(...xs).toFixed(1).padStart(7)}   p95 < ${target}: ${p95 < target ? 'met' : 'NOT met'}`,
        );
      }
      const after = store.read();
      console.log(`  reviews stored: ${after.reviews.length.toLocaleString('en-US')}; review events: ${after.reviewEvents.length.toLocaleString('en-US')}`);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      await store.close?.();
    }
  } finally {
    await scratch.drop().catch((e: Error) => console.log(`  could not drop the scratch database: ${e.message}`));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchWebPg();
