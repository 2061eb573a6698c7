// Incremental checking must give exactly the findings of a full check. Random sequences of
// steps (add, remove or change an article, correct a claim, add a claim by hand) over the eval
// articles and a small generated corpus: after every step the incremental findings are compared
// with computeFindings on the same claims, field by field.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article, Claim, Correction, Db, Finding } from '../../server/types.js';
import { computeFindings, effectiveClaims, ingestArticles, refreshFindings, removeArticles, storiesOfDb } from '../../server/check/index.js';
import { fullCheck, incrementalCheck, type CheckState } from '../../server/check/incremental.js';
import { extractClaims } from '../../server/extract/index.js';
import { articleFromBytes } from '../../server/ingest/index.js';
import { memoryStore } from '../../server/store/index.js';
import { makeArticle, makeClaim } from './helpers.js';
import { DEFAULT_SOURCE_DIRS, generateCorpus, loadStories, prng, type Rng } from '../../bench/corpus.js';

interface Doc {
  article: Article;
  claims: Claim[];
}

/** The eval and seed articles, and a small corpus rewritten from them: extracted once. */
function pool(): Doc[] {
  const stories = loadStories(DEFAULT_SOURCE_DIRS);
  const files = [
    ...stories.flatMap((s) => s.articles.map((a) => ({ path: `${s.id}/${a.name}`, bytes: Buffer.from(a.text) }))),
    ...generateCorpus(150_000, 11, stories).docs,
  ];
  return files.flatMap((f) => {
    const r = articleFromBytes(f.bytes, f.path, 'file');
    return 'article' in r ? [{ article: r.article, claims: extractClaims(r.article) as Claim[] }] : [];
  });
}

/** Another document's text and claims under an article's id: an edit of that article. */
function asEditOf(doc: Doc, target: Article): Doc {
  const article = { ...doc.article, id: target.id, path: target.path };
  return { article, claims: doc.claims.map((c) => ({ ...c, articleId: target.id, id: `${target.id}:${c.start}-${c.end}` })) };
}

