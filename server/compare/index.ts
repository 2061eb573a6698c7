// Compare: the verdict on one aligned fact. consistent when every source prints the same
// value; rounding when the intervals the printed values stand for share a point;
// discrepancy when they do not. Every finding says why in plain words.
import { createHash } from 'node:crypto';
import type { Article, Claim, Finding, Severity } from '../types.js';
import type { Group } from '../align/index.js';
import { groupBy } from '../group-by.js';
import { agreeWithoutEach, commonPoint, intervalOf, overlaps, perMilleAsPercent, truncationIntervalOf } from './interval.js';
import { describeFact, formatStep, formatValue, quoteOf, sourceName } from './format.js';
import { alignmentOf, alignmentWords } from '../align/index.js';

export { intervalOf, truncationIntervalOf, commonPoint, agreeWithoutEach } from './interval.js';
export { formatValue, formatStep, describeFact, metricName, subjectName, sourceName } from './format.js';

export const findingIdFor = (key: string) => 'f' + createHash('sha256').update(key).digest('hex').slice(0, 12);

interface Side {
  articleId: string;
  claims: Claim[];
  /** The claim that speaks for this article: its most precise one. */
  main: Claim;
}

function sidesOf(claims: Claim[]): Side[] {
  return [...groupBy(claims, (c) => c.articleId).entries()].map(([articleId, cs]) => ({
    articleId,
    claims: cs,
    main: [...cs].sort((a, b) => a.precision - b.precision)[0]!,
  }));
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** A likely cause for two disagreeing values, when one fits. */
export function causeOf(a: Claim, b: Claim): { cause: string; words: string } | undefined {
  if (a.unit !== b.unit && ((a.unit === '%' && b.unit === 'pp') || (a.unit === 'pp' && b.unit === '%')))
    return { cause: 'percent-vs-points', words: 'one source gives the change in percent, the other in percentage points; a change in a rate should be in points' };
  if (a.value !== 0 && b.value !== 0 && Math.sign(a.value) !== Math.sign(b.value) && overlaps(intervalOf({ ...a, value: Math.abs(a.value) }), intervalOf({ ...b, value: Math.abs(b.value) })))
    return { cause: 'sign', words: 'the same size of change in opposite directions: a rise read as a fall or the reverse' };
  const [small, big] = Math.abs(a.value) < Math.abs(b.value) ? [a, b] : [b, a];
  for (const [k, words] of [
    [10, 'a tenfold gap: 亿 (100 million) read as billion, or a misplaced decimal'],
    [1000, 'a thousandfold gap: million written as billion, or thousand as million'],
    [10000, 'a ten-thousandfold gap: 万 read as million or 亿 as 万'],
    [100, 'a hundredfold gap: a misplaced decimal, or cents read as dollars'],
  ] as const) {
    const scaled = { ...small, value: small.value * k, precision: small.precision * k };
    if (overlaps(intervalOf(scaled), intervalOf(big))) return { cause: k === 10 ? 'tenfold' : k === 1000 ? 'thousandfold' : `${k}fold`, words };
  }
  return undefined;
}

function severityOf(values: number[], cause?: string): Severity {
  if (cause) return 'high';
  const lo = Math.min(...values.map(Math.abs));
  const hi = Math.max(...values.map(Math.abs));
  const rel = hi === 0 ? 0 : (hi - lo) / hi;
  return rel >= 0.1 ? 'high' : rel >= 0.01 ? 'medium' : 'low';
}

function gapWords(a: Claim, b: Claim): string {
  const diff = Math.abs(a.value - b.value);
  if (a.unit === '%' || a.unit === 'pp') return `${diff.toFixed(Math.max(2, decimalsOf(a), decimalsOf(b))).replace(/0+$/, '').replace(/\.$/, '')} points apart`;
  return `${formatValue(diff, a.unit)} apart`;
}
const decimalsOf = (c: Claim) => Math.max(0, -Math.floor(Math.log10(c.precision) + 1e-9));

function readingOf(c: Claim): string {
  const q = c.qualifier;
  const stands =
    q === 'approx' ? 'is approximate' : q === 'lower' ? `is a lower bound (${c.qualifierWord ?? 'more than'})` : q === 'upper' ? `is an upper bound (${c.qualifierWord ?? 'nearly'})` : `is printed to ${formatStep(c.precision, c.unit)}`;
  const [lo, hi] = intervalOf(c, true);
  if (!Number.isFinite(hi)) return `${quoteOf(c)} ${stands}, so it stands for ${formatValue(lo, c.unit)} or more`;
  if (!Number.isFinite(lo)) return `${quoteOf(c)} ${stands}, so it stands for ${formatValue(hi, c.unit)} or less`;
  return `${quoteOf(c)} ${stands}, so it stands for ${formatValue(lo, c.unit)} to ${formatValue(hi, c.unit)}`;
}

/**
 * ‰ figures compared with % figures are scaled to percent (6.39‰ = 0.639%); a dividend per ten
 * shares compared with per-share figures is scaled to one share (19.72 per 10 = 1.972 per share).
 */
function comparable(claims: Claim[]): Claim[] {
  const perTen = (c: Claim) => /^([A-Z]{3})\/(\d+) shares$/.exec(c.unit);
  if (claims.some(perTen) && claims.some((c) => !perTen(c)))
    claims = claims.map((c) => {
      const m = perTen(c);
      return m ? { ...c, value: c.value / +m[2]!, precision: c.precision / +m[2]!, unit: `${m[1]}/share` } : c;
    });
  if (!claims.some((c) => c.unit === '‰') || !claims.some((c) => c.unit === '%')) return claims;
  return claims.map(perMilleAsPercent);
}

export function compareGroup(group: Group, articles: Map<string, Pick<Article, 'title' | 'publisher'> & Partial<Pick<Article, 'url'>>>): Finding {
  const sides = sidesOf(group.claims);
  const printed = sides.map((s) => s.main);
  const mains = comparable(printed);
  const alignment = group.alignment ?? alignmentOf(group.claims);
  const why = group.alignment
    ? `Shown together because ${sides.length} sources print this figure for ${describeFact(group.fact)}, though ${alignment.inferred.join('; ')}: an agreement worth seeing, never flagged as a discrepancy.`
    : `Compared because all ${sides.length} sources give ${describeFact(group.fact)}. ${alignmentWords(alignment)}`;
  const name = (id: string) => sourceName(articles.get(id), id);
  const base = {
    id: findingIdFor(group.key),
    key: group.key,
    fact: group.fact,
    claimIds: group.claims.map((c) => c.id),
    alignment,
  };
  const units = new Set(mains.map((c) => c.unit));
  const allEqual = units.size === 1 && mains.every((c) => near(c.value, mains[0]!.value));
  if (allEqual && mains.every((c) => c.qualifier === 'exact' || c.qualifier === mains[0]!.qualifier)) {
    return { ...base, verdict: 'consistent', severity: 'none', explanation: `${why} Every source prints ${formatValue(mains[0]!.value, mains[0]!.unit)}.` };
  }
  const agree = units.size === 1 && commonPoint(mains.map((c) => intervalOf(c)));
  if (agree) {
    const detail = mains.filter((c) => c.qualifier !== 'exact' || c.precision > Math.min(...mains.map((m) => m.precision))).map(readingOf);
    return { ...base, verdict: 'rounding', severity: 'none', explanation: `${why} ${mains.map(quoteOf).join(' and ')} agree within rounding: ${detail.join('; ')}.` };
  }
  // Truncation is a weaker agreement: say so, but do not flag it.
  if (units.size === 1 && commonPoint(mains.map((c) => (c.qualifier === 'exact' ? truncationIntervalOf(c) : intervalOf(c))))) {
    return { ...base, verdict: 'rounding', severity: 'low', explanation: `${why} ${mains.map(quoteOf).join(' and ')} agree only if the shorter figure was truncated rather than rounded.` };
  }
  // Discrepancy. With three or more sources, an outlier is a source whose removal lets the rest agree.
  let outliers: Side[] = [];
  if (sides.length >= 3) {
    const agree = agreeWithoutEach(sides.map((s) => intervalOf(s.main)), sides.map((s) => s.main.unit));
    outliers = sides.filter((_, i) => agree[i]);
    if (outliers.length !== 1) outliers = [];
  }
  const odd = outliers[0]?.main ?? mains[0]!;
  const other = outliers.length ? sides.find((s) => s !== outliers[0])!.main : mains[1]!;
  const perMille = printed.some((c) => c.unit === '‰') && printed.some((c) => c.unit === '%');
  const cause = perMille && odd.value !== 0 && near(Math.abs(odd.value / other.value), 10) || perMille && near(Math.abs(other.value / odd.value), 10)
    ? { cause: 'percent-vs-permille', words: 'one source gives the rate in percent where the others give it per thousand (‰): the same digits, ten times apart' }
    : causeOf(odd, other);
  const pair = `${formatValue(odd.value, odd.unit)} vs ${formatValue(other.value, other.unit)}`;
  let text = `${why} ${pair}: `;
  if (cause?.cause === 'percent-vs-points') text += `${cause.words}.`;
  else {
    text += `${gapWords(odd, other)}; ${readingOf(odd)}, and ${readingOf(other)}; neither can round to the other.`;
    if (cause) text += ` Likely cause: ${cause.words}.`;
  }
  if (outliers.length) text += ` ${name(outliers[0]!.articleId)} is the outlier: the other sources agree with each other.`;
  if (group.against) text += ` ${name(group.against.articleId)} contradicts itself: it also gives ${quoteOf(group.against)} for this fact.`;
  return {
    ...base,
    verdict: 'discrepancy',
    severity: severityOf(mains.map((c) => c.value), cause?.cause),
    explanation: text,
    cause: cause?.cause,
    outlierArticleIds: outliers.length ? [outliers[0]!.articleId] : undefined,
  };
}
