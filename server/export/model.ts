// The one report model every export renders. It decides what is in a report (the findings
// that pass the filters, in review order, each with its quoted sources and the reviewer's
// decision), so the formats can only differ in how they print it, never in what they print.
import type { Annotation, Article, Claim, Correction, Db, Finding, PrimarySource, Review, ReviewStatus, Verdict } from '../types.js';
import { againstSource, type Standing } from '../review/primary-source.js';
import { effectiveClaims } from '../check/index.js';
import { describeFact, formatValue } from '../compare/format.js';
import { criteriaOf, describeCriteria, isFiltered, matches, REVIEW_STATUSES, VERDICTS, type Criteria, type ExportFilters } from './filters.js';

export interface SourceView {
  claim: Claim;
  article: Article;
  /** How tables name the source: its publisher, else its title, cut short. */
  name: string;
  /** The claim's sentence cut around the quote, so renderers can emphasise it. */
  before: string;
  quote: string;
  after: string;
  /** The normalised value in words: "-0.37%", "12.614 billion CNY". */
  valueText: string;
  /** Against the reviewer's correct figure: 'correct' if it agrees, 'disputed' if not. */
  role?: 'correct' | 'disputed';
  /** The reviewer's reference source for this finding. */
  reference: boolean;
  /** How this figure stands against the primary source the reviewer recorded, if any. */
  against?: Standing;
  /** The figure is in another unit than the primary source's. */
  againstUnitDiffers?: boolean;
}

/** The primary source of a finding and what it says about the sources. */
export interface PrimaryView {
  source: PrimarySource;
  /** The sources wrong against it (each article's first wrong figure), in the finding's order. */
  wrong: SourceView[];
  /** Articles whose every figure agrees with it. */
  right: SourceView[];
}

export interface FindingView {
  finding: Finding;
  /** The fact in words: "iflytek · revenue · 2023-Q1..Q3 · year-on-year change". */
  fact: string;
  /** The review's status; no review means open. */
  status: ReviewStatus;
  review?: Review;
  sources: SourceView[];
  primary?: PrimaryView;
}

export type Counts = Record<Verdict, Record<ReviewStatus, number>>;

export interface ExportModel {
  generatedAt: string;
  criteria: Criteria;
  /** The filters in words; empty when the report is unfiltered. */
  filterWords: string[];
  articles: Article[];
  /** Claims in scope: all of them unfiltered, else those of the findings shown. */
  claims: Claim[];
  annotations: Annotation[];
  /** Reviewers' corrections of extracted claims and the claims they added by hand, in scope. */
  corrections: Correction[];
  manualClaims: Claim[];
  findings: FindingView[];
  summary: { articles: number; claims: number; findings: number; totalFindings: number; counts: Counts };
}

