// The numbers on the overview page: counts, the verdict × severity chart, review progress,
// the most severe open discrepancies and how often each publisher is the odd one out.
import type { Finding, Severity, Verdict } from '../../types.js';
import { derived, flaggedCountOf, flaggedReviews, openCountOf, statusOf, type Index } from './index.js';
import { publisherName } from '../render.js';
import { storiesOf } from '../../story/index.js';
import { againstSource } from '../../review/primary-source.js';

export interface PublisherRow {
  publisher: string;
  articles: number;
  /** Discrepancies with this publisher among the sources (two-source ones count for both sides). */
  inDiscrepancy: number;
  twoSource: number;
  /** Discrepancies with 3+ sources where this publisher is the outlier. */
  outlier: number;
  /** Discrepancies with 3+ sources this publisher is in: the base for the outlier rate. */
  multiSource: number;
  confirmed: number;
}

export interface Bar {
  label: string;
  total: number;
  parts: Array<{ key: string; label: string; count: number; x: number; w: number }>;
}

const SEVERITIES: Severity[] = ['high', 'medium', 'low', 'none'];
const VERDICTS: Verdict[] = ['discrepancy', 'rounding', 'consistent'];

/** Horizontal stacked bars scaled to a common width, for an inline SVG. */
function bars(rows: Array<{ label: string; parts: Array<{ key: string; label: string; count: number }> }>, width: number): Bar[] {
  const max = Math.max(1, ...rows.map((r) => r.parts.reduce((s, p) => s + p.count, 0)));
  return rows.map((r) => {
    let x = 0;
    const parts = r.parts.map((p) => {
      const w = (p.count / max) * width;
      const part = { ...p, x, w };
      x += w;
      return part;
    });
    return { label: r.label, total: r.parts.reduce((s, p) => s + p.count, 0), parts };
  });
}

/**
 * What the overview shows that reviews do not change (counts, the verdict chart, the stories, each
 * discrepancy's publishers and the per-publisher table but for its confirmed column): made once
 * per change of the claims, so that a page after a review click costs only the part below.
 */
function overviewBase(ix: Index) {
  return derived(ix, 'overview', () => {
    const findings = ix.db.findings;
    const byVerdict = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
    const cells = new Map<string, number>();
    for (const f of findings) {
      byVerdict[f.verdict]++;
      cells.set(`${f.verdict}|${f.severity}`, (cells.get(`${f.verdict}|${f.severity}`) ?? 0) + 1);
    }
    const verdictChart = bars(
      VERDICTS.map((v) => ({ label: v, parts: SEVERITIES.map((s) => ({ key: `sev-${s}`, label: s, count: cells.get(`${v}|${s}`) ?? 0 })) })),
      420,
    );
    const rows = new Map<string, PublisherRow>();
    const row = (p: string) => rows.get(p) ?? rows.set(p, { publisher: p, articles: 0, inDiscrepancy: 0, twoSource: 0, outlier: 0, multiSource: 0, confirmed: 0 }).get(p)!;
    const publisherOf = (articleId: string) => publisherName(ix.articles.get(articleId));
    for (const a of ix.articles.values()) row(publisherOf(a.id)).articles++;
    // The publishers of each discrepancy, for the confirmed counts that reviews change.
    const pubsOf = new Map<string, Set<string>>();
    for (const f of findings) {
      if (f.verdict !== 'discrepancy') continue;
      const sources = new Set(f.claimIds.map((id) => ix.claimById.get(id)?.articleId).filter((x): x is string => !!x));
      const pubs = new Set([...sources].map(publisherOf));
      pubsOf.set(f.id, pubs);
      for (const p of pubs) {
        const r = row(p);
        r.inDiscrepancy++;
        if (sources.size === 2) r.twoSource++;
        else r.multiSource++;
      }
      for (const p of new Set((f.outlierArticleIds ?? []).map(publisherOf))) row(p).outlier++;
    }
    const publishers = [...rows.values()].sort((a, b) => b.outlier - a.outlier || b.inDiscrepancy - a.inDiscrepancy || a.publisher.localeCompare(b.publisher));
    return { byVerdict, verdictChart, publishers, pubsOf, publisherOf, stories: storiesOf(ix.db.articles, ix.claims) };
  });
}

export function overviewOf(ix: Index) {
  const base = overviewBase(ix);
  // Review state: read from the reviews, not from every finding.
  const status = { open: openCountOf(ix), confirmed: 0, dismissed: 0 };
  const confirmedBy = new Map<string, number>();
  for (const { finding: f, ...review } of flaggedReviews(ix)) {
    if (review.status === 'open') continue;
    status[review.status]++;
    if (review.status !== 'confirmed' || f.verdict !== 'discrepancy') continue;
    // The source whose figure the reviewer marked right is not "confirmed wrong"; with a primary
    // source recorded, only the sources wrong against it are.
    const right = review.correctClaimId;
    const rightPublisher = right && ix.claimById.get(right) ? base.publisherOf(ix.claimById.get(right)!.articleId) : undefined;
    const against = againstSource(f, review, ix.claimById);
    const wrong = against && new Set(against.wrongArticleIds.map(base.publisherOf));
    for (const p of base.pubsOf.get(f.id) ?? []) if (wrong ? wrong.has(p) : p !== rightPublisher) confirmedBy.set(p, (confirmedBy.get(p) ?? 0) + 1);
  }
  const reviewChart = bars(
    [{ label: 'flagged', parts: (['open', 'confirmed', 'dismissed'] as const).map((s) => ({ key: `st-${s}`, label: s, count: status[s] })) }],
    420,
  );
  const topOpen: Finding[] = [];
  for (const f of ix.ordered) {
    if (topOpen.length >= 8) break;
    if (f.verdict === 'discrepancy' && statusOf(ix, f.id) === 'open') topOpen.push(f);
  }
  const orphans =
    ix.db.annotations.filter((a) => a.orphaned).length +
    ix.db.corrections.filter((k) => k.orphaned).length +
    ix.db.manualClaims.filter((m) => m.aspects.includes('orphaned')).length +
    ix.db.reviews.filter((r) => !ix.findingById.has(r.findingId)).length;

  return {
    articles: ix.articles.size,
    claims: ix.claims.length,
    manualClaims: ix.db.manualClaims.length,
    findings: ix.db.findings.length,
    byVerdict: base.byVerdict,
    flagged: flaggedCountOf(ix),
    status,
    verdictChart: base.verdictChart,
    reviewChart,
    topOpen,
    publishers: base.publishers.map((r) => ({ ...r, confirmed: confirmedBy.get(r.publisher) ?? 0 })),
    orphans,
    annotations: ix.db.annotations.length,
    stories: base.stories,
    articleById: ix.articles,
  };
}
