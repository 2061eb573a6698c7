// The one data flow: ingest → extract → align → compare → store. This module wires the pure
// stages to the store; it holds no logic of its own beyond deciding what to redo.
import type { Article, Claim, Db, Report, Story } from '../types.js';
import { storiesOf } from '../story/index.js';
import type { Store } from '../store/index.js';
import { extractClaims } from '../extract/index.js';
import { anchorAt, locate } from './anchor.js';
import { followEvidence } from '../review/evidence.js';
import { fullCheck, incrementalCheck, type CheckState } from './incremental.js';

export { anchorAt, locate } from './anchor.js';
export { articleMap, checkClaims, computeFindings, findingsOfFilled, type ArticleMeta, type Articles } from './findings.js';

/** Extracted claims with reviewers' corrections applied, plus manual claims. */
export function effectiveClaims(db: Pick<Db, 'claims' | 'corrections' | 'manualClaims'>): Claim[] {
  const byArticle = new Map<string, typeof db.corrections>();
  for (const k of db.corrections) if (!k.orphaned) (byArticle.get(k.articleId) ?? byArticle.set(k.articleId, []).get(k.articleId)!).push(k);
  const out: Claim[] = [];
  for (const c of db.claims) {
    const fixes = byArticle.get(c.articleId)?.filter((k) => k.anchor.start === c.start && k.anchor.end === c.end);
    if (!fixes?.length) {
      out.push(c);
      continue;
    }
    if (fixes.some((k) => k.notAClaim)) continue;
    const fixed: Claim = { ...c, why: { ...c.why } };
    for (const k of fixes) {
      if (k.metric !== undefined) (fixed.metric = k.metric), (fixed.why.metric = 'corrected by a reviewer');
      if (k.period !== undefined) (fixed.period = k.period), (fixed.why.period = 'corrected by a reviewer');
      if (k.subject !== undefined) (fixed.subject = k.subject), (fixed.why.subject = 'corrected by a reviewer');
      if (k.value !== undefined) (fixed.value = k.value), (fixed.precision = k.precision ?? fixed.precision), (fixed.why.value = 'corrected by a reviewer');
      if (k.unit !== undefined) (fixed.unit = k.unit), (fixed.why.unit = 'corrected by a reviewer');
    }
    out.push(fixed);
  }
  for (const m of db.manualClaims) out.push(m);
  return out;
}

/** The stories of a db: derived, cheap, never stored. */
export const storiesOfDb = (db: Pick<Db, 'articles' | 'claims' | 'corrections' | 'manualClaims'>): Story[] => storiesOf(db.articles, effectiveClaims(db));

/**
 * The last check of each db in this process. Trusted only while the db's findings are the ones
 * it produced: a reload (another process wrote), or anyone else setting findings, forgets it.
 */
const lastCheck = new WeakMap<Db, CheckState>();

/**
 * Re-computes findings from the store's claims, then lets reviews follow their evidence. Given
 * the articles that were added, changed or removed, only the blocks their claims touch are
 * re-aligned (incremental.ts); without them, or with no check of this db to start from, all are.
 * Returns the stories the check grouped the articles into: storiesOfDb(d), until d changes again.
 */
export function refreshFindings(d: Db, now = new Date(), changedArticles?: Iterable<string>): Story[] {
  const claims = effectiveClaims(d);
  const prev = lastCheck.get(d);
  const state = (prev && changedArticles && prev.findings === d.findings && incrementally(prev, claims, d.articles, changedArticles)) || fullCheck(claims, d.articles);
  d.findings = state.findings;
  lastCheck.set(d, state);
  // Reviews and their history only: the articles and claims the stories come from are left as they are.
  followEvidence(d, claims, now);
  return state.stories;
}

/** The incremental check, or undefined if it failed: a bug there must cost time, never the write. */
function incrementally(...args: Parameters<typeof incrementalCheck>): CheckState | undefined {
  try {
    return incrementalCheck(...args);
  } catch (e) {
    console.error(`crosscheck: the incremental check failed (${(e as Error).message}); checking everything again`);
    return undefined;
  }
}

export interface IngestSummary {
  added: number;
  changed: number;
  unchanged: number;
  claims: number;
  /** Articles not added, and why (too slow to read, or figures that would not fit the store). Only when there are any. */
  refused?: Array<{ path: string; reason: string }>;
  /** The stories as the check after this ingest left the store (none when nothing was new): a report made next need not group them again. */
  stories?: Story[];
}

/**
 * Every claim is stored with its sentence. A run-on "sentence" of thousands of figures would
 * be stored thousands of times over (64 KB of 分别…、… figures: 530 MB of claims.json), so an
 * article whose figures' sentences come to more than this many characters is refused. The
 * largest real article we have stores under 100,000.
 */