const VERDICT_ORDER: Record<string, number> = { discrepancy: 0, rounding: 1, consistent: 2 };
const SEVERITY_ORDER: Record<string, number> = { high: 0, medium: 1, low: 2, none: 3 };
/** Titles scraped from pages can be whole breadcrumbs; a table cell needs a handle. */
export function shortName(a: Pick<Article, 'publisher' | 'title' | 'path'>, max = 30): string {
  const name = (a.publisher || a.title || a.path).trim();
  const cps = Array.from(name);
  return cps.length > max ? `${cps.slice(0, max - 1).join('').trimEnd()}…` : name;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Splits the sentence around the quote; falls back to a search if the offsets went stale. */
function cut(c: Claim): Pick<SourceView, 'before' | 'quote' | 'after'> {
  let at = c.start - c.sentenceStart;
  if (c.sentence.slice(at, at + c.quote.length) !== c.quote) at = c.sentence.indexOf(c.quote);
  if (at < 0) return { before: c.sentence ? `${c.sentence} ` : '', quote: c.quote, after: '' };
  return { before: c.sentence.slice(0, at), quote: c.quote, after: c.sentence.slice(at + c.quote.length) };
}

function sourcesOf(f: Finding, review: Review | undefined, claims: Map<string, Claim>, articles: Map<string, Article>): SourceView[] {
  const correct = review?.correctClaimId ? claims.get(review.correctClaimId) : undefined;
  const standing = new Map((againstSource(f, review, claims)?.claims ?? []).map((s) => [s.claimId, s]));
  const out: SourceView[] = [];
  for (const id of f.claimIds) {
    const claim = claims.get(id);
    const article = claim && articles.get(claim.articleId);
    // A claim or article removed since the last check has nothing left to quote.
    if (!claim || !article) continue;
    out.push({
      claim,
      article,
      name: shortName(article),
      ...cut(claim),
      valueText: formatValue(claim.value, claim.unit),
      role: correct ? (correct.unit === claim.unit && near(correct.value, claim.value) ? 'correct' : 'disputed') : undefined,
      reference: review?.referenceArticleId === article.id,
      ...(standing.has(id) ? { against: standing.get(id)!.standing, ...(standing.get(id)!.unitDiffers ? { againstUnitDiffers: true } : {}) } : {}),
    });
  }
  return out;
}

/** Everything a search may hit: the fact, the explanation, quotes, sentences, sources and the note. */
const searchText = (v: FindingView) =>
  [
    v.finding.id,
    v.fact,
    v.finding.explanation,
    v.review?.note ?? '',
    ...v.sources.flatMap((s) => [s.claim.quote, s.claim.sentence, s.article.title, s.article.publisher ?? '']),
  ].join('\n');

function primaryOf(review: Review | undefined, sources: SourceView[]): Pick<FindingView, 'primary'> {
  if (!review?.primarySource) return {};
  const byArticle = new Map<string, SourceView[]>();
  for (const s of sources) byArticle.set(s.article.id, [...(byArticle.get(s.article.id) ?? []), s]);
  const wrong: SourceView[] = [];
  const right: SourceView[] = [];
  for (const list of byArticle.values()) {
    const bad = list.find((s) => s.against === 'wrong');
    if (bad) wrong.push(bad);
    else right.push(list[0]!);
  }
  return { primary: { source: review.primarySource, wrong, right } };
}

export function buildModel(db: Db, filters: ExportFilters = {}, now = new Date()): ExportModel {
  const criteria = criteriaOf(filters);
  const articles = new Map(db.articles.map((a) => [a.id, a]));
  const allClaims = effectiveClaims(db);
  const claims = new Map(allClaims.map((c) => [c.id, c]));
  const reviews = new Map(db.reviews.map((r) => [r.findingId, r]));

  const findings: FindingView[] = [];
  for (const f of db.findings) {
    const review = reviews.get(f.id);
    const sources = sourcesOf(f, review, claims, articles);
    const view: FindingView = { finding: f, fact: describeFact(f.fact), status: review?.status ?? 'open', review, sources, ...primaryOf(review, sources) };
    const candidate = {
      verdict: f.verdict,
      severity: f.severity,
      status: view.status,
      metric: f.fact.metric,
      articleIds: sources.map((s) => s.article.id),
      text: () => searchText(view),
    };
    if (matches(criteria, candidate)) findings.push(view);
  }
  // Most serious first; the sort is stable, so equal findings keep the store's order.
  findings.sort(
    (a, b) =>
      VERDICT_ORDER[a.finding.verdict]! - VERDICT_ORDER[b.finding.verdict]! ||
      SEVERITY_ORDER[a.finding.severity]! - SEVERITY_ORDER[b.finding.severity]!,
  );

  const counts = Object.fromEntries(VERDICTS.map((v) => [v, Object.fromEntries(REVIEW_STATUSES.map((s) => [s, 0]))])) as Counts;
  for (const v of findings) counts[v.finding.verdict][v.status]++;

  const filtered = isFiltered(criteria);
  const inScope = new Set(findings.flatMap((v) => v.sources.map((s) => s.claim.id)));
  return {
    generatedAt: now.toISOString(),
    criteria,
    filterWords: describeCriteria(criteria),
    articles: db.articles,
    claims: filtered ? allClaims.filter((c) => inScope.has(c.id)) : allClaims,
    annotations: criteria.articleId ? db.annotations.filter((a) => a.articleId === criteria.articleId) : db.annotations,
    corrections: criteria.articleId ? db.corrections.filter((k) => k.articleId === criteria.articleId) : db.corrections,
    manualClaims: criteria.articleId ? db.manualClaims.filter((c) => c.articleId === criteria.articleId) : db.manualClaims,
    findings,
    summary: { articles: db.articles.length, claims: allClaims.length, findings: findings.length, totalFindings: db.findings.length, counts },
  };
}
