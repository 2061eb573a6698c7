// Evidence for a verdict: every figure of a finding judged against the primary source a reviewer
// recorded (a filing's figure). The judgement uses the comparison's own intervals
// (server/compare/interval.ts), so "wrong against the filing" means exactly what "cannot round
// to it" means in every explanation: 126亿 agrees with a filing's 126.14亿, 0.27% does not with 0.37%.
import type { Claim, Finding, PrimarySource, Review } from '../types.js';
import { intervalOf, overlaps, perMilleAsPercent, truncationIntervalOf } from '../compare/interval.js';

/**
 * How one printed figure stands against the primary source: the same value; within the
 * rounding of either; only if one of them was truncated rather than rounded (for the comparison
 * a weak agreement, not an error); or wrong.
 */
export type Standing = 'exact' | 'rounding' | 'truncation' | 'wrong';

export interface ClaimStanding {
  claimId: string;
  articleId: string;
  standing: Standing;
  /** The figure is in another unit than the source's (percent where the filing gives points). */
  unitDiffers?: boolean;
}

export interface AgainstSource {
  source: PrimarySource;
  /** One per claim of the finding, in the finding's order. */
  claims: ClaimStanding[];
  /** Articles printing a figure the source contradicts, in the finding's order. */
  wrongArticleIds: string[];
  /** Articles whose every figure agrees with the source. */
  rightArticleIds: string[];
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** One figure against the source's. */
export function standingOf(c: Pick<Claim, 'value' | 'precision' | 'qualifier' | 'unit'>, source: Pick<PrimarySource, 'value' | 'precision' | 'unit'>): Pick<ClaimStanding, 'standing' | 'unitDiffers'> {
  const truth = perMilleAsPercent({ value: source.value, precision: source.precision, unit: source.unit, qualifier: 'exact' as const });
  const printed = perMilleAsPercent(c);
  if (printed.unit !== truth.unit) return { standing: 'wrong', unitDiffers: true };
  if (printed.qualifier === 'exact' && near(printed.value, truth.value)) return { standing: 'exact' };
  if (overlaps(intervalOf(printed), intervalOf(truth))) return { standing: 'rounding' };
  // As in the comparison, either figure may be the truncated one (a filing rounds down too).
  const truncated = (c: typeof printed) => (c.qualifier === 'exact' ? truncationIntervalOf(c) : intervalOf(c));
  if (overlaps(truncated(printed), truncated(truth))) return { standing: 'truncation' };
  return { standing: 'wrong' };
}

/** The finding's figures against the review's primary source; undefined when none is recorded. */
export function againstSource(f: Pick<Finding, 'claimIds'>, review: Pick<Review, 'primarySource'> | undefined, claims: Map<string, Claim>): AgainstSource | undefined {
  const source = review?.primarySource;
  if (!source) return undefined;
  const out: ClaimStanding[] = [];
  for (const id of f.claimIds) {
    const c = claims.get(id);
    if (c) out.push({ claimId: c.id, articleId: c.articleId, ...standingOf(c, source) });
  }
  const articles = [...new Set(out.map((s) => s.articleId))];
  const wrong = new Set(out.filter((s) => s.standing === 'wrong').map((s) => s.articleId));
  return { source, claims: out, wrongArticleIds: articles.filter((a) => wrong.has(a)), rightArticleIds: articles.filter((a) => !wrong.has(a)) };
}

/** Units a source's figure may be given in for this finding: those its claims use, with ‰ and % interchangeable. */
export function comparableUnits(claims: Array<Pick<Claim, 'unit'>>): Set<string> {
  const units = new Set(claims.map((c) => c.unit));
  if (units.has('%') || units.has('‰')) units.add('%').add('‰');
  // A change may be stated in percent or in points: the filing decides which was meant.
  if (units.has('%') || units.has('pp')) units.add('%').add('pp');
  return units;
}