export const MAX_SENTENCE_CHARS_PER_ARTICLE = 8_000_000;

/** Why the claims are too much to store, if they are. */
export function tooMuchToStore(claims: Claim[]): string | undefined {
  let total = 0;
  let longest = 0;
  for (const c of claims) {
    total += c.sentence.length;
    longest = Math.max(longest, c.sentence.length);
  }
  if (total <= MAX_SENTENCE_CHARS_PER_ARTICLE) return undefined;
  const n = (x: number) => x.toLocaleString('en-US');
  return (
    `its ${n(claims.length)} figures stand in sentences of ${n(longest)} characters or less, and each figure is stored with its sentence: ` +
    `${n(total)} characters in all, over the limit of ${n(MAX_SENTENCE_CHARS_PER_ARTICLE)}. Break the text into sentences (end them with 。 or a full stop) and add it again`
  );
}

/** How an article's claims are read: in this thread by default; the web app hands them to a worker with a time limit. */
export type Extract = (article: Article) => Claim[] | Promise<Claim[]>;

/** An extraction that did not finish (too slow, or its worker died): the article is refused, not stored without claims. */
export interface Unfinished extends Error {
  refuse: true;
}
const isUnfinished = (e: unknown): e is Unfinished => (e as Partial<Unfinished>)?.refuse === true;

/**
 * Stores articles and their claims, then re-checks. An unchanged article (same content hash)
 * is a no-op; a changed one is re-extracted, and its annotations, corrections and manual
 * claims are re-anchored or marked orphaned. One write for the whole batch.
 */
export async function ingestArticles(
  store: Store,
  source: Iterable<Article>,
  onProgress?: (done: number, total: number, bytes: number, claims: number) => void,
  extract: Extract = extractClaims,
  inFlight = 1,
  /** How many articles `source` will give, for progress, when it is not an array (a folder read as it goes). */
  expected?: number,
): Promise<IngestSummary> {
  const summary: IngestSummary = { added: 0, changed: 0, unchanged: 0, claims: 0 };
  const db = store.read();
  const existing = new Map(db.articles.map((a) => [a.id, a]));
  const fresh: Array<{ article: Article; claims: Claim[]; previous?: Article }> = [];
  let chars = 0;
  let done = 0;
  let found = 0;
  const total = Array.isArray(source) ? source.length : (expected ?? 0);
  // Extraction may run in worker threads (the CLI's pool): several articles are in flight at
  // once, and their outcomes are then taken in the given order, so the result does not depend
  // on which worker finished first. A lazy source is read as articles are taken from it.
  const { items: articles, results: outcomes } = await mapInFlight(source, inFlight, async (a) => {
    const prev = existing.get(a.id);
    let outcome: { claims: Claim[] } | { unchanged: true } | { refused: string };
    if (prev && prev.hash === a.hash) outcome = { unchanged: true };
    else
      try {
        outcome = { claims: await extract(a) };
      } catch (e) {
        if (isUnfinished(e)) outcome = { refused: e.message };
        else {
          // An extractor bug must cost one article's claims, never the batch: the article is kept and says so.
          console.error(`crosscheck: extracting ${a.path} failed: ${(e as Error).message}`);
          outcome = { claims: [] };
        }
      }
    chars += Buffer.byteLength(a.text);
    onProgress?.(++done, Math.max(total, done), chars, (found += 'claims' in outcome ? outcome.claims.length : 0));
    return outcome;
  });
  for (const [i, a] of articles.entries()) {
    const outcome = outcomes[i]!;
    const prev = existing.get(a.id);
    if ('unchanged' in outcome) {
      summary.unchanged++;
      continue;
    }
    if ('refused' in outcome) {
      (summary.refused ??= []).push({ path: a.path, reason: outcome.refused });
      continue;
    }
    const claims = outcome.claims;
    const tooMuch = tooMuchToStore(claims);
    if (tooMuch) {
      (summary.refused ??= []).push({ path: a.path, reason: tooMuch });
      continue;
    }
    prev ? summary.changed++ : summary.added++;
    summary.claims += claims.length;
    fresh.push({ article: a, claims, previous: prev });
  }
  if (!fresh.length) return summary;
  await store.update((d) => {
    const ids = new Set(fresh.map((f) => f.article.id));
    d.articles = d.articles.filter((a) => !ids.has(a.id)).concat(fresh.map((f) => f.article));
    d.claims = d.claims.filter((c) => !ids.has(c.articleId));
    // Work on an article whose file was deleted and is now back is re-anchored like an edit.
    const withWork = new Set([...d.annotations, ...d.corrections, ...d.manualClaims].map((x) => x.articleId));
    for (const f of fresh) {
      for (const c of f.claims) d.claims.push(c);
      if (f.previous || withWork.has(f.article.id)) reanchor(d, f.article);
    }
    summary.stories = refreshFindings(d, new Date(), ids);
  });
  return summary;
}