const sorted = (fs: Finding[]) => [...fs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

/** A library in memory, changed the way ingest, removal and the review desk change one. */
class Library {
  docs = new Map<string, Doc>();
  corrections: Correction[] = [];
  manualClaims: Claim[] = [];
  claims: Claim[] = [];
  private n = 0;
  constructor(private rng: Rng) {}

  articles = () => [...this.docs.values()].map((d) => d.article);
  effective = () => effectiveClaims({ claims: this.claims, corrections: this.corrections, manualClaims: this.manualClaims });

  put(doc: Doc) {
    this.docs.set(doc.article.id, doc);
    // As ingestArticles does: the article's old claims go, its new ones come last.
    this.claims = this.claims.filter((c) => c.articleId !== doc.article.id).concat(doc.claims);
  }
  remove(id: string) {
    this.docs.delete(id);
    this.claims = this.claims.filter((c) => c.articleId !== id);
  }
  /** A reviewer's correction of a random claim: another subject or period from the library, or not a claim. */
  correct(): string | undefined {
    if (!this.claims.length) return undefined;
    const c = this.rng.pick(this.claims);
    const other = this.rng.pick(this.claims);
    const fix = this.rng.weighted<Partial<Correction>>([
      [{ subject: other.subject }, 3],
      [{ period: other.period }, 2],
      [{ notAClaim: true }, 1],
    ]);
    const anchor = { exact: c.quote, prefix: '', suffix: '', start: c.start, end: c.end };
    this.corrections.push({ id: `k${++this.n}`, articleId: c.articleId, anchor, createdAt: '2024-01-01T00:00:00Z', ...fix });
    return c.articleId;
  }
  /** A claim added by hand: a figure another article gives, put in a random article. */
  addManual(): string | undefined {
    if (!this.claims.length) return undefined;
    const from = this.rng.pick(this.claims);
    const to = this.rng.pick(this.articles());
    this.manualClaims.push({ ...from, id: `m${++this.n}`, articleId: to.id, origin: 'manual', by: 'tester' });
    return to.id;
  }
}

/** Runs `steps` random steps; after each, the incremental state's findings must equal a full check's. */
function run(seed: number, steps: number, docs: Doc[]): { reused: number; total: number } {
  const rng = prng(seed);
  const lib = new Library(rng);
  for (const d of rng.shuffle([...docs]).slice(0, Math.floor(docs.length / 2))) lib.put(d);
  let state: CheckState = fullCheck(lib.effective(), lib.articles());
  let reused = 0;
  let total = 0;
  for (let step = 0; step < steps; step++) {
    const inLib = lib.articles();
    const out = docs.filter((d) => !lib.docs.has(d.article.id));
    const kind = rng.weighted<string>([
      ['add', out.length ? 4 : 0],
      ['remove', inLib.length > 2 ? 3 : 0],
      ['change', inLib.length ? 3 : 0],
      ['correct', 1],
      ['manual', 1],
    ]);
    let changed: string | undefined;
    if (kind === 'add') {
      const doc = rng.pick(out);
      lib.put(doc);
      changed = doc.article.id;
    } else if (kind === 'remove') lib.remove((changed = rng.pick(inLib).id));
    else if (kind === 'change') {
      const target = rng.pick(inLib);
      lib.put(asEditOf(rng.pick(docs), target));
      changed = target.id;
    } else changed = kind === 'correct' ? lib.correct() : lib.addManual();
    const claims = lib.effective();
    const before = new Set(state.findings);
    state = incrementalCheck(state, claims, lib.articles(), changed ? [changed] : []);
    const full = computeFindings(claims, lib.articles());
    assert.deepStrictEqual(sorted(state.findings), sorted(full), `seed ${seed}, step ${step} (${kind} ${changed})`);
    // In the same order as a full check stores them, too.
    assert.deepStrictEqual(state.findings, fullCheck(claims, lib.articles()).findings, `order at seed ${seed}, step ${step}`);
    reused += state.findings.filter((f) => before.has(f)).length;
    total += state.findings.length;
  }
  return { reused, total };
}

describe('incremental checking', () => {
  const docs = pool();

  test('the pool is large enough to mean something: many articles, stories and findings', () => {
    assert.ok(docs.length >= 30, `${docs.length} articles`);
    const all = computeFindings(docs.flatMap((d) => d.claims), docs.map((d) => d.article));
    assert.ok(all.length >= 100 && all.some((f) => f.verdict === 'discrepancy'), `${all.length} findings`);
  });

  test('random add / remove / change / correct / manual steps: after each, exactly the findings of a full check', () => {
    let reused = 0;
    let total = 0;
    for (const seed of [1, 2, 3, 4]) {
      const r = run(seed, 40, docs);
      reused += r.reused;
      total += r.total;
    }
    // And it is incremental: most findings are the previous objects, not recomputed.
    assert.ok(reused / total > 0.5, `${reused} of ${total} findings reused`);
  });

  test('ingestArticles and removeArticles keep the store equal to a full check, manual claims and corrections included', async () => {
    const store = memoryStore();
    // The stories an ingest hands back (report uses them instead of grouping again) are the store's, each time.
    const ingest = async (articles: Article[], extract: (a: Article) => Claim[], what: string) => {
      const { stories } = await ingestArticles(store, articles, undefined, extract);
      assert.deepStrictEqual(stories, storiesOfDb(store.read()), `stories after ${what}`);
    };
    const rng = prng(99);
    const order = rng.shuffle([...docs]);
    const byPath = new Map(docs.map((d) => [d.article.path, d]));
    const extract = (a: Article) => byPath.get(a.path)?.claims ?? extractClaims(a);
    const check = (what: string) => {
      const d: Db = store.read();
      assert.deepStrictEqual(sorted(d.findings), sorted(computeFindings(effectiveClaims(d), d.articles)), what);
      assert.deepStrictEqual(d.findings, fullCheck(effectiveClaims(d), d.articles).findings, `order after ${what}`);
    };
    await ingest(order.slice(0, 20).map((d) => d.article), extract, 'first ingest');
    check('first ingest');
    // A manual claim and a correction, as the review desk adds them (a full re-check).
    await store.update((d) => {
      const c = d.claims[3]!;
      d.manualClaims.push({ ...d.claims[0]!, id: 'm1', articleId: c.articleId, origin: 'manual', by: 'tester' });
      d.corrections.push({ id: 'k1', articleId: c.articleId, anchor: { exact: c.quote, prefix: '', suffix: '', start: c.start, end: c.end }, subject: d.claims[0]!.subject, createdAt: '2024-01-01T00:00:00Z' });
      refreshFindings(d);
    });
    check('manual claim and correction');
    let reused = 0;
    for (let i = 20; i < order.length; i++) {
      const before = new Set(store.read().findings);
      await ingest([order[i]!.article], extract, `adding ${order[i]!.article.path}`);
      check(`adding ${order[i]!.article.path}`);
      reused += store.read().findings.filter((f) => before.has(f)).length;
      if (i % 4 === 0) {
        const victim = rng.pick(store.read().articles);
        await removeArticles(store, [victim.id]);
        check(`removing ${victim.path}`);
      }
      if (i % 5 === 0) {
        // An edit of the article that holds the manual claim: it is re-anchored in place.
        const holder = store.read().articles.find((a) => a.id === store.read().manualClaims[0]!.articleId);
        if (holder) {
          const edited = { ...holder, text: holder.text + '\n\n补充说明。', hash: holder.hash + 'x' };
          await ingest([edited], (a) => (a.id === holder.id ? byPath.get(holder.path)?.claims ?? extractClaims(a) : extract(a)), `editing ${holder.path}`);
          check(`editing ${holder.path}`);
        }
      }
    }
    // The store took the incremental path: findings of untouched blocks are the same objects.
    assert.ok(reused > 0);
  });

  // Changes the random steps rarely make, each built so that only one rule catches it.
  const bydRevenue = (articleId: string, value: number, extra: Partial<Claim> = {}) =>
    makeClaim(articleId, value, 1e7, { subject: 'byd', measure: 'level', unit: 'CNY', period: '2023-Q1', basis: { subject: 'stated', period: 'stated' }, ...extra });
  const exact = (state: CheckState, claims: Claim[], articles: Article[], what: string) =>
    assert.deepStrictEqual(sorted(state.findings), sorted(computeFindings(claims, articles)), what);

  test('an article whose claims stay the same but which moves to another story re-checks its blocks', () => {
    const [a1, a2, b1, b2, b3] = ['2023-01-10', '2023-01-20', '2023-12-10', '2023-12-12', '2023-12-15'].map((date, i) => makeArticle(`byd ${i}`, { path: `move/${i}.txt`, date }));
    const u = makeArticle('byd undated', { path: 'move/u.txt' });
    // U names no metric, so it has no period of its own: it joins the largest byd story, first
    // S1 = {A1, A2}, then S2 once B2 and B3 make it larger. In S2 its figure agrees with B1's.
    const before = [
      bydRevenue(a1!.id, 1.23e9),
      bydRevenue(a2!.id, 1.23e9),
      bydRevenue(b1!.id, 4.56e9, { period: '2023-Q4' }),
      makeClaim(b1!.id, 12.3, 0.1, { subject: 'byd', period: '2023-Q4' }),
      bydRevenue(u.id, 4.56e9, { metric: null, period: '2023-Q4' }),
    ];
    const state = fullCheck(before, [a1!, a2!, b1!, u]);
    const after = before.concat([b2!, b3!].map((b) => makeClaim(b.id, 12.3, 0.1, { subject: 'byd', period: '2023-Q4' })));
    const next = incrementalCheck(state, after, [a1!, a2!, b1!, b2!, b3!, u], [b2!.id, b3!.id]);
    assert.ok(next.findings.some((f) => f.key.startsWith('agree|') && f.claimIds.includes(after[4]!.id)), 'U and B1 agree once in one story');
    exact(next, after, [a1!, a2!, b1!, b2!, b3!, u], 'after U moved');
  });

  test('a renamed source, or a claim edited in place and named as changed, re-checks its blocks', () => {
    const arts = [0, 1, 2].map((i) => makeArticle(`byd ${i}`, { path: `rename/${i}.txt`, date: '2023-04-20', publisher: `Wire ${i}` }));
    const claims = [bydRevenue(arts[0]!.id, 1.23e9), bydRevenue(arts[1]!.id, 1.23e9), bydRevenue(arts[2]!.id, 1.31e9)];
    const state = fullCheck(claims, arts);
    assert.ok(state.findings.some((f) => f.explanation.includes('Wire 2 is the outlier')));
    // The outlier's publisher is renamed, claims untouched: the explanation must name the new one.
    const renamed = arts.map((a, i) => (i === 2 ? { ...a, publisher: 'Renamed Wire' } : a));
    const next = incrementalCheck(state, claims, renamed);
    exact(next, claims, renamed, 'after the rename');
    // An edit in place (as re-anchoring does to manual claims) cannot be seen by reference: the caller names it.
    claims[2]!.value = 1.23e9;
    exact(incrementalCheck(next, claims, renamed, [arts[2]!.id]), claims, renamed, 'after an edit in place');
  });

  test('a count with no metric named is in the block of the same count named: a swap may pair them', () => {
    // B gives 900,000 vehicles where A gives 301,234; B's sentence also holds an unnamed 301,234
    // for Q1, whose year comes from the story: 2022 at first, 2023 once C joins. Then it is
    // the figure A gives, and the discrepancy is explained as a swap. Only that unnamed figure
    // changes: the named figure's block must be re-checked with it.
    const [a, b, c] = [0, 1, 2].map((i) => makeArticle(`byd ${i}`, { path: `swap/${i}.txt`, date: '2023-04-20' }));
    const count = (articleId: string, value: number, extra: Partial<Claim> = {}) => bydRevenue(articleId, value, { unit: 'count', countOf: 'vehicle', precision: 1, metric: 'sales_volume', ...extra });
    const old = (articleId: string, value: number) => bydRevenue(articleId, value, { period: '2022-Q1' });
    const first = [count(a!.id, 301_234), old(a!.id, 1.5e9), old(a!.id, 2.5e9), count(b!.id, 900_000), count(b!.id, 301_234, { metric: null, period: 'Q1' }), old(b!.id, 1.5e9)];
    const state = fullCheck(first, [a!, b!]);
    assert.ok(!state.findings.some((f) => f.cause === 'swap'));
    // C's figures name no metric: they move the year of Q1 but not the story's period (nor its id).
    const claims = first.concat([3.1e9, 4.1e9, 5.1e9].map((v) => bydRevenue(c!.id, v, { metric: null })));
    assert.equal(fullCheck(claims, [a!, b!, c!]).stories[0]!.id, state.stories[0]!.id);
    const next = incrementalCheck(state, claims, [a!, b!, c!], [c!.id]);
    assert.ok(next.findings.some((f) => f.cause === 'swap'), 'the swap is found');
    exact(next, claims, [a!, b!, c!], 'after C joined the story');
  });
});
