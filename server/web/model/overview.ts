// The numbers on the overview page: counts, the verdict × severity chart, review progress,
// the most severe open discrepancies and how often each publisher is the odd one out.
import type { Finding, Severity, Verdict } from '../../types.js';
import { statusOf, type Index } from './index.js';
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

export function overviewOf(ix: Index) {
  const findings = ix.db.findings;
  const count = (pred: (f: Finding) => boolean) => findings.filter(pred).length;
  const flagged = findings.filter((f) => f.verdict !== 'consistent');
  const status = { open: 0, confirmed: 0, dismissed: 0 };
  for (const f of flagged) status[statusOf(ix, f.id)]++;

  const verdictChart = bars(
    VERDICTS.map((v) => ({
      label: v,
      parts: SEVERITIES.map((s) => ({ key: `sev-${s}`, label: s, count: count((f) => f.verdict === v && f.severity === s) })),
    })),
    420,
  );
  const reviewChart = bars(
    [{ label: 'flagged', parts: (['open', 'confirmed', 'dismissed'] as const).map((s) => ({ key: `st-${s}`, label: s, count: status[s] })) }],
    420,
  );

  const topOpen = ix.ordered.filter((f) => f.verdict === 'discrepancy' && statusOf(ix, f.id) === 'open').slice(0, 8);

  const rows = new Map<string, PublisherRow>();
  const row = (p: string) => rows.get(p) ?? rows.set(p, { publisher: p, articles: 0, inDiscrepancy: 0, twoSource: 0, outlier: 0, multiSource: 0, confirmed: 0 }).get(p)!;
  const publisherOf = (articleId: string) => publisherName(ix.articles.get(articleId));
  for (const a of ix.articles.values()) row(publisherOf(a.id)).articles++;
  for (const f of findings) {
    if (f.verdict !== 'discrepancy') continue;
    const sources = new Set(f.claimIds.map((id) => ix.claimById.get(id)?.articleId).filter((x): x is string => !!x));
    const pubs = new Set([...sources].map(publisherOf));
    const confirmed = statusOf(ix, f.id) === 'confirmed';
    // The source whose figure the reviewer marked right is not "confirmed wrong"; with a primary
    // source recorded, only the sources wrong against it are.
    const review = ix.reviews.get(f.id);
    const right = review?.correctClaimId;
    const rightPublisher = right && ix.claimById.get(right) ? publisherOf(ix.claimById.get(right)!.articleId) : undefined;
    const against = againstSource(f, review, ix.claimById);
    const wrong = against && new Set(against.wrongArticleIds.map(publisherOf));
    for (const p of pubs) {
      const r = row(p);
      r.inDiscrepancy++;
      if (sources.size === 2) r.twoSource++;
      else r.multiSource++;
      if (confirmed && (wrong ? wrong.has(p) : p !== rightPublisher)) r.confirmed++;
    }
    for (const p of new Set((f.outlierArticleIds ?? []).map(publisherOf))) row(p).outlier++;
  }
  const publishers = [...rows.values()].sort((a, b) => b.outlier - a.outlier || b.inDiscrepancy - a.inDiscrepancy || a.publisher.localeCompare(b.publisher));

  const orphans =
    ix.db.annotations.filter((a) => a.orphaned).length +
    ix.db.corrections.filter((k) => k.orphaned).length +
    ix.db.manualClaims.filter((m) => m.aspects.includes('orphaned')).length +
    ix.db.reviews.filter((r) => !ix.findingById.has(r.findingId)).length;

  return {
    articles: ix.articles.size,
    claims: ix.claims.length,
    manualClaims: ix.db.manualClaims.length,
    findings: findings.length,
    byVerdict: Object.fromEntries(VERDICTS.map((v) => [v, count((f) => f.verdict === v)])) as Record<Verdict, number>,
    flagged: flagged.length,
    status,
    verdictChart,
    reviewChart,
    topOpen,
    publishers,
    orphans,
    annotations: ix.db.annotations.length,
    stories: storiesOf(ix.db.articles, ix.claims),
    articleById: ix.articles,
  };
}
