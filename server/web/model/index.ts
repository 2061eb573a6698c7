// Lookups every page needs, built once per data version: effective claims, which finding
// each claim is in, findings per article, reviews by finding id. Pages then stay fast at
// thousands of articles without touching the whole db per request.
import type { Article, Claim, Db, Finding, Review, Severity, Verdict } from '../../types.js';
import { effectiveClaims } from '../../check/index.js';
import { describeFact } from '../../compare/format.js';

export type ClaimState = 'discrepancy' | 'rounding' | 'consistent' | 'single';

export interface Index {
  version: number;
  db: Db;
  articles: Map<string, Article>;
  claims: Claim[];
  claimById: Map<string, Claim>;
  /** Effective claims per article, in reading order. */
  claimsByArticle: Map<string, Claim[]>;
  findingById: Map<string, Finding>;
  findingByClaim: Map<string, Finding>;
  findingsByArticle: Map<string, Finding[]>;
  reviews: Map<string, Review>;
  /** Findings in queue order: severity, then verdict, then more sources first. */
  ordered: Finding[];
  /** Lower-cased text a search matches against, per finding id. */
  searchText: Map<string, string>;
  /**
   * What pages derive from articles, claims and findings alone (the stories, a finding's sources,
   * the overview's tables), made on first use and kept until those change: a review click, which
   * changes none of them, then costs the next page nothing to rebuild. See derived().
   */
  memo: Map<string, unknown>;
}

/** A value that depends only on the index's articles, claims and findings, computed once per change of those. */
export function derived<T>(ix: Pick<Index, 'memo'>, key: string, compute: () => T): T {
  if (ix.memo.has(key)) return ix.memo.get(key) as T;
  const value = compute();
  ix.memo.set(key, value);
  return value;
}

export const SEVERITY_RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2, none: 3 };
export const VERDICT_RANK: Record<Verdict, number> = { discrepancy: 0, rounding: 1, consistent: 2 };

export function stateOf(ix: Index, claimId: string): ClaimState {
  return ix.findingByClaim.get(claimId)?.verdict ?? 'single';
}

export function statusOf(ix: Index, findingId: string): Review['status'] {
  return ix.reviews.get(findingId)?.status ?? 'open';
}

export function buildIndex(db: Db, version: number): Index {
  return { ...buildClaimIndex(db), version, reviews: reviewsOf(db) };
}

const reviewsOf = (db: Db) => new Map(db.reviews.map((r) => [r.findingId, r]));

/** The costly part: depends on articles, claims and findings, not on reviews. */
function buildClaimIndex(db: Db): Omit<Index, 'version' | 'reviews'> {
  const articles = new Map(db.articles.map((a) => [a.id, a]));
  const claims = effectiveClaims(db);
  const claimById = new Map(claims.map((c) => [c.id, c]));
  const claimsByArticle = new Map<string, Claim[]>();
  for (const c of claims) (claimsByArticle.get(c.articleId) ?? claimsByArticle.set(c.articleId, []).get(c.articleId)!).push(c);
  for (const list of claimsByArticle.values()) list.sort((a, b) => a.start - b.start || b.end - a.end);
  const findingById = new Map<string, Finding>();
  const findingByClaim = new Map<string, Finding>();
  const findingsByArticle = new Map<string, Finding[]>();
  const searchText = new Map<string, string>();
  for (const f of db.findings) {
    findingById.set(f.id, f);
    const seen = new Set<string>();
    const words = [describeFact(f.fact), f.explanation, f.fact.metric ?? '', f.cause ?? ''];
    for (const id of f.claimIds) {
      findingByClaim.set(id, f);
      const c = claimById.get(id);
      if (!c) continue;
      words.push(c.quote);
      if (seen.has(c.articleId)) continue;
      seen.add(c.articleId);
      (findingsByArticle.get(c.articleId) ?? findingsByArticle.set(c.articleId, []).get(c.articleId)!).push(f);
      const a = articles.get(c.articleId);
      if (a) words.push(a.title, a.publisher ?? '');
    }
    searchText.set(f.id, words.join('\n').toLowerCase());
  }
  const ordered = [...db.findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] ||
      // Weak alignments (agreement by value, fields from the story) rank below strong ones.
      (a.alignment?.strength === 'weak' ? 1 : 0) - (b.alignment?.strength === 'weak' ? 1 : 0) ||
      b.claimIds.length - a.claimIds.length ||
      a.id.localeCompare(b.id),
  );
  return {
    db,
    articles,
    claims,
    claimById,
    claimsByArticle,
    findingById,
    findingByClaim,
    findingsByArticle,
    ordered,
    searchText,
    memo: new Map(),
  };
}

/**
 * One index per store version. A review changes only the reviews map; the claim lookups are
 * rebuilt only when the pipeline replaced articles, claims or findings (it assigns new arrays;
 * every change to manual claims or corrections re-computes findings).
 */
export function indexCache(read: () => Db, version: () => number): () => Index {
  let cached: Index | undefined;
  let heavy: { key: unknown[]; value: Omit<Index, 'version' | 'reviews'> } | undefined;
  return () => {
    const v = version();
    const db = read();
    if (cached && cached.version === v && cached.db === db) return cached;
    const key = [db, db.articles, db.claims, db.findings, db.manualClaims, db.corrections];
    if (!heavy || key.some((k, i) => k !== heavy!.key[i])) heavy = { key, value: buildClaimIndex(db) };
    cached = { ...heavy.value, version: v, reviews: reviewsOf(db) };
    return cached;
  };
}

const openCounts = new WeakMap<Index, number>();
/**
 * Flagged findings still open, for the header of every page: the flagged count is kept with the
 * claims, and only the reviews are read per version, not every finding per request.
 */
export function openCountOf(ix: Index): number {
  const known = openCounts.get(ix);
  if (known !== undefined) return known;
  let open = flaggedCountOf(ix);
  for (const r of flaggedReviews(ix)) if (r.status !== 'open') open--;
  openCounts.set(ix, open);
  return open;
}

/** Findings that are not consistent: the ones a reviewer is asked to look at. */
export const flaggedCountOf = (ix: Index): number => derived(ix, 'flagged', () => ix.db.findings.filter((f) => f.verdict !== 'consistent').length);

/** The reviews of flagged findings still in the index, with their findings. */
export function* flaggedReviews(ix: Index): Generator<Review & { finding: Finding }> {
  for (const r of ix.reviews.values()) {
    const finding = ix.findingById.get(r.findingId);
    if (finding && finding.verdict !== 'consistent') yield { ...r, finding };
  }
}
