// Web benchmark: server response time of the review queue and an article page with 1,000
// articles in the store. The articles are the seed articles with the company, year and
// figures varied, so that facts align into many findings of about 20 sources each and a
// share of them disagree. Measured over loopback, sequentially, after a warm-up.
// Run with `npm run bench` (after the pipeline bench) or `npx tsx bench/web.ts`.
import { readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../server/types.js';
import { PROJECT_ROOT } from '../server/root.js';
import { ingestArticles } from '../server/check/index.js';
import { articleFromBytes } from '../server/ingest/index.js';
import { memoryStore } from '../server/store/index.js';
import { createApp } from '../server/web/app.js';
import { buildIndex } from '../server/web/model/index.js';

const ARTICLES = 1000;
const REQUESTS = 300;
const COMPANIES = ['科大讯飞', '比亚迪', '腾讯', '阿里巴巴', '百度', '小米', '京东', '美团', '宁德时代', '华为'];
const PUBLISHERS = Array.from({ length: 25 }, (_, i) => `Bench Wire ${String.fromCharCode(65 + i)}`);

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same data. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One variant of a seed text: another company and year, and some figures nudged. */
function vary(text: string, company: string, year: number, random: () => number): string {
  return text
    .replaceAll('科大讯飞', company)
    .replaceAll('2023', String(year))
    .replace(/(\d+(?:\.\d+)?)(?=\s*[%亿万])/g, (num) => {
      if (random() > 0.15) return num;
      const decimals = num.split('.')[1]?.length ?? 0;
      const step = 10 ** -decimals;
      return (Number(num) + step * (random() < 0.5 ? -1 : 1) * Math.ceil(random() * 3)).toFixed(decimals);
    });
}

export function benchArticles(n = ARTICLES): Article[] {
  const dir = join(PROJECT_ROOT, 'articles');
  const seeds = readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).map((f) => readFileSync(join(dir, f), 'utf8'));
  const random = rng(42);
  const out: Article[] = [];
  for (let i = 0; i < n; i++) {
    const seed = seeds[i % seeds.length]!;
    const company = COMPANIES[Math.floor(i / seeds.length) % COMPANIES.length]!;
    const year = 2019 + (Math.floor(i / (seeds.length * COMPANIES.length)) % 5);
    const publisher = PUBLISHERS[i % PUBLISHERS.length]!;
    const body = `---\npublisher: ${publisher}\ndate: ${year}-10-${String(10 + (i % 18)).padStart(2, '0')}\n---\n${vary(seed, company, year, random)}`;
    const r = articleFromBytes(Buffer.from(body), `bench/${String(i).padStart(4, '0')}.md`, 'file');
    if ('article' in r) out.push(r.article);
  }
  return out;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function measure(base: string, paths: string[], n: number) {
  const wall: number[] = [];
  const server: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const r = await fetch(base + paths[i % paths.length]);
    await r.text();
    wall.push(performance.now() - t0);
    if (r.status !== 200) throw new Error(`${paths[i % paths.length]}: HTTP ${r.status}`);
    const m = /dur=([\d.]+)/.exec(r.headers.get('server-timing') ?? '');
    if (m) server.push(Number(m[1]));
  }
  return { wall, server };
}

export async function benchWeb(): Promise<void> {
  console.log(`\nweb: building a store with ${ARTICLES} articles…`);
  const t0 = performance.now();
  const store = memoryStore();
  const articles = benchArticles();
  await ingestArticles(store, articles);
  const db = store.read();
  console.log(`web: ${db.articles.length} articles, ${db.claims.length} claims, ${db.findings.length} findings (${db.findings.filter((f) => f.verdict === 'discrepancy').length} discrepancies) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const ti = performance.now();
  buildIndex(db, -1);
  console.log(`web: page index rebuilt after a write in ${(performance.now() - ti).toFixed(0)} ms (once per change, not per request)`);

  const app = createApp({ store });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    // The article pages with the most claims: the heaviest to highlight.
    const perArticle = new Map<string, number>();
    for (const c of db.claims) perArticle.set(c.articleId, (perArticle.get(c.articleId) ?? 0) + 1);
    const heavy = [...perArticle.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([id]) => `/articles/${id}`);
    const articlePaths = heavy.length ? heavy : [`/articles/${db.articles[0]!.id}`];
    const queuePaths = ['/queue', '/queue?page=2', '/queue?verdict=discrepancy', '/queue?status=all&verdict=all'];
    await measure(base, [...queuePaths, ...articlePaths, '/'], 30); // warm-up: JIT, template cache
    const rows: Array<[string, { wall: number[]; server: number[] }]> = [
      ['review queue', await measure(base, queuePaths, REQUESTS)],
      ['article page', await measure(base, articlePaths, REQUESTS)],
      ['overview', await measure(base, ['/'], 100)],
    ];
    console.log(`web: ${REQUESTS} sequential requests each over loopback (overview: 100)`);
    console.log('page            p50 ms   p95 ms   (server-side p50 / p95)');
    for (const [name, { wall, server: s }] of rows)
      console.log(
        `${name.padEnd(14)} ${percentile(wall, 50).toFixed(1).padStart(7)}  ${percentile(wall, 95).toFixed(1).padStart(7)}   (${percentile(s, 50).toFixed(1)} / ${percentile(s, 95).toFixed(1)})`,
      );
    const worst = Math.max(percentile(rows[0]![1].wall, 95), percentile(rows[1]![1].wall, 95));
    console.log(`web: queue and article p95 ${worst < 100 ? 'under' : 'OVER'} the 100 ms target (${worst.toFixed(1)} ms)`);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchWeb();
