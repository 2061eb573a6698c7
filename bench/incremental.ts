// Adding one article to a large library: 10,000 articles and 100,000 claims (synthetic, like
// the claim check of bench/pipeline.ts), then a real article (a seed article varied, as in
// bench/web.ts) given to ingestArticles. Printed: the time from "article given" to "its findings
// are in the store", with a full re-check (a process that has not checked this db yet) and with
// the incremental one (server/check/incremental.ts), in memory and, when DATABASE_URL is set, on
// PostgreSQL in a schema of its own (bench_incremental, dropped first).
// BENCH_INCREMENTAL=0 skips it; BENCH_INCREMENTAL_SIZE=articles,claims changes the library.
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Article, Claim, Db, Finding } from '../server/types.js';
import { ingestArticles, removeArticles } from '../server/check/index.js';
import { fullCheck, incrementalCheck } from '../server/check/incremental.js';
import { extractClaims } from '../server/extract/index.js';
import { sha256 } from '../server/ingest/index.js';
import { emptyDb, memoryStore, type Store } from '../server/store/index.js';
import { openPgStore } from '../server/store/pg/pg-store.js';
import { prng, syntheticClaims } from './corpus.js';
import { benchArticles } from './web.js';
import { table } from './pipeline.js';

const SCHEMA = 'bench_incremental';
const DAY = 86_400_000;

/** The library: synthetic claims on articles dated over ten years, so that they form many small stories. */
function library(articles: number, claims: number): Db {
  const set = syntheticClaims(claims, 7, articles);
  const rng = prng(3);
  const db = emptyDb();
  db.articles = [...set.articles].map(([id, a]) => ({
    id,
    path: `synthetic/${id}.txt`,
    title: a.title,
    publisher: a.publisher,
    date: new Date(Date.UTC(2015, 0, 1) + rng.int(0, 3650) * DAY).toISOString().slice(0, 10),
    language: 'en',
    text: '',
    hash: sha256(id),
    ingestedAt: '2024-01-01T00:00:00.000Z',
    source: 'file',
  }));
  db.claims = set.claims;
  return db;
}

const ms = (t0: number) => performance.now() - t0;
const fingerprint = (fs: Finding[]) => sha256(fs.map((f) => JSON.stringify(f)).sort().join('\n'));

interface Row {
  store: string;
  article: string;
  full: number;
  removal: number;
  incremental: number;
  same: boolean;
}

/**
 * For each article: a store that has not been checked in this process (so the add re-checks all),
 * then the same article removed and added again on that store, now incrementally.
 */
async function measure(name: string, openCold: () => Promise<Store>, added: Article[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const a of added) {
    const store = await openCold();
    try {
      let t = performance.now();
      await ingestArticles(store, [a]);
      const full = ms(t);
      const afterFull = fingerprint(store.read().findings);
      t = performance.now();
      await removeArticles(store, [a.id]);
      const removal = ms(t);
      t = performance.now();
      await ingestArticles(store, [a]);
      const incremental = ms(t);
      rows.push({ store: name, article: a.path, full, removal, incremental, same: fingerprint(store.read().findings) === afterFull });
    } finally {
      await store.close?.();
    }
  }
  return rows;
}

async function dropSchema(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  } finally {
    await c.end();
  }
}

export async function benchIncremental(): Promise<void> {
  if (process.env.BENCH_INCREMENTAL === '0') {
    console.log('\nincremental: skipped (BENCH_INCREMENTAL=0)');
    return;
  }
  const [nArticles, nClaims] = (process.env.BENCH_INCREMENTAL_SIZE ?? '10000,100000').split(',').map(Number) as [number, number];
  console.log(`\nincremental: building a library of ${nArticles.toLocaleString('en-US')} articles and ${nClaims.toLocaleString('en-US')} claims…`);
  const base = library(nArticles, nClaims);
  let t = performance.now();
  const state = fullCheck(base.claims, base.articles);
  base.findings = state.findings;
  console.log(`incremental: ${base.findings.length.toLocaleString('en-US')} findings, full check in ${(ms(t) / 1000).toFixed(1)} s`);
  // Three real articles on three companies the synthetic claims also report.
  const added = [0, 5, 9].map((i) => benchArticles(10)[i]!);

  // What the incremental check re-aligns for each: the blocks its claims touch, and those of the
  // articles of its story whose defaults or story changed.
  for (const a of added) {
    const next = incrementalCheck(state, base.claims.concat(extractClaims(a) as Claim[]), base.articles.concat(a), [a.id]);
    console.log(`incremental: ${a.path} re-aligns ${next.rechecked.claims.toLocaleString('en-US')} of ${next.order.length.toLocaleString('en-US')} claims (${next.rechecked.blocks} of ${next.blocks.size.toLocaleString('en-US')} blocks)`);
  }

  // A shallow copy is another db to the check's memory: its first add re-checks everything.
  const rows = await measure('memory', async () => memoryStore({ ...base }), added);
  const url = process.env.DATABASE_URL;
  if (url) {
    await dropSchema(url);
    t = performance.now();
    const seed = await openPgStore(url, { schema: SCHEMA });
    await seed.update((d) => Object.assign(d, { articles: base.articles, claims: base.claims, findings: base.findings }));
    await seed.close!();
    console.log(`incremental: written to PostgreSQL (schema ${SCHEMA}) in ${(ms(t) / 1000).toFixed(1)} s`);
    // Each cold open loads the library again, as a new process would.
    rows.push(...(await measure('PostgreSQL', () => openPgStore(url, { schema: SCHEMA }), added)));
    await dropSchema(url);
  } else console.log('incremental: DATABASE_URL not set, PostgreSQL skipped');

  console.log('incremental: one article given → its findings in the store (extraction, check and write included)');
  console.log(
    table(
      ['store', 'article', 'full re-check', 'incremental', 'removal (incr.)', 'same findings'],
      rows.map((r) => [r.store, r.article, `${r.full.toFixed(0)} ms`, `${r.incremental.toFixed(0)} ms`, `${r.removal.toFixed(0)} ms`, r.same ? 'yes' : 'NO']),
    ),
  );
  const worst = Math.max(...rows.map((r) => r.incremental));
  console.log(`incremental: slowest incremental add ${worst.toFixed(0)} ms, ${worst < 2000 ? 'under' : 'OVER'} the 2 s target`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchIncremental();