/**
 * `fn` over every item with at most `limit` calls pending at once; results in the items' order.
 * Items are taken from the iterable only when a lane is free, so a lazy one is read as it is used.
 */
export async function mapInFlight<T, R>(source: Iterable<T>, limit: number, fn: (item: T) => Promise<R>): Promise<{ items: T[]; results: R[] }> {
  const items: T[] = [];
  const results: R[] = [];
  const it = source[Symbol.iterator]();
  let ended = false;
  const lane = async () => {
    while (!ended) {
      const next = it.next();
      if (next.done) {
        ended = true;
        return;
      }
      const i = items.push(next.value) - 1;
      results[i] = await fn(next.value);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, limit) }, lane));
  return { items, results };
}

/** Moves anchors to where their quote is in the new text, or marks them orphaned. */
function reanchor(d: Db, article: Article) {
  const text = article.text;
  for (const a of d.annotations.filter((x) => x.articleId === article.id)) {
    const at = locate(text, a.anchor);
    if (at) (a.anchor = anchorAt(text, at.start, at.end)), delete a.orphaned;
    else a.orphaned = true;
  }
  for (const k of d.corrections.filter((x) => x.articleId === article.id)) {
    const at = locate(text, k.anchor);
    if (at) (k.anchor = anchorAt(text, at.start, at.end)), delete k.orphaned;
    else k.orphaned = true;
  }
  d.manualClaims = d.manualClaims.filter((m) => {
    if (m.articleId !== article.id) return true;
    const at = locate(text, { exact: m.quote, prefix: '', suffix: '', start: m.start, end: m.end });
    if (!at) {
      orphanManual(m, 'its text is no longer in the article');
      return true;
    }
    m.start = at.start;
    m.end = at.end;
    restoreManual(m);
    return true;
  });
}

// A manual claim whose text is gone keeps its place in the store, marked, so it can come back.
const ORPHAN_WHY = 'orphaned: ';
function orphanManual(m: Claim, why: string) {
  m.why = { ...m.why, subject: ORPHAN_WHY + why };
  m.aspects = [...new Set([...m.aspects, 'orphaned'])];
}
function restoreManual(m: Claim) {
  if (!m.aspects.includes('orphaned')) return;
  m.aspects = m.aspects.filter((x) => x !== 'orphaned');
  if (m.why.subject?.startsWith(ORPHAN_WHY)) delete m.why.subject;
}

/**
 * Drops articles whose files are gone from a watched library: their claims and findings go;
 * reviewers' notes, corrections and manual claims on them are kept, marked orphaned, so no
 * reviewer's work is lost.
 */
export async function removeArticles(store: Store, ids: string[]): Promise<number> {
  const gone = new Set(ids);
  if (!gone.size) return 0;
  let removed = 0;
  await store.update((d) => {
    const before = d.articles.length;
    d.articles = d.articles.filter((a) => !gone.has(a.id));
    removed = before - d.articles.length;
    d.claims = d.claims.filter((c) => !gone.has(c.articleId));
    for (const a of d.annotations) if (gone.has(a.articleId)) a.orphaned = true;
    for (const k of d.corrections) if (gone.has(k.articleId)) k.orphaned = true;
    for (const m of d.manualClaims) if (gone.has(m.articleId)) orphanManual(m, 'its article was removed from the library');
    refreshFindings(d, new Date(), gone);
  });
  return removed;
}

/** Re-aligns and re-compares everything (after a correction, a manual claim or a removal). */
export async function recheck(store: Store): Promise<void> {
  await store.update((d) => {
    refreshFindings(d);
  });
}

/** The report; `stories` may come from the check that just left the db as it is (refreshFindings), else they are grouped here. */
export function buildReport(db: Db, stories: Story[] = storiesOfDb(db)): Report {
  const reviews = new Map(db.reviews.map((r) => [r.findingId, r]));
  const claims = effectiveClaims(db);
  return {
    generatedAt: new Date().toISOString(),
    articles: db.articles.map(({ text, ...a }) => ({ ...a, chars: text.length })),
    claims,
    findings: db.findings.map((f) => ({ ...f, review: reviews.get(f.id) })),
    stories,
    annotations: db.annotations,
  };
}
