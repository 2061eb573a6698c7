// The behaviour fixture for speed work: every claim and finding the pipeline produces on the
// evaluation sets, the held-out fixtures, any extra folders given, and the bench corpus, written
// as JSON lines so that two builds can be compared with `cmp` or `diff`.
//
// usage: npx tsx bench/dump-claims.ts OUT_DIR [--mb 5] [FOLDER …]
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { readArticles, articleFromBytes } from '../server/ingest/index.js';
import { memoryStore } from '../server/store/index.js';
import { buildReport, computeFindings, ingestArticles } from '../server/check/index.js';
import { extractClaims } from '../server/extract/index.js';
import type { Article, Claim } from '../server/types.js';
import { generateCorpus } from './corpus.js';

const args = process.argv.slice(2);
const out = args.shift();
if (!out) {
  console.error('usage: npx tsx bench/dump-claims.ts OUT_DIR [--mb 5] [FOLDER …]');
  process.exit(2);
}
let mb = 5;
const folders: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--mb') mb = Number(args[++i]);
  else folders.push(resolve(args[i]!));
}
mkdirSync(out, { recursive: true });

/** One JSON value a line: a diff then points at the claim that changed. */
const lines = (items: unknown[]) => items.map((x) => JSON.stringify(x)).join('\n') + '\n';

/** A folder through the same path as `report`, with the clock taken out. */
async function dumpFolder(dir: string, name: string): Promise<void> {
  const store = memoryStore();
  await ingestArticles(store, readArticles([dir]).articles);
  const { generatedAt: _, claims, findings, articles, ...rest } = buildReport(store.read());
  const undated = articles.map(({ ingestedAt: _, library: __, ...a }) => a); // when and from which checkout
  writeFileSync(join(out!, `${name}.claims.jsonl`), lines(claims));
  writeFileSync(join(out!, `${name}.findings.jsonl`), lines(findings));
  writeFileSync(join(out!, `${name}.rest.json`), JSON.stringify({ articles: undated, ...rest }));
  console.log(`${name}: ${claims.length} claims, ${findings.length} findings`);
}

for (const [i, dir] of folders.entries()) await dumpFolder(dir, `${i}-${basename(dir)}`);

// The bench corpus, extracted and checked as the bench does.
const corpus = generateCorpus(mb * 1048576, 42);
const articles: Article[] = [];
const claims: Claim[] = [];
for (const d of corpus.docs) {
  const r = articleFromBytes(d.bytes, d.path, 'file');
  if ('error' in r) continue;
  articles.push(r.article);
  for (const c of extractClaims(r.article)) claims.push(c);
}
writeFileSync(join(out, 'corpus.claims.jsonl'), lines(claims));
writeFileSync(join(out, 'corpus.findings.jsonl'), lines(computeFindings(claims, articles)));
console.log(`corpus ${mb} MB: ${claims.length} claims`);
